package io.mandate.it;

import com.atlassian.jira.issue.MutableIssue;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.web.RequestContext;
import io.mandate.refhost.web.WebPanels;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The pages of the reference host with the plugin in them, read as HTML: the issue view with the
 * decision panel, escaping, i18n, the admin page's access rules, and the statement count of a
 * panel render (targets.md: at most 3).
 */
public class HostPagesIT {

    private static final String DECISION = "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
            + "\"contributors\":[\"dave\",\"erin\"],\"informed\":[{\"type\":\"group\",\"name\":\"developers\"}],"
            + "\"dueDate\":\"2020-01-01\",\"outcome\":null}";

    private static Document page(String url, String user) {
        Http.Reply reply = Http.send("GET", url, user, null, null);
        assertEquals(url, 200, reply.status());
        return Jsoup.parse(reply.body());
    }

    @Test
    public void issueViewShowsTheDecisionPanelWithItsFields() {
        assertEquals(200, Http.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/DEMO-9", "alice", DECISION).status());
        Document doc = page(RunningHost.jira() + "/browse/DEMO-9", "bob");
        assertNotNull(doc.selectFirst("#viewissuesidebar #mandate-decision-panel"));
        assertEquals("Carol Clark", doc.selectFirst(".mandate-approver").text());
        assertEquals("Alice Adams", doc.selectFirst(".mandate-driver").text());
        assertEquals("Dave Davis, Erin Evans", doc.selectFirst(".mandate-contributors").text());
        assertEquals("developers", doc.selectFirst(".mandate-informed").text());
        assertNotNull("a due date in the past is highlighted", doc.selectFirst(".mandate-overdue"));
        assertNotNull("the plugin's web resource is on the page",
                doc.selectFirst("link[href$=io.mandate.mandate:mandate-resources/mandate.css]"));
    }

    @Test
    public void issueWithoutDecisionShowsTheEmptyState() {
        Document doc = page(RunningHost.jira() + "/browse/DEMO-10", "alice");
        assertEquals("No decision is recorded on this issue yet.", doc.selectFirst(".mandate-empty").text());
    }

    @Test
    public void panelTextFollowsTheBrowserLanguage() {
        Http.Reply reply = Http.send("GET", RunningHost.jira() + "/browse/DEMO-10?locale=de", "alice", null, null);
        Document doc = Jsoup.parse(reply.body());
        assertEquals("F\u00fcr diesen Vorgang ist noch keine Entscheidung erfasst.", doc.selectFirst(".mandate-empty").text());
    }

    @Test
    public void summariesAndOutcomesAreEscaped() {
        String outcome = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        String body = "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\",\"outcome\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(outcome) + "}";
        assertEquals(200, Http.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/DEMO-13", "alice", body).status());
        Document doc = page(RunningHost.jira() + "/browse/DEMO-13", "alice");
        assertEquals("Render <b>bold</b> & \"quotes\" safely", doc.selectFirst("#summary-val").text());
        assertTrue(doc.select("#summary-val b").isEmpty());
        assertEquals(outcome, doc.selectFirst(".mandate-outcome").text());
        assertTrue("no element was injected", doc.select(".mandate-outcome img, .mandate-outcome script").isEmpty());
    }

    @Test
    public void hiddenIssuesLookLikeMissingOnes() {
        Http.Reply hidden = Http.send("GET", RunningHost.jira() + "/browse/HR-1", "frank", null, null);
        Http.Reply missing = Http.send("GET", RunningHost.jira() + "/browse/HR-999", "frank", null, null);
        assertEquals(404, hidden.status());
        assertEquals(404, missing.status());
        assertNull(Jsoup.parse(hidden.body()).selectFirst("#mandate-decision-panel"));
    }

    /**
     * Characters a URI may not hold, sent as they are in the query (browsers and proxies do): the
     * anonymous caller is still sent to the login page, with the address it asked for encoded so
     * that coming back after the login asks for the same thing.
     */
    @Test
    public void anonymousAdminRequestWithCharactersNoUriMayHoldIsSentToLogin() {
        RawHttp.Answer answer = RawHttp.head(RunningHost.get().baseUrl(), "GET",
                "/jira/plugins/servlet/mandate/admin?x=|\"{}^&y=%41%20b", null, Map.of("Accept", "text/html"));
        assertEquals(answer.toString(), 302, answer.status());
        String location = answer.header("Location");
        String prefix = "/jira/login.jsp?os_destination=";
        assertTrue(location, location.contains(prefix));
        String destination = java.net.URLDecoder.decode(location.substring(location.indexOf(prefix) + prefix.length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(RunningHost.jira() + "/plugins/servlet/mandate/admin?x=%7C%22%7B%7D%5E&y=%41%20b",
                destination.replace("127.0.0.1", "localhost"));
    }

    @Test
    public void adminPageIsForAdministratorsOnly() {
        Document menu = page(RunningHost.jira() + "/secure/admin", "admin");
        assertEquals("/jira/plugins/servlet/mandate/admin", menu.selectFirst("#mandate-admin-link").attr("href"));
        Document admin = page(RunningHost.jira() + "/plugins/servlet/mandate/admin", "admin");
        assertNotNull("decorated with the product chrome", admin.selectFirst("#header"));
        assertNotNull(admin.selectFirst("#mandate-decision-count"));
        assertEquals(403, Http.send("GET", RunningHost.jira() + "/plugins/servlet/mandate/admin", "alice", null, null).status());
        Http.Reply anonymous = Http.send("GET", RunningHost.jira() + "/plugins/servlet/mandate/admin", null, null, null);
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/jira/login.jsp?os_destination="));
    }

    @Test
    public void confluenceHasNoDecisionModulesNorComponents() {
        // decisions live in Jira: Confluence gets neither the panel, the admin page, the REST resources
        // nor the decision components (they are @JiraComponent), instead of versions that find nothing
        Document menu = page(RunningHost.confluence() + "/admin/console.action", "admin");
        assertNull(menu.selectFirst("#mandate-admin-link"));
        ProductNode confluence = RunningHost.get().confluence();
        assertTrue(confluence.plugin().descriptor().webPanels().isEmpty());
        assertEquals(404, Http.get(RunningHost.confluence() + "/rest/mandate/1.0/decisions/DEMO-1", "admin").status());
        assertEquals(404, Http.get(RunningHost.confluence() + "/plugins/servlet/mandate/admin", "admin").status());
        assertEquals("no decision reactions listen in Confluence", 0, confluence.events().listenerCount());
        assertEquals("the decision reactions, the decision audit log and the issue-move and issue-delete listeners listen in Jira", 4,
                RunningHost.get().jira().events().listenerCount());
        try {
            confluence.plugin().component(io.mandate.decision.DecisionService.class);
            org.junit.Assert.fail("DecisionService must not be wired in Confluence");
        } catch (org.springframework.beans.BeansException expected) {
            // no such bean
        }
    }

    /** Both of the plugin's macros run on the sample pages (Confluence's placeholder for unknown macros: ContentRestIT). */
    @Test
    public void confluencePagesRenderThePluginsMacros() {
        Document page = page(RunningHost.confluence() + "/pages/viewpage.action?pageId=65537", "alice");
        assertEquals("Platform team charter", page.selectFirst("#title-text").text());
        assertNotNull(page.selectFirst("#main-content"));
        assertNotNull("the team charter macro ran (charter or its notice)", page.selectFirst("#main-content .mandate-charter"));
        assertNull("the team charter macro is the plugin's, not unknown",
                page.selectFirst("#main-content .unknown-macro[data-macro-name=mandate-team-charter]"));
        assertNotNull("the report macro ran", page.selectFirst("#main-content .mandate-report-macro"));
        Document eng = page(RunningHost.confluence() + "/pages/viewpage.action?pageId=65538", "alice");
        assertNotNull("the report macro ran (report or its notice)", eng.selectFirst("#main-content .mandate-report-macro"));
        assertNull(eng.selectFirst("#main-content .unknown-macro"));
        assertEquals(404, Http.send("GET", RunningHost.confluence() + "/pages/viewpage.action?pageId=65538", "frank", null, null).status());
    }

    @Test
    public void renderingTheDecisionPanelTakesAtMostThreeStatements() {
        assertEquals(200, Http.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/DEMO-11", "alice", DECISION).status());
        ProductNode jira = RunningHost.get().jira();
        MutableIssue issue = jira.jira().issueManager().getIssueObject("DEMO-11");
        Map<String, Object> context = new HashMap<>();
        context.put("issue", issue);
        List<String> statements = RequestContext.runAs(new RequestContext("alice", Locale.ENGLISH, null), () -> {
            jira.sqlCounter().start();
            String html = WebPanels.render(jira, "atl.jira.view.issue.right.context", context);
            List<String> sql = jira.sqlCounter().stop();
            assertTrue(html.contains("Carol Clark"));
            return sql;
        });
        assertTrue("statements: " + statements, statements.size() <= 3);
        assertTrue("the panel reads the decision from the database", statements.size() >= 1);

        List<String> again = RequestContext.runAs(new RequestContext("alice", Locale.ENGLISH, null), () -> {
            jira.sqlCounter().start();
            WebPanels.render(jira, "atl.jira.view.issue.right.context", context);
            return jira.sqlCounter().stop();
        });
        assertEquals("the second view reads the decision from the cluster cache", List.of(), again);
    }
}
