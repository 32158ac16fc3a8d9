package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.refhost.applinks.RefApplicationLinks;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.SampleOrganisation;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.After;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Confluence's content REST API of the running reference host, as scripts and real Confluence clients use it: the
 * paged list, one page with its expansions (body.view rendered for the caller, macros reading Jira as the caller),
 * creating, Confluence's version rule on updates (409), permissions from the space grants (404 for a space the caller
 * cannot see, 403 without the edit grant, 401 anonymous), malformed storage (400 with the parser's message), and a
 * page a real client wrote — with macros the host does not know — round-tripping and rendering. Pages made here are
 * deleted afterwards; titles carry this class's name.
 */
public class ContentRestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "ContentRestIT " + Long.toString(System.nanoTime(), 36) + " ";
    private final List<String> created = new ArrayList<>();

    private static String content() {
        return RunningHost.confluence() + "/rest/api/content";
    }

    @After
    public void deleteThePagesMadeHere() {
        for (String id : created) {
            int status = Http.send("DELETE", content() + "/" + id, "admin", null, null).status();
            assertTrue(id + ": " + status, status == 204 || status == 404);
        }
    }

    private static JsonNode json(Http.Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    private static String pageJson(String space, String title, String storage, Integer version) {
        ObjectNode page = JSON.createObjectNode();
        page.put("type", "page").put("title", title);
        page.putObject("space").put("key", space);
        page.putObject("body").putObject("storage").put("value", storage).put("representation", "storage");
        if (version != null) {
            page.putObject("version").put("number", version);
        }
        return page.toString();
    }

    private JsonNode create(String user, String space, String title, String storage) {
        Http.Reply reply = Http.send("POST", content(), user, "application/json", pageJson(space, TITLE + title, storage, null));
        assertEquals(reply.body(), 200, reply.status());
        JsonNode page = json(reply);
        created.add(page.get("id").asText());
        return page;
    }

    private static JsonNode get(String id, String user, String expand) {
        Http.Reply reply = Http.get(content() + "/" + id + "?expand=" + expand, user);
        assertEquals(reply.body(), 200, reply.status());
        return json(reply);
    }

    private static void assertConfluenceError(Http.Reply reply, int status, String messageStart) {
        assertEquals(reply.body(), status, reply.status());
        JsonNode error = json(reply);
        assertEquals(status, error.get("statusCode").asInt());
        assertTrue(reply.body(), error.get("message").asText().startsWith(messageStart));
        assertFalse(error.get("data").get("successful").asBoolean());
        assertTrue(error.get("reason").isTextual());
    }

    private static String realClientPage() {
        try (InputStream in = ContentRestIT.class.getResourceAsStream("/confluence/real-world-page.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void theListFindsAPageBySpaceAndTitleInConfluencesPagedShape() {
        Http.Reply reply = Http.get(content() + "?spaceKey=TEAM&title=" + URLEncoder.encode("Platform team charter", StandardCharsets.UTF_8)
                + "&expand=version,space", "alice");
        assertEquals(reply.body(), 200, reply.status());
        JsonNode list = json(reply);
        assertEquals(0, list.get("start").asInt());
        assertEquals(25, list.get("limit").asInt());
        assertEquals(1, list.get("size").asInt());
        JsonNode page = list.get("results").get(0);
        assertEquals(String.valueOf(SampleOrganisation.TEAM_CHARTER_PAGE_ID), page.get("id").asText());
        assertEquals("page", page.get("type").asText());
        assertEquals("current", page.get("status").asText());
        assertEquals("Platform team charter", page.get("title").asText());
        assertEquals("TEAM", page.get("space").get("key").asText());
        assertEquals("Team Space", page.get("space").get("name").asText());
        assertTrue(page.get("version").get("number").asInt() >= 1);
        assertTrue("not asked for: the body is only expandable", page.get("_expandable").has("body") && !page.has("body"));
        assertEquals(RunningHost.confluence(), list.get("_links").get("base").asText());
        assertEquals("/confluence", list.get("_links").get("context").asText());
        assertTrue(list.get("_links").get("self").asText().startsWith(content() + "?"));

        JsonNode firstOfTeam = json(Http.get(content() + "?spaceKey=TEAM&limit=1", "frank"));
        assertEquals(1, firstOfTeam.get("size").asInt());
        assertTrue(firstOfTeam.get("_links").get("next").asText(), firstOfTeam.get("_links").get("next").asText().contains("start=1"));
        assertEquals("frank cannot view ENG: nothing of it is listed", 0,
                json(Http.get(content() + "?spaceKey=ENG", "frank")).get("size").asInt());
        assertEquals(0, json(Http.get(content() + "?type=blogpost", "alice")).get("size").asInt());
    }

    @Test
    public void onePageWithItsStorageItsViewItsVersionAndItsSpace() {
        JsonNode page = get(String.valueOf(SampleOrganisation.TEAM_CHARTER_PAGE_ID), "carol", "body.storage,body.view,version,space");
        HostPage stored = RunningHost.get().confluence().world().page(SampleOrganisation.TEAM_CHARTER_PAGE_ID).orElseThrow();
        assertEquals(stored.body(), page.get("body").get("storage").get("value").asText());
        assertEquals("storage", page.get("body").get("storage").get("representation").asText());
        JsonNode view = page.get("body").get("view");
        assertEquals("view", view.get("representation").asText());
        Document rendered = Jsoup.parseBodyFragment(view.get("value").asText());
        // the page's own heading (the charter macro before it brings headings of its own)
        assertTrue(rendered.select("h2").eachText().toString(), rendered.select("h2").eachText().contains("How we keep our decisions"));
        assertFalse("no storage element reaches the view", view.get("value").asText().contains("<ac:"));
        assertEquals("admin", page.get("version").get("by").get("username").asText());
        assertEquals("TEAM", page.get("space").get("key").asText());
        assertEquals("/pages/viewpage.action?pageId=" + SampleOrganisation.TEAM_CHARTER_PAGE_ID, page.get("_links").get("webui").asText());
    }

    @Test
    public void aPageARealClientWroteRoundTripsAndRendersWithTheMacrosTheHostKnowsLive() {
        RunningHost.get().confluence().applinks().authorise("alice");
        String storage = realClientPage()
                + "<ac:structured-macro ac:name=\"mandate-team-charter\" ac:schema-version=\"1\" ac:macro-id=\"11111111-2222-4333-8444-555555555555\">"
                + "<ac:parameter ac:name=\"team\">PLATFORM</ac:parameter></ac:structured-macro>"
                + "<ac:structured-macro ac:name=\"mandate-accountability-report\" ac:schema-version=\"1\" ac:macro-id=\"66666666-7777-4888-9999-000000000000\">"
                + "<ac:parameter ac:name=\"team\">PLATFORM</ac:parameter></ac:structured-macro>";
        JsonNode made = create("alice", "TEAM", "Release 4.2", storage);
        assertEquals(1, made.get("version").get("number").asInt());
        assertEquals("alice", made.get("version").get("by").get("username").asText());
        String id = made.get("id").asText();

        JsonNode page = get(id, "alice", "body.storage,body.view,version");
        assertEquals("the storage comes back exactly as the client wrote it", storage, page.get("body").get("storage").get("value").asText());
        Document view = Jsoup.parseBodyFragment(page.get("body").get("view").get("value").asText());
        assertEquals("Release 4.2: how we ship", view.selectFirst("h1").text());
        assertTrue(view.select(".unknown-macro").eachText().containsAll(List.of("Unknown macro: {toc}", "Unknown macro: {children}",
                "Unknown macro: {roadmap-planner}")));
        assertEquals("Confluence's Jira macro read DEMO-20 from Jira over the link, as alice",
                "Load-test the checkout before the November sale", view.selectFirst(".jira-issue[data-jira-key=DEMO-20] .summary").text());
        assertEquals(List.of("Erin Evans", "Alice Adams", "Bob Brown", "Bob Brown"), view.select("a.user-mention").eachText());
        assertEquals("./deploy.sh --env prod && echo \"<done>\" & exit", view.selectFirst(".code pre").wholeText());
        for (String macro : List.of("mandate-team-charter", "mandate-accountability-report")) {
            assertTrue(macro + " is the plugin's", RunningHost.get().confluence().plugin().descriptor().macros().stream()
                    .anyMatch(m -> m.name().equals(macro)));
            assertTrue(macro + " is not Confluence's placeholder", view.select(".unknown-macro[data-macro-name=" + macro + "]").isEmpty());
        }
        // both macros live, with Jira's data for alice
        assertEquals("Platform team", view.selectFirst(".mandate-charter-name").text());
        assertTrue(view.select(".mandate-charter-notice").toString(), view.select(".mandate-charter-notice").isEmpty());
        assertEquals("Platform team (domains ARCH, RELEASE)", view.selectFirst(".mandate-report-macro .mandate-report-scope").text());
        assertEquals(3, view.select(".mandate-report-macro figure.mandate-report-chart > svg").size());

        Http.Reply viewPage = Http.get(RunningHost.confluence() + "/pages/viewpage.action?pageId=" + id, "alice");
        assertEquals(200, viewPage.status());
        Document shown = Jsoup.parse(viewPage.body());
        assertEquals(TITLE + "Release 4.2", shown.selectFirst("#title-text").text());
        assertEquals("the page view shows what body.view holds", view.body().text(), shown.selectFirst("#main-content").text());
    }

    @Test
    public void anUpdateMustBeTheCurrentVersionPlusOne() {
        JsonNode made = create("alice", "TEAM", "Versions", "<p>one</p>");
        String id = made.get("id").asText();
        Http.Reply second = Http.send("PUT", content() + "/" + id, "carol", "application/json",
                pageJson("TEAM", TITLE + "Versions", "<p>two</p>", 2));
        assertEquals(second.body(), 200, second.status());
        assertEquals(2, json(second).get("version").get("number").asInt());
        assertEquals("carol", json(second).get("version").get("by").get("username").asText());
        for (int stale : List.of(2, 1, 4)) {
            assertConfluenceError(Http.send("PUT", content() + "/" + id, "alice", "application/json",
                    pageJson("TEAM", TITLE + "Versions", "<p>late</p>", stale)), 409,
                    "Version must be incremented on update. Current version is: 2");
        }
        assertConfluenceError(Http.send("PUT", content() + "/" + id, "alice", "application/json",
                pageJson("TEAM", TITLE + "Versions", "<p>no version</p>", null)), 400, "A version is required");
        JsonNode now = get(id, "alice", "body.storage,version");
        assertEquals("<p>two</p>", now.get("body").get("storage").get("value").asText());
        assertEquals(2, now.get("version").get("number").asInt());
    }

    @Test
    public void permissionsComeFromTheSpaceGrants() {
        String eng = String.valueOf(SampleOrganisation.ARCHITECTURE_PAGE_ID);
        String team = String.valueOf(SampleOrganisation.TEAM_CHARTER_PAGE_ID);
        Http.Reply hidden = Http.get(content() + "/" + eng, "frank");
        assertConfluenceError(hidden, 404, "No content found with id: ContentId{id=" + eng + "}");
        Http.Reply missing = Http.get(content() + "/987654321", "frank");
        assertConfluenceError(missing, 404, "No content found with id: ContentId{id=987654321}");
        assertConfluenceError(Http.send("PUT", content() + "/" + eng, "frank", "application/json",
                pageJson("ENG", "Architecture decisions", "<p>x</p>", 2)), 404, "No content found");
        assertConfluenceError(Http.send("POST", content(), "frank", "application/json",
                pageJson("ENG", TITLE + "hidden", "<p>x</p>", null)), 404, "No space with key : ENG");

        assertConfluenceError(Http.send("PUT", content() + "/" + team, "bob", "application/json",
                pageJson("TEAM", "Platform team charter", "<p>x</p>", 2)), 403, "Not permitted to edit");
        assertConfluenceError(Http.send("POST", content(), "bob", "application/json",
                pageJson("TEAM", TITLE + "by bob", "<p>x</p>", null)), 403, "Not permitted to create");
        assertConfluenceError(Http.send("DELETE", content() + "/" + team, "bob", null, null), 403, "Not permitted to delete");
        assertEquals("nothing changed", 1, get(team, "bob", "version").get("version").get("number").asInt());

        for (Http.Reply anonymous : List.of(Http.get(content(), null), Http.get(content() + "/" + team, null),
                Http.send("POST", content(), null, "application/json", pageJson("TEAM", TITLE + "anon", "<p/>", null)),
                Http.send("PUT", content() + "/" + team, null, "application/json", pageJson("TEAM", "x", "<p/>", 2)),
                Http.send("DELETE", content() + "/" + team, null, null, null))) {
            assertConfluenceError(anonymous, 401, "This request requires authentication");
        }
    }

    @Test
    public void storageThatIsNotWellFormedIsABadRequestWithTheParsersMessage() {
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json",
                pageJson("TEAM", TITLE + "broken", "<p>unclosed <strong>bold</p>", null)), 400,
                "Error parsing xhtml: Unexpected close tag </p>; expected </strong>.");
        assertEquals("nothing was made", 0, json(Http.get(content() + "?spaceKey=TEAM&title="
                + URLEncoder.encode(TITLE + "broken", StandardCharsets.UTF_8), "alice")).get("size").asInt());
        JsonNode made = create("alice", "TEAM", "Kept", "<p>fine</p>");
        assertConfluenceError(Http.send("PUT", content() + "/" + made.get("id").asText(), "alice", "application/json",
                pageJson("TEAM", TITLE + "Kept", "<p>a</br></p>", 2)), 400, "Error parsing xhtml: Unexpected close tag </br>; expected </p>.");
        assertEquals(1, get(made.get("id").asText(), "alice", "version").get("version").get("number").asInt());
    }

    @Test
    public void otherBadRequestsAreNamed() {
        create("alice", "TEAM", "Taken", "<p/>");
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json",
                pageJson("TEAM", (TITLE + "TAKEN").toLowerCase(java.util.Locale.ROOT), "<p/>", null)), 400,
                "A page with this title already exists");
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json",
                pageJson("TEAM", "  ", "<p/>", null)), 400, "A page title is required");
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json",
                pageJson("TEAM", TITLE + "blog", "<p/>", null).replace("\"type\":\"page\"", "\"type\":\"blogpost\"")), 400,
                "Content of type blogpost is not supported");
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json",
                pageJson("TEAM", TITLE + "wiki", "h1. Wiki", null).replace("\"representation\":\"storage\"", "\"representation\":\"wiki\"")),
                400, "Representation wiki is not supported");
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json", "{not json"), 400, "The request body is not JSON");
        assertConfluenceError(Http.send("POST", content(), "alice", "application/json", "{\"type\":\"page\",\"title\":\"x\"}"),
                400, "A space key is required");
    }

    @Test
    public void aRenderThroughTheRestApiReadsJiraAsTheRestCaller() {
        RefApplicationLinks links = RunningHost.get().confluence().applinks();
        links.authorise("heidi");
        links.authorise("frank");
        links.revoke("grace");
        JsonNode made = create("admin", "TEAM", "Hiring status",
                "<p>Hiring: <ac:structured-macro ac:name=\"jira\" ac:schema-version=\"1\" ac:macro-id=\"aa11bb22-cc33-4d44-8e55-ff6677889900\">"
                        + "<ac:parameter ac:name=\"key\">HR-1</ac:parameter></ac:structured-macro></p>");
        String id = made.get("id").asText();
        Document heidi = view(id, "heidi");
        assertEquals("heidi is in hr-team: Jira shows her HR-1", "Hire a senior backend engineer",
                heidi.selectFirst(".jira-issue[data-jira-key=HR-1] .summary").text());
        Document frank = view(id, "frank");
        assertNotNull("frank may not browse HR: Jira answers him 404, so the page says so",
                frank.selectFirst(".jira-issue-unavailable[data-jira-key=HR-1]"));
        assertFalse(frank.text().contains("Hire a senior backend engineer"));
        Document grace = view(id, "grace");
        assertTrue("grace never authorised the link: she is sent to the authorisation page",
                grace.selectFirst(".jira-issue-authenticate a.static-oauth-init").attr("href")
                        .contains(RefApplicationLinks.AUTHORISE_PATH + "?applicationLinkID=" + RefApplicationLinks.LINK_ID));
    }

    @Test
    public void aDeletedPageIsGone() {
        JsonNode made = create("carol", "TEAM", "Short-lived", "<p>bye</p>");
        String id = made.get("id").asText();
        assertEquals(204, Http.send("DELETE", content() + "/" + id, "carol", null, null).status());
        assertConfluenceError(Http.get(content() + "/" + id, "carol"), 404, "No content found");
        assertEquals(404, Http.get(RunningHost.confluence() + "/pages/viewpage.action?pageId=" + id, "carol").status());
    }

    private static Document view(String id, String user) {
        return Jsoup.parseBodyFragment(get(id, user, "body.view").get("body").get("view").get("value").asText());
    }
}
