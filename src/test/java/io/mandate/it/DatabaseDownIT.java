package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.ProductNode;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.BeforeClass;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Jira's database stops answering Mandate (issue 11, item 6): the running host's connections for the plugin's data
 * are cut ({@code Database.cutPluginConnections}: every connection fails as Hikari fails with the database gone)
 * while the host's own reads go on, as Jira's issue view has its issue loaded and its permissions cached. The issue
 * view still renders — summary, details, description — and the decision and authority panels each show a short
 * notice in the reader's language instead of an exception; the REST API answers 503 in the error shape, never a 500
 * or a stack trace. Once connections come back, the panels show their data again.
 *
 * <p>Reads the sample issue DEMO-1 only and writes nothing; the host's caches are emptied before (so the panels
 * really read) and after.
 */
public class DatabaseDownIT {

    private static final String NOTICE = "Mandate could not read its data just now. Reload the page in a moment.";
    private static final String NOTICE_DE = "Mandate konnte seine Daten gerade nicht lesen. Laden Sie die Seite gleich noch einmal.";

    private static ProductNode jiraNode;
    private static String jira;

    @BeforeClass
    public static void startHost() {
        jiraNode = RunningHost.get().jira();
        jira = RunningHost.jira();
    }

    private static void databaseDown() {
        jiraNode.caches().flushAll();
        jiraNode.database().cutPluginConnections(true);
    }

    @After
    public void databaseBack() {
        for (ProductNode node : new ProductNode[]{jiraNode, RunningHost.get().confluence()}) {
            node.database().cutPluginConnections(false);
            node.caches().flushAll();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    public void theIssueViewRendersWithANoticeInBothPanels() {
        databaseDown();
        Reply page = SecurityHttp.html(jira + "/browse/DEMO-1", "alice");
        assertEquals(page.toString(), 200, page.status());
        SecurityHttp.assertNothingLeaks("issue view, database down", page);
        String html = page.body();
        assertTrue("the rest of the page renders", html.contains("<h1 id=\"summary-val\">Choose the message broker</h1>")
                && html.contains("id=\"description-val\"") && html.contains("id=\"status-val\">Done<"));
        assertTrue("both panels are there", html.contains("id=\"decision-panel-module\"") && html.contains("id=\"authority-panel-module\""));
        assertEquals("the notice, once in each panel", 2, count(html, NOTICE));
        assertFalse("no edit button without data", html.contains("id=\"mandate-decision-edit\""));
        assertFalse(html, html.toLowerCase(java.util.Locale.ROOT).contains("sql") || html.contains("Connection is not available"));

        Reply german = SecurityHttp.html(jira + "/browse/DEMO-1?locale=de", "alice");
        assertEquals(german.toString(), 200, german.status());
        assertEquals("in the reader's language", 2, count(german.body(), NOTICE_DE));
    }

    @Test
    public void theRestApiAnswers503InTheErrorShape() {
        Reply before = SecurityHttp.get(jira + "/rest/mandate/1.0/decisions/DEMO-1", "alice");
        databaseDown();
        for (Reply r : new Reply[] {
                SecurityHttp.get(jira + "/rest/mandate/1.0/decisions/DEMO-1", "alice"),
                SecurityHttp.get(jira + "/rest/mandate/1.0/decisions?project=DEMO", "alice"),
                SecurityHttp.get(jira + "/rest/mandate/1.0/domains", "alice"),
                SecurityHttp.putJson(jira + "/rest/mandate/1.0/decisions/DEMO-1", "alice", "{\"status\":\"OPEN\"}")}) {
            assertEquals(r.toString(), 503, r.status());
            JsonNode body = SecurityHttp.assertErrorShape("database down", r);
            assertEquals("Mandate could not read or save its data just now: the database did not answer. Try again in a moment.",
                    body.get("message").asText());
            SecurityHttp.assertNothingLeaks("database down", r);
        }
        databaseBack();
        Reply after = SecurityHttp.get(jira + "/rest/mandate/1.0/decisions/DEMO-1", "alice");
        assertEquals("the PUT that failed changed nothing", before.status() + " " + before.body(), after.status() + " " + after.body());
    }

    @Test
    public void onceConnectionsComeBackThePanelsShowTheirDataAgain() {
        databaseDown();
        assertEquals(2, count(SecurityHttp.html(jira + "/browse/DEMO-1", "alice").body(), NOTICE));
        databaseBack();
        String html = SecurityHttp.html(jira + "/browse/DEMO-1", "alice").body();
        assertEquals(0, count(html, NOTICE));
        assertTrue("the decision panel with its actions again", html.contains("id=\"mandate-decision-edit\""));
        assertTrue("the authority panel with DEMO-1's domain again", html.contains("mandate-authority-domain"));
    }

    /**
     * Mandate's own pages: each answers 503 with its title in the product's chrome and the panels' notice in the
     * reader's language, instead of the host's plain 500 page; nothing of the failure shows.
     */
    @Test
    public void theAdminAndReportPagesShowTheNoticeInThePageWithStatus503() {
        databaseDown();
        String[][] pages = {
                {"/plugins/servlet/mandate/admin", "admin", "Mandate administration"},
                {"/plugins/servlet/mandate/matrix", "admin", "Authority matrix"},
                {"/plugins/servlet/mandate/matrix?project=OPS", "erin", "Authority matrix"},
                {"/plugins/servlet/mandate/report?project=DEMO", "alice", "Accountability report"},
                {"/plugins/servlet/mandate/report?project=DEMO&absent=erin", "alice", "Accountability report"},
                {"/plugins/servlet/mandate/report?domain=ARCH", "alice", "Accountability report"},
                {"/plugins/servlet/mandate/report", "admin", "Accountability report"}};
        for (String[] page : pages) {
            assertNoticePage(jira + page[0], page[1], page[2]);
        }
        assertEquals("a non-administrator is still refused", 403, SecurityHttp.html(jira + "/plugins/servlet/mandate/admin", "frank").status());
        assertEquals("an anonymous visitor still goes to the login page", 302, SecurityHttp.html(jira + "/plugins/servlet/mandate/admin", null).status());

        Reply csv = SecurityHttp.get(jira + "/plugins/servlet/mandate/report.csv?table=load&project=DEMO", "alice");
        assertEquals(csv.toString(), 503, csv.status());
        assertTrue(csv.toString(), csv.contentType().startsWith("text/plain"));
        assertEquals(NOTICE, csv.body());
        SecurityHttp.assertNothingLeaks("report CSV, database down", csv);
        assertEquals(NOTICE_DE, SecurityHttp.get(jira + "/plugins/servlet/mandate/report.csv?table=load&project=DEMO&locale=de", "alice").body());

        databaseBack();
        for (String[] page : pages) {
            Reply back = SecurityHttp.html(jira + page[0], page[1]);
            assertEquals(page[0] + " once the database answers again: " + back, 200, back.status());
            assertFalse(back.body().contains(NOTICE));
        }
    }

    @Test
    public void theCharterEditorShowsTheNoticeInThePageWithStatus503() {
        ProductNode confluence = RunningHost.get().confluence();
        confluence.caches().flushAll();
        confluence.database().cutPluginConnections(true);
        assertNoticePage(RunningHost.confluence() + "/plugins/servlet/mandate/charter?team=PLATFORM", "alice", "Team charter");
    }

    private static void assertNoticePage(String url, String user, String title) {
        Reply page = SecurityHttp.html(url, user);
        assertEquals(url + ": " + page, 503, page.status());
        SecurityHttp.assertNothingLeaks(url + ", database down", page);
        Document doc = Jsoup.parse(page.body());
        assertEquals(url + ": the notice in the page", NOTICE, doc.select("#content #mandate-unavailable .mandate-unavailable").text());
        assertEquals(url + ": the page's own title", title, doc.select("#mandate-unavailable h2").text());
        assertTrue(url + ": in the product's chrome", doc.selectFirst("#header") != null && doc.title().startsWith(title));
        assertFalse(url, page.body().toLowerCase(java.util.Locale.ROOT).contains("sql") || page.body().contains("Connection is not available"));
        Reply german = SecurityHttp.html(url + (url.contains("?") ? "&" : "?") + "locale=de", user);
        assertEquals(503, german.status());
        assertEquals(url + ": in the reader's language", NOTICE_DE, Jsoup.parse(german.body()).select("#mandate-unavailable .mandate-unavailable").text());
    }
}
