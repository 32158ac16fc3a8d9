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
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The what-if over Active Objects (HSQLDB and PostgreSQL) with the real stores, the matrix's cluster caches and
 * {@link MatrixDecisionAuthority}; the host (issue access, users, groups) is faked. Shows that
 * <ul>
 *   <li>a what-if over 10 decisions and over 1,000 issues the same statements — one (the open decisions, streamed),
 *       two for a window (its absences, then the decisions) — for every scope kind;</li>
 *   <li>the answer on a small hand-computed scope: only open decisions of an absent approver that the caller may
 *       browse wait (issue security, another project, closed, unowned do not); a project's scope takes in the domain
 *       of its open decisions;</li>
 *   <li>a window takes everyone whose recorded absence shares a day with it, and no one else.</li>
 * </ul>
 */
@RunWith(Parameterized.class)
public class WhatIfServiceTest {

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
    private AbsenceStore absences;
    private WhatIfService service;
    /** Issue ids hidden from the caller by issue security. */
    private final Set<Long> hidden = new HashSet<>();

    public WhatIfServiceTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.browsableByIds(any(), any())).thenCallRealMethod(); // the one-by-one default over the stub below
        when(issues.browsable(anyLong(), any())).thenAnswer(i -> {
            long id = i.<Long>getArgument(0);
            if (hidden.contains(id)) {
                return Optional.empty();
            }
            boolean ops = id >= 100_000;
            return Optional.of(new IssueRef(id, (ops ? "OPS-" : "DEMO-") + id, "Issue " + id, ops ? OPS : DEMO,
                    ops ? "OPS" : "DEMO", "Task", List.of(), List.of()));
        });
        when(issues.browsableProjects(any())).thenReturn(Set.of(DEMO));
        when(issues.browsableProject(eq("DEMO"), any())).thenReturn(Optional.of(DEMO));
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(BOB));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.byName(anyString())).thenAnswer(i -> BY_KEY.values().stream().filter(p -> p.name().equals(i.getArgument(0))).findFirst());
        when(users.isActive(any())).thenReturn(true);
        when(users.groupExists(anyString())).thenAnswer(i -> "leads".equals(i.getArgument(0)));
        GroupDirectory groups = mock(GroupDirectory.class);
        when(groups.groupsOf(anyString())).thenReturn(Set.of());
        when(groups.membersOf(anyString())).thenReturn(List.of());
        when(groups.membersOf("leads")).thenReturn(List.of(ALICE, CAROL));

        // ARCH over DEMO: Carol approves (Dave backs her up), Alice is consulted, Bob agrees.
        // SPEND over OPS only: Alice approves, no backup — a DEMO decision is in it only when set by hand.
        DomainStore domains = new DomainStore(ao.entities());
        domains.create(new Domain("ARCH", "Architecture", null,
                new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 0));
        domains.create(new Domain("SPEND", "Spend", null,
                new DomainScope(List.of("OPS"), List.of(), List.of(), List.of(), List.of()), 0));
        GrantStore grants = new GrantStore(ao.entities());
        grants.create(new Grant(0, "ARCH", Principal.user(CAROL.key()), Level.DELEGATE, DAVE.key(), null, null, null, null, 0), List.of());
        grants.create(new Grant(0, "ARCH", Principal.user(ALICE.key()), Level.CONSULT, null, null, null, null, null, 0), List.of());
        grants.create(new Grant(0, "ARCH", Principal.user(BOB.key()), Level.AGREE, null, null, null, null, null, 0), List.of());
        grants.create(new Grant(0, "SPEND", Principal.user(ALICE.key()), Level.ADVISE, null, null, null, null, null, 0), List.of());
        absences = new AbsenceStore(ao.entities());

        HostClusterCaches caches = new HostClusterCaches(new RefCacheManager(new RefCluster()));
        FixedClock clock = FixedClock.utc(NOW);
        DecisionStore decisionStore = new DecisionStore(ao.entities(), ao.aggregates());
        People people = new People(users);
        AuthorityService authority = new AuthorityService(domains, grants, absences, decisionStore, issues, people,
                groups, clock, mock(io.mandate.platform.AuditLog.class), caches);
        service = new WhatIfService(decisionStore, new MatrixDecisionAuthority(authority), authority, absences, issues, people);
    }

    @After
    public void tearDown() {
        ao.close();
    }

    /** A decision row as the store writes it (straight into the table: 1,000 of them through the service take long). */
    private void decision(long issueId, DecisionStatus status, Person approver, String domain, boolean byHand) {
        boolean ops = issueId >= 100_000;
        String project = ops ? "OPS" : "DEMO";
        Map<String, Object> values = new HashMap<>();
        values.put("ISSUE_ID", issueId);
        values.put("PROJECT_ID", ops ? OPS : DEMO);
        values.put("ISSUE_KEY", project + "-" + issueId);
        values.put("PROJECT_KEY", project);
        values.put("ISSUE_NUMBER", issueId);
        values.put("STATUS", status.name());
        values.put("DRIVER_KEY", BOB.key());
        values.put("APPROVER_KEY", approver == null ? null : approver.key());
        values.put("DOMAIN_KEY", domain);
        values.put("DOMAIN_BY_HAND", byHand);
        values.put("CREATED_AT", Date.from(NOW));
        values.put("UPDATED_AT", Date.from(NOW));
        values.put("VERSION", 1);
        ao.entities().create(DecisionEntity.class, values);
    }

    private void absence(Person who, String from, String to) {
        absences.create(new Absence(0, who.key(), LocalDate.parse(from), LocalDate.parse(to), null), List.of());
    }

    private static final AccountabilityService.Scope ALL = new AccountabilityService.Scope.All();
    private static final AccountabilityService.Scope PROJECT = new AccountabilityService.Scope.Project("DEMO");
    private static final AccountabilityService.Scope ARCH = new AccountabilityService.Scope.Domains(List.of("ARCH"));
    private static final AccountabilityService.Scope LEADS = new AccountabilityService.Scope.Group("leads");

    @Test
    public void aWhatIfOverTenDecisionsIssuesTheSameStatementsAsOverAThousand() {
        DecisionStatus[] statuses = DecisionStatus.values();
        Person[] approvers = {null, CAROL, ALICE, DAVE};
        for (int i = 1; i <= 10; i++) {
            decision(i, statuses[i % statuses.length], approvers[i % 4], "ARCH", false);
        }
        absence(CAROL, "2026-11-01", "2027-01-05");
        hidden.add(5L);
        List<AccountabilityService.Scope> scopes = List.of(ALL, PROJECT, ARCH, LEADS);
        scopes.forEach(s -> service.whatIf(s, "carol", null, null)); // warms the matrix's caches
        Map<String, Integer> forTen = new HashMap<>();
        for (AccountabilityService.Scope s : scopes) {
            forTen.put(s + " absent", statementsOf(s, "carol", null, null).size());
            forTen.put(s + " window", statementsOf(s, null, "2026-12-01", "2026-12-31").size());
        }
        // carol approves i % 4 == 1 (1, 5, 9); 5 is hidden; open = OPEN or IN_PROGRESS = i % 5 in {0, 1}: 1 is, 9 is not
        assertEquals(List.of("DEMO-1"), service.whatIf(ALL, "carol", null, null).report().decisionsWaiting());

        for (int i = 11; i <= 1000; i++) {
            decision(i, statuses[i % statuses.length], approvers[i % 4], "ARCH", false);
        }
        for (AccountabilityService.Scope s : scopes) {
            List<String> absent = statementsOf(s, "carol", null, null);
            assertEquals(s + ": the open decisions, streamed " + absent, 1, absent.size());
            assertEquals(s + " " + absent, (int) forTen.get(s + " absent"), absent.size());
            List<String> window = statementsOf(s, null, "2026-12-01", "2026-12-31");
            assertEquals(s + ": the window's absences, then the open decisions " + window, 2, window.size());
            assertEquals(s + " " + window, (int) forTen.get(s + " window"), window.size());
        }
        // carol's open ones: i % 4 == 1 and i % 5 in {0, 1} → i ≡ 1 or 5 (mod 20): 100 of 1..1000, less the hidden 5
        WhatIfReport report = service.whatIf(ALL, "carol", null, null).report();
        assertEquals(99, report.decisionsWaiting().size());
        assertEquals("DEMO-1", report.decisionsWaiting().get(0));
        assertEquals("DEMO-21", report.decisionsWaiting().get(1));
        assertEquals(report, service.whatIf(PROJECT, "carol", null, null).report());
        assertEquals(report, service.whatIf(ARCH, "carol", null, null).report());
        assertEquals(report.decisionsWaiting(), service.whatIf(LEADS, "carol", null, null).report().decisionsWaiting());
        assertEquals(report.decisionsWaiting(), service.whatIf(ALL, null, "2026-12-01", "2026-12-31").report().decisionsWaiting());
    }

    private List<String> statementsOf(AccountabilityService.Scope scope, String absent, String from, String to) {
        ao.sql().start();
        service.whatIf(scope, absent, from, to);
        return ao.sql().stop();
    }

    @Test
    public void onlyOpenDecisionsOfAnAbsentApproverThatTheCallerMayBrowseWait() {
        decision(1, DecisionStatus.OPEN, CAROL, "ARCH", false);             // waits for carol
        decision(2, DecisionStatus.IN_PROGRESS, CAROL, "ARCH", false);      // hidden by issue security
        decision(3, DecisionStatus.DECIDED, CAROL, "ARCH", false);          // closed
        decision(4, DecisionStatus.IN_PROGRESS, ALICE, "SPEND", true);      // waits for alice; puts SPEND into DEMO's scope
        decision(100_005, DecisionStatus.OPEN, CAROL, "ARCH", false);       // OPS: bob cannot browse it
        decision(6, DecisionStatus.OPEN, null, "ARCH", false);              // unowned
        decision(7, DecisionStatus.DEFERRED, CAROL, "ARCH", false);         // closed
        decision(8, DecisionStatus.OPEN, DAVE, "ARCH", false);              // dave is not away
        decision(10, DecisionStatus.OPEN, CAROL, "ARCH", false);            // waits, after DEMO-4 (number order)
        hidden.add(2L);

        // carol and alice away: ARCH keeps going through dave (carol's backup); SPEND has nobody (alice, no backup);
        // bob, ARCH's co-decider, is in
        WhatIfReport expected = new WhatIfReport(List.of("alice", "carol"), List.of(), List.of("SPEND"),
                Map.of("ARCH", List.of(new WhatIfReport.StandIn("carol", "dave"))), Map.of(),
                List.of("DEMO-1", "DEMO-4", "DEMO-10"));
        assertEquals(expected, service.whatIf(ALL, "carol, alice,carol", null, null).report());
        assertEquals("the project's open decision in SPEND brings SPEND into DEMO's scope",
                expected, service.whatIf(PROJECT, "alice,carol", null, null).report());
        // the domain scope filters on the stored domain: DEMO-4 is SPEND's
        assertEquals(new WhatIfReport(List.of("alice", "carol"), List.of(), List.of(),
                        Map.of("ARCH", List.of(new WhatIfReport.StandIn("carol", "dave"))), Map.of(), List.of("DEMO-1", "DEMO-10")),
                service.whatIf(ARCH, "alice,carol", null, null).report());
        // carol and dave away: ARCH stalls; bob away too: ARCH loses its co-decider
        assertEquals(new WhatIfReport(List.of("bob", "carol", "dave"), List.of(), List.of("ARCH"), Map.of(),
                        Map.of("ARCH", List.of("bob")), List.of("DEMO-1", "DEMO-8", "DEMO-10")),
                service.whatIf(ARCH, "carol,dave,bob", null, null).report());
    }

    @Test
    public void aProjectsScopeLeavesOutTheDomainOfAClosedDecision() {
        decision(4, DecisionStatus.DECIDED, ALICE, "SPEND", true);
        WhatIfReport r = service.whatIf(PROJECT, "alice", null, null).report();
        assertEquals("SPEND is OPS's by its rules; DEMO has only a closed decision in it", List.of(), r.stalled());
        assertEquals(List.of("SPEND"), service.whatIf(ALL, "alice", null, null).report().stalled());
    }

    private static String whereOf(String sql) {
        return sql.substring(sql.indexOf(" WHERE "));
    }

    /** More absent people than the decision store puts into one IN list (DecisionStore.MAX_SQL_IN, 500). */
    private static final int TOO_MANY_FOR_AN_IN_LIST = 500;

    @Test
    public void withMoreAwayThanAnInListTakesTheApproversAreFilteredWhileStreaming() {
        for (int i = 0; i < TOO_MANY_FOR_AN_IN_LIST; i++) {
            absences.create(new Absence(0, "k-temp-" + i, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"), null), List.of());
        }
        absence(CAROL, "2026-12-01", "2026-12-01");
        decision(1, DecisionStatus.OPEN, CAROL, "ARCH", false);
        decision(2, DecisionStatus.OPEN, DAVE, "ARCH", false);
        service.whatIf(ARCH, null, "2026-12-01", "2026-12-01"); // warms the matrix's caches
        ao.sql().start();
        WhatIfReport r = service.whatIf(ARCH, null, "2026-12-01", "2026-12-01").report();
        List<String> statements = ao.sql().stop();
        assertEquals(TOO_MANY_FOR_AN_IN_LIST + 1, r.absent().size());
        assertEquals(List.of("DEMO-1"), r.decisionsWaiting());
        assertEquals(statements.toString(), 2, statements.size());
        assertTrue("no IN list of the absent: " + statements.get(1), !whereOf(statements.get(1)).contains("APPROVER_KEY"));
        String carolAlone = statementsOf(ARCH, "carol", null, null).get(0);
        assertTrue("the control: with carol alone the database picks her decisions " + carolAlone,
                whereOf(carolAlone).contains("APPROVER_KEY"));
    }

    @Test
    public void aWindowTakesEveryoneWhoseAbsenceSharesADayWithIt() {
        absence(ALICE, "2026-11-01", "2026-11-19");   // ends the day before from: not away
        absence(BOB, "2026-11-25", "2026-12-10");     // starts on to: away
        absence(CAROL, "2026-11-01", "2027-01-05");   // covers the window: away
        absence(DAVE, "2026-11-26", "2026-11-30");    // starts the day after to: not away
        decision(1, DecisionStatus.OPEN, CAROL, "ARCH", false);
        decision(2, DecisionStatus.OPEN, ALICE, "SPEND", true);

        WhatIfService.Answer a = service.whatIf(ALL, null, "2026-11-20", "2026-11-25");
        assertEquals(new WhatIfService.Window(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-25")), a.window());
        // carol away: dave stands in for her in ARCH; bob (AGREE) away: ARCH loses its co-decider
        assertEquals(new WhatIfReport(List.of("bob", "carol"), List.of(), List.of(),
                Map.of("ARCH", List.of(new WhatIfReport.StandIn("carol", "dave"))), Map.of("ARCH", List.of("bob")),
                List.of("DEMO-1")), a.report());
        // one day earlier alice's last day is in the window; one day later dave's first
        assertEquals(List.of("alice", "bob", "carol"), service.whatIf(ALL, null, "2026-11-19", "2026-11-25").report().absent());
        assertEquals(List.of("bob", "carol", "dave"), service.whatIf(ALL, null, "2026-11-20", "2026-11-26").report().absent());
        // a one-day window on alice's last day
        assertEquals(List.of("alice", "carol"), service.whatIf(ALL, null, "2026-11-19", "2026-11-19").report().absent());
        // a window without absences: nobody away, nothing changes
        WhatIfService.Answer empty = service.whatIf(ALL, null, "2027-02-01", "2027-02-28");
        assertEquals(new WhatIfReport(List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of()), empty.report());
        assertNull("the names form has no window", service.whatIf(ALL, "carol", null, null).window());
    }
}
