package io.mandate.decision;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.AuditLog;
import io.mandate.platform.EventSubscriber;
import io.mandate.platform.People;

import javax.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * Writes a committed decision's change of approver or status to the product's audit log ({@link AuditLog}),
 * where admins look for permission-like changes. One entry per changed field: object {@code decision}, id the
 * issue id, name the issue key; the approver as user names (a user the directory no longer knows by key shows
 * as the key). A new decision changes both from nothing; a deleted one changes its status to nothing. Other
 * fields (driver, outcome, …) stay in Mandate's own history only. A decision that went with its deleted issue
 * (no {@link DecisionChanged}) is recorded by {@link #removedWithIssue}: its status to nothing, under its own summary.
 */
@JiraComponent
public class DecisionAuditLog extends EventSubscriber {

    static final String APPROVER_KEY = "mandate.audit.decision.approver";
    static final String STATUS_KEY = "mandate.audit.decision.status";
    static final String REMOVED_WITH_ISSUE_KEY = "mandate.audit.decision.removedWithIssue";
    static final String OBJECT_TYPE = "decision";

    private final AuditLog auditLog;
    private final People people;

    @Inject
    public DecisionAuditLog(@ComponentImport EventPublisher publisher, AuditLog auditLog, People people) {
        super(publisher);
        this.auditLog = auditLog;
        this.people = people;
    }

    @EventListener
    public void onDecisionChanged(DecisionChanged change) {
        String approverBefore = change.before().map(Decision::approverKey).orElse(null);
        String approverAfter = change.after().map(Decision::approverKey).orElse(null);
        if (change.after().isPresent() && !Objects.equals(approverBefore, approverAfter)) {
            record(change, APPROVER_KEY, new AuditLog.Change("approver", name(approverBefore), name(approverAfter)));
        }
        String statusBefore = change.before().map(d -> d.status().name()).orElse(null);
        String statusAfter = change.after().map(d -> d.status().name()).orElse(null);
        if (!Objects.equals(statusBefore, statusAfter)) {
            record(change, STATUS_KEY, new AuditLog.Change("status", statusBefore, statusAfter));
        }
    }

    /**
     * Records that the decision of a deleted issue was removed with it: its status to nothing, so the product's
     * audit log, which showed the decision's status and approver changes, also shows where the decision went.
     */
    public void removedWithIssue(long issueId, String issueKey, Decision removed) {
        auditLog.record(new AuditLog.Entry(REMOVED_WITH_ISSUE_KEY, OBJECT_TYPE, Long.toString(issueId), issueKey,
                List.of(new AuditLog.Change("status", removed.status().name(), null))));
    }

    private void record(DecisionChanged change, String summaryKey, AuditLog.Change field) {
        auditLog.record(new AuditLog.Entry(summaryKey, OBJECT_TYPE, Long.toString(change.issue().id()),
                change.issue().key(), List.of(field)));
    }

    private String name(String userKey) {
        return people.nameOf(userKey);
    }
}
