package io.mandate.accountability;

import io.mandate.authority.Level;
import io.mandate.platform.Person;
import io.mandate.platform.PersonLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report's three SVG charts with their words in the viewer's language — title and a description that says in a
 * sentence what the chart shows, for screen readers — wherever a report is shown: Jira's report page
 * ({@link ReportPage}) and Confluence's report macro. Each chart is escaped as it is drawn ({@link Charts}).
 */
public final class ReportCharts {

    private final ReportPage.Words words;
    private final String idPrefix;

    /**
     * @param idPrefix the start of the charts' element ids ({@link ChartText#idPrefix()}): one per report on a page
     */
    public ReportCharts(ReportPage.Words words, String idPrefix) {
        this.words = words;
        this.idPrefix = idPrefix;
    }

    /** Approvals per person, heaviest first; people who are gone marked as the page marks them ({@link #label}). */
    public String load(List<Load> load) {
        List<Load> named = load.stream().map(l -> new Load(label(l, words), l.count(), l.state())).toList();
        return Charts.loadBars(named, new ChartText(idPrefix, words.get("mandate.report.chart.load.title"), loadDescription(named)));
    }

    /**
     * The person of a load as reports name them: the username, marked when the host has deactivated them
     * ("ivan (inactive)") or deleted them (the stored key, "JIRAUSER10042 (deleted)"), in the viewer's language.
     */
    public static String label(Load l, ReportPage.Words words) {
        return PersonLabel.username(new Person(l.user(), l.user(), l.user(), l.state()), (key, arg) -> words.get(key, arg));
    }

    /** The distribution index per month. */
    public String trend(List<MonthIndex> trend) {
        return Charts.trendLine(trend, new ChartText(idPrefix, words.get("mandate.report.chart.trend.title"), trendDescription(trend)));
    }

    /** Who holds which level in which domain. */
    public String coverage(CoverageGrid grid) {
        return Charts.coverageHeatMap(grid, new ChartText(idPrefix, words.get("mandate.report.chart.coverage.title"),
                coverageDescription(grid)));
    }

    /** "alice 3, bob 1, carol 0", or that nobody carries a load. */
    String loadDescription(List<Load> load) {
        if (load.isEmpty()) {
            return words.get("mandate.report.chart.load.empty");
        }
        return words.get("mandate.report.chart.load.desc",
                load.stream().map(l -> l.user() + " " + l.count()).collect(Collectors.joining(", ")));
    }

    /** The months with decisions and their index, or that no month had any. */
    String trendDescription(List<MonthIndex> trend) {
        List<String> points = trend.stream().filter(t -> t.decisions() > 0)
                .map(t -> t.month() + " " + ReportPage.decimal(t.distributionIndex())).toList();
        if (points.isEmpty()) {
            return words.get("mandate.report.chart.trend.empty");
        }
        return words.get("mandate.report.chart.trend.desc", String.join(", ", points));
    }

    /** How many domains and people, and who may approve where. */
    String coverageDescription(CoverageGrid grid) {
        if (grid.domains().isEmpty() || grid.people().isEmpty()) {
            return words.get("mandate.report.chart.coverage.empty");
        }
        List<String> approvers = new ArrayList<>();
        for (String d : grid.domains()) {
            List<String> who = grid.people().stream().filter(p -> grid.level(d, p) >= Level.ADVISE.number()).toList();
            approvers.add(d + ": " + (who.isEmpty() ? "\u2014" : String.join(", ", who)));
        }
        return words.get("mandate.report.chart.coverage.desc", Integer.toString(grid.domains().size()),
                Integer.toString(grid.people().size()), String.join("; ", approvers));
    }
}
