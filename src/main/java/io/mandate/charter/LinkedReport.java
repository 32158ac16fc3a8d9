package io.mandate.charter;

import io.mandate.accountability.CoverageGrid;
import io.mandate.accountability.Load;
import io.mandate.accountability.MonthIndex;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accountability report of one scope as the linked Jira gave it to the viewing user
 * ({@code GET /reports/accountability?…&include=coverage}), or the notices saying why there is none. Immutable;
 * cached per user and scope ({@link LinkedReports}).
 *
 * @param loaded  false when there is no report (the notices say why); every other value is then empty or zero
 * @param lists   the issue lists by name as Jira's report names them ({@code unowned}, {@code overdue},
 *                {@code violations}, {@code consultationGaps}, {@code dueForReview}), issue keys in Jira's order
 * @param jiraUrl where the issues are shown (the link's display URL), or null
 */
public record LinkedReport(boolean loaded, List<JiraNotice> notices, URI jiraUrl, Totals totals, double gini,
                           double topShare, Long cycleMedian, Long cycleP90, int busFactor, List<String> busFactorPeople,
                           List<String> singlePointsOfFailure, Map<String, List<String>> lists, List<Load> load,
                           List<MonthIndex> trend, CoverageGrid coverage) {

    /** The issue lists of the report, in the order the macro shows them. */
    static final List<String> LISTS = List.of("unowned", "overdue", "violations", "consultationGaps", "dueForReview");

    public record Totals(long decisions, long open, long decided) {
    }

    public LinkedReport {
        notices = List.copyOf(notices);
        Objects.requireNonNull(totals, "totals");
        busFactorPeople = List.copyOf(busFactorPeople);
        singlePointsOfFailure = List.copyOf(singlePointsOfFailure);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lists.forEach((name, keys) -> copy.put(name, List.copyOf(keys)));
        lists = java.util.Collections.unmodifiableMap(copy);
        load = List.copyOf(load);
        trend = List.copyOf(trend);
        Objects.requireNonNull(coverage, "coverage");
    }

    /** No report: only why. */
    static LinkedReport unavailable(JiraNotice why, URI jiraUrl) {
        return new LinkedReport(false, List.of(why), jiraUrl, new Totals(0, 0, 0), 0, 0, null, null, 0, List.of(),
                List.of(), Map.of(), List.of(), List.of(), new CoverageGrid(List.of(), List.of(), Map.of()));
    }

    /** 1 − Gini, as the report page shows it. */
    public double distributionIndex() {
        return 1 - gini;
    }

    /** Whether the user must authorise the link first (nothing worth keeping in a cache). */
    public boolean needsAuthorisation() {
        return notices.stream().anyMatch(JiraNotice::asksForAuthorisation);
    }
}
