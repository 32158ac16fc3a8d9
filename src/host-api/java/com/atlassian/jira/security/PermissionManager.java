// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/security/PermissionManager.html
// unverified: the two hasPermission overloads were not in the retrieved excerpt (they are the documented non-deprecated forms).
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
