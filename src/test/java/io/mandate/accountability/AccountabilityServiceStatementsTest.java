package io.mandate.accountability;

import io.mandate.authority.Absence;
import io.mandate.authority.AbsenceEntity;
import io.mandate.authority.AbsenceStore;
import io.mandate.authority.AuthorityService;
import io.mandate.authority.Domain;
import io.mandate.authority.DomainEntity;
import io.mandate.authority.DomainScope;
import io.mandate.authority.DomainScopeEntity;
import io.mandate.authority.DomainStore;
import io.mandate.authority.Grant;
import io.mandate.authority.GrantEntity;
import io.mandate.authority.GrantStore;
import io.mandate.authority.Level;
import io.mandate.authority.MatrixAuditEntity;
import io.mandate.authority.MatrixDecisionAuthority;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.DecisionStatus;
import io.mandate.decision.DecisionStore;
import io.mandate.decision.MailClaimEntity;
import io.mandate.decision.MailEntity;
import io.mandate.decision.NoticeEntity;
import io.mandate.decision.NotificationEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.HostClusterCaches;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The accountability report over Active Objects (HSQLDB and PostgreSQL) with the real stores, the matrix's cluster
 * caches and {@link MatrixDecisionAuthority}; the host (issue access, users, groups) is faked. Shows that
 * <ul>
 *   <li>a report over 10 decisions and over 1,000 issues the same statements — two, the streamed decisions and the
 *       streamed contributors of the open ones (the matrix's caches warm);</li>
 *   <li>the numbers on a small hand-computed scope: a decision hidden by issue security and one in a project the
 *       caller cannot browse do not count;</li>
 *   <li>an unknown project, domain or group is 400 naming the parameter; anonymous is 401.</li>
 * </ul>
 */
@RunWith(Parameterized.class)
public class AccountabilityServiceStatementsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final long DEMO = 10000L;
    private static final long OPS = 20000L;
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person DAVE = new Person("k-dave", "dave", "Dave Dormant");
    private static final Map<String, Person> BY_KEY = Map.of(ALICE.key(), ALICE, BOB.key(), BOB, CAROL.key(), CAROL, DAVE.key(), DAVE);

    private final String kind;
    private AoTestSupport ao;
    private IssueAccess issues;
    private UserDirectory users;
    private AccountabilityService service;
    /** Issue ids hidden from the caller by issue security. */
    private final Set<Long> hidden = new java.util.HashSet<>();

    public AccountabilityServiceStatementsTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        issues = mock(IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenAnswer(i -> issue(i.<Long>getArgument(0)));
        when(issues.browsableByIds(any(), any())).thenAnswer(i -> {
            Map<Long, IssueRef> found = new java.util.LinkedHashMap<>();
            for (Long id : i.<java.util.Collection<Long>>getArgument(0)) {
                issue(id).ifPresent(ref -> found.put(id, ref));
            }
            return found;
        });
        when(issues.browsableProjects(any())).thenReturn(Set.of(DEMO));
        when(issues.browsableProject(eq("DEMO"), any())).thenReturn(Optional.of(DEMO));
        when(issues.browsableProject(eq("OPS"), any())).thenReturn(Optional.empty());
        users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(BOB));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.byName(anyString())).thenAnswer(i -> BY_KEY.values().stream().filter(p -> p.name().equals(i.getArgument(0))).findFirst());
        when(users.isActive(any())).thenReturn(true);
        when(users.groupExists(anyString())).thenAnswer(i -> "leads".equals(i.getArgument(0)));
        GroupDirectory groups = mock(GroupDirectory.class);
        when(groups.groupsOf(anyString())).thenReturn(Set.of());
        when(groups.membersOf(anyString())).thenReturn(List.of());
        when(groups.membersOf("leads")).thenReturn(List.of(ALICE));

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

        HostClusterCaches caches = new HostClusterCaches(new RefCacheManager(new RefCluster()));
        FixedClock clock = FixedClock.utc(NOW);
        DecisionStore decisionStore = new DecisionStore(ao.entities(), ao.aggregates());
        People people = new People(users);
        AuthorityService authority = new AuthorityService(new DomainStore(ao.entities()), new GrantStore(ao.entities()),
                new AbsenceStore(ao.entities()), decisionStore, issues, people, groups, clock,
                mock(io.mandate.platform.AuditLog.class), caches);
        service = new AccountabilityService(decisionStore, new MatrixDecisionAuthority(authority), authority, issues,
                people, clock);
    }

    /** The issue as the host shows it to the caller: empty when hidden by issue security. */
    private Optional<IssueRef> issue(long id) {
        if (hidden.contains(id)) {
            return Optional.empty();
        }
        boolean ops = id >= 100_000;
        return Optional.of(new IssueRef(id, (ops ? "OPS-" : "DEMO-") + id, "Issue " + id, ops ? OPS : DEMO,
                ops ? "OPS" : "DEMO", "Task", List.of(), List.of()));
    }

    @After
    public void tearDown() {
        ao.close();
    }

    /** A decision row as the store writes it (straight into the table: 1,000 of them through the service take long). */
    private DecisionEntity decision(long issueId, long projectId, DecisionStatus status, Person approver, Instant created,
                                    Instant decidedAt, String dueDate, Person... contributors) {
        String project = projectId == DEMO ? "DEMO" : "OPS";
        Map<String, Object> values = new HashMap<>();
        values.put("ISSUE_ID", issueId);
        values.put("PROJECT_ID", projectId);
        values.put("ISSUE_KEY", project + "-" + issueId);
        values.put("PROJECT_KEY", project);
        values.put("ISSUE_NUMBER", issueId);
        values.put("STATUS", status.name());
        values.put("DRIVER_KEY", BOB.key());
        values.put("APPROVER_KEY", approver == null ? null : approver.key());
        values.put("DUE_DATE", dueDate);
        values.put("DOMAIN_KEY", "ARCH");
        values.put("DOMAIN_BY_HAND", false);
        values.put("CREATED_AT", Date.from(created));
        values.put("UPDATED_AT", Date.from(created));
        values.put("DECIDED_AT", decidedAt == null ? null : Date.from(decidedAt));
        values.put("VERSION", 1);
        DecisionEntity row = ao.entities().create(DecisionEntity.class, values);
        int position = 0;
        for (Person c : contributors) {
            Map<String, Object> p = new HashMap<>();
            p.put("DECISION_ID", row.getID());
            p.put("ROLE", "CONTRIBUTOR");
            p.put("KIND", "USER");
            p.put("REF", c.key());
            p.put("POSITION", position++);
            ao.entities().create(ParticipantEntity.class, p);
        }
        return row;
    }

    /** Decisions {@code from}..{@code to} in DEMO: every status, approvers Carol, Alice and nobody, some contributors. */
    private void decisions(int from, int to) {
        DecisionStatus[] statuses = DecisionStatus.values();
        for (int i = from; i <= to; i++) {
            DecisionStatus status = statuses[i % statuses.length];
            Person approver = i % 3 == 0 ? null : i % 3 == 1 ? CAROL : ALICE;
            Instant created = NOW.minus(Duration.ofDays(i % 300));
            decision(i, DEMO, status, approver, created, status == DecisionStatus.DECIDED ? created.plus(Duration.ofDays(i % 9)) : null,
                    i % 2 == 0 ? "2026-11-01" : null, i % 4 == 0 ? new Person[]{ALICE} : new Person[0]);
        }
    }

    private List<String> statementsOf(AccountabilityService.Scope scope) {
        ao.sql().start();
        service.report(scope);
        return ao.sql().stop();
    }

    @Test
    public void aReportOverTenDecisionsIssuesTheSameStatementsAsOverAThousand() {
        decisions(1, 10);
        hidden.add(7L);
        AccountabilityService.Scope all = new AccountabilityService.Scope.All();
        AccountabilityService.Scope project = new AccountabilityService.Scope.Project("DEMO");
        AccountabilityService.Scope domain = new AccountabilityService.Scope.Domains(List.of("ARCH"));
        AccountabilityService.Scope group = new AccountabilityService.Scope.Group("leads");
        List<AccountabilityService.Scope> scopes = List.of(all, project, domain, group);
        scopes.forEach(service::report); // warms the matrix's caches (domains, grants, absences)
        Map<AccountabilityService.Scope, List<String>> forTen = new HashMap<>();
        scopes.forEach(s -> forTen.put(s, statementsOf(s)));
        assertEquals(9, service.report(all).totals().decisions());

        decisions(11, 1000);
        for (AccountabilityService.Scope s : scopes) {
            clearInvocations(issues);
            List<String> forThousand = statementsOf(s);
            assertEquals(s + ": the decisions and the open ones' contributors, streamed " + forThousand,
                    2, forThousand.size());
            assertEquals(s + " " + forThousand, forTen.get(s).size(), forThousand.size());
            // the host: the issues of the 1,000 decisions judged in one bulk call, none one by one
            verify(issues, times(1)).browsableByIds(any(), any());
            verify(issues, never()).browsable(anyLong(), any());
        }
        decisions(1001, 2500);
        clearInvocations(issues);
        assertEquals("2,500 decisions: still the same statements", 2, statementsOf(all).size());
        verify(issues, times(3)).browsableByIds(any(), any()); // one per IssueBatch.SIZE (1,000) decisions
        verify(issues, never()).browsable(anyLong(), any());
        for (int i = 1001; i <= 2500; i++) {
            hidden.add((long) i); // back to the thousand the assertions below were computed for
        }
        AccountabilityReport report = service.report(all);
        assertEquals("1,000 less the one hidden by issue security", 999, report.totals().decisions());
        assertEquals(report, service.report(project));
        assertEquals(report, service.report(domain));
        // the group leads is Alice: the decisions she approves (i % 3 == 2), none hidden (7 % 3 == 1)
        assertEquals(333, service.report(group).totals().decisions());
    }

    @Test
    public void theNumbersOfASmallScopeAsComputedByHand() {
        Instant nov10 = Instant.parse("2026-11-10T09:00:00Z");
        decision(1, DEMO, DecisionStatus.OPEN, CAROL, nov10, null, null);                      // gap: Alice not consulted
        decision(2, DEMO, DecisionStatus.IN_PROGRESS, ALICE, nov10, null, null, ALICE);        // violation: Alice holds CONSULT
        decision(3, DEMO, DecisionStatus.OPEN, null, nov10, null, "2026-11-01");               // unowned, overdue, gap
        decision(4, DEMO, DecisionStatus.DECIDED, CAROL, Instant.parse("2026-11-01T09:00:00Z"),
                Instant.parse("2026-11-04T15:00:00Z"), null);                                   // 3 cycle days
        decision(5, DEMO, DecisionStatus.DECIDED, CAROL, nov10, nov10, null);                  // hidden by issue security
        decision(100_006, OPS, DecisionStatus.OPEN, ALICE, nov10, null, null);                 // a project Bob cannot browse
        hidden.add(5L);

        AccountabilityReport r = service.report(new AccountabilityService.Scope.All());
        assertEquals(new AccountabilityReport.Totals(4, 3, 1), r.totals());
        assertEquals(List.of("DEMO-3"), r.unowned());
        assertEquals(List.of("DEMO-3"), r.overdue());
        assertEquals(List.of("DEMO-2"), r.violations());
        assertEquals(List.of("DEMO-1", "DEMO-3"), r.consultationGaps());
        // population: Carol and Alice (approvers), Dave (stands in for the away Carol): loads 2, 1, 0
        assertEquals(List.of(new Load("carol", 2), new Load("alice", 1), new Load("dave", 0)), r.load());
        // sorted 0, 1, 2: Σ(2i − n − 1)·x = 4, G = 2·4 / (2·3·3) = 4/9
        assertEquals(4.0 / 9, r.gini(), 1e-12);
        assertEquals(2.0 / 3, r.topShare(), 1e-12);
        assertEquals(List.of(), r.singlePointsOfFailure());
        assertEquals(new BusFactor(2, List.of("carol", "dave")), r.busFactor());
        assertEquals(Long.valueOf(3), r.cycleTimeDays().median());
        assertEquals(Long.valueOf(3), r.cycleTimeDays().p90());
        // all four created in November 2026: that month's loads are the same 2, 1, 0, so its index is 1 − 4/9
        MonthIndex november = r.trend().get(11);
        assertEquals(java.time.YearMonth.of(2026, 11), november.month());
        assertEquals(4, november.decisions());
        assertEquals(5.0 / 9, november.distributionIndex(), 1e-12);
        assertEquals(new MonthIndex(java.time.YearMonth.of(2025, 12), 0, 1.0), r.trend().get(0));
        assertEquals(r, service.report(new AccountabilityService.Scope.Project("DEMO")));
    }

    @Test
    public void approversWhoAreGoneKeepTheirLoadMarkedAndHoldNothingInCoverage() {
        Instant nov10 = Instant.parse("2026-11-10T09:00:00Z");
        Person gone = new Person("k-gone", "gone", "Gone Person"); // a user Jira has deleted: only the key is left
        decision(1, DEMO, DecisionStatus.DECIDED, CAROL, nov10, nov10, null);
        decision(2, DEMO, DecisionStatus.DECIDED, gone, nov10, nov10, null);
        decision(3, DEMO, DecisionStatus.DECIDED, gone, nov10, nov10, null);
        // Jira deactivates Carol, the approver of ARCH: she holds nothing now, and Dave no longer stands in for her
        when(users.isActive(any())).thenAnswer(i -> !i.<Person>getArgument(0).key().equals(CAROL.key()));

        AccountabilityService.ScopedReport scoped = service.reportWithCoverage(new AccountabilityService.Scope.All());
        AccountabilityReport r = scoped.report();
        assertEquals(List.of(new Load("k-gone", 2, Person.State.DELETED), new Load("carol", 1, Person.State.INACTIVE)), r.load());
        assertEquals("decisions of approvers who are gone are violations now", List.of("DEMO-1", "DEMO-2", "DEMO-3"), r.violations());
        assertEquals("nobody who may act approves in ARCH", List.of("alice", "bob"), scoped.coverage().people());
        assertEquals(new BusFactor(0, List.of()), r.busFactor());
        assertEquals("the JSON says so", List.of("deleted", "inactive"), ((List<?>) AccountabilityResource.json(java.util.Map.of(), r)
                .get("load")).stream().map(l -> ((Map<?, ?>) l).get("state")).toList());
    }

    @Test
    public void theHeatMapGridHoldsEachPersonsLevelInTheScopeDomainsToday() {
        // ARCH today (2026-11-20): Carol DELEGATE (7) and away, so Dave stands in at 7; Bob AGREE (4); Alice CONSULT (3)
        decision(1, DEMO, DecisionStatus.OPEN, CAROL, NOW, null, null);
        AccountabilityService.ScopedReport r = service.reportWithCoverage(new AccountabilityService.Scope.Project("DEMO"));
        assertEquals(new CoverageGrid(List.of("ARCH"), List.of("alice", "bob", "carol", "dave"),
                Map.of("ARCH", Map.of("alice", 3, "bob", 4, "carol", 7, "dave", 7))), r.coverage());
        assertEquals(r.report(), service.report(new AccountabilityService.Scope.Project("DEMO")));
    }

    @Test
    public void decidedDecisionsPastTheirReviewDateAreDueForReview() {
        // today 2026-11-20: DEMO-1 decided, review 11-19 → due; DEMO-2 decided, review today → not yet;
        // DEMO-3 open, review 11-01 → not decided; DEMO-4 decided without review date
        reviewed(decision(1, DEMO, DecisionStatus.DECIDED, CAROL, NOW, NOW, null), "2026-11-19");
        reviewed(decision(2, DEMO, DecisionStatus.DECIDED, CAROL, NOW, NOW, null), "2026-11-20");
        reviewed(decision(3, DEMO, DecisionStatus.OPEN, CAROL, NOW, null, null), "2026-11-01");
        decision(4, DEMO, DecisionStatus.DECIDED, CAROL, NOW, NOW, null);
        assertEquals(List.of("DEMO-1"), service.report(new AccountabilityService.Scope.All()).dueForReview());
    }

    private static void reviewed(DecisionEntity row, String reviewDate) {
        row.setReviewDate(reviewDate);
        row.save();
    }

    @Test
    public void anUnknownScopeIsBadRequestNamingTheParameterAndAnonymousIsUnauthorized() {
        assertBad("project", new AccountabilityService.Scope.Project("OPS"));
        assertBad("project", new AccountabilityService.Scope.Project("NOPE"));
        assertBad("domain", new AccountabilityService.Scope.Domains(List.of("ARCH", "NOPE")));
        assertBad("group", new AccountabilityService.Scope.Group("nobody-group"));
        when(users.currentUser()).thenReturn(Optional.empty());
        try {
            service.report(new AccountabilityService.Scope.All());
            fail("anonymous");
        } catch (ApiException e) {
            assertEquals(401, e.status());
        }
    }

    private void assertBad(String field, AccountabilityService.Scope scope) {
        try {
            service.report(scope);
            fail(field);
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertTrue(e.errors().toString(), e.errors().containsKey(field));
        }
    }
}
