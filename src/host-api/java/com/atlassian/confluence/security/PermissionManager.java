// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/9.5.2/com/atlassian/confluence/security/PermissionManager.html
// and 9.4.0, 8.9.3, 8.8.0 of the same page (since 8.8 the interface takes ConfluenceUser, the com.atlassian.user.User
// forms remain as deprecated defaults), the decompiled Confluence 8.7.2 source (code corpus: hasPermission(User,
// Permission, Object), hasCreatePermission(User, Object, Class<?>), both @Transactional(readOnly=true)), and
// developer.atlassian.com/server/confluence/how-do-i-tell-if-a-user-has-permission-to/. Atlassian's own
// confluence-slack-integration (release-2.x, Confluence 9.0.3) calls hasPermission(ConfluenceUser, Permission, Space).
// unverified: the ConfluenceUser row of hasPermission / hasCreatePermission itself in a 9.x method table (the search
// shows only the table's first rows, the getPermittedEntities family, which takes ConfluenceUser).
// Only the two members the plugin calls are declared.
package com.atlassian.confluence.security;

import com.atlassian.confluence.user.ConfluenceUser;

/**
 * Confluence's permission checks. For a space: {@code hasPermission(user, Permission.VIEW, space)} is the space's
 * view permission; {@code hasCreatePermission(user, space, Page.class)} is "may add pages" (view and edit space
 * permissions). {@code Permission.EDIT} on a space means administering it (set space permissions), not editing.
 */
public interface PermissionManager {

    /** Whether the user (null = anonymous) has the permission on the target; false for a null target. */
    boolean hasPermission(ConfluenceUser user, Permission permission, Object target);

    /** Whether the user (null = anonymous) may create an object of the type in the container (a page in a space). */
    boolean hasCreatePermission(ConfluenceUser user, Object container, Class<?> typeToCreate);
}
