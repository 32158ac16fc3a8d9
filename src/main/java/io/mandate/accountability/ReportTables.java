package io.mandate.accountability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's tables as rows of text — what the page's CSV links download ({@link ReportCsv}), with the same values
 * as the REST JSON ({@code GET /reports/accountability}): the issue lists, load and trend carry exactly the JSON's
 * values (the index unrounded), the coverage the heat map's levels. Headers are the JSON's field names, not
 * translated, so a spreadsheet or script reads the same columns in every language.
 *
 * <table>
 *   <tr><th>table</th><th>header</th><th>rows</th></tr>
 *   <tr><td>{@code load}</td><td>user, count, state</td><td>{@code load}, heaviest first; state active, inactive or
 *       deleted (then user is the stored key)</td></tr>
 *   <tr><td>{@code trend}</td><td>month, decisions, index</td><td>{@code trend}, oldest month first; the index
 *       empty for a month without decisions (null in the JSON: there is nothing to measure)</td></tr>
 *   <tr><td>{@code coverage}</td><td>domain, name, then one column per person</td><td>one per domain: its key and
 *       name, then the level number 1–7, empty where the person holds none</td></tr>
 *   <tr><td>{@code unowned}, {@code overdue}, {@code violations}, {@code consultationGaps}, {@code dueForReview}</td>
 *       <td>issue</td><td>the list's keys in the report's order</td></tr>
 * </table>
 */
public final class ReportTables {

    /** One table: its name (the {@code table} parameter), the header and the rows, each as long as the header. */
    public record Table(String name, List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** The issue lists, in the page's order. */
    public static final List<String> ISSUE_LISTS = List.of("unowned", "overdue", "violations", "consultationGaps", "dueForReview");

    /** Every table, in the page's order. */
    public static final List<String> NAMES = List.of("load", "trend", "coverage", "unowned", "overdue", "violations",
            "consultationGaps", "dueForReview");

    private ReportTables() {
    }

    /**
     * The table of this name; empty for a name that is not one of {@link #NAMES}.
     *
     * @param domainNames domain key → name, for the coverage table (a key without a name gets an empty name)
     */
    public static Optional<Table> of(String name, AccountabilityReport report, CoverageGrid coverage,
                                     Map<String, String> domainNames) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case "load" -> Optional.of(new Table(name, List.of("user", "count", "state"),
                    report.load().stream().map(l -> List.of(l.user(), Long.toString(l.count()), l.state().jsonName())).toList()));
            case "trend" -> Optional.of(new Table(name, List.of("month", "decisions", "index"),
                    report.trend().stream().map(t -> List.of(t.month().toString(), Long.toString(t.decisions()),
                            t.decisions() == 0 ? "" : Double.toString(t.distributionIndex()))).toList()));
            case "coverage" -> Optional.of(coverage(coverage, domainNames));
            case "unowned" -> Optional.of(issues(name, report.unowned()));
            case "overdue" -> Optional.of(issues(name, report.overdue()));
            case "violations" -> Optional.of(issues(name, report.violations()));
            case "consultationGaps" -> Optional.of(issues(name, report.consultationGaps()));
            case "dueForReview" -> Optional.of(issues(name, report.dueForReview()));
            default -> Optional.empty();
        };
    }

    /** The keys of one issue list ({@link #ISSUE_LISTS}). */
    public static List<String> issueList(String name, AccountabilityReport report) {
        return switch (name) {
            case "unowned" -> report.unowned();
            case "overdue" -> report.overdue();
            case "violations" -> report.violations();
            case "consultationGaps" -> report.consultationGaps();
            case "dueForReview" -> report.dueForReview();
            default -> throw new IllegalArgumentException("no such list: " + name);
        };
    }

    private static Table issues(String name, List<String> keys) {
        return new Table(name, List.of("issue"), keys.stream().map(List::of).toList());
    }

    private static Table coverage(CoverageGrid grid, Map<String, String> domainNames) {
        List<String> header = new ArrayList<>(List.of("domain", "name"));
        header.addAll(grid.people());
        List<List<String>> rows = new ArrayList<>();
        for (String domain : grid.domains()) {
            List<String> row = new ArrayList<>();
            row.add(domain);
            row.add(domainNames.getOrDefault(domain, ""));
            for (String person : grid.people()) {
                int level = grid.level(domain, person);
                row.add(level == 0 ? "" : Integer.toString(level));
            }
            rows.add(row);
        }
        return new Table("coverage", header, rows);
    }
}
