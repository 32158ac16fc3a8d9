package io.mandate.refhost.confluence;

import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.SampleOrganisation;
import io.mandate.refhost.world.World;
import org.hsqldb.jdbc.JDBCDataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * Confluence's storage-to-view conversion on the sample organisation: macros get their parsed parameters and bodies,
 * unknown macros show Confluence's placeholder, ri: identifiers become links for the viewer, and nothing executable
 * passes through.
 */
public class ViewRendererTest {

    private JDBCDataSource dataSource;
    private World world;
    private final List<MacroCall> calls = new ArrayList<>();

    /** A stand-in for a plugin macro: records its call and shows what it received, escaped. */
    private final MacroSource echo = new MacroSource() {
        @Override
        public boolean has(String name) {
            return name.equals("echo") || name.equals("broken");
        }

        @Override
        public String execute(MacroCall call, RenderContext context) throws MacroFailure {
            calls.add(call);
            if (call.name().equals("broken")) {
                throw new MacroFailure("the team <b>X</b> has no charter");
            }
            return "<div class=\"echo\" data-viewer=\"" + context.viewer() + "\">" + call.body() + "</div>";
        }
    };

    @Before
    public void openWorld() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:view-" + UUID.randomUUID());
        dataSource.setUser("SA");
        dataSource.setPassword("");
        world = World.open(dataSource);
    }

    @After
    public void dropDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private String render(String storage, String viewer) {
        return new ViewRenderer(world, List.of(echo, new ConfluenceMacros()))
                .render(new RenderContext(new HostPage(1L, "TEAM", "Test page", storage), viewer, "/confluence"));
    }

    private static Document html(String fragment) {
        return Jsoup.parseBodyFragment(fragment);
    }

    @Test
    public void aKnownMacroGetsItsParsedParametersAndItsRenderedRichBody() {
        String out = render("<p>before</p><ac:structured-macro ac:name=\"echo\" ac:schema-version=\"1\" ac:macro-id=\"x-1\">"
                + "<ac:parameter ac:name=\"team\">PLATFORM &amp; friends</ac:parameter>"
                + "<ac:parameter ac:name=\"owner\"><ri:user ri:userkey=\"JIRAUSER10001\" /></ac:parameter>"
                + "<ac:parameter ac:name=\"home\"><ri:page ri:content-title=\"Platform team charter\" /></ac:parameter>"
                + "<ac:rich-text-body><p>inner <strong>bold</strong> <script>alert(1)</script></p>"
                + "<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"title\">ok</ac:parameter></ac:structured-macro>"
                + "</ac:rich-text-body></ac:structured-macro><p>after</p>", "alice");
        assertEquals(1, calls.size());
        MacroCall call = calls.get(0);
        assertEquals(Map.of("team", "PLATFORM & friends", "owner", "alice", "home", "Platform team charter"), call.parameters());
        assertEquals(MacroCall.BodyType.RICH_TEXT, call.bodyType());
        assertTrue(call.body(), call.body().startsWith("<p>inner <strong>bold</strong> </p>"));
        assertTrue("a macro in the body is rendered before the body reaches the macro: " + call.body(),
                call.body().contains("status-macro") && call.body().contains(">ok</span>"));
        assertEquals("alice", html(out).selectFirst(".echo").attr("data-viewer"));
        assertTrue(out, out.indexOf("before") < out.indexOf("echo") && out.indexOf("echo") < out.indexOf("after"));
    }

    @Test
    public void aPlainTextBodyReachesTheMacroAsWrittenInItsCdata() {
        String cdata = "if (a < b && c > \"d\") { x = '&amp;'; } ]]";
        render("<ac:structured-macro ac:name=\"echo\"><ac:plain-text-body><![CDATA[" + cdata + "]]></ac:plain-text-body>"
                + "</ac:structured-macro>", "alice");
        assertEquals(MacroCall.BodyType.PLAIN_TEXT, calls.get(0).bodyType());
        assertEquals(cdata, calls.get(0).body());
        String code = render("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">java</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[" + cdata + "]]></ac:plain-text-body></ac:structured-macro>", "alice");
        assertEquals("the code macro shows the text, escaped", cdata, html(code).selectFirst("pre").wholeText());
        assertFalse(code, code.contains("a < b"));
    }

    @Test
    public void anUnknownMacroShowsConfluencesPlaceholderAndTheRestOfThePage() {
        String out = render("<p>one</p><ac:structured-macro ac:name=\"roadmap-planner\" ac:schema-version=\"1\">"
                + "<ac:rich-text-body><ac:structured-macro ac:name=\"echo\"/></ac:rich-text-body></ac:structured-macro><p>two</p>", "alice");
        Document doc = html(out);
        assertEquals("Unknown macro: {roadmap-planner}", doc.selectFirst(".unknown-macro").text());
        assertEquals("roadmap-planner", doc.selectFirst(".unknown-macro").attr("data-macro-name"));
        assertEquals(List.of("one", "two"), doc.select("p").eachText());
        assertTrue("the body of a macro nobody has is not run", calls.isEmpty());
    }

    @Test
    public void anUnknownMacroNameIsEscapedInThePlaceholder() {
        String out = render("<ac:structured-macro ac:name=\"x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"/>", "alice");
        assertTrue(out, html(out).select("img").isEmpty());
        assertTrue(out, html(out).selectFirst(".unknown-macro").text().contains("<img src=x onerror=alert(1)>"));
    }

    @Test
    public void aFailingMacroShowsConfluencesErrorInItsPlace() {
        String out = render("<ac:structured-macro ac:name=\"broken\"/><p>rest</p>", "alice");
        assertEquals("Error rendering macro 'broken' : the team <b>X</b> has no charter", html(out).selectFirst(".macro-error").text());
        assertTrue(out, out.contains("<p>rest</p>"));
    }

    @Test
    public void aPageLinkGoesToThePageForAReaderOfItsSpaceOnly() {
        String link = "<ac:link><ri:page ri:space-key=\"ENG\" ri:content-title=\"Architecture decisions\" />"
                + "<ac:plain-text-link-body><![CDATA[the <decisions>]]></ac:plain-text-link-body></ac:link>";
        Document asAlice = html(render(link, "alice"));
        assertEquals("/confluence/pages/viewpage.action?pageId=" + SampleOrganisation.ARCHITECTURE_PAGE_ID,
                asAlice.selectFirst("a").attr("href"));
        assertEquals("the <decisions>", asAlice.selectFirst("a").text());
        Document asFrank = html(render(link, "frank"));
        assertEquals("frank cannot view ENG: no page id, Confluence's link to create it",
                "/confluence/pages/createpage.action?spaceKey=ENG&title=Architecture+decisions", asFrank.selectFirst("a").attr("href"));
        assertEquals("createlink", asFrank.selectFirst("a").className());
        Document sameSpace = html(render("<ac:link><ri:page ri:content-title=\"platform team CHARTER\" /></ac:link>", "frank"));
        assertEquals("a link without a space key is in the page's space; titles ignore case",
                "/confluence/pages/viewpage.action?pageId=" + SampleOrganisation.TEAM_CHARTER_PAGE_ID, sameSpace.selectFirst("a").attr("href"));
        assertEquals("Platform team charter", sameSpace.selectFirst("a").text());
    }

    @Test
    public void aUserLinkShowsTheUsersNameAndAnUnknownUserIsNotALink() {
        Document doc = html(render("<p><ac:link><ri:user ri:userkey=\"JIRAUSER10005\" /></ac:link>, "
                + "<ac:link><ri:user ri:username=\"bob\" /><ac:link-body>the <em>on-call</em> lead</ac:link-body></ac:link>, "
                + "<ac:link><ri:user ri:userkey=\"JIRAUSER99999\" /></ac:link></p>", "alice"));
        assertEquals("Erin Evans", doc.select("a.user-mention").get(0).text());
        assertEquals("/confluence/display/~erin", doc.select("a.user-mention").get(0).attr("href"));
        assertEquals("erin", doc.select("a.user-mention").get(0).attr("data-username"));
        assertEquals("the on-call lead", doc.select("a.user-mention").get(1).text());
        assertNotNull(doc.selectFirst("a.user-mention em"));
        assertEquals("JIRAUSER99999", doc.selectFirst("span.unresolved").text());
    }

    @Test
    public void spaceUrlAndAnchorLinks() {
        Document doc = html(render("<ac:link><ri:space ri:space-key=\"ENG\" /></ac:link>"
                + "<ac:link><ri:url ri:value=\"https://example.com/a?b=1&amp;c=2\" /></ac:link>"
                + "<ac:link ac:anchor=\"Next steps\"><ac:plain-text-link-body><![CDATA[next]]></ac:plain-text-link-body></ac:link>", "alice"));
        assertEquals("Engineering", doc.select("a").get(0).text());
        assertEquals("/confluence/display/ENG", doc.select("a").get(0).attr("href"));
        assertEquals("https://example.com/a?b=1&c=2", doc.select("a").get(1).attr("href"));
        assertEquals("#Testpage-Nextsteps", doc.select("a").get(2).attr("href"));
        assertEquals("frank cannot view ENG: the space is not a link for him", "ENG",
                html(render("<ac:link><ri:space ri:space-key=\"ENG\" /></ac:link>", "frank")).selectFirst("span.unresolved").text());
    }

    @Test
    public void scriptsHandlersAndDangerousAddressesNeverPassThrough() {
        String out = render("<p onclick=\"alert(1)\" id=\"main-content\" class=\"ok\" style=\"color: red; position: fixed;"
                + " background-image: url(javascript:alert(1))\">text</p>"
                + "<script>alert(2)</script><style>body{display:none}</style><iframe src=\"https://evil.example\">x</iframe>"
                + "<a href=\"javascript:alert(3)\">js</a><a href=\"  JaVa&#x09;script:alert(4)\">tab</a>"
                + "<a href=\"//evil.example/\">protocol-relative</a><a href=\"/\\evil.example/\">slash-backslash</a>"
                + "<a href=\"data:text/html,hi\">data</a>"
                + "<img src=\"javascript:alert(5)\" onerror=\"alert(6)\" /><form action=\"/x\"><input name=\"q\" /></form>"
                + "<svg><script>alert(7)</script></svg><foo:bar>kept text</foo:bar>"
                + "<ac:link><ri:url ri:value=\"javascript:alert(8)\" /></ac:link>"
                + "<ac:image><ri:url ri:value=\"javascript:alert(9)\" /></ac:image>"
                + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[<script>alert(10)</script>]]></ac:plain-text-body></ac:structured-macro>",
                "alice");
        String lower = out.toLowerCase(java.util.Locale.ROOT);
        assertFalse(out, lower.contains("<script"));
        assertFalse(out, lower.contains("<iframe") || lower.contains("<style") || lower.contains("<form") || lower.contains("<input"));
        Document doc = html(out);
        for (org.jsoup.nodes.Element element : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : element.attributes()) {
                String value = a.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", "");
                assertFalse(out, a.getKey().startsWith("on"));
                assertFalse(out, value.contains("javascript:") || value.startsWith("data:") || value.contains("evil.example"));
            }
        }
        assertEquals("an address that is not allowed shows as text", "javascript:alert(8)", doc.selectFirst("span.unresolved").text());
        assertNull("no id from a page: it could clobber the page around it", doc.getElementById("main-content"));
        assertEquals("color: red;", doc.selectFirst("p.ok").attr("style"));
        assertTrue(out, out.contains("kept text"));
        assertEquals("&lt;script&gt; from a code block is text", "<script>alert(10)</script>", doc.selectFirst("pre").text());
    }

    @Test
    public void tasksLayoutsImagesEmoticonsDatesAndPlaceholdersShowAsInConfluence() {
        Document doc = html(render("<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status>"
                + "<ac:task-body>done</ac:task-body></ac:task><ac:task><ac:task-status>incomplete</ac:task-status>"
                + "<ac:task-body>open</ac:task-body></ac:task></ac:task-list>"
                + "<ac:layout><ac:layout-section ac:type=\"two_equal\"><ac:layout-cell><p>left</p></ac:layout-cell>"
                + "<ac:layout-cell><p>right</p></ac:layout-cell></ac:layout-section></ac:layout>"
                + "<p><ac:image ac:width=\"120\" ac:alt=\"logo\"><ri:url ri:value=\"https://example.com/l.png\" /></ac:image>"
                + "<ac:image><ri:attachment ri:filename=\"a b.png\" /></ac:image><ac:emoticon ac:name=\"smile\" />"
                + "<time datetime=\"2026-11-20\" /><ac:placeholder>Type here</ac:placeholder></p>", "alice"));
        assertEquals(List.of("done", "open"), doc.select("ul.inline-task-list li").eachText());
        assertEquals("checked", doc.select("ul.inline-task-list li").get(0).className());
        assertEquals(2, doc.select(".columnLayout.two_equal .cell").size());
        assertEquals("https://example.com/l.png", doc.select("img").get(0).attr("src"));
        assertEquals("120", doc.select("img").get(0).attr("width"));
        assertEquals("/confluence/download/attachments/1/a%20b.png", doc.select("img").get(1).attr("src"));
        assertEquals("(smile)", doc.selectFirst(".emoticon-smile").attr("title"));
        assertEquals("20 Nov 2026", doc.selectFirst("time").text());
        assertFalse("placeholders are for authors", doc.text().contains("Type here"));
    }

    @Test
    public void aMalformedStoredBodyIsANoticeNotAnError() {
        String out = render("<p>unclosed", "alice");
        assertTrue(out, html(out).selectFirst(".storage-format-error").text().contains("Error parsing xhtml"));
    }

    @Test
    public void aPageWrittenInARealConfluenceRendersWithItsMacrosAndUnknownOnesMarked() throws IOException {
        String storage;
        try (InputStream in = getClass().getResourceAsStream("/confluence/real-world-page.xml")) {
            storage = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document doc = html(new ViewRenderer(world, List.of(new ConfluenceMacros()))
                .render(new RenderContext(new HostPage(1L, "TEAM", "Release 4.2", storage), "alice", "/confluence")));
        assertEquals("Release 4.2: how we ship", doc.selectFirst("h1").text());
        assertEquals(List.of("Unknown macro: {toc}", "Unknown macro: {jira}", "Unknown macro: {children}",
                "Unknown macro: {roadmap-planner}"), doc.select(".unknown-macro").eachText());
        assertEquals("Before you start", doc.selectFirst(".confluence-information-macro-information .title").text());
        assertEquals("/confluence/pages/viewpage.action?pageId=" + SampleOrganisation.TEAM_CHARTER_PAGE_ID,
                doc.selectFirst(".confluence-information-macro-body a").attr("href"));
        assertEquals(List.of("Erin Evans", "Alice Adams", "Bob Brown", "Bob Brown"), doc.select("a.user-mention").eachText());
        assertEquals("Passed", doc.selectFirst(".status-macro").text());
        assertEquals("./deploy.sh --env prod && echo \"<done>\" & exit", doc.selectFirst(".code pre").wholeText());
        assertNotNull(doc.selectFirst(".expand-container .confluence-information-macro-warning"));
        assertEquals("Contacts", doc.selectFirst("[data-macro-name=panel] .panelHeader").text());
        assertTrue(doc.text(), doc.text().contains("\u2014 and \u00e9\u00e0 entities"));
        assertEquals("#Release4.2-Owners", doc.select("a").last().attr("href"));
    }
}
