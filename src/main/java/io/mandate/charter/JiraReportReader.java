package io.mandate.charter;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.accountability.CoverageGrid;
import io.mandate.accountability.Load;
import io.mandate.accountability.MonthIndex;
import io.mandate.platform.JiraAnswer;
import io.mandate.platform.JiraPath;
import io.mandate.platform.LinkedJira;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the accountability report of a scope from the linked Jira's Mandate REST API as the viewing user — one
 * request, {@code GET /reports/accountability?project=|domain=…&include=coverage}, so Jira decides which decisions the
 * user may see counted. Never throws: whatever goes wrong is a {@link JiraNotice} worded for the report
 * ({@link JiraNotice#REPORT}). The link's own timeouts bound the request (docs/admin-guide.md).
 */
final class JiraReportReader {

    static final String PATH = "/rest/mandate/1.0/reports/accountability";

    private final LinkedJira jira;

    JiraReportReader(LinkedJira jira) {
        this.jira = jira;
    }

    /**
     * The report of the scope Jira knows by this parameter: {@code project} with a project key, or {@code domain}
     * with domain keys separated by commas.
     */
    LinkedReport read(ReportMacroScope.JiraScope scope) {
        URI jiraUrl = jira.displayUrl().orElse(null);
        JiraAnswer answer = jira.get(JiraPath.root(PATH).query(scope.parameter(), scope.value()).query("include", "coverage"));
        if (answer instanceof JiraAnswer.Json json) {
            JsonNode body = json.body();
            if (!body.isObject() || !body.path("totals").isObject()) {
                return LinkedReport.unavailable(JiraNotice.of(JiraNotice.REPORT + "unreadable"), jiraUrl);
            }
            return report(body, jiraUrl);
        }
        JiraNotice linkFailure = JiraNotice.ofLink(answer, JiraNotice.REPORT);
        if (linkFailure != null) {
            return LinkedReport.unavailable(linkFailure, jiraUrl);
        }
        int status = ((JiraAnswer.ErrorStatus) answer).status();
        JiraNotice why = switch (status) {
            // Jira says 400 for a project that does not exist or that the user may not browse (never told apart),
            // and for an unknown domain
            case 400 -> scope.parameter().equals("project") ? JiraNotice.of(JiraNotice.REPORT + "projectUnknown", scope.value())
                    : JiraNotice.of(JiraNotice.REPORT + "domainUnknown", scope.value());
            // the report is there for every logged-in user wherever Mandate runs: its absence is Mandate's
            case 404 -> JiraNotice.of(JiraNotice.REPORT + "noMandate");
            case 401, 403 -> JiraNotice.of(JiraNotice.REPORT + "refused", String.valueOf(status));
            default -> JiraNotice.of(JiraNotice.REPORT + "error", String.valueOf(status));
        };
        return LinkedReport.unavailable(why, jiraUrl);
    }

    private static LinkedReport report(JsonNode r, URI jiraUrl) {
        JsonNode totals = r.path("totals");
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String name : LinkedReport.LISTS) {
            lists.put(name, texts(r.path(name)));
        }
        List<Load> load = new ArrayList<>();
        for (JsonNode l : r.path("load")) {
            String user = l.path("user").asText("");
            if (!user.isEmpty()) {
                load.add(new Load(user, Math.max(0, l.path("count").asLong(0)), JiraTeamReader.state(l)));
            }
        }
        List<MonthIndex> trend = new ArrayList<>();
        for (JsonNode t : r.path("trend")) {
            YearMonth month = month(t.path("month"));
            if (month != null) {
                long decisions = Math.max(0, t.path("decisions").asLong(0));
                // a month without decisions has no index (null); the chart leaves it out, 1 is only a placeholder
                trend.add(new MonthIndex(month, decisions, t.path("index").isNumber() ? t.path("index").asDouble() : 1));
            }
        }
        JsonNode cycle = r.path("cycleTimeDays");
        return new LinkedReport(true, List.of(), jiraUrl,
                new LinkedReport.Totals(totals.path("decisions").asLong(0), totals.path("open").asLong(0), totals.path("decided").asLong(0)),
                fraction(r.path("gini")), fraction(r.path("topShare")),
                cycle.path("median").isNumber() ? cycle.path("median").asLong() : null,
                cycle.path("p90").isNumber() ? cycle.path("p90").asLong() : null,
                Math.max(0, r.path("busFactor").path("value").asInt(0)), texts(r.path("busFactor").path("people")),
                texts(r.path("singlePointsOfFailure")), lists, load, trend, coverage(r.path("coverage")));
    }

    /** The heat map's grid; levels outside 1..7 (a Jira newer than this macro, say) are left out rather than failing the page. */
    private static CoverageGrid coverage(JsonNode c) {
        List<String> domains = texts(c.path("domains"));
        List<String> people = texts(c.path("people"));
        Map<String, Map<String, Integer>> levels = new LinkedHashMap<>();
        for (String d : domains) {
            Map<String, Integer> row = new LinkedHashMap<>();
            c.path("levels").path(d).fields().forEachRemaining(e -> {
                int level = e.getValue().asInt(0);
                if (level >= 1 && level <= 7 && people.contains(e.getKey())) {
                    row.put(e.getKey(), level);
                }
            });
            levels.put(d, row);
        }
        return new CoverageGrid(domains, people, levels);
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual() && !n.asText().isEmpty()) {
                result.add(n.asText());
            }
        }
        return result;
    }

    private static double fraction(JsonNode n) {
        double v = n.asDouble(0);
        return Double.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
    }

    private static YearMonth month(JsonNode n) {
        try {
            return n.isTextual() ? YearMonth.parse(n.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
