// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/security/PermissionManager.html
// Review 2026-11-24: the two hasPermission overloads and getProjects are checked against Jira's public source of
// com/atlassian/jira/security/PermissionManager.java (code corpus, @since v6.3 forms): boolean hasPermission(@Nonnull
// ProjectPermissionKey, @Nonnull Issue, @Nullable ApplicationUser), boolean hasPermission(@Nonnull ProjectPermissionKey,
// @Nonnull Project, @Nullable ApplicationUser), Collection<Project> getProjects(@Nonnull ProjectPermissionKey,
// @Nullable ApplicationUser); no checked exceptions. The real interface extends JiraManager (omitted).
package com.atlassian.jira.security;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Collection;

/** Jira's service for checking project and issue permissions. */
public interface PermissionManager {
    boolean hasPermission(ProjectPermissionKey permissionKey, Issue issue, ApplicationUser user);

    boolean hasPermission(ProjectPermissionKey permissionKey, Project project, ApplicationUser user);

    /** Checked: "getProjects(ProjectPermissionKey permissionKey, ApplicationUser user) — Retrieve a list of project objects this user has the permission for". */
    Collection<Project> getProjects(ProjectPermissionKey permissionKey, ApplicationUser user);
}
