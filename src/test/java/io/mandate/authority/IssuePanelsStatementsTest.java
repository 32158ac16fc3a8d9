package io.mandate.authority;

import com.atlassian.jira.issue.Issue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.DecisionJson;
import io.mandate.decision.DecisionPanel;
import io.mandate.decision.DecisionResource;
import io.mandate.decision.DecisionService;
import io.mandate.decision.DecisionStore;
import io.mandate.decision.MailClaimEntity;
import io.mandate.decision.MailEntity;
import io.mandate.decision.NoticeEntity;
import io.mandate.decision.NotificationEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.HostClusterCaches;
import io.mandate.platform.HostEvents;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Page;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefCacheManager;
import io.mandate.refhost.platform.RefCluster;
import io.mandate.refhost.platform.RefEventPublisher;
import io.mandate.refhost.sal.RefI18nResolver;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the issue view's two panels (decision and authority) and the decision list cost in SQL, on Active Objects
 * (HSQLDB and PostgreSQL) with the real stores, services and cluster caches:
 * <ul>
 *   <li>both panels with warm caches: no statement; with the decision just changed (its cache entry dropped,
 *       the matrix's warm): the decision's two — within the issue's budget of 3 per render;</li>
 *   <li>both panels on a node whose caches are all cold: the decision (2), the domains with their scopes (2),
 *       the domain's grants (1) and the absences of the holders the panels ask about (1 each: the user holders with
 *       a backup, and the approving user holders) — here 6, each loaded once for both panels;</li>
 *   <li>a page of the decision list costs the same statements for 1 decision as for 6: the checks and the
 *       current domain of each come from the matrix's caches.</li>
 * </ul>
 */
@RunWith(Parameterized.class)
public class IssuePanelsStatementsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person DAVE = new Person("k-dave", "dave", "Dave Dormant");
    private static final Map<String, Person> BY_KEY = Map.of(ALICE.key(), ALICE, BOB.key(), BOB, CAROL.key(), CAROL, DAVE.key(), DAVE);

    private final String kind;
    private AoTestSupport ao;
    private IssueAccess issues;
    private UserDirectory users;
    private GroupDirectory groups;
    private final Map<Long, IssueRef> issuesById = new HashMap<>();

    public IssuePanelsStatementsTest(String kind) {
        this.kind = kind;
    }

    /** One node: the services over the shared database, with caches of its own. */
    private final class Node {
        final DecisionService decisions;
        final AuthorityService authority;
        final DecisionPanel decisionPanel;
        final AuthorityPanel authorityPanel;

        Node() {
            HostClusterCaches caches = new HostClusterCaches(new RefCacheManager(new RefCluster()));
            FixedClock clock = FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z"));
            DecisionStore decisionStore = new DecisionStore(ao.entities(), ao.aggregates());
            People people = new People(users);
            authority = new AuthorityService(new DomainStore(ao.entities()), new GrantStore(ao.entities()),
                    new AbsenceStore(ao.entities()), decisionStore, issues, people, groups, clock,
                    mock(io.mandate.platform.AuditLog.class), caches);
            decisions = new DecisionService(decisionStore, issues, people, new MatrixDecisionAuthority(authority),
                    new HostEvents(new RefEventPublisher()), clock, caches);
            RefI18nResolver i18n = new RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader());
            decisionPanel = new DecisionPanel(decisions, i18n);
            authorityPanel = new AuthorityPanel(authority, decisions, i18n);
        }

        /** Renders both panels' contexts for the issue, as the issue view does. */
        @SuppressWarnings("unchecked")
        Map<String, Object> render(String issueKey) {
            Issue issue = mock(Issue.class);
            when(issue.getKey()).thenReturn(issueKey);
            Map<String, Object> context = new HashMap<>();
            context.put("issue", issue);
            Map<String, Object> result = new HashMap<>();
            result.put("decision", decisionPanel.getContextMap(context).get("decision"));
            result.put("authority", authorityPanel.getContextMap(context).get("authority"));
            return result;
        }
    }

    @Before
    public void setUp() throws Exception {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        issues = mock(IssueAccess.class);
        for (int i = 1; i <= 6; i++) {
            IssueRef ref = new IssueRef(i, "DEMO-" + i, "Issue " + i, 10000L, "DEMO", "Task", List.of(), List.of());
            issuesById.put((long) i, ref);
            when(issues.browsable(eq(ref.key()), any())).thenReturn(Optional.of(ref));
            when(issues.canEdit(eq(ref), any())).thenReturn(true);
        }
        when(issues.browsable(anyLong(), any())).thenAnswer(i -> Optional.ofNullable(issuesById.get(i.<Long>getArgument(0))));
        when(issues.browsableByIds(any(), any())).thenCallRealMethod();
        when(issues.browsable(any(io.mandate.platform.ShownIssue.class), any())).thenAnswer(i -> issuesById.values().stream()
                .filter(r -> r.key().equals(i.<io.mandate.platform.ShownIssue>getArgument(0).key())).findFirst());
        when(issues.canEdit(any(io.mandate.platform.ShownIssue.class), any())).thenReturn(true);
        when(issues.browsableProjects(any())).thenReturn(Set.of(10000L));
        users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.byName(anyString())).thenAnswer(i -> BY_KEY.values().stream().filter(p -> p.name().equals(i.getArgument(0))).findFirst());
        when(users.isActive(any())).thenReturn(true);
        groups = mock(GroupDirectory.class);
        when(groups.groupsOf(anyString())).thenReturn(Set.of());
        when(groups.membersOf(anyString())).thenReturn(List.of());

        // the matrix: Architecture over DEMO; Carol approves (Dave backs her up and stands in: she is away),
        // Alice must be consulted (CONSULT), Bob agrees (AGREE)
        new DomainStore(ao.entities()).create(new Domain("ARCH", "Architecture", null,
                new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 0));
        GrantStore grants = new GrantStore(ao.entities());
        grants.create(new Grant(0, "ARCH", Principal.user(CAROL.key()), Level.DELEGATE, DAVE.key(), null, null, null, null, 0), List.of());
        grants.create(new Grant(0, "ARCH", Principal.user(ALICE.key()), Level.CONSULT, null, null, null, null, null, 0), List.of());
        grants.create(new Grant(0, "ARCH", Principal.user(BOB.key()), Level.AGREE, null, null, null, null, null, 0), List.of());
        new AbsenceStore(ao.entities()).create(new Absence(0, CAROL.key(), LocalDate.parse("2026-11-01"),
                LocalDate.parse("2027-01-05"), null), List.of());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    @SuppressWarnings("unchecked")
    public void bothPanelsCostNothingWarmTheDecisionsTwoStatementsAfterAChangeAndSixCold() throws Exception {
        Node node = new Node();
        node.decisions.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"alice\"}"));

        Node cold = new Node();
        ao.sql().start();
        Map<String, Object> first = cold.render("DEMO-1");
        List<String> coldStatements = ao.sql().stop();
        assertEquals("cold: decision 2, domains with scopes 2, the domain's grants 1, Carol's absences 1 " + coldStatements,
                6, coldStatements.size());

        ao.sql().start();
        Map<String, Object> warm = cold.render("DEMO-1");
        assertEquals("warm: everything from the caches", List.of(), ao.sql().stop());
        assertEquals(first, warm);

        Map<String, Object> decision = (Map<String, Object>) warm.get("decision");
        assertEquals(true, decision.get("authorityViolation"));
        assertEquals("Alice Adams may not approve in Architecture (holds CONSULT)", decision.get("authorityViolationText"));
        Map<String, Object> authority = (Map<String, Object>) warm.get("authority");
        assertEquals(List.of("Carol Clark is away until 2027-01-05; Dave Dormant stands in"), authority.get("absences"));

        // someone edits the decision on another node: this node drops its copy, the matrix's caches stay warm
        cold.decisions.put("DEMO-1", body("{\"version\":1,\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"carol\"}"));
        ao.sql().start();
        Map<String, Object> afterChange = cold.render("DEMO-1");
        List<String> statements = ao.sql().stop();
        assertTrue("within the budget of 3 per render: " + statements, statements.size() <= 3);
        assertEquals("the decision and its people " + statements, 2, statements.size());
        assertEquals(false, ((Map<String, Object>) afterChange.get("decision")).get("authorityViolation"));
    }

    @Test
    public void aListPageCostsTheSameStatementsForOneDecisionAsForSixChecksIncluded() throws Exception {
        Node node = new Node();
        node.decisions.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"alice\"}"));
        DecisionResource resource = new DecisionResource(node.decisions);
        resource.list(null, null, null, null, null, null, null, null, null); // warms the matrix's caches
        ao.sql().start();
        Page<DecisionJson> one = resource.list(null, null, null, null, null, null, null, null, null);
        int forOne = ao.sql().stop().size();
        assertEquals(1, one.total());
        assertEquals(Boolean.TRUE, one.values().get(0).checks().get("authorityViolation"));

        for (int i = 2; i <= 6; i++) {
            node.decisions.put("DEMO-" + i, body("{\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\""
                    + (i % 2 == 0 ? "carol" : "alice") + "\",\"contributors\":[\"alice\"]}"));
        }
        ao.sql().start();
        Page<DecisionJson> six = resource.list(null, null, null, null, null, null, null, null, null);
        List<String> statements = ao.sql().stop();
        assertEquals(6, six.total());
        assertEquals("no statement per decision: " + statements, forOne, statements.size());
        assertEquals(List.of(true, false, true, false, true, false),
                six.values().stream().map(j -> j.checks().get("authorityViolation")).toList());
        assertEquals("ARCH", six.values().get(3).domain());
        assertEquals(false, six.values().get(3).domainSetByHand());
    }
}
