// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/permission/ProjectPermissions.html
// The real class is "public class ProjectPermissions" (NOT final) with a public no-arg constructor; only three of its
// constants are declared here.
package com.atlassian.jira.permission;

import com.atlassian.jira.security.plugin.ProjectPermissionKey;

/** Keys of Jira's built-in project permissions. */
public class ProjectPermissions {
    public static final ProjectPermissionKey ADMINISTER_PROJECTS = new ProjectPermissionKey("ADMINISTER_PROJECTS");
    public static final ProjectPermissionKey BROWSE_PROJECTS = new ProjectPermissionKey("BROWSE_PROJECTS");
    public static final ProjectPermissionKey EDIT_ISSUES = new ProjectPermissionKey("EDIT_ISSUES");
}
