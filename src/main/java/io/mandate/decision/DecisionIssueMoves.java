package io.mandate.decision;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;

/**
 * Keeps a decision's project id right when Jira moves its issue to another project ({@code IssueEvent}
 * {@code ISSUE_MOVED}: same issue id, new project), so lists filtered by project find it in its new project at
 * once. A deleted issue or project is {@link DecisionIssueDeletes}'s; a re-keyed project keeps its id.
 */
@JiraComponent
public class DecisionIssueMoves extends EventSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionIssueMoves.class);

    private final DecisionStore store;

    @Inject
    public DecisionIssueMoves(@ComponentImport EventPublisher publisher, DecisionStore store) {
        super(publisher);
        this.store = store;
    }

    @EventListener
    public void onIssueEvent(IssueEvent event) {
        Issue issue = event.getIssue();
        if (!EventType.ISSUE_MOVED_ID.equals(event.getEventTypeId()) || issue == null || issue.getId() == null
                || issue.getProjectId() == null) {
            return;
        }
        store.updateProjectId(issue.getId(), issue.getProjectId());
        LOG.debug("Issue {} moved: its decision, if any, is now in project {}", issue.getKey(), issue.getProjectId());
    }
}
