package io.mandate.decision;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.EventSubscriber;
import io.mandate.platform.IssueAccess;

import javax.inject.Inject;

/**
 * What follows a committed decision change ({@link DecisionChanged}): Jira re-indexes the issue, so the "Decision owner"
 * field search follows. Runs after the commit, so a failure here is logged and never undoes or fails the change. (The
 * decision's people are not told from here: the write queues a {@link Notice} in its own transaction and the
 * {@link NotificationJob} sends it.)
 */
@JiraComponent
public class DecisionReactions extends EventSubscriber {

    private final IssueAccess issues;

    @Inject
    public DecisionReactions(@ComponentImport EventPublisher publisher, IssueAccess issues) {
        super(publisher);
        this.issues = issues;
    }

    @EventListener
    public void onDecisionChanged(DecisionChanged change) {
        issues.reindex(change.issue());
    }
}
