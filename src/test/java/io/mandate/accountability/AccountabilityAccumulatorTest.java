package io.mandate.accountability;

import io.mandate.accountability.DomainCoverage.ApprovingGrant;
import io.mandate.decision.DecisionStatus;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static io.mandate.decision.DecisionStatus.DECIDED;
import static io.mandate.decision.DecisionStatus.DEFERRED;
import static io.mandate.decision.DecisionStatus.IN_PROGRESS;
import static io.mandate.decision.DecisionStatus.OPEN;
import static io.mandate.decision.DecisionStatus.REVERSED;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/**
 * A whole report of a small scope, every number computed by hand in the comments; the edge cases (empty scope, one
 * person, all loads zero); the order of the lists; the trend's months in the product's time zone; one pass over
 * many decisions that are never held.
 */
public class AccountabilityAccumulatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static DecisionFacts fact(String key, DecisionStatus status, String approver, String created, String decidedAt,
                                      String due, String domain, boolean violation, boolean gap) {
        String project = key.substring(0, key.indexOf('-'));
        long number = Long.parseLong(key.substring(key.indexOf('-') + 1));
        return new DecisionFacts(key, project, number, status, approver, null, berlin(created),
                decidedAt == null ? null : berlin(decidedAt), due == null ? null : LocalDate.parse(due), domain, violation, gap);
    }

    private static DecisionFacts simple(String key, DecisionStatus status, String approver) {
        return fact(key, status, approver, "2026-11-02T10:00", status == DECIDED ? "2026-11-03T10:00" : null, null, "ARCH", false, false);
    }

    private static DomainCoverage domain(String key, ApprovingGrant... grants) {
        return new DomainCoverage(key, List.of(grants));
    }

    private static AccountabilityReport report(List<DecisionFacts> facts, DomainCoverage... domains) {
        return AccountabilityAccumulator.report(facts, List.of(domains), TODAY, BERLIN);
    }

    // ---- one scope by hand ----

    /**
     * Today 2026-12-02 (Berlin). Decisions:
     * <pre>
     *  DEMO-10  OPEN         —      created 11-10, due 11-30, ARCH, gap         → unowned, overdue, consultation gap
     *  DEMO-9   IN_PROGRESS  alice  created 11-20, due 12-02 (today: not overdue), ARCH, violation → violation
     *  DEMO-2   DECIDED      alice  created 10-01 12:00, decided 10-05 12:00 (4 days), due 09-01, ARCH, gap
     *                                (decided: neither overdue nor a gap, which count open decisions only)
     *  OPS-1    DECIDED      bob    created 06-01 10:00, decided 06-13 10:00 (12 days), RELEASE, violation → violation
     *  OPS-3    DEFERRED     alice  created 2025-11-15 (before the trend's 12 months), RELEASE
     *  DEMO-11  OPEN         —      created 12-01, no due date                   → unowned
     * </pre>
     * Domains today: ARCH alice (backup bob), RELEASE carol (no backup), HIRING nobody (AGREE only).
     */
    private static final List<DecisionFacts> SCOPE = List.of(
            fact("DEMO-10", OPEN, null, "2026-11-10T09:00", null, "2026-11-30", "ARCH", false, true),
            fact("DEMO-9", IN_PROGRESS, "alice", "2026-11-20T09:00", null, "2026-12-02", "ARCH", true, false),
            fact("DEMO-2", DECIDED, "alice", "2026-10-01T12:00", "2026-10-05T12:00", "2026-09-01", "ARCH", false, true),
            fact("OPS-1", DECIDED, "bob", "2026-06-01T10:00", "2026-06-13T10:00", null, "RELEASE", true, false),
            fact("OPS-3", DEFERRED, "alice", "2025-11-15T10:00", null, null, "RELEASE", false, false),
            fact("DEMO-11", OPEN, null, "2026-12-01T09:00", null, null, null, false, false));
    private static final DomainCoverage[] DOMAINS = {
            domain("ARCH", ApprovingGrant.user("alice", "bob")),
            domain("RELEASE", ApprovingGrant.user("carol", null)),
            domain("HIRING")};

    @Test
    public void totals() {
        // 6 decisions; open: DEMO-10, DEMO-9, DEMO-11; decided: DEMO-2, OPS-1
        assertEquals(new AccountabilityReport.Totals(6, 3, 2), report(SCOPE, DOMAINS).totals());
    }

    @Test
    public void theIssueLists() {
        AccountabilityReport r = report(SCOPE, DOMAINS);
        assertEquals(List.of("DEMO-10", "DEMO-11"), r.unowned());
        assertEquals(List.of("DEMO-10"), r.overdue());
        assertEquals(List.of("DEMO-9", "OPS-1"), r.violations());
        assertEquals(List.of("DEMO-10"), r.consultationGaps());
    }

    @Test
    public void dueForReviewListsDecidedDecisionsPastTheirReviewDateInIssueOrder() {
        // today 2026-12-02. Due for review: DECIDED and the review date before today.
        //  OPS-2    DECIDED, review 12-01            → yes
        //  DEMO-12  DECIDED, review 2026-06-30       → yes
        //  DEMO-3   DECIDED, review 12-02 (today)    → no: today is not past
        //  DEMO-4   DECIDED, no review date          → no
        //  DEMO-5   OPEN, review 11-01               → no: only decided decisions come due
        //  DEMO-6   REVERSED, review 11-01           → no
        //  DEMO-8   DECIDED, review 11-30            → yes; listed DEMO-8, DEMO-12 (number order), then OPS-2
        List<DecisionFacts> facts = List.of(
                reviewed("OPS-2", DECIDED, "2026-12-01"), reviewed("DEMO-12", DECIDED, "2026-06-30"),
                reviewed("DEMO-3", DECIDED, "2026-12-02"), reviewed("DEMO-4", DECIDED, null),
                reviewed("DEMO-5", OPEN, "2026-11-01"), reviewed("DEMO-6", REVERSED, "2026-11-01"),
                reviewed("DEMO-8", DECIDED, "2026-11-30"));
        assertEquals(List.of("DEMO-8", "DEMO-12", "OPS-2"), report(facts).dueForReview());
        assertEquals(List.of(), report(SCOPE, DOMAINS).dueForReview());
    }

    private static DecisionFacts reviewed(String key, DecisionStatus status, String reviewDate) {
        DecisionFacts f = simple(key, status, "alice");
        return new DecisionFacts(f.issueKey(), f.projectKey(), f.issueNumber(), f.status(), f.approverName(), null,
                f.created(), f.decidedAt(), null, f.domainKey(), false, false,
                reviewDate == null ? null : LocalDate.parse(reviewDate));
    }

    @Test
    public void loadGiniAndTopShare() {
        // load: alice 3 (DEMO-9, DEMO-2, OPS-3), bob 1 (OPS-1: no authority today, still an approver of the
        // scope's decisions), carol 0 (may approve in RELEASE). HIRING adds nobody.
        // x = 3, 1, 0: ΣΣ = 2·(2 + 3 + 1) = 12, n = 3, total 4 → G = 12 / (2·3·4) = 0.5; top share 3/4
        AccountabilityReport r = report(SCOPE, DOMAINS);
        assertEquals(List.of(new Load("alice", 3), new Load("bob", 1), new Load("carol", 0)), r.load());
        assertEquals(0.5, r.gini(), 1e-12);
        assertEquals(0.5, r.distributionIndex(), 1e-12);
        assertEquals(0.75, r.topShare(), 1e-12);
    }

    @Test
    public void singlePointsOfFailureAndBusFactor() {
        // ARCH: alice backed up by bob → no; RELEASE: carol alone without backup → yes; HIRING: nobody → no.
        // Bus factor: m = 3, HIRING uncovered from the start: 2·1 ≤ 3; alice 1, carol 1 → alice: ARCH uncovered,
        // 2·2 > 3 → 1 (alice)
        AccountabilityReport r = report(SCOPE, DOMAINS);
        assertEquals(List.of("RELEASE"), r.singlePointsOfFailure());
        assertEquals(new BusFactor(1, List.of("alice")), r.busFactor());
    }

    @Test
    public void cycleTime() {
        // DEMO-2 4 days, OPS-1 12 days: median rank ⌈1⌉ = 1 → 4; p90 rank ⌈1.8⌉ = 2 → 12
        assertEquals(new CycleTime(2, 4L, 12L), report(SCOPE, DOMAINS).cycleTimeDays());
    }

    @Test
    public void theTrend() {
        // months 2026-01 … 2026-12; the population of a month = its approvers ∪ {alice, carol} (may approve today)
        //  06: OPS-1 bob → bob 1, alice 0, carol 0: ΣΣ = 2·(1 + 1 + 0) = 4, G = 4 / (2·3·1) = 2/3 → index 1/3
        //  10: DEMO-2 alice → alice 1, carol 0: ΣΣ = 2, G = 2 / (2·2·1) = 1/2 → 1/2
        //  11: DEMO-10 (no approver), DEMO-9 alice → alice 1, carol 0 → 1/2, 2 decisions
        //  12: DEMO-11 (no approver) → all 0 → G 0 → 1, 1 decision
        //  the others: no decisions → 1; OPS-3 (2025-11) is outside
        List<MonthIndex> trend = report(SCOPE, DOMAINS).trend();
        assertEquals(12, trend.size());
        assertEquals(YearMonth.of(2026, 1), trend.get(0).month());
        assertEquals(YearMonth.of(2026, 12), trend.get(11).month());
        double[] expected = {1, 1, 1, 1, 1, 1.0 / 3, 1, 1, 1, 0.5, 0.5, 1};
        long[] decisions = {0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 1};
        for (int i = 0; i < 12; i++) {
            assertEquals(trend.get(i).month().toString(), expected[i], trend.get(i).distributionIndex(), 1e-12);
            assertEquals(trend.get(i).month().toString(), decisions[i], trend.get(i).decisions());
        }
    }

    @Test
    public void theDomainsOfTheDecisionsAreKeptForAProjectScope() {
        AccountabilityAccumulator acc = new AccountabilityAccumulator(TODAY, BERLIN);
        SCOPE.forEach(acc::add);
        assertEquals(Set.of("ARCH", "RELEASE"), acc.decisionDomains());
    }

    @Test
    public void theUserGuideExample() {
        // docs/user-guide/accountability.md: the same numbers as the page shows
        List<DecisionFacts> facts = List.of(
                fact("DEMO-2", DECIDED, "alice", "2026-10-01T12:00", "2026-10-05T12:00", null, "ARCH", false, false),
                fact("DEMO-9", IN_PROGRESS, "alice", "2026-11-20T09:00", null, "2026-12-02", "RELEASE", true, false),
                fact("DEMO-10", OPEN, null, "2026-11-10T09:00", null, "2026-11-30", "ARCH", false, true),
                fact("OPS-1", DECIDED, "bob", "2026-06-01T10:00", "2026-06-13T10:00", null, "RELEASE", true, false),
                fact("OPS-3", DEFERRED, "alice", "2025-11-15T10:00", null, null, "ARCH", false, false));
        AccountabilityReport r = report(facts, domain("ARCH", ApprovingGrant.user("alice", "dave")),
                domain("RELEASE", ApprovingGrant.user("carol", null)));
        assertEquals(List.of("DEMO-10"), r.unowned());
        assertEquals(List.of("DEMO-10"), r.overdue());
        assertEquals(List.of("DEMO-9", "OPS-1"), r.violations());
        assertEquals(List.of("DEMO-10"), r.consultationGaps());
        assertEquals(new CycleTime(2, 4L, 12L), r.cycleTimeDays());
        assertEquals(List.of(new Load("alice", 3), new Load("bob", 1), new Load("carol", 0)), r.load());
        assertEquals(0.75, r.topShare(), 1e-12);
        assertEquals(0.5, r.gini(), 1e-12);
        assertEquals(List.of("RELEASE"), r.singlePointsOfFailure());
        // m = 2: alice 1, carol 1 → alice (2·1 ≤ 2) → carol (2·2 > 2)
        assertEquals(new BusFactor(2, List.of("alice", "carol")), r.busFactor());
    }

    // ---- edge cases ----

    @Test
    public void anEmptyScope() {
        AccountabilityReport r = report(List.of());
        assertEquals(new AccountabilityReport.Totals(0, 0, 0), r.totals());
        assertEquals(List.of(), r.unowned());
        assertEquals(List.of(), r.overdue());
        assertEquals(List.of(), r.violations());
        assertEquals(List.of(), r.consultationGaps());
        assertEquals(List.of(), r.load());
        assertEquals(0.0, r.gini(), 0.0);
        assertEquals(0.0, r.topShare(), 0.0);
        assertEquals(List.of(), r.singlePointsOfFailure());
        assertEquals(new BusFactor(0, List.of()), r.busFactor());
        assertNull(r.cycleTimeDays().median());
        assertNull(r.cycleTimeDays().p90());
        assertEquals(12, r.trend().size());
        r.trend().forEach(m -> assertEquals(1.0, m.distributionIndex(), 0.0));
    }

    @Test
    public void onePerson() {
        // alice approves both decisions and alone may approve in ARCH (no backup):
        // load alice 2 → G 0, top share 1; ARCH is a single point of failure; bus factor 1 (alice)
        AccountabilityReport r = report(List.of(simple("DEMO-1", DECIDED, "alice"), simple("DEMO-2", OPEN, "alice")),
                domain("ARCH", ApprovingGrant.user("alice", null)));
        assertEquals(List.of(new Load("alice", 2)), r.load());
        assertEquals(0.0, r.gini(), 0.0);
        assertEquals(1.0, r.topShare(), 0.0);
        assertEquals(List.of("ARCH"), r.singlePointsOfFailure());
        assertEquals(new BusFactor(1, List.of("alice")), r.busFactor());
        assertEquals(new CycleTime(1, 1L, 1L), r.cycleTimeDays());
    }

    @Test
    public void allLoadsZero() {
        // nobody approves any of the decisions; alice and bob may approve: loads 0, 0 → G 0, top share 0
        AccountabilityReport r = report(List.of(simple("DEMO-1", OPEN, null), simple("DEMO-2", OPEN, null)),
                domain("ARCH", ApprovingGrant.user("bob", null), ApprovingGrant.user("alice", null)));
        assertEquals(List.of(new Load("alice", 0), new Load("bob", 0)), r.load());
        assertEquals(0.0, r.gini(), 0.0);
        assertEquals(0.0, r.topShare(), 0.0);
        assertEquals(List.of("DEMO-1", "DEMO-2"), r.unowned());
    }

    @Test
    public void aGroupGrantPutsEveryMemberInThePopulation() {
        // leads {alice, erin} may approve in ARCH; alice approves 1 → loads alice 1, erin 0: G = 2/(2·2·1) = 0.5
        AccountabilityReport r = report(List.of(simple("DEMO-1", DECIDED, "alice")),
                domain("ARCH", ApprovingGrant.group("leads", List.of("alice", "erin"))));
        assertEquals(List.of(new Load("alice", 1), new Load("erin", 0)), r.load());
        assertEquals(0.5, r.gini(), 1e-12);
    }

    @Test
    public void closedDecisionsAreNeitherUnownedNorOverdueNorGapsButStillViolations() {
        DecisionFacts reversed = fact("DEMO-5", REVERSED, null, "2026-01-05T10:00", null, "2026-02-01", "ARCH", true, true);
        AccountabilityReport r = report(List.of(reversed));
        assertEquals(List.of(), r.unowned());
        assertEquals(List.of(), r.overdue());
        assertEquals(List.of(), r.consultationGaps());
        assertEquals(List.of("DEMO-5"), r.violations());
    }

    @Test
    public void aDecidedDecisionWithoutDecidedAtIsCountedButNotTimed() {
        DecisionFacts f = fact("DEMO-5", DECIDED, "alice", "2026-11-05T10:00", null, null, "ARCH", false, false);
        AccountabilityReport r = report(List.of(f));
        assertEquals(1, r.totals().decided());
        assertEquals(new CycleTime(0, null, null), r.cycleTimeDays());
    }

    // ---- order ----

    @Test
    public void issueKeysAreSortedByProjectThenNumber() {
        // text order would put DEMO-10 before DEMO-9; numbers put 9 first; projects alphabetically
        List<DecisionFacts> facts = List.of(simple("DEMO-10", OPEN, null), simple("OPS-2", OPEN, null),
                simple("DEMO-9", OPEN, null), simple("ABC-100", OPEN, null));
        assertEquals(List.of("ABC-100", "DEMO-9", "DEMO-10", "OPS-2"), report(facts).unowned());
    }

    // ---- months in the product's time zone ----

    @Test
    public void aDecisionCountsInTheMonthOfItsCreationInTheProductTimeZone() {
        // 00:30 on 1 January in Berlin is 23:30 on 31 December UTC: January, inside the window (2026-01 … 2026-12)
        DecisionFacts newYear = fact("DEMO-1", OPEN, "alice", "2026-01-01T00:30", null, null, "ARCH", false, false);
        // 23:30 on 31 December 2025 in Berlin: before the window
        DecisionFacts oldYear = fact("DEMO-2", OPEN, "alice", "2025-12-31T23:30", null, null, "ARCH", false, false);
        List<MonthIndex> trend = report(List.of(newYear, oldYear)).trend();
        assertEquals(new MonthIndex(YearMonth.of(2026, 1), 1, 1.0), trend.get(0));
        assertEquals(1, trend.stream().mapToLong(MonthIndex::decisions).sum());
    }

    // ---- one pass ----

    @Test
    public void manyDecisionsInOnePassThatNeverHoldsThem() {
        // 300,000 decisions made up on the fly and dropped after add(): person i % 3 approves, so loads are
        // 100,000 each → G 0, top share 1/3; every 1000th is unowned (and then nobody approves it)
        int n = 300_000;
        Iterable<DecisionFacts> stream = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public DecisionFacts next() {
                int k = ++i;
                String approver = k % 1000 == 0 ? null : "p" + (k % 3);
                return new DecisionFacts("BIG-" + k, "BIG", k, OPEN, approver, null, berlin("2026-11-02T10:00"),
                        null, null, "ARCH", false, false);
            }
        };
        AccountabilityReport r = AccountabilityAccumulator.report(stream, List.of(), TODAY, BERLIN);
        assertEquals(n, r.totals().decisions());
        assertEquals(300, r.unowned().size());
        assertEquals("BIG-1000", r.unowned().get(0));
        assertEquals("BIG-300000", r.unowned().get(299));
        // unowned are the multiples of 1000: 100 of them have k % 3 == 0, 1 and 2 each; p0 loses 100, p1 100, p2 100
        assertEquals(List.of(new Load("p0", 99_900), new Load("p1", 99_900), new Load("p2", 99_900)), r.load());
        assertEquals(0.0, r.gini(), 0.0);
        assertEquals(1.0 / 3, r.topShare(), 1e-12);
    }
}
