package io.mandate.charter;

import io.mandate.accountability.ReportCharts;
import io.mandate.accountability.ReportPage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the accountability report macro shows, as plain maps, lists and strings (the host's Velocity escapes every
 * one of them; the SVG charts, escaped as they are drawn, go in under names ending in {@code Html}): the scope, the
 * report's numbers, the issue lists linked to Jira, the three charts, a link to the full report in Jira, and a plain
 * notice for whatever could not be loaded. Numbers are rounded as Jira's report page rounds them.
 */
final class ReportMacroView {

    private final CharterMacroView.Texts texts;

    ReportMacroView(CharterMacroView.Texts texts) {
        this.texts = texts;
    }

    /** The macro with no report to show: a problem with its parameters, a team without charter or domains, not logged in. */
    Map<String, Object> problem(String key, List<String> args) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("problem", texts.get(key, args.toArray(new String[0])));
        return view;
    }

    /**
     * The report of the scope as Jira gave it.
     *
     * @param scopeLabel "Project DEMO", "Domains ARCH, RELEASE", "Platform team (ARCH, RELEASE)"
     * @param jira       the scope as Jira's report page takes it, for the link to the full report
     * @param idPrefix   the start of the charts' element ids, unique on the page
     */
    Map<String, Object> report(String scopeLabel, ReportMacroScope.JiraScope jira, LinkedReport r, String idPrefix) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("problem", null);
        view.put("id", idPrefix);
        view.put("scopeLabel", scopeLabel);
        view.put("notices", CharterMacroView.notices(r.notices(), texts));
        view.put("loaded", r.loaded());
        view.put("fullReportUrl", CharterMacroView.jiraPage(r.jiraUrl(),
                "/plugins/servlet/mandate/report?" + jira.parameter() + "=" + encode(jira.value())).orElse(null));
        if (!r.loaded()) {
            return view;
        }
        view.put("decisions", Long.toString(r.totals().decisions()));
        view.put("open", Long.toString(r.totals().open()));
        view.put("decided", Long.toString(r.totals().decided()));
        view.put("distributionIndex", ReportPage.decimal(r.distributionIndex()));
        view.put("gini", ReportPage.decimal(r.gini()));
        view.put("topShare", ReportPage.decimal(r.topShare()));
        view.put("cycleMedian", r.cycleMedian() == null ? null : r.cycleMedian().toString());
        view.put("cycleP90", r.cycleP90() == null ? null : r.cycleP90().toString());
        view.put("busFactor", Integer.toString(r.busFactor()));
        view.put("busFactorPeople", r.busFactorPeople().isEmpty() ? null : String.join(", ", r.busFactorPeople()));
        view.put("singlePoints", r.singlePointsOfFailure());
        List<Map<String, Object>> lists = new ArrayList<>();
        for (Map.Entry<String, List<String>> list : r.lists().entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", list.getKey());
            row.put("count", Integer.toString(list.getValue().size()));
            row.put("issues", list.getValue().stream().map(k -> {
                Map<String, Object> issue = new LinkedHashMap<>();
                issue.put("key", k);
                issue.put("url", CharterMacroView.issueUrl(r.jiraUrl(), k).orElse(null));
                return issue;
            }).toList());
            lists.add(row);
        }
        view.put("lists", lists);
        ReportCharts charts = new ReportCharts((key, args) -> texts.get(key,
                Arrays.stream(args).map(String::valueOf).toArray(String[]::new)), idPrefix);
        view.put("loadChartHtml", charts.load(r.load()));
        view.put("trendChartHtml", charts.trend(r.trend()));
        view.put("coverageChartHtml", charts.coverage(r.coverage()));
        return view;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
