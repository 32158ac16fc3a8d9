package io.mandate.accountability;

import org.junit.Test;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * What the report page's template gets: the numbers as displayed (two decimals, half up), every list's links (issue
 * view, issue search, CSV) with the scope in them, the chrome of each scope kind, and the three charts.
 */
public class ReportPageTest {

    /** The words as "key[args]", so a test sees which text with which arguments. */
    private static final ReportPage.Words WORDS = (key, args) -> key + Arrays.toString(args);
    private static final ReportPage PAGE = new ReportPage("/jira", WORDS);
    private static final PageScope DEMO = PageScope.of(new String[]{"DEMO"}, null, null);
    private static final Map<String, String> DOMAINS = new TreeMap<>(Map.of("ARCH", "Architecture", "REL", "Release"));

    private static Map<String, Object> page(PageScope scope) {
        return PAGE.report(PAGE.frame(scope, DOMAINS, false), scope,
                new AccountabilityService.ScopedReport(ReportTablesTest.report(), ReportTablesTest.GRID), DOMAINS);
    }

    @Test
    public void numbersAreRoundedHalfUpToTwoDecimals() {
        assertEquals("0.44", ReportPage.decimal(4.0 / 9));
        assertEquals("0.56", ReportPage.decimal(5.0 / 9));
        assertEquals("0.13", ReportPage.decimal(0.125));
        assertEquals("1.00", ReportPage.decimal(1));
        assertEquals("0.00", ReportPage.decimal(0));
        Map<String, Object> p = page(DEMO);
        assertEquals("3", p.get("decisions"));
        assertEquals("2", p.get("open"));
        assertEquals("1", p.get("decided"));
        // loads alice 1, bob 1 → Gini 0, index 1, top share 1/2
        assertEquals("0.00", p.get("gini"));
        assertEquals("1.00", p.get("distributionIndex"));
        assertEquals("0.50", p.get("topShare"));
        assertEquals("3", p.get("cycleMedian"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void everyListLinksItsIssuesItsSearchAndItsCsvWithTheScope() {
        List<Map<String, Object>> lists = (List<Map<String, Object>>) page(DEMO).get("lists");
        assertEquals(ReportTables.ISSUE_LISTS, lists.stream().map(l -> l.get("name")).toList());
        Map<String, Object> overdue = lists.get(1);
        assertEquals(List.of(Map.of("key", "DEMO-9", "href", "/jira/browse/DEMO-9")), overdue.get("issues"));
        assertEquals("/jira/issues/?jql=project%20%3D%20DEMO%20AND%20issue%20in%20decisionsOverdue%28%29%20ORDER%20BY%20key",
                overdue.get("jqlHref"));
        assertEquals("/jira/plugins/servlet/mandate/report.csv?table=overdue&project=DEMO", overdue.get("csvHref"));
        Map<String, Object> unowned = lists.get(0);
        assertEquals("/jira/issues/?jql=key%20in%20%28DEMO-10%29%20ORDER%20BY%20key", unowned.get("jqlHref"));
        Map<String, String> csv = (Map<String, String>) page(DEMO).get("csv");
        assertEquals("/jira/plugins/servlet/mandate/report.csv?table=coverage&project=DEMO", csv.get("coverage"));
        Map<String, String> allCsv = (Map<String, String>) page(PageScope.all()).get("csv");
        assertEquals("/jira/plugins/servlet/mandate/report.csv?table=load", allCsv.get("load"));
    }

    @Test
    public void aProjectPageNamesItsProjectForTheSidebarAndTheInstanceIsAnAdminPage() {
        Map<String, Object> project = PAGE.frame(DEMO, DOMAINS, false);
        assertEquals("atl.general", project.get("decorator"));
        assertEquals("DEMO", project.get("projectKey"));
        assertEquals("mandate.report.scope.project[DEMO]", project.get("scopeLabel"));
        Map<String, Object> all = PAGE.frame(PageScope.all(), DOMAINS, true);
        assertEquals("atl.admin", all.get("decorator"));
        assertEquals("", all.get("projectKey"));
        Map<String, Object> domains = PAGE.frame(PageScope.of(null, new String[]{"REL"}, null), DOMAINS, false);
        assertEquals("atl.general", domains.get("decorator"));
        assertEquals(List.of(Map.of("key", "ARCH", "name", "Architecture", "selected", false),
                Map.of("key", "REL", "name", "Release", "selected", true)), domains.get("chooserDomains"));
    }

    @Test
    public void anErrorKeepsTheFrameAndNamesTheParameter() {
        Map<String, Object> e = PAGE.error(PAGE.frame(DEMO, DOMAINS, false), "project", "Unknown project: DEMO.");
        assertEquals("project", e.get("errorField"));
        assertEquals("Unknown project: DEMO.", e.get("error"));
        assertEquals(false, e.get("hasReport"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void loadRowsLinkToWhatThePersonApprovesAndCoverageRowsCarryLevelNames() {
        Map<String, Object> p = page(DEMO);
        List<Map<String, Object>> load = (List<Map<String, Object>>) p.get("loadRows");
        assertEquals("alice", load.get(0).get("user"));
        assertEquals("/jira/issues/?jql=project%20%3D%20DEMO%20AND%20issue%20in%20decisionsApprovedBy%28alice%29%20ORDER%20BY%20key",
                load.get(0).get("href"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) p.get("coverageRows");
        assertEquals("Architecture", rows.get(0).get("name"));
        List<Map<String, Object>> cells = (List<Map<String, Object>>) rows.get(1).get("cells");
        assertEquals(Map.of("level", "", "name", "", "mayApprove", false), cells.get(0));
        assertEquals(Map.of("level", "5", "name", "ADVISE", "mayApprove", true), cells.get(1));
        List<Map<String, Object>> trend = (List<Map<String, Object>>) p.get("trendRows");
        assertEquals(Map.of("month", "2026-11", "decisions", "3", "index", "1.00"), trend.get(10));
        assertEquals("a month without decisions shows no index", "", trend.get(0).get("index"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void approversWhoAreGoneAreMarkedInTheTableAndTheChartAndADeletedOneHasNoSearch() {
        AccountabilityReport r = ReportTablesTest.report().withStates(name -> switch (name) {
            case "alice" -> io.mandate.platform.Person.State.INACTIVE;
            case "bob" -> io.mandate.platform.Person.State.DELETED;
            default -> io.mandate.platform.Person.State.ACTIVE;
        });
        Map<String, Object> p = PAGE.report(PAGE.frame(DEMO, DOMAINS, false), DEMO,
                new AccountabilityService.ScopedReport(r, ReportTablesTest.GRID), DOMAINS);
        List<Map<String, Object>> load = (List<Map<String, Object>>) p.get("loadRows");
        assertEquals("mandate.person.inactive[alice]", load.get(0).get("label"));
        assertEquals("inactive", load.get(0).get("state"));
        assertTrue("an inactive approver's decisions can still be searched", !load.get(0).get("href").equals(""));
        assertEquals("mandate.person.deleted[bob]", load.get(1).get("label"));
        assertEquals("no username for JQL to find a deleted user by", "", load.get(1).get("href"));
        assertTrue((String) p.get("loadChartHtml"), ((String) p.get("loadChartHtml")).contains("mandate.person.inactive[alice]"));
    }

    @Test
    public void theThreeChartsAreAccessibleSvgsWithTheirWordsAndNumbers() {
        Map<String, Object> p = page(DEMO);
        String load = (String) p.get("loadChartHtml");
        assertTrue(load, load.startsWith("<svg") && load.contains("role=\"img\""));
        assertTrue(load, load.contains("<title id=\"mandate-chart-load-title\">mandate.report.chart.load.title[]</title>"));
        assertTrue(load, load.contains("mandate.report.chart.load.desc[alice 1, bob 1]"));
        String trend = (String) p.get("trendChartHtml");
        assertTrue(trend, trend.contains("mandate.report.chart.trend.desc[2026-11 1.00]"));
        String coverage = (String) p.get("coverageChartHtml");
        assertTrue(coverage, coverage.contains("mandate.report.chart.coverage.desc[2, 2, ARCH: alice; REL: bob]"));
        assertFalse("no page-level id clashes between the charts",
                load.contains("mandate-chart-trend") || trend.contains("mandate-chart-load"));
    }

    @Test
    public void emptyScopesSayNobodyAndNoMonths() {
        AccountabilityReport empty = new AccountabilityAccumulator(ReportTablesTest.TODAY, java.time.ZoneOffset.UTC).report(List.of());
        Map<String, Object> p = PAGE.report(PAGE.frame(DEMO, DOMAINS, false), DEMO, new AccountabilityService.ScopedReport(empty,
                new CoverageGrid(List.of(), List.of(), Map.of())), DOMAINS);
        assertTrue((String) p.get("loadChartHtml"), ((String) p.get("loadChartHtml")).contains("mandate.report.chart.load.empty[]"));
        assertTrue(((String) p.get("trendChartHtml")).contains("mandate.report.chart.trend.empty[]"));
        assertTrue(((String) p.get("coverageChartHtml")).contains("mandate.report.chart.coverage.empty[]"));
        assertEquals("", p.get("cycleMedian"));
        assertEquals("", p.get("busFactorPeopleText"));
    }

    /** The Words are called with Serializable arguments, as I18nResolver takes them. */
    @Test
    public void wordsReceiveTextArguments() {
        ReportPage.Words w = (key, args) -> {
            for (Serializable a : args) {
                assertTrue(a instanceof String);
            }
            return key;
        };
        new ReportPage("", w).report(new ReportPage("", w).frame(DEMO, DOMAINS, false), DEMO,
                new AccountabilityService.ScopedReport(ReportTablesTest.report(), ReportTablesTest.GRID), DOMAINS);
    }

    @Test
    public void theWhatIfKeepsTheScopeInItsFormAndLinksTheWaitingDecisions() {
        WhatIfReport answer = new WhatIfReport(List.of("erin"), List.of(), List.of("ARCH"),
                Map.of("REL", List.of(new WhatIfReport.StandIn("erin", "bob"))), Map.of("ARCH", List.of("erin")),
                List.of("DEMO-2", "DEMO-10"));
        Map<String, Object> p = PAGE.whatIf(page(DEMO), DEMO, " erin ", java.util.Optional.of(answer), DOMAINS);
        assertEquals(true, p.get("whatIfShown"));
        assertEquals(" erin ", p.get("whatIfAbsent"));
        assertEquals("mandate.report.whatif.away[erin]", p.get("whatIfAway"));
        assertEquals(List.of(Map.of("name", "project", "value", "DEMO")), p.get("whatIfScope"));
        assertEquals(List.of(Map.of("key", "ARCH", "name", "Architecture")), p.get("whatIfStalled"));
        assertEquals(List.of(Map.of("key", "REL", "name", "Release", "people", "mandate.report.whatif.standIn[bob, erin]")),
                p.get("whatIfBackups"));
        assertEquals(List.of(Map.of("key", "ARCH", "name", "Architecture", "people", "erin")), p.get("whatIfCoDeciders"));
        assertEquals(List.of(Map.of("key", "DEMO-2", "href", "/jira/browse/DEMO-2"), Map.of("key", "DEMO-10", "href", "/jira/browse/DEMO-10")),
                p.get("whatIfWaiting"));

        // several domains travel as one comma-separated field, the whole instance as none; no answer, no results
        PageScope domains = PageScope.of(null, new String[]{"REL", "ARCH"}, null);
        Map<String, Object> d = PAGE.whatIf(PAGE.frame(domains, DOMAINS, false), domains, "", java.util.Optional.empty(), DOMAINS);
        assertEquals(List.of(Map.of("name", "domain", "value", "ARCH,REL")), d.get("whatIfScope"));
        assertEquals(false, d.get("whatIfShown"));
        assertEquals(List.of(), PAGE.whatIf(PAGE.frame(PageScope.all(), DOMAINS, true), PageScope.all(), "",
                java.util.Optional.empty(), DOMAINS).get("whatIfScope"));
    }
}
