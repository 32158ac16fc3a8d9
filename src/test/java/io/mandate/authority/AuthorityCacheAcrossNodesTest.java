package io.mandate.authority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.DecisionStore;
import io.mandate.decision.MailClaimEntity;
import io.mandate.decision.MailEntity;
import io.mandate.decision.NoticeEntity;
import io.mandate.decision.NotificationEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.platform.AuditLog;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.HostClusterCaches;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefCacheManager;
import io.mandate.refhost.platform.RefCluster;
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
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The matrix is resolved through the cluster caches and stays right on every node: two Data Center nodes
 * (one database, one cluster, a cache manager each). Node A reads a domain's authority; node B adds, changes or
 * removes a grant, an absence or a domain; node A's next read sees it. A third node outside the cluster (same
 * database, its own caches, nobody tells it) keeps answering from its warm copy: that proves the reads really
 * come from the cache — without the invalidation node A would be just as stale — and a warm read costs no
 * statement.
 */
@RunWith(Parameterized.class)
public class AuthorityCacheAcrossNodesTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ADMIN = new Person("k-admin", "admin", "Administrator");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person DAVE = new Person("k-dave", "dave", "Dave Davis");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final IssueRef DEMO_1 = new IssueRef(10000L, "DEMO-1", "Choose the message broker", 10000L, "DEMO", "Task",
            List.of("Backend"), List.of("architecture"));

    private final String kind;
    private AoTestSupport ao;
    private AuthorityService nodeA;
    private AuthorityService nodeB;
    private AuthorityService outsider;
    private UserDirectory users;
    private GroupDirectory groups;
    private final java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);

    public AuthorityCacheAcrossNodesTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ADMIN));
        when(users.isAdmin(any())).thenReturn(false);
        when(users.isAdmin(ADMIN)).thenReturn(true);
        when(users.isActive(any())).thenReturn(true);
        when(users.byName(anyString())).thenReturn(Optional.empty());
        for (Person p : List.of(ADMIN, CAROL, DAVE)) {
            when(users.byName(p.name())).thenReturn(Optional.of(p));
            when(users.byKey(p.key())).thenReturn(Optional.of(p));
        }
        when(users.groupExists("developers")).thenReturn(true);
        groups = mock(GroupDirectory.class);
        when(groups.groupsOf(anyString())).thenReturn(Set.of());
        when(groups.groupsOf(DAVE.key())).thenReturn(Set.of("developers"));
        RefCluster cluster = new RefCluster();
        nodeA = node(users, groups, new RefCacheManager(cluster));
        nodeB = node(users, groups, new RefCacheManager(cluster));
        outsider = node(users, groups, new RefCacheManager(new RefCluster()));
    }

    private AuthorityService node(UserDirectory users, GroupDirectory groups, RefCacheManager caches) {
        return new AuthorityService(new DomainStore(ao.entities()), new GrantStore(ao.entities()), new AbsenceStore(ao.entities()),
                new DecisionStore(ao.entities(), ao.aggregates()), mock(IssueAccess.class), new People(users), groups,
                clock(), mock(AuditLog.class), new HostClusterCaches(caches));
    }

    /** The product's clock, which a test may move on. */
    private io.mandate.platform.ProductClock clock() {
        return new io.mandate.platform.ProductClock() {
            @Override
            public Instant now() {
                return now.get();
            }

            @Override
            public java.time.ZoneId zone() {
                return java.time.ZoneOffset.UTC;
            }
        };
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static final String ARCH = "{\"key\":\"ARCH\",\"name\":\"Architecture\",\"scope\":{\"projects\":[\"DEMO\"],\"components\":[\"Backend\"]}}";

    private static Optional<Level> level(AuthorityService node, String domain, Person person) {
        return node.levelOf(node.authorityIn(domain), person.key());
    }

    /** Every node reads once now, so each has a warm copy of what it was asked. */
    private void warm(String domain) {
        for (AuthorityService node : List.of(nodeA, nodeB, outsider)) {
            node.domains();
            node.match(DEMO_1);
            node.authorityIn(domain);
            level(node, domain, CAROL);
            level(node, domain, DAVE);
        }
    }

    @Test
    public void aWarmReadCostsNoStatement() throws Exception {
        nodeB.createDomain(body(ARCH));
        nodeB.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"INQUIRE\",\"backup\":\"dave\"}"));
        warm("ARCH");
        ao.sql().start();
        assertEquals(Optional.of("ARCH"), nodeA.match(DEMO_1).domain());
        assertEquals(Optional.of(Level.INQUIRE), level(nodeA, "ARCH", CAROL));
        assertTrue(nodeA.domain("arch").isPresent());
        assertEquals(1, nodeA.grants("ARCH").size());
        assertEquals(List.of(), ao.sql().stop());
    }

    @Test
    public void aGrantAddedChangedAndRemovedOnOneNodeIsSeenByTheNextReadOnTheOther() throws Exception {
        nodeA.createDomain(body(ARCH));
        warm("ARCH");
        assertEquals(Optional.empty(), level(nodeA, "ARCH", CAROL));

        Grant added = nodeB.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"CONSULT\"}"));
        assertEquals(Optional.of(Level.CONSULT), level(nodeA, "ARCH", CAROL));
        assertEquals("the outsider still answers from its cache", Optional.empty(), level(outsider, "ARCH", CAROL));

        nodeB.updateGrant(added.id(), body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"DELEGATE\",\"version\":1}"));
        assertEquals(Optional.of(Level.DELEGATE), level(nodeA, "ARCH", CAROL));
        assertTrue(nodeA.authorityIn("ARCH").mayApprove(CAROL.key(), Set.of()));

        Grant group = nodeB.addGrant("ARCH", body("{\"holder\":{\"type\":\"group\",\"name\":\"developers\"},\"level\":\"AGREE\"}"));
        assertEquals("a group grant reaches its members", Optional.of(Level.AGREE), level(nodeA, "ARCH", DAVE));

        nodeB.deleteGrant(added.id());
        nodeB.deleteGrant(group.id());
        assertEquals(Optional.empty(), level(nodeA, "ARCH", CAROL));
        assertEquals(Optional.empty(), level(nodeA, "ARCH", DAVE));
        assertEquals(List.of(), nodeA.grants("ARCH"));
        assertEquals("the outsider never learns of it", Optional.empty(), level(outsider, "ARCH", DAVE));
    }

    @Test
    public void anAbsenceAddedOrRemovedOnOneNodeMovesTheStandInOnTheOther() throws Exception {
        nodeA.createDomain(body(ARCH));
        nodeA.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"INQUIRE\",\"backup\":\"dave\"}"));
        warm("ARCH");
        assertFalse(nodeA.authorityIn("ARCH").mayApprove(DAVE.key(), Set.of("developers")));

        Absence away = nodeB.addAbsence(body("{\"user\":\"carol\",\"from\":\"2026-11-19\",\"to\":\"2026-11-27\",\"note\":\"Conference\"}"));
        EffectiveAuthority onA = nodeA.authorityIn("ARCH");
        assertEquals("dave stands in for carol", Optional.of(Level.INQUIRE), nodeA.levelOf(onA, DAVE.key()));
        assertEquals(1, onA.standIns().size());
        assertEquals(java.time.LocalDate.of(2026, 11, 27), onA.standIns().get(0).until());
        assertEquals("the outsider's absences are still cached", Optional.empty(), level(outsider, "ARCH", DAVE));

        nodeB.deleteAbsence(away.id());
        assertEquals(Optional.empty(), level(nodeA, "ARCH", DAVE));
        assertEquals(List.of(), nodeA.authorityIn("ARCH").standIns());
    }

    @Test
    public void aDomainCreatedChangedAndDeletedOnOneNodeIsSeenByTheNextReadOnTheOther() throws Exception {
        warm("ARCH");
        assertEquals(Optional.empty(), nodeA.match(DEMO_1).domain());

        nodeB.createDomain(body(ARCH));
        assertEquals(Optional.of("ARCH"), nodeA.match(DEMO_1).domain());
        assertEquals("Architecture", nodeA.domain("ARCH").orElseThrow().name());
        assertEquals("the outsider still has no domains", List.of(), outsider.domains());

        nodeB.updateDomain("ARCH", body("{\"name\":\"Architecture board\",\"scope\":{\"projects\":[\"DEMO\"],\"components\":[\"Frontend\"]},\"version\":1}"));
        assertEquals(Optional.empty(), nodeA.match(DEMO_1).domain());
        assertEquals("Architecture board", nodeA.domain("ARCH").orElseThrow().name());

        nodeB.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"ADVISE\"}"));
        assertEquals(Optional.of(Level.ADVISE), level(nodeA, "ARCH", CAROL));
        nodeB.deleteDomain("ARCH");
        assertEquals(Optional.empty(), nodeA.domain("ARCH"));
        assertEquals(List.of(), nodeA.domains());
        assertEquals("the domain's grants went with it", Optional.empty(), level(nodeA, "ARCH", CAROL));

        // a domain of the same key made again starts with no grants on every node
        nodeB.createDomain(body(ARCH));
        assertEquals(Optional.of("ARCH"), nodeA.match(DEMO_1).domain());
        assertEquals(List.of(), nodeA.grants("ARCH"));
    }

    @Test
    public void aDomainsEffectiveAuthorityIsBuiltOnceAndSharedUntilItsGrantsChange() throws Exception {
        nodeA.createDomain(body(ARCH));
        nodeA.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"ADVISE\"}"));
        EffectiveAuthority first = nodeA.authorityIn("ARCH");
        ao.sql().start();
        assertSame("every request shares one, built once", first, nodeA.authorityIn("ARCH"));
        assertEquals(List.of(), ao.sql().stop());

        nodeB.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"dave\"},\"level\":\"CONSULT\"}"));
        EffectiveAuthority after = nodeA.authorityIn("ARCH");
        assertNotSame(first, after);
        assertEquals(Optional.of(Level.CONSULT), nodeA.levelOf(after, DAVE.key()));
    }

    @Test
    public void aPersonDeactivatedInTheHostHoldsNothingAtOnceThoughTheAuthorityIsCached() throws Exception {
        nodeA.createDomain(body(ARCH));
        nodeA.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"ADVISE\",\"backup\":\"dave\"}"));
        nodeA.addAbsence(body("{\"user\":\"carol\",\"from\":\"2026-11-19\",\"to\":\"2026-11-27\"}"));
        EffectiveAuthority cached = nodeA.authorityIn("ARCH");
        assertTrue(cached.mayApprove(CAROL.key(), Set.of()));
        assertEquals("dave stands in", 1, cached.standIns().size());

        when(users.isActive(CAROL)).thenReturn(false); // the host deactivates carol; nobody tells the plugin
        EffectiveAuthority same = nodeA.authorityIn("ARCH");
        assertSame(cached, same);
        assertEquals(Optional.empty(), nodeA.levelOf(same, CAROL.key()));
        assertEquals("nobody stands in for someone who may not act", List.of(), same.standIns());
        assertEquals(Optional.empty(), nodeA.levelOf(same, DAVE.key()));

        when(users.isActive(CAROL)).thenReturn(true);
        assertEquals(Optional.of(Level.ADVISE), nodeA.levelOf(same, DAVE.key()));
    }

    @Test
    public void theNextDayTheAuthorityIsWorkedOutAgainForThatDay() throws Exception {
        nodeA.createDomain(body(ARCH));
        nodeA.addGrant("ARCH", body("{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"ADVISE\",\"validTo\":\"2026-11-20\"}"));
        EffectiveAuthority today = nodeA.authorityIn("ARCH");
        assertEquals(Optional.of(Level.ADVISE), nodeA.levelOf(today, CAROL.key()));

        now.set(NOW.plus(java.time.Duration.ofDays(1)));
        EffectiveAuthority tomorrow = nodeA.authorityIn("ARCH");
        assertEquals(java.time.LocalDate.of(2026, 11, 21), tomorrow.day());
        assertEquals("the grant ended yesterday", Optional.empty(), nodeA.levelOf(tomorrow, CAROL.key()));
        assertSame("and tomorrow's is cached in turn", nodeA.authorityIn("ARCH"), nodeA.authorityIn("ARCH"));
    }

    @Test
    public void whetherAConsultGroupHasSomeoneToConsultIsWorkedOutOncePerDomain() throws Exception {
        nodeA.createDomain(body(ARCH));
        nodeA.addGrant("ARCH", body("{\"holder\":{\"type\":\"group\",\"name\":\"developers\"},\"level\":\"CONSULT\"}"));
        EffectiveAuthority in = nodeA.authorityIn("ARCH");
        java.util.concurrent.atomic.AtomicInteger walks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<String, List<String>> members = g -> {
            walks.incrementAndGet();
            return List.of(DAVE.key());
        };
        for (int i = 0; i < 100; i++) {
            assertTrue(in.hasMemberToConsult("developers", members, nodeA::groupsOf));
        }
        assertEquals("one walk of the members, not one per decision", 1, walks.get());
    }
}
