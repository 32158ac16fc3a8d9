package io.mandate.accountability;

import java.util.List;
import java.util.Objects;

/**
 * The accountability report of a scope (product brief, "Accountability metrics"), in the shape of the REST contract
 * (rest-api.md, "Accountability report"; the REST layer adds {@code scope} and writes this as JSON). Every list is
 * sorted: issue keys by project key, then issue number; load by count descending, then username; domain keys
 * alphabetically; the bus factor's people in removal order; the trend from the oldest month to the current one.
 * Gini and top share are exact doubles; rounding, if any, is the writer's.
 *
 * @param unowned               open decisions with no approver
 * @param overdue               open decisions whose due date is before today (product time zone)
 * @param violations            decisions of any status with an authority violation
 * @param consultationGaps      open decisions with a consultation gap
 * @param dueForReview          DECIDED decisions whose review date is before today (product time zone)
 * @param load                  load per person over the whole population P (0 included; {@link Load#perPerson})
 * @param gini                  {@link Gini} of {@code load}
 * @param topShare              max load / total load ({@link Load#topShare})
 * @param singlePointsOfFailure {@link SinglePointsOfFailure}
 * @param busFactor             {@link BusFactor}
 * @param cycleTimeDays         {@link CycleTime}
 * @param trend                 the distribution index of each of the last 12 months, oldest first ({@link MonthIndex})
 */
public record AccountabilityReport(Totals totals, List<String> unowned, List<String> overdue, List<String> violations,
                                   List<String> consultationGaps, List<String> dueForReview, List<Load> load, double gini, double topShare,
                                   List<String> singlePointsOfFailure, BusFactor busFactor, CycleTime cycleTimeDays,
                                   List<MonthIndex> trend) {

    /**
     * @param decisions all decisions in scope
     * @param open      OPEN or IN_PROGRESS
     * @param decided   DECIDED
     */
    public record Totals(long decisions, long open, long decided) {
    }

    public AccountabilityReport {
        Objects.requireNonNull(totals, "totals");
        unowned = List.copyOf(unowned);
        overdue = List.copyOf(overdue);
        violations = List.copyOf(violations);
        consultationGaps = List.copyOf(consultationGaps);
        dueForReview = List.copyOf(dueForReview);
        load = List.copyOf(load);
        singlePointsOfFailure = List.copyOf(singlePointsOfFailure);
        Objects.requireNonNull(busFactor, "busFactor");
        Objects.requireNonNull(cycleTimeDays, "cycleTimeDays");
        trend = List.copyOf(trend);
    }

    /**
     * The same report with each load's person in the state {@code stateOf} gives the username (the accumulator counts
     * names; who of them the host has deactivated or deleted is the service's to say).
     */
    public AccountabilityReport withStates(java.util.function.Function<String, io.mandate.platform.Person.State> stateOf) {
        return new AccountabilityReport(totals, unowned, overdue, violations, consultationGaps, dueForReview,
                load.stream().map(l -> new Load(l.user(), l.count(), stateOf.apply(l.user()))).toList(), gini, topShare,
                singlePointsOfFailure, busFactor, cycleTimeDays, trend);
    }

    /** 1 − {@link #gini()}: the figure the trend charts. */
    public double distributionIndex() {
        return 1.0 - gini;
    }
}
