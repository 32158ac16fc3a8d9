// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/Issue.html (Collection<ProjectComponent> getComponents());
// unverified: ProjectComponent page itself (getId() Long, getName()) was not retrieved.
package com.atlassian.jira.bc.project.component;

/** A component of a Jira project. */
public interface ProjectComponent {
    Long getId();

    String getName();
}
