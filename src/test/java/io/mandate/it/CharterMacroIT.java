package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.applinks.RefApplicationLinks;
import io.mandate.testing.RunningHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The team charter macro and the accountability report macro on the sample TEAM page "Platform team charter" (page
 * 65537, both with parameter team = PLATFORM) of the running host, and the report macro of project DEMO on the ENG
 * page "Architecture decisions" (65538), with a PLATFORM charter this class writes (and puts back as it was afterwards): the
 * charter with Jira's live data over the real loopback link — the sample matrix's rights in ARCH and RELEASE, the open
 * decisions exactly as Jira's REST API lists them for the same person, the report exactly as Jira's REST API gives it
 * to the same person (so someone who may browse less in Jira sees less counted) — and the page still whole, with a
 * plain notice from each macro,
 * when the link is gone, Jira is down, Jira does not answer in time, Jira has no Mandate, or the viewer has not
 * authorised the link. The link is put back after each test and Confluence's caches are emptied between views.
 */
public class CharterMacroIT {

    private static final String PAGE = "/pages/viewpage.action?pageId=65537";
    private static String api;
    private static JsonNode before;

    @BeforeClass
    public static void charter() {
        api = RunningHost.confluence() + "/rest/mandate/1.0/charters/PLATFORM";
        Reply existing = SecurityHttp.get(api, "admin");
        before = existing.status() == 200 ? existing.json() : null;
        String body = "{\"name\":\"Platform team\",\"space\":\"TEAM\",\"purpose\":\"Run the platform every other team builds on.\","
                + "\"members\":[{\"name\":\"alice\",\"role\":\"Tech lead\"},{\"name\":\"dave\",\"role\":\"Developer\"}],"
                + "\"domains\":[\"ARCH\",\"RELEASE\"]" + (before == null ? "" : ",\"version\":" + before.get("version").asInt()) + "}";
        Reply put = SecurityHttp.putJson(api, "admin", body);
        assertEquals(put.toString(), 200, put.status());
    }

    @AfterClass
    public static void putTheCharterBack() {
        int version = SecurityHttp.get(api, "admin").json().get("version").asInt();
        if (before == null) {
            assertEquals(204, SecurityHttp.delete(api + "?version=" + version, "admin").status());
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode back = before.deepCopy();
            back.put("version", version);
            assertEquals(200, SecurityHttp.putJson(api, "admin", back.toString()).status());
        }
    }

    private RefApplicationLinks.Target target;

    @Before
    public void rememberTheLink() {
        target = links().target().orElseThrow();
        links().authorise("alice");
        flush();
    }

    @After
    public void putTheLinkBack() {
        links().link(target);
        links().authorise("alice");
        flush();
    }

    private static RefApplicationLinks links() {
        return RunningHost.get().confluence().applinks();
    }

    private static void flush() {
        RunningHost.get().confluence().caches().flushAll();
    }

    private static Document view(String user) {
        Reply r = SecurityHttp.send("GET", RunningHost.confluence() + PAGE, user, java.util.Map.of("Accept", "text/html"), null);
        assertEquals(r.toString(), 200, r.status());
        assertFalse("no exception text on the page", r.body().contains("Exception") || r.body().contains(".java:"));
        return Jsoup.parse(r.body());
    }

    private static void assertCharterShown(Document page) {
        Element charter = page.selectFirst("#main-content section.mandate-charter");
        assertNotNull(page.body().html(), charter);
        assertEquals("Platform team", charter.selectFirst(".mandate-charter-name").text());
        assertEquals("Run the platform every other team builds on.", charter.selectFirst(".mandate-charter-purpose").text());
        assertEquals(List.of("Alice Adams", "Dave Davis"), charter.select(".mandate-charter-member").eachText());
        assertEquals(List.of("Tech lead", "Developer"), charter.select(".mandate-charter-role").eachText());
    }

    @Test
    public void thePageShowsTheCharterWithJirasLiveRightsAndOpenDecisions() {
        Document page = view("alice");
        assertCharterShown(page);
        assertTrue(page.select(".mandate-charter-notice").toString(), page.select(".mandate-charter-notice").isEmpty());
        Element arch = page.selectFirst("tr.mandate-charter-domain[data-domain-key=ARCH]");
        assertEquals("Architecture (ARCH)", arch.selectFirst("th").text());
        assertEquals(List.of("Alice Adams (backup: dave)", "group leads", "group developers"), arch.select("td").eachText());
        Element release = page.selectFirst("tr.mandate-charter-domain[data-domain-key=RELEASE]");
        assertEquals("Release go/no-go (RELEASE)", release.selectFirst("th").text());
        assertEquals(List.of("Erin Evans (backup: bob)", "group leads", "group operations"), release.select("td").eachText());

        // the open decisions are those Jira lists for alice herself
        List<String> fromJira = new ArrayList<>();
        for (String domain : List.of("ARCH", "RELEASE")) {
            for (String status : List.of("OPEN", "IN_PROGRESS")) {
                JsonNode list = SecurityHttp.get(RunningHost.jira() + "/rest/mandate/1.0/decisions?domain=" + domain + "&status=" + status
                        + "&maxResults=50", "alice").json();
                list.get("values").forEach(d -> fromJira.add(d.get("issueKey").asText()));
            }
        }
        List<String> shown = page.select("tr.mandate-charter-decision").eachAttr("data-issue-key");
        assertEquals(new java.util.TreeSet<>(fromJira), new java.util.TreeSet<>(shown));
        for (Element link : page.select("tr.mandate-charter-decision a")) {
            assertTrue(link.attr("href"), link.attr("href").startsWith(RunningHost.jira() + "/browse/"));
        }
        assertEquals("alice may edit TEAM: the edit link", "/confluence/plugins/servlet/mandate/charter?team=PLATFORM",
                page.selectFirst("a.mandate-charter-edit").attr("href"));
    }

    /**
     * The report macro's section on the page shows the report Jira's REST API gives the same person for the same
     * scope: totals, every list with its issue keys, single points of failure, the bus factor, three charts, and the
     * link to the full report in Jira.
     */
    private static void assertReportAsJiraGivesIt(Document page, String user, String scopeQuery) {
        Element report = page.selectFirst("#main-content section.mandate-report-macro");
        assertNotNull(page.select("#main-content").html(), report);
        assertTrue(report.select(".mandate-report-macro-notice").toString(), report.select(".mandate-report-macro-notice").isEmpty());
        JsonNode jira = SecurityHttp.get(RunningHost.jira() + "/rest/mandate/1.0/reports/accountability?" + scopeQuery, user).json();
        assertEquals(jira.get("totals").get("decisions").asText(), report.selectFirst(".mandate-report-decisions").text());
        assertEquals(jira.get("totals").get("open").asText(), report.selectFirst(".mandate-report-open").text());
        assertEquals(jira.get("totals").get("decided").asText(), report.selectFirst(".mandate-report-decided").text());
        assertEquals(jira.get("busFactor").get("value").asText(), report.selectFirst(".mandate-report-bus-factor").text());
        for (String list : List.of("unowned", "overdue", "violations", "consultationGaps", "dueForReview")) {
            List<String> keys = new ArrayList<>();
            jira.get(list).forEach(k -> keys.add(k.asText()));
            Element shown = report.selectFirst(".mandate-report-list[data-list=" + list + "]");
            assertEquals(list, String.valueOf(keys.size()), shown.selectFirst(".aui-badge").text());
            assertEquals(list, keys, shown.select(".mandate-report-issue").eachText());
            for (Element link : shown.select("a.mandate-report-issue")) {
                assertEquals(RunningHost.jira() + "/browse/" + link.text(), link.attr("href"));
            }
        }
        List<String> spof = new ArrayList<>();
        jira.get("singlePointsOfFailure").forEach(k -> spof.add(k.asText()));
        assertEquals(spof, report.select(".mandate-report-spof li").eachText());
        assertEquals("load, trend and coverage", 3, report.select("figure.mandate-report-chart > svg").size());
        assertEquals(RunningHost.jira() + "/plugins/servlet/mandate/report?" + scopeQuery,
                report.selectFirst("a.mandate-report-macro-full").attr("href"));
    }

    /** A new issue of the project, made by the user through Jira's REST API; its key. */
    private static String newIssue(String user, String project) {
        Reply made = SecurityHttp.send("POST", RunningHost.jira() + "/rest/api/2/issue", user, java.util.Map.of("Content-Type",
                "application/json"), ("{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"Report macro probe\","
                + "\"issuetype\":{\"name\":\"Task\"}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(made.toString(), 201, made.status());
        return made.json().get("key").asText();
    }

    /**
     * Two overdue decisions in ARCH made for this test, one in DEMO and one in HR (which only hr-team may browse):
     * erin sees both counted, alice — who may not browse HR — only the DEMO one; each sees exactly Jira's report for
     * them.
     */
    @Test
    public void thePageShowsTheTeamsReportAsJiraGivesItToTheViewer() {
        String demo = newIssue("alice", "DEMO");
        String hr = newIssue("heidi", "HR");
        try {
            String decision = "{\"status\":\"OPEN\",\"approver\":\"erin\",\"dueDate\":\"2026-01-05\",\"domain\":\"ARCH\"}";
            assertEquals(200, SecurityHttp.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + demo, "alice", decision).status());
            assertEquals(200, SecurityHttp.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + hr, "heidi", decision).status());
            links().authorise("erin");
            Document erins = view("erin");
            assertEquals("Platform team (domains ARCH, RELEASE)", erins.selectFirst(".mandate-report-macro .mandate-report-scope").text());
            assertReportAsJiraGivesIt(erins, "erin", "domain=ARCH%2CRELEASE");
            List<String> overdue = erins.select(".mandate-report-macro .mandate-report-list[data-list=overdue] .mandate-report-issue").eachText();
            assertTrue(overdue.toString(), overdue.containsAll(List.of(demo, hr)));

            Document alices = view("alice");
            assertReportAsJiraGivesIt(alices, "alice", "domain=ARCH%2CRELEASE");
            overdue = alices.select(".mandate-report-macro .mandate-report-list[data-list=overdue] .mandate-report-issue").eachText();
            assertTrue(overdue.toString(), overdue.contains(demo) && !overdue.contains(hr));
            assertEquals("alice's report counts one decision fewer: the HR one she may not browse",
                    Integer.parseInt(erins.selectFirst(".mandate-report-macro .mandate-report-decisions").text()) - 1,
                    Integer.parseInt(alices.selectFirst(".mandate-report-macro .mandate-report-decisions").text()));
        } finally {
            for (String[] issue : List.of(new String[] {demo, "alice"}, new String[] {hr, "heidi"})) {
                SecurityHttp.delete(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + issue[0], issue[1]);
                assertEquals(204, SecurityHttp.delete(RunningHost.jira() + "/rest/api/2/issue/" + issue[0], issue[1]).status());
            }
        }
    }

    @Test
    public void theEngineeringPageShowsTheProjectsReport() {
        Reply r = SecurityHttp.send("GET", RunningHost.confluence() + "/pages/viewpage.action?pageId=65538", "alice",
                java.util.Map.of("Accept", "text/html"), null);
        assertEquals(r.toString(), 200, r.status());
        Document page = Jsoup.parse(r.body());
        assertEquals("Project DEMO", page.selectFirst(".mandate-report-macro .mandate-report-scope").text());
        assertReportAsJiraGivesIt(page, "alice", "project=DEMO");
    }

    @Test
    public void frankMayViewButNotEditTheSpaceAndGetsNoEditLink() {
        links().authorise("frank");
        Document page = view("frank");
        assertCharterShown(page);
        assertNull(page.selectFirst("a.mandate-charter-edit"));
    }

    @Test
    public void withoutALinkThePageSaysDecisionDataIsUnavailable() {
        links().unlink();
        assertNotice(view("alice"), "notLinked");
    }

    @Test
    public void withJiraDownThePageSaysJiraDidNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        links().link(new RefApplicationLinks.Target(URI.create("http://127.0.0.1:" + closedPort + "/jira"), target.signature()));
        assertNotice(view("alice"), "unreachable");
    }

    @Test
    public void withJiraTooSlowThePageComesBackWithinTheLinksTimeoutAndSaysSo() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accepts, reads nothing, answers nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            links().link(new RefApplicationLinks.Target(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/jira"), target.signature()));
            assertNotice(view("alice"), "unreachable");
            // each macro asks once and waits out the link's read timeout; neither asks again (a silent Jira costs a page
            // with both macros two timeouts: docs/user-guide/charters.md)
            assertEquals("one request per macro, then no more", 2, accepted.size());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    public void withAJiraWithoutMandateThePageSaysSo() {
        // a path of the Jira node under which no Mandate REST API answers: Jira's own 404
        links().link(new RefApplicationLinks.Target(URI.create(target.jiraBaseUrl() + "/no-mandate-here"), target.signature()));
        assertNotice(view("alice"), "noMandate");
    }

    @Test
    public void aViewerWhoHasNotAuthorisedTheLinkGetsTheLinkToTheAuthorisationPage() {
        links().revoke("carol");
        Document page = view("carol");
        assertNotice(page, "authorise");
        String href = page.selectFirst(".mandate-charter-notice[data-notice=authorise] a").attr("href");
        assertTrue(href, href.startsWith(RunningHost.confluence() + RefApplicationLinks.AUTHORISE_PATH));
    }

    @Test
    public void anAnonymousVisitorIsSentToTheLoginPage() {
        Reply r = SecurityHttp.send("GET", RunningHost.confluence() + PAGE, null, java.util.Map.of("Accept", "text/html"), null);
        assertEquals(302, r.status());
        assertTrue(r.headers().firstValue("Location").orElse(""), r.headers().firstValue("Location").orElse("").contains("login.jsp"));
    }

    /** Both macros say the same kind of failure plainly; the charter's own part is whole, the report has no numbers. */
    private static void assertNotice(Document page, String kind) {
        assertCharterShown(page);
        Element notice = page.selectFirst(".mandate-charter-notice[data-notice=" + kind + "]");
        assertNotNull(kind + ": " + page.select("section.mandate-charter").html(), notice);
        assertEquals(List.of("Not loaded from Jira.", "Not loaded from Jira."), page.select("tr.mandate-charter-domain td").eachText());
        Element report = page.selectFirst("#main-content section.mandate-report-macro");
        assertNotNull(kind + ": " + page.select("#main-content").html(), report);
        assertNotNull(kind + ": " + report.html(), report.selectFirst(".mandate-report-macro-notice[data-notice=" + kind + "]"));
        assertTrue("no numbers without Jira", report.select(".mandate-report-numbers, svg").isEmpty());
    }
}
