// Checked against the decompiled Confluence 8.7.2 source (code corpus: public class Page extends AbstractPage) and
// PagePermissionsDelegate.canCreate(User, Object container) of the same source: creating a Page in a Space needs the
// VIEWSPACE and EDITSPACE permissions. The plugin uses only the class literal (PermissionManager.hasCreatePermission),
// so no member and no supertype is declared.
package com.atlassian.confluence.pages;

/** A Confluence page. */
public class Page {
}
