// Checked against the Jira source com/atlassian/jira/event/ProjectDeletedEvent.java (@PublicApi final class, since 5.1):
// constructor (ApplicationUser user, Project oldProject), getId() = getProject().getId(), getKey() = getProject().getKey().
package com.atlassian.jira.event;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

/** A project was deleted; {@link #getProject()} is the project as it was. Jira deletes its issues without issue events. */
public final class ProjectDeletedEvent extends AbstractProjectEvent {
    public ProjectDeletedEvent(ApplicationUser user, Project oldProject) {
        super(user, oldProject);
    }

    public Long getId() {
        return getProject().getId();
    }

    public String getKey() {
        return getProject().getKey();
    }
}
