package io.mandate.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
import org.junit.Before;
import org.junit.Test;
import org.mockito.InOrder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How a save hands over to the notifier: after the commit, with the status before, and never failing the save. */
public class DecisionServiceNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final IssueRef ISSUE = new IssueRef(15L, "DEMO-15", "Decommission the legacy reporting cluster",
            "DEMO", "Epic", List.of(), List.of());
    private static final String DECIDE = "{\"version\":2,\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\","
            + "\"outcome\":\"Switch it off.\"}";

    private DecisionStore store;
    private DecisionNotifier notifier;
    private DecisionService service;

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        IssueAccess issues = mock(IssueAccess.class);
        UserDirectory users = mock(UserDirectory.class);
        notifier = mock(DecisionNotifier.class);
        // the real event path: the service publishes DecisionChanged, the reactions re-index and notify
        io.mandate.refhost.platform.RefEventPublisher bus = new io.mandate.refhost.platform.RefEventPublisher();
        new DecisionReactions(bus, issues, notifier).afterPropertiesSet();
        service = new DecisionService(store, issues, new io.mandate.platform.People(users), new NoDomainAuthority(),
                new io.mandate.platform.HostEvents(bus), io.mandate.testing.FixedClock.utc(NOW), io.mandate.testing.Seams.caches());

        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName("alice")).thenReturn(Optional.of(ALICE));
        when(users.byName("carol")).thenReturn(Optional.of(CAROL));
        when(users.isActive(any())).thenReturn(true);
        when(issues.browsable(eq("DEMO-15"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);
        when(store.find(ISSUE.id())).thenReturn(Optional.of(inProgress()));
        when(store.save(any(), any(), anyList())).thenAnswer(i -> i.getArgument(0));
    }

    @Test
    public void theNotifierHearsOfTheSaveAfterItWithTheStatusBefore() {
        Decision saved = service.put("DEMO-15", body(DECIDE));
        InOrder order = inOrder(store, notifier);
        order.verify(store).save(any(), eq(2), anyList());
        order.verify(notifier).decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS), saved, ALICE);
    }

    @Test
    public void aNotificationThatFailsDoesNotFailTheSave() {
        when(notifier.decisionSaved(any(), any(), any(), any())).thenThrow(new IllegalStateException("no mail server"));
        Decision saved = service.put("DEMO-15", body(DECIDE));
        assertEquals(DecisionStatus.DECIDED, saved.status());
        verify(store).save(any(), eq(2), anyList());
    }

    @Test
    public void aStaleSaveNotifiesNobody() {
        when(store.save(any(), any(), anyList())).thenThrow(new StaleDecisionException(3));
        expectStatus(409, DECIDE);
        verify(notifier, never()).decisionSaved(any(), any(), any(), any());
    }

    @Test
    public void anInvalidChangeNotifiesNobody() {
        expectStatus(400, "{\"version\":2,\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\"}");
        verify(notifier, never()).decisionSaved(any(), any(), any(), any());
    }

    private void expectStatus(int status, String json) {
        try {
            service.put("DEMO-15", body(json));
            fail("expected " + status);
        } catch (ApiException e) {
            assertEquals(status, e.status());
        }
    }

    private static Decision inProgress() {
        return new Decision(ISSUE.id(), ISSUE.key(), "DEMO", DecisionStatus.IN_PROGRESS, ALICE.key(), CAROL.key(),
                List.of(), List.of(), null, null, null, null, NOW, NOW, 2);
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
