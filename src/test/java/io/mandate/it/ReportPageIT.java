package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The accountability report pages in the reference host, read as HTML: where Jira users find them (the DEMO project's
 * sidebar, the admin menu), the page's numbers against the REST report for the same user, the JQL links against
 * Jira's search, who may see what (login, 400 naming the parameter, 403 for the instance), and the CSV tables.
 * {@link ReportFixture} gives the DEMO report one decision in every list.
 */
public class ReportPageIT {

    private static String jira;
    private static String report;
    private static ReportFixture fixture;

    @BeforeClass
    public static void setUp() {
        jira = RunningHost.jira();
        report = jira + "/plugins/servlet/mandate/report";
        fixture = ReportFixture.create();
    }

    @AfterClass
    public static void cleanUp() {
        if (fixture != null) {
            fixture.delete();
        }
    }

    // ---- where users find it -------------------------------------------------------------------------------

    @Test
    public void theProjectPageListsTheReportInTheSidebarForWhoeverMayBrowseTheProject() {
        Document page = page(jira + "/projects/DEMO", "bob");
        assertEquals("Demo Platform", page.selectFirst("#project-name").text());
        Element link = page.selectFirst("#project-sidebar ul[data-section=jira.project.sidebar.plugins.navigation] a#mandate-report-project-link");
        assertNotNull(page.html(), link);
        assertEquals("Accountability", link.text());
        assertEquals("/jira/plugins/servlet/mandate/report?project=DEMO", link.attr("href"));
        assertEquals("/jira/plugins/servlet/mandate/report?project=HR",
                page(jira + "/projects/HR", "heidi").selectFirst("#mandate-report-project-link").attr("href"));

        // as Jira: a project you may not browse is not found; anonymous visitors log in first
        Reply hidden = SecurityHttp.html(jira + "/projects/HR", "frank");
        assertEquals(404, hidden.status());
        assertTrue(hidden.body(), Jsoup.parse(hidden.body()).select("#project-sidebar").isEmpty());
        assertEquals(404, SecurityHttp.html(jira + "/projects/NOPE", "frank").status());
        Reply anonymous = SecurityHttp.html(jira + "/projects/DEMO", null);
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location(), anonymous.location().contains("/login.jsp"));
        // the issue view's project name leads to the project page
        assertEquals("/jira/projects/DEMO", page(jira + "/browse/DEMO-1", "bob").selectFirst("#project-name-val").attr("href"));
    }

    @Test
    public void theSidebarShowsAProjectNameWithMarkupAsText() {
        String name = "<img src=x onerror=alert(1)> & \"Q\"";
        Reply created = ReportFixture.post(jira + "/rest/api/2/project", "admin",
                "{\"key\":\"RPTX\",\"name\":" + SecurityHttp.JSON.valueToTree(name) + ",\"lead\":\"admin\"}");
        assertEquals(created.toString(), 201, created.status());
        try {
            for (String url : List.of(jira + "/projects/RPTX", report + "?project=RPTX")) {
                Element sidebar = page(url, "admin").selectFirst("#project-sidebar");
                assertNotNull(url, sidebar);
                assertEquals(url, name + " RPTX", sidebar.selectFirst("#project-sidebar-header").text());
                assertTrue(url + ": no element from the name", sidebar.select("img").isEmpty());
                assertEquals(name, sidebar.attr("aria-label"));
            }
        } finally {
            assertEquals(204, SecurityHttp.delete(jira + "/rest/api/2/project/RPTX", "admin").status());
        }
    }

    @Test
    public void theReportOfAProjectSitsInThatProjectsSidebarWithItsItemSelected() {
        Document page = page(report + "?project=DEMO", "bob");
        assertEquals("DEMO", page.selectFirst("#project-sidebar").attr("data-project-key"));
        assertNotNull(page.selectFirst("#project-sidebar li.aui-nav-selected a#mandate-report-project-link"));
        assertEquals("Project DEMO", page.selectFirst("#mandate-report-scope").text());
        // the site-wide page is an admin page: no project sidebar there
        Document all = page(report, "admin");
        assertTrue(all.select("#project-sidebar").isEmpty());
        assertEquals("Whole instance", all.selectFirst("#mandate-report-scope").text());
    }

    @Test
    public void theAdminMenuLinksTheSiteWideReport() {
        Element link = page(jira + "/secure/admin", "admin").selectFirst("#admin-nav a#mandate-report-link");
        assertNotNull(link);
        assertEquals("/jira/plugins/servlet/mandate/report", link.attr("href"));
    }

    // ---- the numbers -----------------------------------------------------------------------------------------

    @Test
    public void theDemoReportsNumbersEqualTheRestReportForTheSameUser() {
        assertSameNumbers("project=DEMO", "alice");
        assertSameNumbers("project=DEMO", "frank");
    }

    @Test
    public void theSiteWideDomainAndGroupReportsEqualTheirRestReports() {
        assertSameNumbers("", "admin");
        assertSameNumbers("domain=ARCH,RELEASE", "bob");
        assertSameNumbers("group=leads", "alice");
    }

    @Test
    public void theFixtureFillsEveryListOfTheDemoReportAndTheInstancesSinglePoints() {
        JsonNode rest = rest("project=DEMO", "alice");
        List<String> f = fixture.issues;
        assertTrue(rest.toString(), keys(rest.get("dueForReview")).contains(f.get(0)));
        assertTrue(rest.toString(), keys(rest.get("overdue")).contains(f.get(1)));
        assertTrue(rest.toString(), keys(rest.get("violations")).contains(f.get(1)));
        assertTrue(rest.toString(), keys(rest.get("unowned")).contains(f.get(2)));
        assertTrue(rest.toString(), keys(rest.get("consultationGaps")).contains(f.get(3)));
        // the formula domain: alice alone, without a backup — a single point of failure of the instance
        JsonNode all = rest("", "admin");
        assertTrue(all.toString(), keys(all.get("singlePointsOfFailure")).contains(ReportFixture.FORMULA_DOMAIN));
        assertTrue(page(report, "admin").select("#mandate-report-spof li").eachAttr("data-domain-key")
                .contains(ReportFixture.FORMULA_DOMAIN));
    }

    @Test
    public void everyListsSearchLinkFindsExactlyItsIssues() {
        for (String scope : List.of("project=DEMO", "domain=ARCH", "domain=ARCH,RELEASE", "group=leads")) {
            Document page = page(report + "?" + scope, "alice");
            int links = 0;
            for (Element list : page.select("section.mandate-report-list")) {
                List<String> shown = list.select("a.mandate-report-issue").eachText();
                Element search = list.selectFirst("a.mandate-report-jql");
                if (shown.isEmpty()) {
                    assertTrue(scope + " " + list.id() + ": an empty list has no search link", search == null);
                    continue;
                }
                assertNotNull(scope + " " + list.id(), search);
                assertEquals(scope + " " + list.id() + ": " + jqlOf(search.attr("href")), shown, searched(search.attr("href"), "alice"));
                links++;
            }
            assertTrue(scope + ": the fixture gives the DEMO and ARCH lists issues", links > 0);
        }
        // a person's load: the decisions of the project they approve
        Document demo = page(report + "?project=DEMO", "alice");
        Element erin = demo.selectFirst("#mandate-report-load-table tr[data-user=erin] a");
        assertNotNull(erin);
        assertEquals(erin.text(), String.valueOf(searched(erin.attr("href"), "alice").size()));
    }

    // ---- who may see what ------------------------------------------------------------------------------------

    @Test
    public void anonymousVisitorsAreSentToTheLoginPage() {
        for (String url : List.of(report + "?project=DEMO", report, report + ".csv?table=load&project=DEMO")) {
            Reply r = SecurityHttp.html(url, null);
            assertEquals(url, 302, r.status());
            assertTrue(r.location(), r.location().contains("/login.jsp"));
        }
    }

    @Test
    public void anUnknownOrHiddenScopeIsThePageWithAnErrorNamingTheParameter() {
        assertRefused(report + "?project=HR", "frank", 400, "project", "HR");
        assertRefused(report + "?project=NOPE", "frank", 400, "project", "NOPE");
        assertRefused(report + "?domain=R_NOPE", "frank", 400, "domain", "R_NOPE");
        assertRefused(report + "?group=no-such-group", "frank", 400, "group", "no-such-group");
        assertRefused(report + "?project=DEMO&group=leads", "alice", 400, "project", "one of project, domain and group");
    }

    @Test
    public void theWholeInstanceIsForJiraAdministratorsOnly() {
        assertRefused(report, "alice", 403, "", "Jira administrators");
        assertRefused(report + "?project=", "alice", 403, "", "Jira administrators");
        Reply admin = SecurityHttp.html(report, "admin");
        assertEquals(200, admin.status());
        assertNotNull(Jsoup.parse(admin.body()).selectFirst("#mandate-report-summary"));
        assertNotNull("only administrators are offered the whole instance", Jsoup.parse(admin.body()).selectFirst("#mandate-report-all"));
        assertTrue(page(report + "?project=DEMO", "alice").select("#mandate-report-all").isEmpty());
    }

    // ---- CSV -------------------------------------------------------------------------------------------------

    @Test
    public void theCsvTablesAreTheRestListsAsAttachments() throws IOException {
        JsonNode rest = rest("project=DEMO", "alice");
        Reply load = SecurityHttp.get(report + ".csv?table=load&project=DEMO", "alice");
        assertEquals(load.toString(), 200, load.status());
        assertTrue(load.contentType(), load.contentType().startsWith("text/csv"));
        assertEquals("attachment; filename=\"mandate-load-DEMO.csv\"", load.headers().firstValue("Content-Disposition").orElse(""));
        List<CSVRecord> rows = csv(load.body());
        assertEquals(List.of("user", "count", "state"), rows.get(0).toList());
        List<List<String>> expected = new ArrayList<>();
        rest.get("load").forEach(l -> expected.add(List.of(l.get("user").asText(), l.get("count").asText(), l.get("state").asText())));
        assertEquals(expected, rows.subList(1, rows.size()).stream().map(CSVRecord::toList).toList());

        for (String list : List.of("unowned", "overdue", "violations", "consultationGaps", "dueForReview")) {
            Reply r = SecurityHttp.get(report + ".csv?table=" + list + "&project=DEMO", "alice");
            assertEquals(list, 200, r.status());
            List<CSVRecord> issues = csv(r.body());
            assertEquals(List.of("issue"), issues.get(0).toList());
            assertEquals(list, keys(rest.get(list)), issues.subList(1, issues.size()).stream().map(c -> c.get(0)).toList());
        }

        List<CSVRecord> trend = csv(SecurityHttp.get(report + ".csv?table=trend&project=DEMO", "alice").body());
        assertEquals(List.of("month", "decisions", "index"), trend.get(0).toList());
        for (int i = 0; i < 12; i++) {
            JsonNode m = rest.get("trend").get(i);
            assertEquals(List.of(m.get("month").asText(), m.get("decisions").asText(),
                            m.get("index").isNull() ? "" : String.valueOf(m.get("index").asDouble())),
                    trend.get(i + 1).toList());
        }
    }

    @Test
    public void aFormulaInADomainNameIsNeutralisedInTheCoverageCsv() throws IOException {
        Reply r = SecurityHttp.get(report + ".csv?table=coverage&domain=" + ReportFixture.FORMULA_DOMAIN, "bob");
        assertEquals(r.toString(), 200, r.status());
        List<CSVRecord> rows = csv(r.body());
        assertEquals(List.of("domain", "name", "alice"), rows.get(0).toList());
        assertEquals(List.of(ReportFixture.FORMULA_DOMAIN, "'" + ReportFixture.FORMULA_NAME, "5"), rows.get(1).toList());
    }

    @Test
    public void theCsvRefusesAsThePageDoes() {
        Reply table = SecurityHttp.get(report + ".csv?table=nope&project=DEMO", "alice");
        assertEquals(400, table.status());
        assertTrue(table.body(), table.body().startsWith("table: "));
        Reply hidden = SecurityHttp.get(report + ".csv?table=load&project=HR", "frank");
        assertEquals(400, hidden.status());
        assertTrue(hidden.body(), hidden.body().startsWith("project: "));
        assertEquals(403, SecurityHttp.get(report + ".csv?table=load", "alice").status());
        assertEquals(200, SecurityHttp.get(report + ".csv?table=load", "admin").status());
        SecurityHttp.assertNothingLeaks("csv refusal", hidden);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The page's numbers, lists and tables against GET /reports/accountability with the same scope and user. */
    private static void assertSameNumbers(String scope, String user) {
        JsonNode rest = rest(scope, user);
        Document page = page(report + (scope.isEmpty() ? "" : "?" + scope), user);
        String what = scope + " as " + user;
        JsonNode totals = rest.get("totals");
        assertEquals(what, totals.get("decisions").asText(), page.selectFirst("#mandate-report-decisions").text());
        assertEquals(what, totals.get("open").asText(), page.selectFirst("#mandate-report-open").text());
        assertEquals(what, totals.get("decided").asText(), page.selectFirst("#mandate-report-decided").text());
        assertEquals(what, twoDecimals(rest.get("gini").asDouble()), page.selectFirst("#mandate-report-gini").text());
        assertEquals(what, twoDecimals(1 - rest.get("gini").asDouble()), page.selectFirst("#mandate-report-distribution-index").text());
        assertEquals(what, twoDecimals(rest.get("topShare").asDouble()), page.selectFirst("#mandate-report-top-share").text());
        JsonNode cycle = rest.get("cycleTimeDays");
        assertEquals(what, cycle.get("median").isNull() ? "none" : cycle.get("median").asText(),
                page.selectFirst("#mandate-report-cycle-median").text());
        assertEquals(what, cycle.get("p90").isNull() ? "none" : cycle.get("p90").asText(), page.selectFirst("#mandate-report-cycle-p90").text());
        assertEquals(what, rest.get("busFactor").get("value").asText(), page.selectFirst("#mandate-report-bus-factor").text());
        List<String> busPeople = keys(rest.get("busFactor").get("people"));
        assertEquals(what, busPeople.isEmpty() ? "nobody" : String.join(", ", busPeople), page.selectFirst("#mandate-report-bus-people").text());
        assertEquals(what, keys(rest.get("singlePointsOfFailure")), page.select("#mandate-report-spof li").eachAttr("data-domain-key"));

        List<List<String>> load = new ArrayList<>();
        rest.get("load").forEach(l -> load.add(List.of(l.get("user").asText(), l.get("count").asText())));
        List<List<String>> shownLoad = page.select("#mandate-report-load-table tbody tr").stream()
                .map(tr -> List.of(tr.selectFirst(".mandate-report-user").text(), tr.selectFirst(".mandate-report-count").text())).toList();
        assertEquals(what, load, shownLoad);

        for (String list : List.of("unowned", "overdue", "violations", "consultationGaps", "dueForReview")) {
            Element section = page.selectFirst("#mandate-report-list-" + list);
            List<String> keys = keys(rest.get(list));
            assertEquals(what + " " + list, keys, section.select("a.mandate-report-issue").eachText());
            assertEquals(what + " " + list, keys.stream().map(k -> "/jira/browse/" + k).toList(),
                    section.select("a.mandate-report-issue").eachAttr("href"));
            assertEquals(what + " " + list, String.valueOf(keys.size()), section.selectFirst(".aui-badge").text());
        }
        List<String> months = new ArrayList<>();
        rest.get("trend").forEach(t -> months.add(t.get("month").asText() + " " + t.get("decisions").asText() + " "
                + (t.get("index").isNull() ? "none" : twoDecimals(t.get("index").asDouble()))));
        assertEquals(what, months, page.select("#mandate-report-trend-table tbody tr").eachText());
        assertEquals(what + ": three charts", 3, page.select("figure.mandate-report-chart > svg[role=img]").size());
        // the charts' ids and the page's never meet (aria-labelledby must find the chart's own title)
        List<String> ids = page.select("[id]").eachAttr("id");
        assertEquals(what + ": ids are unique", new java.util.TreeSet<>(ids).size(), ids.size());
    }

    @Test
    public void theWhatIfOnThePageIsTheRestWhatIfOfTheSameScope() {
        // erin away over the instance's domains: RELEASE goes on through bob, ARCH loses its co-decider erin
        String url = report + "?project=DEMO&absent=erin";
        Document page = page(url, "alice");
        JsonNode rest = SecurityHttp.get(jira + "/rest/mandate/1.0/reports/whatif?project=DEMO&absent=erin", "alice").json();
        Element answer = page.selectFirst("#mandate-report-whatif-answer");
        assertNotNull(page.html(), answer);
        assertEquals(keys(rest.get("stalled")), page.select("#mandate-report-whatif-stalled li").eachAttr("data-domain-key"));
        List<String> backups = new ArrayList<>();
        rest.get("coveredByBackup").forEach(d -> backups.add(d.get("domain").asText()));
        assertEquals(backups, page.select("#mandate-report-whatif-backups li").eachAttr("data-domain-key"));
        assertTrue(answer.text(), answer.selectFirst("#mandate-report-whatif-backups li[data-domain-key=RELEASE]").text()
                .contains("bob for erin"));
        List<String> coDeciders = new ArrayList<>();
        rest.get("coDecidersLost").forEach(d -> coDeciders.add(d.get("domain").asText()));
        assertEquals(coDeciders, page.select("#mandate-report-whatif-codeciders li").eachAttr("data-domain-key"));
        assertEquals(keys(rest.get("decisionsWaiting")), page.select("#mandate-report-whatif-waiting a").eachText());
        // the form keeps the scope, so the answer is of the same scope
        assertEquals("DEMO", page.selectFirst("#mandate-report-form-whatif input[type=hidden][name=project]").val());
        assertEquals("erin", page.selectFirst("#mandate-report-absent").val());

        // an unknown name: the report stays, the what-if names its field, 400 as the REST resource
        Reply unknown = SecurityHttp.html(report + "?project=DEMO&absent=nobody-here", "alice");
        assertEquals(unknown.toString(), 400, unknown.status());
        SecurityHttp.assertNothingLeaks(report, unknown);
        Document refused = Jsoup.parse(unknown.body());
        assertEquals("absent", refused.selectFirst("#mandate-report-whatif-error").attr("data-field"));
        assertTrue(refused.selectFirst("#mandate-report-whatif-error").text().contains("nobody-here"));
        assertNotNull(refused.selectFirst("#mandate-report-summary"));
        assertEquals("true", refused.selectFirst("#mandate-report-absent").attr("aria-invalid"));
    }

    private static void assertRefused(String url, String user, int status, String field, String text) {
        Reply r = SecurityHttp.html(url, user);
        assertEquals(url + " as " + user + ": " + r, status, r.status());
        SecurityHttp.assertNothingLeaks(url, r);
        Document page = Jsoup.parse(r.body());
        Element error = page.selectFirst("#mandate-report-error");
        assertNotNull(url + ": the page with an error message: " + r, error);
        assertEquals(url, field, error.attr("data-field"));
        assertTrue(url + ": " + error.text(), error.text().contains(text));
        assertTrue(url + ": no report numbers", page.select("#mandate-report-summary").isEmpty());
        assertNotNull(url + ": the scope chooser stays", page.selectFirst("#mandate-report-chooser"));
    }

    private static JsonNode rest(String scope, String user) {
        Reply r = SecurityHttp.get(jira + "/rest/mandate/1.0/reports/accountability" + (scope.isEmpty() ? "" : "?" + scope), user);
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    private static Document page(String url, String user) {
        Reply r = SecurityHttp.html(url, user);
        assertEquals(url + " as " + user + ": " + r, 200, r.status());
        return Jsoup.parse(r.body());
    }

    private static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>();
        array.forEach(k -> keys.add(k.asText()));
        return keys;
    }

    /** As the page rounds: half up to two decimals. */
    private static String twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String jqlOf(String href) {
        String query = URI.create(href).getRawQuery();
        assertTrue(href, query.startsWith("jql="));
        return URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8);
    }

    /** The keys Jira's search finds for the JQL of an issue-search link, as the given user. */
    private static List<String> searched(String href, String user) {
        assertTrue(href, href.startsWith("/jira/issues/?jql="));
        Reply r = SecurityHttp.get(jira + "/rest/api/2/search?maxResults=1000&jql=" + SecurityHttp.enc(jqlOf(href)), user);
        assertEquals(jqlOf(href) + ": " + r, 200, r.status());
        List<String> keys = new ArrayList<>();
        r.json().get("issues").forEach(i -> keys.add(i.get("key").asText()));
        // the issue search page shows the same
        Document page = page(jira + href.substring("/jira".length()), user);
        assertEquals(href, keys, page.select("#issuetable tr.issuerow").eachAttr("data-issuekey"));
        return keys;
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        assertTrue("a byte order mark first", body.startsWith("\uFEFF"));
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(body.substring(1)))) {
            List<CSVRecord> rows = parser.getRecords();
            assertFalse(rows.isEmpty());
            return rows;
        }
    }
}
