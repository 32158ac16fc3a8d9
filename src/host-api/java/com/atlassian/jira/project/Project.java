// unverified: Project page not retrieved; members (getId() Long, getKey(), getName()) from the Issue/PermissionManager pages' usage
// (https://docs.atlassian.com/jira/latest/com/atlassian/jira/security/PermissionManager.html). Real interface has many more members and supertypes.
package com.atlassian.jira.project;

/** A Jira project. */
public interface Project {
    Long getId();

    String getKey();

    String getName();
}
