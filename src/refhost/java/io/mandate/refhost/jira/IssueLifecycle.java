package io.mandate.refhost.jira;

import com.atlassian.jira.event.ProjectDeletedEvent;
import com.atlassian.jira.event.ProjectUpdatedEvent;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.user.ApplicationUser;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.World;
import io.mandate.refhost.world.WorldChanges;


import java.util.Map;
import java.util.Optional;

/**
 * What Jira users and administrators do to projects and issues at run time, with Jira's permission checks and
 * Jira's events, for the host's REST and pages:
 * <ul>
 *     <li>create an issue: Browse + Create issues in the project (+ Set issue security for a level) → {@code ISSUE_CREATED};</li>
 *     <li>delete an issue: see the issue + Delete issues → {@code IssueEvent} {@code ISSUE_DELETED} with the issue as it was;</li>
 *     <li>move an issue: see it + Move issues in its project, Browse + Create issues in the target → {@code ISSUE_MOVED}
 *         with the issue as it is now (same id, new key);</li>
 *     <li>create, update (re-key, rename) and delete a project: Jira administrators
 *         → {@code ProjectUpdatedEvent}, {@code ProjectDeletedEvent}; the issues of a deleted project go
 *         without issue events, as in Jira (its project deletion removes them with
 *         {@code IssueManager.deleteIssueNoEvent} and then publishes {@code ProjectDeletedEvent}).</li>
 * </ul>
 * A user who may not see the issue or project gets "not found"; one who sees it but may not act gets "forbidden".
 */
public final class IssueLifecycle {

    /** Why a change was refused, as the HTTP status Jira answers with and the field it is about. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String field;

        Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        /** The field the message is about, or null for the request as a whole. */
        public String field() {
            return field;
        }
    }

    private final World world;
    private final JiraAdapters jira;
    private final HostEvents events;

    public IssueLifecycle(World world, JiraAdapters jira, HostEvents events) {
        this.world = world;
        this.jira = jira;
        this.events = events;
    }

    public HostIssue createIssue(String actor, String projectKey, String summary, String issueType, Long securityLevelId) {
        HostProject project = visibleProject(actor, projectKey);
        require(actor, project, World.CREATE_ISSUES, "You do not have permission to create issues in this project.");
        if (securityLevelId != null) {
            require(actor, project, World.SET_ISSUE_SECURITY, "You do not have permission to set the issue security level.");
        }
        HostIssue created = change(() -> world.changes().createIssue(project.key(), summary, issueType, actor, securityLevelId));
        events.fire(new IssueEvent(jira.new RefIssue(created), Map.of(), user(actor), EventType.ISSUE_CREATED_ID));
        return created;
    }

    public void deleteIssue(String actor, String issueKey) {
        HostIssue issue = visibleIssue(actor, issueKey);
        require(actor, project(issue), World.DELETE_ISSUES, "You do not have permission to delete this issue.");
        JiraAdapters.RefIssue asItWas = jira.new RefIssue(issue);
        change(() -> {
            world.changes().deleteIssue(issue.id());
            return null;
        });
        events.fire(new IssueEvent(asItWas, Map.of(), user(actor), EventType.ISSUE_DELETED_ID));
    }

    public HostIssue moveIssue(String actor, String issueKey, String targetProjectKey) {
        HostIssue issue = visibleIssue(actor, issueKey);
        require(actor, project(issue), World.MOVE_ISSUES, "You do not have permission to move this issue.");
        HostProject target = visibleProject(actor, targetProjectKey);
        require(actor, target, World.CREATE_ISSUES, "You do not have permission to create issues in " + target.key() + ".");
        HostIssue moved = change(() -> world.changes().moveIssue(issue.id(), target.key()));
        events.fire(new IssueEvent(jira.new RefIssue(moved), Map.of(), user(actor), EventType.ISSUE_MOVED_ID));
        return moved;
    }

    public HostProject createProject(String actor, String key, String name, String lead) {
        requireAdmin(actor);
        return change(() -> world.changes().createProject(key, name, lead));
    }

    /** Changes the key and/or the name: Jira administrators only, as Jira's "Update project" REST call. */
    public HostProject updateProject(String actor, String key, String newKey, String newName) {
        HostProject before = visibleProject(actor, key);
        requireAdmin(actor);
        boolean rekey = newKey != null && !newKey.equals(before.key());
        HostProject after = change(() -> {
            HostProject p = rekey ? world.changes().changeProjectKey(before.key(), newKey) : before;
            return newName == null ? p : world.changes().renameProject(p.key(), newName);
        });
        events.fire(new ProjectUpdatedEvent(user(actor), JiraAdapters.project(after), JiraAdapters.project(before)));
        return after;
    }

    public void deleteProject(String actor, String key) {
        HostProject project = visibleProject(actor, key);
        requireAdmin(actor);
        change(() -> world.changes().deleteProject(project.key()));
        events.fire(new ProjectDeletedEvent(user(actor), JiraAdapters.project(project)));
    }

    // ---------------------------------------------------------------- checks

    private HostIssue visibleIssue(String actor, String issueKey) {
        Optional<HostIssue> issue = world.issue(issueKey).filter(i -> world.canBrowseIssue(actor, i));
        return issue.orElseThrow(() -> new Refused(404, null, "Issue Does Not Exist"));
    }

    private HostProject visibleProject(String actor, String key) {
        return world.project(key).filter(p -> world.hasProjectPermission(actor, p.key(), World.BROWSE_PROJECTS) || world.isAdmin(actor))
                .orElseThrow(() -> new Refused(404, "project", "No project could be found with key '" + key + "'."));
    }

    private HostProject project(HostIssue issue) {
        return world.project(issue.projectKey()).orElseThrow();
    }

    private void require(String actor, HostProject project, String permission, String message) {
        if (!world.hasProjectPermission(actor, project.key(), permission)) {
            throw new Refused(403, null, message);
        }
    }

    private void requireAdmin(String actor) {
        if (!world.isAdmin(actor)) {
            throw new Refused(403, null, "You must have global administrator rights in order to modify projects.");
        }
    }

    /** Runs a change of the world; its validation messages ("field: text") become 400s naming the field. */
    private static <T> T change(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "Invalid request." : e.getMessage();
            int colon = message.indexOf(": ");
            throw colon > 0 ? new Refused(400, message.substring(0, colon), message.substring(colon + 2))
                    : new Refused(400, null, message);
        }
    }

    private ApplicationUser user(String actor) {
        return jira.userManager().getUserByName(actor);
    }

}
