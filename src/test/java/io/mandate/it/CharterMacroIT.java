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
 * The team charter macro on the sample TEAM page "Platform team charter" (page 65537, macro parameter team =
 * PLATFORM) of the running host, with a PLATFORM charter this class writes (and puts back as it was afterwards): the
 * charter with Jira's live data over the real loopback link — the sample matrix's rights in ARCH and RELEASE, the open
 * decisions exactly as Jira's REST API lists them for the same person — and the page still whole, with a plain notice,
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
            assertEquals("one request, then no more", 1, accepted.size());
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

    private static void assertNotice(Document page, String kind) {
        assertCharterShown(page);
        Element notice = page.selectFirst(".mandate-charter-notice[data-notice=" + kind + "]");
        assertNotNull(kind + ": " + page.select("section.mandate-charter").html(), notice);
        assertEquals(List.of("Not loaded from Jira.", "Not loaded from Jira."), page.select("tr.mandate-charter-domain td").eachText());
    }
}
