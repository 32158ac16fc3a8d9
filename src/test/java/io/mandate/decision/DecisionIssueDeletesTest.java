package io.mandate.decision;

import com.atlassian.event.api.EventListener;
import com.atlassian.jira.event.ProjectDeletedEvent;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.AuditLog;
import io.mandate.platform.HostClusterCaches;
import io.mandate.platform.HostEvents;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefCacheManager;
import io.mandate.refhost.platform.RefCluster;
import io.mandate.refhost.platform.RefEventPublisher;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.TestDatabases;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A decision goes with its deleted issue, and with the issues of a deleted project: the row, its people, revision
 * and notification claims go; the audit trail stays with an entry saying why; every node forgets its cached copy;
 * nobody is notified ({@link DecisionChanged} is not published), and the product audit log records the removal.
 * Events arrive through the host's event bus, as Jira fires them; on HSQLDB and PostgreSQL.
 */
@RunWith(Parameterized.class)
public class DecisionIssueDeletesTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final IssueRef DEMO_1 = new IssueRef(10L, "DEMO-1", "Broker", 10_000L, "DEMO", "Task", List.of(), List.of());
    private static final IssueRef DEMO_2 = new IssueRef(11L, "DEMO-2", "Cache", 10_000L, "DEMO", "Task", List.of(), List.of());
    private static final IssueRef OPS_1 = new IssueRef(20L, "OPS-1", "Pager", 10_001L, "OPS", "Task", List.of(), List.of());

    /** Every {@link DecisionChanged} published on the bus. */
    public static final class Recorder {
        final List<DecisionChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        public void on(DecisionChanged change) {
            changes.add(change);
        }
    }

    private final String kind;
    private AoTestSupport ao;
    private DecisionStore store;
    private DecisionService nodeA;
    private DecisionService nodeB;
    private RefEventPublisher bus;
    private AuditLog productAuditLog;
    private Recorder recorder;

    public DecisionIssueDeletesTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() throws Exception {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        store = new DecisionStore(ao.entities(), ao.aggregates());
        IssueAccess issues = mock(IssueAccess.class);
        for (IssueRef issue : List.of(DEMO_1, DEMO_2, OPS_1)) {
            when(issues.browsable(eq(issue.key()), any())).thenReturn(Optional.of(issue));
            when(issues.canEdit(eq(issue), any())).thenReturn(true);
        }
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName(anyString())).thenReturn(Optional.empty());
        when(users.byName("alice")).thenReturn(Optional.of(ALICE));
        when(users.byName("bob")).thenReturn(Optional.of(BOB));
        when(users.isActive(any())).thenReturn(true);
        bus = new RefEventPublisher();
        RefCluster cluster = new RefCluster();
        nodeA = node(issues, users, new RefCacheManager(cluster));
        nodeB = node(issues, users, new RefCacheManager(cluster));
        productAuditLog = mock(AuditLog.class);
        new DecisionIssueDeletes(bus, nodeA, new DecisionAuditLog(mock(com.atlassian.event.api.EventPublisher.class),
                productAuditLog, new People(users))).afterPropertiesSet();
        recorder = new Recorder();
        bus.register(recorder);

        nodeA.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"alice\","
                + "\"contributors\":[\"bob\"],\"domain\":null}"));
        nodeA.put("DEMO-1", body("{\"version\":1,\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"alice\","
                + "\"contributors\":[\"bob\"],\"outcome\":\"Kafka\"}"));
        nodeA.put("DEMO-2", body("{\"status\":\"OPEN\"}"));
        nodeA.put("OPS-1", body("{\"status\":\"OPEN\",\"approver\":\"bob\"}"));
        // DEMO-1's DECIDED write queued a notice that is still waiting; an earlier one was turned into a claim and a
        // message that is not sent yet
        NotificationQueue queue = new NotificationQueue(ao.entities());
        NoticeRows.insert(ao.entities(), new Notice(0, 10L, "DEMO-1", DecisionStatus.REVERSED, "k-alice", "k-alice", null,
                List.of("k-bob"), List.of(), List.of(), 1, NOW.minusSeconds(60), 0));
        Notice earlier = queue.dueNotices(NOW, 10).stream().filter(n -> n.status() == DecisionStatus.REVERSED).findFirst().orElseThrow();
        queue.expand(earlier, DecisionNotifier.quietClaimKey(earlier), List.of(OutgoingMail.of(OutgoingMail.Kind.NOTIFICATION,
                10L, "k-bob", "bob@example.com", "[DEMO-1] Decision reversed", "…")), NOW);
        assertEquals(1, count(NoticeEntity.class, "ISSUE_ID = ?", 10L));
        assertEquals(1, count(MailEntity.class, "ISSUE_ID = ?", 10L));
        assertEquals("node B has read and cached DEMO-1's decision", DecisionStatus.DECIDED,
                nodeB.find(DEMO_1).orElseThrow().status());
        recorder.changes.clear();
    }

    private DecisionService node(IssueAccess issues, UserDirectory users, RefCacheManager caches) {
        return new DecisionService(store, issues, new People(users), new NoDomainAuthority(),
                new HostEvents(bus), FixedClock.utc(NOW), new HostClusterCaches(caches));
    }

    @After
    public void tearDown() {
        ao.close();
    }

    @Test
    public void aDeletedIssuesDecisionGoesWithItsPeopleClaimsAndUnsentNotificationsButItsHistoryStays() {
        int decisionId = ao.entities().find(DecisionEntity.class, Query.select().where("ISSUE_ID = ?", 10L))[0].getID();
        List<AuditEntry> before = store.history(10L);

        bus.publish(new IssueEvent(issue(DEMO_1), Map.of(), user("k-bob"), EventType.ISSUE_DELETED_ID));

        assertEquals(Optional.empty(), store.find(10L));
        assertEquals("node B no longer has it in its cache", Optional.empty(), nodeB.find(DEMO_1));
        assertEquals(0, count(ParticipantEntity.class, "DECISION_ID = ?", decisionId));
        assertEquals(0, count(RevisionEntity.class, "DECISION_ID = ?", decisionId));
        assertEquals(0, count(NotificationEntity.class, "ISSUE_ID = ?", 10L));
        assertEquals("its notice waiting to be sent goes too", 0, count(NoticeEntity.class, "ISSUE_ID = ?", 10L));
        assertEquals("and its unsent mail", 0, count(MailEntity.class, "ISSUE_ID = ?", 10L));
        assertEquals("nobody is told about a deleted issue's decision", List.of(), recorder.changes);

        List<AuditEntry> after = store.history(10L);
        assertEquals("the trail stays, two entries longer", before.size() + 2, after.size());
        assertTrue(after.containsAll(before));
        assertTrue(after.contains(new AuditEntry("DEMO-1", "k-bob", NOW, "decision", "DECIDED", null)));
        assertTrue(after.contains(new AuditEntry("DEMO-1", "k-bob", NOW, DecisionService.ISSUE_DELETED_FIELD, "DEMO-1", null)));

        verify(productAuditLog).record(new AuditLog.Entry(DecisionAuditLog.REMOVED_WITH_ISSUE_KEY, "decision", "10", "DEMO-1",
                List.of(new AuditLog.Change("status", "DECIDED", null))));
        assertEquals("the other decisions are untouched", 2, store.count());
        assertEquals(Map.of(DecisionStatus.OPEN, 2L), store.countByStatus());
    }

    @Test
    public void aDeletedProjectsDecisionsGoAndOtherProjectsKeepTheirs() {
        Project demo = mock(Project.class);
        when(demo.getId()).thenReturn(10_000L);
        when(demo.getKey()).thenReturn("DEMO");

        bus.publish(new ProjectDeletedEvent(null, demo));

        assertEquals(Optional.empty(), store.find(10L));
        assertEquals(Optional.empty(), store.find(11L));
        assertEquals(Optional.empty(), nodeB.find(DEMO_1));
        assertEquals(DecisionStatus.OPEN, store.find(20L).orElseThrow().status());
        assertEquals(1, store.count());
        assertEquals(List.of(), recorder.changes);
        assertTrue("no user on the event: the system is the author", store.history(11L).contains(
                new AuditEntry("DEMO-2", DecisionIssueDeletes.SYSTEM_AUTHOR, NOW, "decision", "OPEN", null)));
        verify(productAuditLog).record(new AuditLog.Entry(DecisionAuditLog.REMOVED_WITH_ISSUE_KEY, "decision", "10", "DEMO-1",
                List.of(new AuditLog.Change("status", "DECIDED", null))));
        verify(productAuditLog).record(new AuditLog.Entry(DecisionAuditLog.REMOVED_WITH_ISSUE_KEY, "decision", "11", "DEMO-2",
                List.of(new AuditLog.Change("status", "OPEN", null))));
        verify(productAuditLog, never()).record(eq(new AuditLog.Entry(DecisionAuditLog.REMOVED_WITH_ISSUE_KEY, "decision",
                "20", "OPS-1", List.of(new AuditLog.Change("status", "OPEN", null)))));
    }

    @Test
    public void otherIssueEventsAndIssuesWithoutADecisionChangeNothing() {
        bus.publish(new IssueEvent(issue(DEMO_1), Map.of(), user("k-bob"), EventType.ISSUE_MOVED_ID));
        bus.publish(new IssueEvent(issue(DEMO_1), Map.of(), user("k-bob"), EventType.ISSUE_UPDATED_ID));
        IssueRef undecided = new IssueRef(30L, "DEMO-3", "", 10_000L, "DEMO", "Task", List.of(), List.of());
        bus.publish(new IssueEvent(issue(undecided), Map.of(), user("k-bob"), EventType.ISSUE_DELETED_ID));

        assertEquals(3, store.count());
        assertEquals(DecisionStatus.DECIDED, store.find(10L).orElseThrow().status());
        assertEquals("no trail is started for an issue that had no decision", List.of(), store.history(30L));
        verify(productAuditLog, never()).record(any());
    }

    private int count(Class<? extends net.java.ao.RawEntity<Integer>> type, String where, Object param) {
        return ao.entities().count(type, Query.select().where(where, param));
    }

    private static Issue issue(IssueRef ref) {
        Issue issue = mock(Issue.class);
        when(issue.getId()).thenReturn(ref.id());
        when(issue.getKey()).thenReturn(ref.key());
        when(issue.getProjectId()).thenReturn(ref.projectId());
        return issue;
    }

    private static ApplicationUser user(String key) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getKey()).thenReturn(key);
        return user;
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
