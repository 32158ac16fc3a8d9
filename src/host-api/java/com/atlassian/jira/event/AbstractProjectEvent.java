// Checked against the Jira source com/atlassian/jira/event/AbstractProjectEvent.java (@PublicApi, since 6.1):
// constructor (ApplicationUser user, Project project) with project non-null, getProject(), getUser().
package com.atlassian.jira.event;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Objects;

/** Something that happened to a project; the user is who did it (null for the system). */
public abstract class AbstractProjectEvent extends AbstractEvent implements ProjectRelatedEvent {
    private final ApplicationUser user;
    private final Project project;

    public AbstractProjectEvent(ApplicationUser user, Project project) {
        this.user = user;
        this.project = Objects.requireNonNull(project, "project must not be null");
    }

    @Override
    public Project getProject() {
        return project;
    }

    public ApplicationUser getUser() {
        return user;
    }
}
