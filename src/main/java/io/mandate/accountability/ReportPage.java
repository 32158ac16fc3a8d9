package io.mandate.accountability;

import io.mandate.authority.Level;
import io.mandate.platform.Person;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the report page's template shows ({@code templates/accountability/report.vm}), as plain maps, lists and
 * strings — the only things Platform 7 lets a template read. Built from the {@link AccountabilityService.ScopedReport}
 * of one scope; no host types, so a unit test checks it. The template escapes every value; the three SVG charts
 * ({@link Charts}, escaped as they are drawn) go in under names ending in {@code Html}.
 *
 * <p>Numbers as the page shows them: Gini, distribution index, top share and the trend's index rounded half up to two
 * decimals ({@link #decimal}); everything else as counted. The CSV and the REST JSON carry the unrounded values.
 */
public final class ReportPage {

    /** The page's words in the viewer's language: an i18n key with its arguments. */
    @FunctionalInterface
    public interface Words {
        String get(String key, Serializable... args);
    }

    /** The chart ids start with this ({@link ChartText#idPrefix()}). */
    static final String CHART_PREFIX = "mandate-chart";

    private final String contextPath;
    private final Words words;

    public ReportPage(String contextPath, Words words) {
        this.contextPath = contextPath == null ? "" : contextPath;
        this.words = words;
    }

    /**
     * The page's frame: the scope chooser and the chrome (decorator, project), with no report yet — the whole page
     * when the scope is refused ({@link #error}).
     *
     * @param domains every domain's key → name, for the chooser's domain list
     * @param admin   whether the viewer may open the whole instance
     */
    public Map<String, Object> frame(PageScope scope, Map<String, String> domains, boolean admin) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("contextPath", contextPath);
        c.put("kind", scope.kind());
        c.put("scopeLabel", scopeLabel(scope));
        // a project's report sits in the project's sidebar (Jira's project-centric view); the instance's in the admin
        // pages, under Mandate's section; domains and groups are general pages
        c.put("decorator", scope.isAll() ? "atl.admin" : "atl.general");
        c.put("projectKey", scope.projectKey() == null ? "" : scope.projectKey());
        c.put("error", "");
        c.put("errorField", "");
        c.put("hasReport", false);
        c.put("admin", admin);
        c.put("chooserProject", scope.projectKey() == null ? "" : scope.projectKey());
        c.put("chooserGroup", scope.group() == null ? "" : scope.group());
        List<Map<String, Object>> options = new ArrayList<>();
        domains.forEach((key, name) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", key);
            o.put("name", name);
            o.put("selected", scope.domainKeys().contains(key));
            options.add(o);
        });
        c.put("chooserDomains", options);
        c.put("allHref", contextPath + "/plugins/servlet/mandate/report");
        return c;
    }

    /** The frame with an error message instead of the report: the parameter it names and what is wrong with it. */
    public Map<String, Object> error(Map<String, Object> frame, String field, String message) {
        Map<String, Object> c = new LinkedHashMap<>(frame);
        c.put("error", message);
        c.put("errorField", field == null ? "" : field);
        return c;
    }

    /** The frame with the report. */
    public Map<String, Object> report(Map<String, Object> frame, PageScope scope, AccountabilityService.ScopedReport scoped,
                                      Map<String, String> domains) {
        AccountabilityReport r = scoped.report();
        Map<String, Object> c = new LinkedHashMap<>(frame);
        c.put("hasReport", true);
        c.put("decisions", Long.toString(r.totals().decisions()));
        c.put("open", Long.toString(r.totals().open()));
        c.put("decided", Long.toString(r.totals().decided()));
        c.put("distributionIndex", decimal(r.distributionIndex()));
        c.put("gini", decimal(r.gini()));
        c.put("topShare", decimal(r.topShare()));
        c.put("cycleMedian", r.cycleTimeDays().median() == null ? "" : r.cycleTimeDays().median().toString());
        c.put("cycleP90", r.cycleTimeDays().p90() == null ? "" : r.cycleTimeDays().p90().toString());
        c.put("busFactor", Integer.toString(r.busFactor().value()));
        c.put("busFactorPeople", r.busFactor().people());
        c.put("busFactorPeopleText", String.join(", ", r.busFactor().people()));
        c.put("singlePoints", r.singlePointsOfFailure().stream().map(k -> domain(k, domains)).toList());

        c.put("loadRows", r.load().stream().map(l -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user", l.user());
            row.put("label", ReportCharts.label(l, words));
            row.put("state", l.state().jsonName());
            row.put("count", Long.toString(l.count()));
            // a deleted user has no username a JQL function could find them by
            row.put("href", l.state() == Person.State.DELETED ? ""
                    : ReportJql.ofLoad(scope, l.user()).map(this::searchHref).orElse(""));
            return row;
        }).toList());
        c.put("trendRows", r.trend().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", t.month().toString());
            row.put("decisions", Long.toString(t.decisions()));
            row.put("index", t.decisions() == 0 ? "" : decimal(t.distributionIndex()));
            return row;
        }).toList());
        CoverageGrid grid = scoped.coverage();
        c.put("coveragePeople", grid.people());
        c.put("coverageRows", grid.domains().stream().map(d -> {
            Map<String, Object> row = domain(d, domains);
            row.put("cells", grid.people().stream().map(p -> {
                int level = grid.level(d, p);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("level", level == 0 ? "" : Integer.toString(level));
                cell.put("name", level == 0 ? "" : Level.values()[level - 1].name());
                cell.put("mayApprove", level > 0 && Level.values()[level - 1].mayApprove());
                return cell;
            }).toList());
            return row;
        }).toList());

        List<Map<String, Object>> lists = new ArrayList<>();
        for (String name : ReportTables.ISSUE_LISTS) {
            List<String> keys = ReportTables.issueList(name, r);
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("name", name);
            list.put("count", Integer.toString(keys.size()));
            list.put("issues", keys.stream().map(k -> Map.of("key", k, "href", contextPath + "/browse/" + encode(k))).toList());
            list.put("jqlHref", ReportJql.ofList(scope, name, keys).map(this::searchHref).orElse(""));
            list.put("csvHref", csvHref(name, scope));
            lists.add(list);
        }
        c.put("lists", lists);
        Map<String, String> csv = new LinkedHashMap<>();
        for (String name : List.of("load", "trend", "coverage")) {
            csv.put(name, csvHref(name, scope));
        }
        c.put("csv", csv);

        ReportCharts charts = new ReportCharts(words, CHART_PREFIX);
        c.put("loadChartHtml", charts.load(r.load()));
        c.put("trendChartHtml", charts.trend(r.trend()));
        c.put("coverageChartHtml", charts.coverage(grid));
        return c;
    }

    /**
     * The what-if part: the form (the scope as hidden fields, so the answer is of the same scope) and, when there is
     * one, the answer — domains that stall, domains a backup keeps going (who for whom), co-deciders lost and the
     * open decisions that wait, each issue linked.
     *
     * @param absent what the viewer typed, shown again in the field
     */
    public Map<String, Object> whatIf(Map<String, Object> frame, PageScope scope, String absent,
                                      Optional<WhatIfReport> answer, Map<String, String> domains) {
        Map<String, Object> c = new LinkedHashMap<>(frame);
        c.put("whatIfAbsent", absent == null ? "" : absent);
        c.put("whatIfError", "");
        c.put("whatIfScope", scope.parameter().map(p -> List.of(Map.<String, Object>of("name", p.getKey(), "value", p.getValue())))
                .orElse(List.of()));
        c.put("whatIfShown", answer.isPresent());
        if (answer.isEmpty()) {
            return c;
        }
        WhatIfReport w = answer.get();
        c.put("whatIfAway", words.get("mandate.report.whatif.away", String.join(", ", w.absent())));
        c.put("whatIfStalled", w.stalled().stream().map(k -> domain(k, domains)).toList());
        c.put("whatIfUncovered", w.alreadyUncovered().stream().map(k -> domain(k, domains)).toList());
        c.put("whatIfBackups", w.coveredByBackup().entrySet().stream().map(e -> {
            Map<String, Object> d = domain(e.getKey(), domains);
            d.put("people", e.getValue().stream().map(s -> words.get("mandate.report.whatif.standIn", s.backup(), s.holder()))
                    .collect(Collectors.joining(", ")));
            return d;
        }).toList());
        c.put("whatIfCoDeciders", w.coDecidersLost().entrySet().stream().map(e -> {
            Map<String, Object> d = domain(e.getKey(), domains);
            d.put("people", String.join(", ", e.getValue()));
            return d;
        }).toList());
        c.put("whatIfWaiting", w.decisionsWaiting().stream()
                .map(k -> Map.of("key", k, "href", contextPath + "/browse/" + encode(k))).toList());
        return c;
    }

    /** "Project DEMO", "Domains ARCH, RELEASE", "Group leads", "Whole instance". */
    String scopeLabel(PageScope scope) {
        return switch (scope.kind()) {
            case "project" -> words.get("mandate.report.scope.project", scope.projectKey());
            case "domain" -> words.get("mandate.report.scope.domains", String.join(", ", scope.domainKeys()));
            case "group" -> words.get("mandate.report.scope.group", scope.group());
            default -> words.get("mandate.report.scope.all");
        };
    }

    /** Rounded half up to two decimals, always with a dot: 4/9 → "0.44", 1 → "1.00". */
    public static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private Map<String, Object> domain(String key, Map<String, String> domains) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", key);
        d.put("name", Optional.ofNullable(domains.get(key)).orElse(""));
        return d;
    }

    private String searchHref(String jql) {
        return contextPath + "/issues/?jql=" + encode(jql);
    }

    private String csvHref(String table, PageScope scope) {
        String query = scope.query();
        return contextPath + "/plugins/servlet/mandate/report.csv?table=" + table + (query.isEmpty() ? "" : "&" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
