package io.mandate.decision;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.ProjectDeletedEvent;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * A decision goes with its issue. When Jira deletes an issue ({@code IssueEvent} {@code ISSUE_DELETED}) or a whole
 * project ({@code ProjectDeletedEvent}: Jira deletes the project's issues without issue events), the decisions
 * of those issues are removed ({@link DecisionService#removeWithIssue}), so they stop counting where nobody can
 * see or change them: a domain's "decisions recorded in it", the admin page's counts, reports. Their audit
 * trails stay, with an entry saying so; the product's audit log gets one entry per removed decision
 * ({@link DecisionAuditLog#removedWithIssue}); nobody is notified.
 *
 * <p>The author of the audit entries is the user who deleted the issue or project, or {@link #SYSTEM_AUTHOR}
 * when the event has none (a delete by the system or a script). Runs after Jira's delete has committed; a
 * failure is logged and leaves the row as before this listener existed (invisible, but counted).
 */
@JiraComponent
public class DecisionIssueDeletes extends EventSubscriber {

    /**
     * The author key of audit entries for a delete the event names no user for. Not a user: Jira makes user keys
     * from usernames or as {@code JIRAUSER<n>}; history shows an unknown key as it is.
     */
    public static final String SYSTEM_AUTHOR = "mandate:system";

    private static final Logger LOG = LoggerFactory.getLogger(DecisionIssueDeletes.class);

    private final DecisionService decisions;
    private final DecisionAuditLog auditLog;

    @Inject
    public DecisionIssueDeletes(@ComponentImport EventPublisher publisher, DecisionService decisions,
                                DecisionAuditLog auditLog) {
        super(publisher);
        this.decisions = decisions;
        this.auditLog = auditLog;
    }

    @EventListener
    public void onIssueEvent(IssueEvent event) {
        Issue issue = event.getIssue();
        if (!EventType.ISSUE_DELETED_ID.equals(event.getEventTypeId()) || issue == null || issue.getId() == null) {
            return;
        }
        try {
            Optional<Decision> removed = decisions.removeWithIssue(issue.getId(), issue.getKey(), author(event.getUser()));
            removed.ifPresent(d -> {
                auditLog.removedWithIssue(issue.getId(), issue.getKey(), d);
                LOG.debug("Issue {} deleted: its decision ({}) was removed with it", issue.getKey(), d.status());
            });
        } catch (RuntimeException e) {
            LOG.warn("Issue {} was deleted, but its decision could not be removed", issue.getKey(), e);
        }
    }

    @EventListener
    public void onProjectDeleted(ProjectDeletedEvent event) {
        Long projectId = event.getId();
        if (projectId == null) {
            return;
        }
        try {
            List<Decision> removed = decisions.removeWithProject(projectId, author(event.getUser()));
            for (Decision d : removed) {
                auditLog.removedWithIssue(d.issueId(), d.issueKey(), d);
            }
            LOG.info("Project {} deleted: {} decision(s) removed with its issues", event.getKey(), removed.size());
        } catch (RuntimeException e) {
            LOG.warn("Project {} was deleted, but the decisions of its issues could not all be removed", event.getKey(), e);
        }
    }

    private static String author(ApplicationUser user) {
        return user == null || user.getKey() == null ? SYSTEM_AUTHOR : user.getKey();
    }
}
