// Checked against https://docs.atlassian.com/jira/server/com/atlassian/jira/security/groups/GroupManager.html
// (the Jira 7+ interface: ApplicationUser-based, getUsersInGroup / getUserNamesInGroup / getDirectUsersInGroup ...).
// Review 2026-11-24: the page lists Collection<ApplicationUser> getDirectUsersInGroup(Group) in the same family; the
// String overload is what ScriptRunner REST endpoint examples call (groupManager.getUsersInGroup(GROUP_NAME), reading
// key/displayName). unverified: the retrieved excerpt ends before the getUsersInGroup rows; Collection<ApplicationUser>
// getUsersInGroup(String groupName) is the form public plugin code calls (ComponentAccessor.getGroupManager()
// .getUsersInGroup(name), reading getKey()/getDisplayName() of the results). Members include nested groups' users and,
// depending on the version, inactive users; callers filter on ApplicationUser.isActive().
package com.atlassian.jira.security.groups;

import com.atlassian.jira.user.ApplicationUser;

import java.util.Collection;

// 2026-12-02: Collection<String> getGroupNamesForUser(ApplicationUser user) "@since v6.2.5" checked against the
// source of com/atlassian/jira/security/groups/GroupManager.java (find_string "getGroupNamesForUser(ApplicationUser",
// javadoc "all the groups that the given user belongs to"), and against public plugins calling it with an ApplicationUser.

/** Jira's group service; the plugin expands a group into its members and asks which groups a user is in. */
public interface GroupManager {
    Collection<ApplicationUser> getUsersInGroup(String groupName);

    Collection<String> getGroupNamesForUser(ApplicationUser user);
}
