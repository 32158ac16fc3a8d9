// Checked against the Jira source of com.atlassian.jira.event.AbstractProjectEvent ("implements ProjectRelatedEvent",
// @Override getProject()). unverified: the interface's own page was not retrieved.
package com.atlassian.jira.event;

import com.atlassian.jira.project.Project;

/** An event about a project. */
public interface ProjectRelatedEvent {
    Project getProject();
}
