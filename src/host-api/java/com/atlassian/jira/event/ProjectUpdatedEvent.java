// Checked against the Jira source com/atlassian/jira/event/ProjectUpdatedEvent.java (@PublicApi class, since 6.0):
// constructor (ApplicationUser user, Project project, Project oldProject), getOldProject(); dispatched by
// ProjectEventManager.dispatchProjectUpdated(user, newProject, oldProject) — also when the key changes.
package com.atlassian.jira.event;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Objects;

/** A project was updated (name, key, …): {@link #getProject()} as it is now, {@link #getOldProject()} as it was. */
public class ProjectUpdatedEvent extends AbstractProjectEvent {
    private final Project oldProject;

    public ProjectUpdatedEvent(ApplicationUser user, Project project, Project oldProject) {
        super(user, project);
        this.oldProject = Objects.requireNonNull(oldProject, "oldProject must not be null");
    }

    public Project getOldProject() {
        return oldProject;
    }
}
