package io.mandate.accountability;

import io.mandate.decision.DecisionStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The accountability report of a scope in one streaming pass: {@link #add} each of the scope's decisions once (only
 * those the caller may browse), then {@link #report} with the coverage of the scope's domains as of today. It never
 * holds the decisions — only what the report outputs anyway (the five issue lists) and what is bounded by people,
 * domains or days, not by decisions: approver → load, the same for each of the 12 trend months, a histogram of
 * cycle days, the set of the decisions' domains. Not thread-safe: one report, one thread.
 *
 * <p>Exactly the product brief's definitions ("Accountability metrics"); each is documented where it is computed:
 * {@link DecisionFacts#isUnowned()}, {@link DecisionFacts#isOverdue}, {@link DecisionFacts#isDueForReview}, {@link Load}, {@link Gini},
 * {@link SinglePointsOfFailure}, {@link BusFactor}, {@link CycleTime}, {@link MonthIndex}.
 */
public final class AccountabilityAccumulator {

    /** Issue lists: by project key, then issue number (DEMO-9 before DEMO-10), then key (a moved issue's leftovers). */
    private static final Comparator<IssueRow> PROJECT_THEN_NUMBER = Comparator.comparing(IssueRow::projectKey)
            .thenComparingLong(IssueRow::number).thenComparing(IssueRow::key);

    private record IssueRow(String projectKey, long number, String key) {
    }

    private final LocalDate today;
    private final ZoneId zone;
    private final YearMonth firstMonth;
    private final YearMonth currentMonth;

    private long decisions;
    private long open;
    private long decided;
    private final List<IssueRow> unowned = new ArrayList<>();
    private final List<IssueRow> overdue = new ArrayList<>();
    private final List<IssueRow> violations = new ArrayList<>();
    private final List<IssueRow> consultationGaps = new ArrayList<>();
    private final List<IssueRow> dueForReview = new ArrayList<>();
    private final Map<String, Long> approvals = new HashMap<>();
    private final Map<YearMonth, Map<String, Long>> monthlyApprovals = new TreeMap<>();
    private final Map<YearMonth, Long> monthlyDecisions = new TreeMap<>();
    private final CycleTime.Histogram cycleDays = new CycleTime.Histogram();
    private final Set<String> decisionDomains = new TreeSet<>();
    /** One copy of each project key for the rows of the issue lists (each issue brings its own copy of it). */
    private final Map<String, String> projectKeys = new HashMap<>();

    /**
     * @param today today in the product's time zone (overdue, the trend's current month)
     * @param zone  the product's time zone (cycle days, the month a decision was created in)
     */
    public AccountabilityAccumulator(LocalDate today, ZoneId zone) {
        this.today = Objects.requireNonNull(today, "today");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.currentMonth = YearMonth.from(today);
        this.firstMonth = currentMonth.minusMonths(11);
    }

    /** Counts one decision of the scope. Feed each decision once: the accumulator does not keep keys to dedupe. */
    public AccountabilityAccumulator add(DecisionFacts f) {
        IssueRow row = new IssueRow(projectKeys.computeIfAbsent(f.projectKey(), k -> k), f.issueNumber(), f.issueKey());
        decisions++;
        if (f.isOpen()) {
            open++;
        }
        if (f.isUnowned()) {
            unowned.add(row);
        }
        if (f.isOverdue(today)) {
            overdue.add(row);
        }
        if (f.violation()) {
            violations.add(row);
        }
        if (f.isOpen() && f.consultationGap()) {
            consultationGaps.add(row);
        }
        if (f.isDueForReview(today)) {
            dueForReview.add(row);
        }
        if (f.approverName() != null) {
            approvals.merge(f.approverName(), 1L, Long::sum);
        }
        if (f.status() == DecisionStatus.DECIDED) {
            decided++;
            if (f.decidedAt() != null) {
                cycleDays.add(CycleTime.days(f.created(), f.decidedAt(), zone));
            }
        }
        YearMonth month = YearMonth.from(f.created().atZone(zone));
        if (!month.isBefore(firstMonth) && !month.isAfter(currentMonth)) {
            monthlyDecisions.merge(month, 1L, Long::sum);
            if (f.approverName() != null) {
                monthlyApprovals.computeIfAbsent(month, m -> new HashMap<>()).merge(f.approverName(), 1L, Long::sum);
            }
        }
        if (f.domainKey() != null) {
            decisionDomains.add(f.domainKey());
        }
        return this;
    }

    /**
     * The domains of the decisions added so far, sorted. For a project scope the brief's domains are "the domains
     * whose rules match the project plus the domains of its decisions": the caller adds these to the coverage it
     * passes to {@link #report}. For the other scopes the domains do not depend on the decisions.
     */
    public Set<String> decisionDomains() {
        return Set.copyOf(decisionDomains);
    }

    /**
     * The report of the decisions added so far.
     *
     * @param scopeDomains the coverage as of today of each domain of the scope ({@link DomainCoverage#of})
     */
    public AccountabilityReport report(Collection<DomainCoverage> scopeDomains) {
        Set<String> mayApprove = new TreeSet<>();
        scopeDomains.forEach(d -> mayApprove.addAll(d.approvers()));
        List<Load> load = Load.perPerson(approvals, mayApprove);
        List<MonthIndex> trend = new ArrayList<>();
        for (YearMonth m = firstMonth; !m.isAfter(currentMonth); m = m.plusMonths(1)) {
            List<Load> monthLoad = Load.perPerson(monthlyApprovals.getOrDefault(m, Map.of()), mayApprove);
            trend.add(new MonthIndex(m, monthlyDecisions.getOrDefault(m, 0L), Load.gini(monthLoad).distributionIndex()));
        }
        return new AccountabilityReport(new AccountabilityReport.Totals(decisions, open, decided),
                keys(unowned), keys(overdue), keys(violations), keys(consultationGaps), keys(dueForReview),
                load, Load.gini(load).value(), Load.topShare(load),
                SinglePointsOfFailure.of(scopeDomains), BusFactor.of(scopeDomains), cycleDays.cycleTime(), trend);
    }

    /** One pass over {@code facts}, then the report. */
    public static AccountabilityReport report(Iterable<DecisionFacts> facts, Collection<DomainCoverage> scopeDomains,
                                              LocalDate today, ZoneId zone) {
        AccountabilityAccumulator acc = new AccountabilityAccumulator(today, zone);
        facts.forEach(acc::add);
        return acc.report(scopeDomains);
    }

    private static List<String> keys(List<IssueRow> rows) {
        return rows.stream().sorted(PROJECT_THEN_NUMBER).map(IssueRow::key).toList();
    }
}
