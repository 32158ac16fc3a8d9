package io.mandate.decision;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.EventSubscriber;
import io.mandate.platform.IssueAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;

/**
 * What follows a committed decision change ({@link DecisionChanged}): Jira re-indexes the issue (so the
 * "Decision owner" field search follows) and the decision's people are told of an outcome. Runs after
 * the commit, so a failure here is logged and never undoes or fails the change.
 */
@JiraComponent
public class DecisionReactions extends EventSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionReactions.class);

    private final IssueAccess issues;
    private final DecisionNotifier notifier;

    @Inject
    public DecisionReactions(@ComponentImport EventPublisher publisher, IssueAccess issues, DecisionNotifier notifier) {
        super(publisher);
        this.issues = issues;
        this.notifier = notifier;
    }

    @EventListener
    public void onDecisionChanged(DecisionChanged change) {
        issues.reindex(change.issue());
        if (change.deleted()) {
            return;
        }
        Decision saved = change.after().orElseThrow();
        try {
            notifier.decisionSaved(change.issue(), change.before().map(Decision::status), saved, change.author());
        } catch (RuntimeException e) {
            LOG.warn("Decision {} was saved as {}, but its notifications could not be sent", change.issue().key(),
                    saved.status(), e);
        }
    }
}
