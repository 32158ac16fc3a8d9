package io.mandate.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * How a save hands over to the notifications: a save into DECIDED or REVERSED gives the store a {@link Notice} to queue
 * in the write's own transaction (so a write that does not commit queues nothing: {@code NotificationQueueTest}), with
 * the decision as written, its author and whom the authority matrix adds; every other save gives none. Nothing is
 * mailed from the request.
 */
public class DecisionServiceNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final IssueRef ISSUE = new IssueRef(15L, "DEMO-15", "Decommission the legacy reporting cluster",
            10000L, "DEMO", "Epic", List.of(), List.of());
    private static final String DECIDE = "{\"version\":2,\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\","
            + "\"contributors\":[\"carol\"],\"informed\":[{\"type\":\"group\",\"name\":\"operations\"}],\"outcome\":\"Switch it off.\"}";

    private DecisionStore store;
    private DecisionService service;
    private Decision stored;

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        IssueAccess issues = mock(IssueAccess.class);
        UserDirectory users = mock(UserDirectory.class);
        DecisionAuthority mentees = new NoDomainAuthority() {
            @Override
            public List<String> alsoToNotify(Decision decision, IssueRef issue) {
                return List.of("k-grace");
            }
        };
        service = new DecisionService(store, issues, new io.mandate.platform.People(users), mentees,
                new io.mandate.platform.HostEvents(new io.mandate.refhost.platform.RefEventPublisher()),
                io.mandate.testing.FixedClock.utc(NOW), io.mandate.testing.Seams.caches());

        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName("alice")).thenReturn(Optional.of(ALICE));
        when(users.byName("carol")).thenReturn(Optional.of(CAROL));
        when(users.isActive(any())).thenReturn(true);
        when(users.groupExists("operations")).thenReturn(true);
        when(issues.browsable(eq("DEMO-15"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);
        stored = decision(DecisionStatus.IN_PROGRESS, null, 2);
        when(store.find(ISSUE.id())).thenAnswer(i -> Optional.of(stored));
        when(store.save(any(), any(java.util.Optional.class), anyList(), any())).thenAnswer(i -> i.getArgument(0));
    }

    @Test
    public void aSaveIntoDecidedHandsTheStoreItsNoticeToQueueWithTheWrite() {
        service.put("DEMO-15", body(DECIDE));
        Notice notice = queued().orElseThrow();
        assertEquals(ISSUE.id(), notice.issueId());
        assertEquals(DecisionStatus.DECIDED, notice.status());
        assertEquals(ALICE.key(), notice.authorKey());
        assertEquals(CAROL.key(), notice.approverKey());
        assertEquals("Switch it off.", notice.outcome());
        assertEquals(List.of(CAROL.key()), notice.contributorKeys());
        assertEquals("the group, not its members", List.of(Principal.group("operations")), notice.informed());
        assertEquals("whom the authority matrix adds", List.of("k-grace"), notice.alsoToNotify());
        assertEquals(NOW, notice.queuedAt());
    }

    @Test
    public void aSaveIntoReversedQueuesANotice() {
        stored = decision(DecisionStatus.DECIDED, "Switch it off.", 2);
        service.put("DEMO-15", body(DECIDE.replace("DECIDED", "REVERSED")));
        assertEquals(DecisionStatus.REVERSED, queued().orElseThrow().status());
    }

    @Test
    public void anEditThatStaysDecidedQueuesNothing() {
        stored = decision(DecisionStatus.DECIDED, "Switch it off later.", 2);
        service.put("DEMO-15", body(DECIDE));
        assertEquals(Optional.empty(), queued());
    }

    @Test
    public void aSaveIntoAnotherStatusQueuesNothing() {
        service.put("DEMO-15", body("{\"version\":2,\"status\":\"DEFERRED\",\"driver\":\"alice\",\"approver\":\"carol\"}"));
        assertEquals(Optional.empty(), queued());
    }

    @Test
    public void aStaleSaveIsRefusedAndItsNoticeWentWithTheRolledBackWrite() {
        when(store.save(any(), any(java.util.Optional.class), anyList(), any())).thenThrow(new StaleDecisionException(3));
        expectStatus(409, DECIDE);
        // the notice was handed to the same store call that failed: no separate write could have queued it
        assertTrue(queued().isPresent());
    }

    @Test
    public void anInvalidChangeQueuesNothing() {
        expectStatus(400, "{\"version\":2,\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\"}");
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @SuppressWarnings("unchecked")
    private Optional<Notice> queued() {
        ArgumentCaptor<Optional<Notice>> notice = ArgumentCaptor.forClass(Optional.class);
        verify(store).save(any(), any(java.util.Optional.class), anyList(), notice.capture());
        return notice.getValue();
    }

    private void expectStatus(int status, String json) {
        try {
            service.put("DEMO-15", body(json));
            fail("expected " + status);
        } catch (ApiException e) {
            assertEquals(status, e.status());
        }
    }

    private static Decision decision(DecisionStatus status, String outcome, int version) {
        return new Decision(ISSUE.id(), ISSUE.projectId(), ISSUE.key(), "DEMO", status, ALICE.key(), CAROL.key(),
                List.of(), List.of(), null, outcome, null, null, NOW, NOW, version);
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
