// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/9.2.4/com/atlassian/confluence/user/package-tree.html
// (ConfluenceUser is the interface ConfluenceUserImpl implements; "Describing a Confluence user.") and the decompiled
// 8.7.2 UserAccessor (code corpus), which returns it. Its supertypes (com.atlassian.user.User, Serializable) are
// left out. Declared without supertypes or members: the plugin only passes it from UserAccessor to
// PermissionManager; the reference host implements it.
package com.atlassian.confluence.user;

/** A Confluence user, as Confluence's permission checks take one. */
public interface ConfluenceUser {
}
