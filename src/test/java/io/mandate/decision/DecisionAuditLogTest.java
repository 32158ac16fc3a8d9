package io.mandate.decision;

import com.atlassian.event.api.EventPublisher;
import io.mandate.platform.AuditLog;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A committed decision change writes one audit entry per changed approver or status, with user names. */
public class DecisionAuditLogTest {

    private static final IssueRef ISSUE = new IssueRef(10014L, "DEMO-15", "Decommission the legacy reporting cluster",
            10000L, "DEMO", "Epic", List.of(), List.of());
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");

    private AuditLog auditLog;
    private DecisionAuditLog subscriber;

    @Before
    public void setUp() {
        auditLog = mock(AuditLog.class);
        UserDirectory users = mock(UserDirectory.class);
        when(users.byKey(anyString())).thenReturn(Optional.empty());
        for (Person p : List.of(ALICE, CAROL, BOB)) {
            when(users.byKey(p.key())).thenReturn(Optional.of(p));
        }
        subscriber = new DecisionAuditLog(mock(EventPublisher.class), auditLog, new People(users));
    }

    private static Decision decision(DecisionStatus status, String approverKey, String outcome) {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        return new Decision(ISSUE.id(), ISSUE.projectId(), ISSUE.key(), "DEMO", status, ALICE.key(), approverKey,
                List.of(), List.of(), null, outcome, null, null, t, t, 1);
    }

    private List<AuditLog.Entry> recorded(int count) {
        ArgumentCaptor<AuditLog.Entry> entries = ArgumentCaptor.forClass(AuditLog.Entry.class);
        verify(auditLog, times(count)).record(entries.capture());
        return entries.getAllValues();
    }

    private void change(Decision before, Decision after) {
        subscriber.onDecisionChanged(new DecisionChanged(ISSUE, Optional.ofNullable(before), Optional.ofNullable(after), ALICE));
    }

    @Test
    public void aNewApproverIsRecordedWithUserNames() {
        change(decision(DecisionStatus.OPEN, CAROL.key(), null), decision(DecisionStatus.OPEN, BOB.key(), null));
        AuditLog.Entry entry = recorded(1).get(0);
        assertEquals("mandate.audit.decision.approver", entry.summaryKey());
        assertEquals("decision", entry.objectType());
        assertEquals("10014", entry.objectId());
        assertEquals("DEMO-15", entry.objectName());
        assertEquals(List.of(new AuditLog.Change("approver", "carol", "bob")), entry.changes());
    }

    @Test
    public void aNewStatusIsRecorded() {
        change(decision(DecisionStatus.IN_PROGRESS, CAROL.key(), null), decision(DecisionStatus.DECIDED, CAROL.key(), "Go"));
        AuditLog.Entry entry = recorded(1).get(0);
        assertEquals("mandate.audit.decision.status", entry.summaryKey());
        assertEquals(List.of(new AuditLog.Change("status", "IN_PROGRESS", "DECIDED")), entry.changes());
    }

    @Test
    public void bothChangedAreTwoEntries() {
        change(decision(DecisionStatus.OPEN, CAROL.key(), null), decision(DecisionStatus.DEFERRED, null, null));
        List<AuditLog.Entry> entries = recorded(2);
        assertEquals(List.of(new AuditLog.Change("approver", "carol", null)), entries.get(0).changes());
        assertEquals(List.of(new AuditLog.Change("status", "OPEN", "DEFERRED")), entries.get(1).changes());
    }

    @Test
    public void otherFieldsAreNotTheAuditLogsBusiness() {
        change(decision(DecisionStatus.DECIDED, CAROL.key(), "Go"), decision(DecisionStatus.DECIDED, CAROL.key(), "Go now"));
        verify(auditLog, never()).record(any());
    }

    @Test
    public void creationChangesApproverAndStatusFromNothing() {
        change(null, decision(DecisionStatus.OPEN, CAROL.key(), null));
        List<AuditLog.Entry> entries = recorded(2);
        assertEquals(List.of(new AuditLog.Change("approver", null, "carol")), entries.get(0).changes());
        assertEquals(List.of(new AuditLog.Change("status", null, "OPEN")), entries.get(1).changes());
    }

    @Test
    public void creationWithoutApproverRecordsOnlyTheStatus() {
        change(null, decision(DecisionStatus.OPEN, null, null));
        assertEquals("mandate.audit.decision.status", recorded(1).get(0).summaryKey());
    }

    @Test
    public void deletionChangesTheStatusToNothing() {
        change(decision(DecisionStatus.DECIDED, CAROL.key(), "Go"), null);
        AuditLog.Entry entry = recorded(1).get(0);
        assertEquals("mandate.audit.decision.status", entry.summaryKey());
        assertEquals(List.of(new AuditLog.Change("status", "DECIDED", null)), entry.changes());
    }

    @Test
    public void anApproverTheDirectoryNoLongerKnowsShowsAsTheKey() {
        change(decision(DecisionStatus.OPEN, "k-gone", null), decision(DecisionStatus.OPEN, BOB.key(), null));
        assertEquals(List.of(new AuditLog.Change("approver", "k-gone", "bob")), recorded(1).get(0).changes());
    }
}
