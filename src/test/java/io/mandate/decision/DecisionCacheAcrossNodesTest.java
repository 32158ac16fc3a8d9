package io.mandate.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Decisions are read through the cluster cache and stay right on every node: two Data Center nodes
 * (one database, one cluster, a cache each) — a write on node A is seen by node B's next read; a
 * repeated read costs no statement. A node outside the cluster keeps its stale copy, which shows the
 * cache really caches and the invalidation is what keeps node B right.
 */
@RunWith(Parameterized.class)
public class DecisionCacheAcrossNodesTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final IssueRef ISSUE = new IssueRef(10L, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());

    private final String kind;
    private AoTestSupport ao;
    private DecisionService nodeA;
    private DecisionService nodeB;
    private DecisionService outsider;

    public DecisionCacheAcrossNodesTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        DecisionStore store = new DecisionStore(ao.entities(), ao.aggregates());
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.browsable(eq("DEMO-1"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName(anyString())).thenReturn(Optional.empty());
        when(users.byName("alice")).thenReturn(Optional.of(ALICE));
        when(users.isActive(any())).thenReturn(true);
        RefCluster cluster = new RefCluster();
        nodeA = node(store, issues, users, new RefCacheManager(cluster));
        nodeB = node(store, issues, users, new RefCacheManager(cluster));
        outsider = node(store, issues, users, new RefCacheManager(new RefCluster()));
    }

    private static DecisionService node(DecisionStore store, IssueAccess issues, UserDirectory users, RefCacheManager caches) {
        return new DecisionService(store, issues, new People(users), new NoDomainAuthority(),
                new HostEvents(new RefEventPublisher()), FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")),
                new HostClusterCaches(caches));
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    public void aWriteOnOneNodeIsSeenByTheNextReadOnTheOther() throws Exception {
        assertEquals(Optional.empty(), nodeB.find(ISSUE));
        assertEquals(Optional.empty(), outsider.find(ISSUE));

        nodeA.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"alice\"}"));
        assertEquals(DecisionStatus.IN_PROGRESS, nodeB.find(ISSUE).orElseThrow().status());

        nodeA.put("DEMO-1", body("{\"version\":1,\"status\":\"DEFERRED\",\"driver\":\"alice\",\"approver\":\"alice\"}"));
        assertEquals(DecisionStatus.DEFERRED, nodeB.find(ISSUE).orElseThrow().status());

        assertEquals("a node outside the cluster is not told", Optional.empty(), outsider.find(ISSUE));
    }

    @Test
    public void aDeleteOnOneNodeIsSeenOnTheOther() throws Exception {
        nodeA.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        assertEquals(1, nodeB.find(ISSUE).orElseThrow().version());
        nodeA.delete("DEMO-1", 1);
        assertEquals(Optional.empty(), nodeB.find(ISSUE));
    }

    @Test
    public void aRepeatedReadCostsNoStatement() throws Exception {
        nodeA.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        nodeB.find(ISSUE);
        ao.sql().start();
        nodeB.find(ISSUE);
        assertEquals(List.of(), ao.sql().stop());
    }
}
