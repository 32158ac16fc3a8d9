package io.mandate.charter;

import io.mandate.platform.JiraAnswer;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.ProductClock;
import io.mandate.refhost.sal.RefApplicationProperties;
import io.mandate.refhost.web.RefPageBuilderService;
import io.mandate.testing.Seams;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.mandate.charter.FakeJira.DOMAINS;
import static io.mandate.charter.FakeJira.decision;
import static io.mandate.charter.FakeJira.decisionsPath;
import static io.mandate.charter.FakeJira.domain;
import static io.mandate.charter.FakeJira.grantsPath;
import static io.mandate.charter.FakeJira.groupGrant;
import static io.mandate.charter.FakeJira.page;
import static io.mandate.charter.FakeJira.userGrant;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The team charter macro rendered with the host's real template renderer (Atlassian's escaping) and texts: the
 * charter with what Jira says, and the charter with a plain notice for every way Jira can fail — never an error,
 * never a stack trace. Jira is a {@link FakeJira}.
 */
public class TeamCharterMacroTest {

    private static final Person ALICE = new Person("JIRAUSER10001", "alice", "Alice Adams");
    private static final Person CAROL = new Person("JIRAUSER10003", "carol", "Carol Clark");

    private FakeJira jira;
    private CharterService charters;
    private People people;
    private Person viewer = ALICE;
    private TeamCharterMacro macro;

    private static Charter platform() {
        return new Charter("PLATFORM", "Platform team", "TEAM", "Keep the platform boring.\nShip small.",
                List.of(new Charter.Member(ALICE.key(), "Tech lead"), new Charter.Member(CAROL.key(), null)),
                List.of("ARCH", "RELEASE"), 3);
    }

    @Before
    public void setUp() {
        jira = new FakeJira();
        charters = mock(CharterService.class);
        when(charters.visible("PLATFORM")).thenReturn(Optional.of(platform()));
        when(charters.visible("NOPE")).thenReturn(Optional.empty());
        when(charters.spaceName("TEAM")).thenReturn(Optional.of("Team Space"));
        when(charters.person(ALICE.key())).thenReturn(ALICE);
        when(charters.person(CAROL.key())).thenReturn(CAROL);
        when(charters.currentUser()).thenAnswer(i -> Optional.ofNullable(viewer));
        people = mock(People.class);
        when(people.currentUser()).thenAnswer(i -> Optional.ofNullable(viewer));
        ProductClock clock = new ProductClock() {
            @Override
            public Instant now() {
                return Instant.parse("2026-11-20T10:00:00Z");
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("UTC");
            }
        };
        macro = new TeamCharterMacro(charters, new TeamDecisions(jira, Seams.caches(), people, clock), MacroRendering.templates(),
                MacroRendering.i18n(), new RefApplicationProperties("/confluence"),
                new RefPageBuilderService());
    }

    private void sampleJira() {
        jira.answer(DOMAINS, page(domain("ARCH", "Architecture"), domain("RELEASE", "Release go/no-go")))
                .answer(grantsPath("ARCH"), page(userGrant("ARCH", "alice", "Alice Adams", 6, "dave", null, null),
                        groupGrant("ARCH", "leads", 4), groupGrant("ARCH", "developers", 3)))
                .answer(grantsPath("RELEASE"), page(userGrant("RELEASE", "erin", "Erin Evans", 5, "bob", null, null)))
                .answer(decisionsPath("ARCH", "OPEN"), page(decision("DEMO-3", "Pick a cache", "OPEN", null, null, false)))
                .answer(decisionsPath("ARCH", "IN_PROGRESS"), page(decision("DEMO-10", "Choose the broker", "IN_PROGRESS",
                        "Alice Adams", "2026-11-01", true)))
                .answer(decisionsPath("RELEASE", "OPEN"), page())
                .answer(decisionsPath("RELEASE", "IN_PROGRESS"), page(decision("DEMO-2", "Ship 2.0", "IN_PROGRESS", "Erin Evans",
                        "2026-12-01", false)));
    }

    private Document render(Map<String, String> parameters) {
        return MacroRendering.render(macro, parameters, viewer == null ? null : viewer.name(), Locale.ENGLISH);
    }

    private Document renderPlatform() {
        return render(Map.of("team", "PLATFORM"));
    }

    private static String text(Document doc, String css) {
        Element e = doc.selectFirst(css);
        assertNotNull(css + " in " + doc.body().html(), e);
        return e.text();
    }

    /** The charter's own part is always there, whatever Jira did. */
    private static void assertCharterShown(Document doc) {
        assertEquals("Platform team", text(doc, ".mandate-charter-name"));
        assertEquals("Space: Team Space", text(doc, ".mandate-charter-space"));
        assertEquals("Keep the platform boring.\nShip small.", doc.selectFirst(".mandate-charter-purpose").wholeText());
        assertEquals(List.of("Alice Adams", "Carol Clark"), doc.select(".mandate-charter-member").eachText());
        assertEquals(List.of("Tech lead", "None"), doc.select(".mandate-charter-role").eachText());
        assertEquals(List.of("alice", "carol"), doc.select(".mandate-charter-member").eachAttr("data-username"));
    }

    @Test
    public void theCharterShowsPurposeMembersRightsAndOpenDecisionsWithTheOverdueHighlighted() {
        sampleJira();
        Document doc = renderPlatform();
        assertCharterShown(doc);
        assertTrue(doc.select(".mandate-charter-notice").isEmpty());
        Element arch = doc.selectFirst("tr.mandate-charter-domain[data-domain-key=ARCH]");
        assertEquals("Architecture (ARCH)", arch.selectFirst("th").text());
        List<String> cells = arch.select("td").eachText();
        assertEquals(List.of("Alice Adams (backup: dave)", "group leads", "group developers"), cells);
        assertEquals(List.of("Erin Evans (backup: bob)", "None", "None"),
                doc.selectFirst("tr.mandate-charter-domain[data-domain-key=RELEASE]").select("td").eachText());
        List<Element> rows = doc.select("tr.mandate-charter-decision");
        assertEquals(List.of("DEMO-10", "DEMO-2", "DEMO-3"), rows.stream().map(r -> r.attr("data-issue-key")).toList());
        Element overdue = rows.get(0);
        assertTrue("the overdue row is highlighted", overdue.hasClass("mandate-overdue-row"));
        assertEquals("2026-11-01 Overdue", overdue.select("td").get(4).text());
        assertEquals("Alice Adams", overdue.select("td").get(3).text());
        assertEquals("In progress", overdue.select("td").get(2).text());
        assertEquals("https://jira.example.com/browse/DEMO-10", overdue.selectFirst("a").attr("href"));
        assertFalse(rows.get(1).hasClass("mandate-overdue-row"));
        assertEquals("No approver yet", rows.get(2).select("td").get(3).text());
    }

    @Test
    public void membersHoldersAndApproversWhoAreGoneAreShownAsSuch() {
        // Confluence deactivated carol and deleted alice; Jira's Mandate says the same of its holders and approvers
        when(charters.person(ALICE.key())).thenReturn(Person.deleted(ALICE.key()));
        when(charters.person(CAROL.key())).thenReturn(CAROL.in(Person.State.INACTIVE));
        jira.answer(DOMAINS, page(domain("ARCH", "Architecture"), domain("RELEASE", "Release go/no-go")))
                .answer(grantsPath("ARCH"), page(userGrant("ARCH", "JIRAUSER10001", "JIRAUSER10001", 6, "deleted"),
                        userGrant("ARCH", "frank", "Frank Fischer", 3, "inactive"), groupGrant("ARCH", "leads", 4)))
                .answer(grantsPath("RELEASE"), page())
                .answer(decisionsPath("ARCH", "OPEN"), page())
                .answer(decisionsPath("ARCH", "IN_PROGRESS"), page(decision("DEMO-10", "Choose the broker", "Ivan Ivanov", "inactive")))
                .answer(decisionsPath("RELEASE", "OPEN"), page())
                .answer(decisionsPath("RELEASE", "IN_PROGRESS"), page());
        Document doc = renderPlatform();
        assertEquals(List.of(ALICE.key() + " (deleted)", "Carol Clark (inactive)"), doc.select(".mandate-charter-member").eachText());
        assertEquals(List.of("deleted", "inactive"), doc.select(".mandate-charter-member").eachAttr("data-state"));
        assertEquals(List.of("JIRAUSER10001 (deleted)", "group leads", "Frank Fischer (inactive)"),
                doc.selectFirst("tr.mandate-charter-domain[data-domain-key=ARCH]").select("td").eachText());
        assertTrue(doc.selectFirst("tr.mandate-charter-decision").text(), doc.selectFirst("tr.mandate-charter-decision").text()
                .contains("Ivan Ivanov (inactive)"));
    }

    @Test
    public void theEditLinkIsForPeopleWhoMayEditTheSpace() {
        sampleJira();
        when(charters.canEdit(platform())).thenReturn(true);
        assertEquals("/confluence/plugins/servlet/mandate/charter?team=PLATFORM", renderPlatform().selectFirst("a.mandate-charter-edit").attr("href"));
        when(charters.canEdit(platform())).thenReturn(false);
        assertNull(renderPlatform().selectFirst("a.mandate-charter-edit"));
    }

    @Test
    public void noLinkToJiraShowsTheCharterAndSaysSo() {
        jira.always(new JiraAnswer.NotLinked());
        assertNotice(renderPlatform(), "notLinked", "no application link to Jira");
    }

    @Test
    public void jiraDownShowsTheCharterAndSaysJiraDidNotAnswer() {
        jira.always(new JiraAnswer.Unreachable("Connection refused"));
        Document doc = renderPlatform();
        assertNotice(doc, "unreachable", "Jira did not answer in time");
        assertFalse("the reason for the log stays out of the page", doc.text().contains("Connection refused"));
    }

    @Test
    public void jiraTooSlowShowsTheCharterAndSaysJiraDidNotAnswer() {
        jira.always(new JiraAnswer.Unreachable("Read timed out"));
        assertNotice(renderPlatform(), "unreachable", "did not answer in time");
    }

    @Test
    public void jiraRefusingShowsTheCharterWithTheStatus() {
        jira.always(new JiraAnswer.ErrorStatus(403));
        assertNotice(renderPlatform(), "refused", "Jira refused to answer (HTTP 403)");
    }

    @Test
    public void aJiraWithoutMandateShowsTheCharterAndSaysSo() {
        jira.always(new JiraAnswer.ErrorStatus(404));
        assertNotice(renderPlatform(), "noMandate", "does not have Mandate installed");
    }

    @Test
    public void aViewerWhoMustAuthoriseTheLinkGetsTheLinkAndIsAskedAgainNextTime() {
        URI authorise = URI.create("http://localhost/confluence/plugins/servlet/applinks/oauth/login-dance/authorize?applicationLinkID=x");
        jira.always(new JiraAnswer.AuthorisationNeeded(Optional.of(authorise)));
        Document doc = renderPlatform();
        assertNotice(doc, "authorise", "allow Confluence to read Jira as you");
        assertEquals(authorise.toString(), doc.selectFirst(".mandate-charter-notice a").attr("href"));
        assertEquals("Authorise", doc.selectFirst(".mandate-charter-notice a").text());
        renderPlatform();
        assertEquals("not kept in the cache: after authorising, the next view reads Jira", 2, jira.asked.size());
    }

    @Test
    public void anUnreadableAnswerShowsTheCharterAndSaysSo() {
        jira.always(new JiraAnswer.Unreadable("not JSON"));
        assertNotice(renderPlatform(), "unreadable", "could not be read");
    }

    @Test
    public void aDomainJiraDoesNotKnowIsNamedBesideTheOthers() {
        sampleJira();
        jira.answer(DOMAINS, page(domain("ARCH", "Architecture")));
        Document doc = renderPlatform();
        assertEquals("Jira has no decision domain RELEASE that you may see.", text(doc, ".mandate-charter-notice[data-notice=domainUnknown]"));
        assertEquals(List.of("Not loaded from Jira."), doc.selectFirst("tr.mandate-charter-domain[data-domain-key=RELEASE]").select("td").eachText());
        assertEquals(2, doc.select("tr.mandate-charter-decision").size());
    }

    @Test
    public void jiraIsAskedOncePerViewerWhileTheCacheKeepsTheAnswer() {
        sampleJira();
        renderPlatform();
        int asked = jira.asked.size();
        renderPlatform();
        assertEquals("the same viewer again: from the cache", asked, jira.asked.size());
        viewer = CAROL;
        renderPlatform();
        assertEquals("another viewer: Jira is asked as them", 2 * asked, jira.asked.size());
    }

    @Test
    public void withoutTheTeamParameterTheMacroSaysWhatItNeeds() {
        Document doc = render(Map.of());
        assertEquals("The team charter macro needs a team: set its parameter \"team\" to the team key.", text(doc, ".mandate-charter-notice"));
        assertTrue(jira.asked.isEmpty());
    }

    @Test
    public void anUnknownTeamIsNamedWithTheEditorToCreateIt() {
        Document doc = render(Map.of("team", "nope", "unknownParameter", "ignored"));
        assertEquals("There is no team charter NOPE that you may view. Create it", text(doc, ".mandate-charter-notice"));
        assertEquals("/confluence/plugins/servlet/mandate/charter?team=NOPE", doc.selectFirst("a.mandate-charter-create").attr("href"));
        assertTrue(jira.asked.isEmpty());
        viewer = null;
        assertNull("an anonymous viewer gets no editor link", render(Map.of("team", "NOPE")).selectFirst("a.mandate-charter-create"));
    }

    @Test
    public void charterTextsAreTextNeverMarkup() {
        String payload = "<script>window.__xss()</script>\"'><img src=x onerror=window.__xss()>";
        Charter hostile = new Charter("PLATFORM", payload, "TEAM", payload, List.of(new Charter.Member(ALICE.key(), payload)),
                List.of("ARCH"), 1);
        when(charters.visible("PLATFORM")).thenReturn(Optional.of(hostile));
        when(charters.spaceName("TEAM")).thenReturn(Optional.of(payload));
        jira.always(new JiraAnswer.NotLinked());
        Document doc = renderPlatform();
        assertTrue("no script and no image came out of the texts: " + doc.body().html(),
                doc.select("script").isEmpty() && doc.select("img").isEmpty() && doc.select("[onerror]").isEmpty());
        assertEquals(payload, text(doc, ".mandate-charter-name"));
        assertEquals(payload, text(doc, ".mandate-charter-purpose"));
        assertEquals(payload, text(doc, ".mandate-charter-role"));
        assertEquals("Space: " + payload, text(doc, ".mandate-charter-space"));
    }

    private static void assertNotice(Document doc, String kind, String says) {
        assertCharterShown(doc);
        Element notice = doc.selectFirst(".mandate-charter-notice[data-notice=" + kind + "]");
        assertNotNull(kind + " notice in " + doc.body().html(), notice);
        assertTrue(notice.text(), notice.text().contains(says));
        assertEquals("one notice for the whole of Jira's part", 1, doc.select(".mandate-charter-notice").size());
        assertEquals(List.of("Not loaded from Jira.", "Not loaded from Jira."),
                doc.select("tr.mandate-charter-domain td").eachText());
        assertTrue(doc.select("tr.mandate-charter-decision").isEmpty());
    }
}
