package io.mandate.charter;

import io.mandate.platform.JiraAnswer;
import io.mandate.platform.JiraPath;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.refhost.web.RefPageBuilderService;
import io.mandate.testing.Seams;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The accountability report macro rendered with the host's real template renderer (Atlassian's escaping) and texts:
 * the scope its parameters name, Jira's report of it drawn with the report page's numbers and charts, and a plain
 * notice for every parameter problem and every way Jira can fail — never an error, never a stack trace. Jira is a
 * {@link FakeJira}.
 */
public class AccountabilityReportMacroTest {

    private static final Person ALICE = new Person("JIRAUSER10001", "alice", "Alice Adams");

    private FakeJira jira;
    private CharterService charters;
    private Person viewer = ALICE;
    private AccountabilityReportMacro macro;

    /** A report as Jira's REST API gives it, with {@code include=coverage}. */
    static final String REPORT = "{\"scope\":{\"project\":\"DEMO\"},\"totals\":{\"decisions\":16,\"open\":9,\"decided\":5},"
            + "\"unowned\":[\"DEMO-3\"],\"overdue\":[\"DEMO-10\",\"DEMO-12\"],\"violations\":[\"DEMO-7\"],\"consultationGaps\":[],"
            + "\"dueForReview\":[],\"load\":[{\"user\":\"alice\",\"count\":6},{\"user\":\"erin\",\"count\":3},{\"user\":\"bob\",\"count\":0}],"
            + "\"gini\":0.4444444,\"topShare\":0.6666,\"singlePointsOfFailure\":[\"HIRING\"],"
            + "\"busFactor\":{\"value\":1,\"people\":[\"alice\"]},\"cycleTimeDays\":{\"median\":4,\"p90\":null},"
            + "\"trend\":[{\"month\":\"2026-10\",\"decisions\":0,\"index\":null},{\"month\":\"2026-11\",\"decisions\":4,\"index\":0.75}],"
            + "\"coverage\":{\"domains\":[\"ARCH\",\"HIRING\"],\"people\":[\"alice\",\"bob\"],"
            + "\"levels\":{\"ARCH\":{\"alice\":7,\"bob\":3},\"HIRING\":{\"bob\":5}}}}";

    private static String path(String parameter, String value) {
        return JiraPath.root(JiraReportReader.PATH).query(parameter, value).query("include", "coverage").toString();
    }

    @Before
    public void setUp() {
        jira = new FakeJira();
        charters = mock(CharterService.class);
        when(charters.visible("PLATFORM")).thenReturn(Optional.of(new Charter("PLATFORM", "Platform team", "TEAM", null,
                List.of(), List.of("ARCH", "RELEASE"), 1)));
        when(charters.visible("EMPTY")).thenReturn(Optional.of(new Charter("EMPTY", "Empty team", "TEAM", null,
                List.of(), List.of(), 1)));
        when(charters.visible("NOPE")).thenReturn(Optional.empty());
        when(charters.currentUser()).thenAnswer(i -> Optional.ofNullable(viewer));
        macro = macro(jira);
    }

    private AccountabilityReportMacro macro(FakeJira linked) {
        People people = mock(People.class);
        when(people.currentUser()).thenAnswer(i -> Optional.ofNullable(viewer));
        return new AccountabilityReportMacro(charters, new LinkedReports(linked, Seams.caches(), people), MacroRendering.templates(),
                MacroRendering.i18n(), new RefPageBuilderService());
    }

    private Document render(Map<String, String> parameters) {
        return render(parameters, Locale.ENGLISH);
    }

    private Document render(Map<String, String> parameters, Locale locale) {
        return MacroRendering.render(macro, parameters, viewer == null ? null : viewer.name(), locale);
    }

    private static String text(Document doc, String css) {
        Element e = doc.selectFirst(css);
        assertNotNull(css + " in " + doc.body().html(), e);
        return e.text();
    }

    @Test
    public void aProjectsReportShowsJirasNumbersListsAndChartsFromOneRequest() {
        jira.answer(path("project", "DEMO"), REPORT);
        Document doc = render(Map.of("project", "demo"));
        assertEquals(List.of(path("project", "DEMO")), jira.asked);
        assertEquals("Project DEMO", text(doc, ".mandate-report-scope"));
        assertEquals("16", text(doc, ".mandate-report-decisions"));
        assertEquals("9", text(doc, ".mandate-report-open"));
        assertEquals("5", text(doc, ".mandate-report-decided"));
        assertEquals("0.44", text(doc, ".mandate-report-gini"));
        assertEquals("0.56", text(doc, ".mandate-report-distribution-index"));
        assertEquals("0.67", text(doc, ".mandate-report-top-share"));
        assertEquals("4", text(doc, ".mandate-report-cycle-median"));
        assertEquals("none", text(doc, ".mandate-report-cycle-p90"));
        assertEquals("1", text(doc, ".mandate-report-bus-factor"));
        assertEquals("alice", text(doc, ".mandate-report-bus-names"));
        assertEquals("HIRING", text(doc, ".mandate-report-spof li"));
        // the lists, each issue linked to Jira
        assertEquals("2", text(doc, ".mandate-report-list[data-list=overdue] .aui-badge"));
        assertEquals(List.of("https://jira.example.com/browse/DEMO-10", "https://jira.example.com/browse/DEMO-12"),
                doc.select(".mandate-report-list[data-list=overdue] a.mandate-report-issue").eachAttr("href"));
        assertEquals("None.", text(doc, ".mandate-report-list[data-list=consultationGaps] .mandate-none"));
        // the three charts, drawn from Jira's values
        assertEquals("Decisions approved per person: alice 6, erin 3, bob 0.", text(doc, ".mandate-report-load-chart svg desc"));
        assertEquals("Distribution index of the months with decisions: 2026-11 0.75.", text(doc, ".mandate-report-trend-chart svg desc"));
        assertEquals("2 domains, 2 people. Who may approve: ARCH: alice; HIRING: bob.", text(doc, ".mandate-report-coverage-chart svg desc"));
        assertEquals("https://jira.example.com/plugins/servlet/mandate/report?project=DEMO",
                doc.selectFirst("a.mandate-report-macro-full").attr("href"));
        assertTrue(doc.select(".mandate-report-macro-notice").isEmpty());
    }

    @Test
    public void approversJiraSaysAreGoneAreMarkedInTheLoadChart() {
        jira.answer(path("project", "DEMO"), REPORT.replace("{\"user\":\"erin\",\"count\":3}",
                "{\"user\":\"erin\",\"count\":3,\"state\":\"inactive\"}").replace("{\"user\":\"bob\",\"count\":0}",
                "{\"user\":\"JIRAUSER10042\",\"count\":0,\"state\":\"deleted\"}"));
        Document doc = render(Map.of("project", "DEMO"));
        assertEquals("Decisions approved per person: alice 6, erin (inactive) 3, JIRAUSER10042 (deleted) 0.",
                text(doc, ".mandate-report-load-chart svg desc"));
    }

    @Test
    public void aTeamsScopeIsTheDomainsItsCharterLists() {
        jira.answer(path("domain", "ARCH,RELEASE"), REPORT);
        Document doc = render(Map.of("team", "platform"));
        assertEquals(List.of(path("domain", "ARCH,RELEASE")), jira.asked);
        assertEquals("Platform team (domains ARCH, RELEASE)", text(doc, ".mandate-report-scope"));
        assertEquals("https://jira.example.com/plugins/servlet/mandate/report?domain=ARCH%2CRELEASE",
                doc.selectFirst("a.mandate-report-macro-full").attr("href"));
    }

    @Test
    public void domainsAreUpperCasedAndTakenOnceAndOtherParametersIgnored() {
        jira.answer(path("domain", "OPS,ARCH"), REPORT);
        Document doc = render(Map.of("domain", " ops, arch,,OPS ", "atlassian-macro-output-type", "BLOCK"));
        assertEquals(List.of(path("domain", "OPS,ARCH")), jira.asked);
        assertEquals("Domains OPS, ARCH", text(doc, ".mandate-report-scope"));
    }

    @Test
    public void noScopeOrSeveralAreSaidPlainlyWithoutAskingJira() {
        assertEquals("The accountability report macro needs a scope: set one of its parameters project, domain or team.",
                text(render(Map.of("unknownParameter", "x")), ".mandate-report-macro-notice"));
        assertEquals("The accountability report macro needs a scope: set one of its parameters project, domain or team.",
                text(render(Map.of("domain", " , ")), ".mandate-report-macro-notice"));
        assertEquals("The accountability report macro takes one of the parameters project, domain and team, not several (given: project, team).",
                text(render(Map.of("project", "DEMO", "team", "PLATFORM")), ".mandate-report-macro-notice"));
        assertEquals(List.of(), jira.asked);
    }

    @Test
    public void aValueThatIsNotAKeyIsSaidPlainlyWithoutAskingJira() {
        assertEquals("DEMO-1 is not a Jira project key: set the parameter project to a key such as DEMO.",
                text(render(Map.of("project", "demo-1")), ".mandate-report-macro-notice"));
        assertEquals("<B> is not a decision domain key: set the parameter domain to keys such as ARCH,RELEASE.",
                text(render(Map.of("domain", "ARCH,<b>")), ".mandate-report-macro-notice"));
        assertEquals(List.of(), jira.asked);
    }

    @Test
    public void aTeamWithoutCharterOrDomainsHasNoReportAndJiraIsNotAsked() {
        assertEquals("There is no team charter NOPE that you may view.", text(render(Map.of("team", "nope")), ".mandate-report-macro-notice"));
        assertEquals("There is no team charter NOT A KEY! that you may view.",
                text(render(Map.of("team", "not a key!")), ".mandate-report-macro-notice"));
        assertEquals("The charter of Empty team names no decision domains, so there is no report to show.",
                text(render(Map.of("team", "EMPTY")), ".mandate-report-macro-notice"));
        assertEquals(List.of(), jira.asked);
    }

    @Test
    public void anAnonymousViewerIsAskedToLogInAndJiraIsNotAsked() {
        viewer = null;
        assertEquals("Log in to see accountability reports.", text(render(Map.of("project", "DEMO")), ".mandate-report-macro-notice"));
        assertEquals(List.of(), jira.asked);
    }

    /** The report's frame with one notice of that kind and nothing of a report. */
    private Document assertUnavailable(Map<String, String> parameters, String kind, String text) {
        Document doc = render(parameters);
        assertEquals(1, doc.select(".mandate-report-macro-notice").size());
        assertEquals(text, text(doc, ".mandate-report-macro-notice[data-notice=" + kind + "]"));
        assertTrue("no numbers", doc.select(".mandate-report-numbers").isEmpty());
        assertTrue("no charts", doc.select("svg").isEmpty());
        return doc;
    }

    @Test
    public void everyWayJiraFailsIsOnePlainNotice() {
        jira.always(new JiraAnswer.NotLinked());
        assertUnavailable(Map.of("project", "DEMO"), "notLinked", "The accountability report is unavailable: this Confluence has no "
                + "application link to Jira. Ask a Confluence administrator to create one.");
        jira = jiraAlways(new JiraAnswer.Unreachable("read timed out"));
        assertUnavailable(Map.of("project", "DEMO"), "unreachable",
                "The accountability report is unavailable: Jira did not answer in time (it may be down or slow). Reload the page later.");
        jira = jiraAlways(new JiraAnswer.ErrorStatus(403));
        assertUnavailable(Map.of("project", "DEMO"), "refused", "The accountability report is unavailable: Jira refused to answer (HTTP 403).");
        jira = jiraAlways(new JiraAnswer.ErrorStatus(404));
        assertUnavailable(Map.of("project", "DEMO"), "noMandate",
                "The accountability report is unavailable: the linked Jira does not have Mandate installed.");
        jira = jiraAlways(new JiraAnswer.ErrorStatus(500));
        assertUnavailable(Map.of("project", "DEMO"), "error", "The accountability report is unavailable: Jira answered with an error (HTTP 500).");
        jira = jiraAlways(new JiraAnswer.ErrorStatus(400));
        assertUnavailable(Map.of("project", "SECRET"), "projectUnknown", "Jira has no project SECRET that you may browse.");
        assertUnavailable(Map.of("domain", "GONE"), "domainUnknown", "Jira does not know the decision domains GONE, or you may not see them.");
        jira = jiraAlways(new JiraAnswer.Unreadable("not JSON"));
        assertUnavailable(Map.of("project", "DEMO"), "unreadable", "The accountability report is unavailable: Jira's answer could not be read.");
    }

    @Test
    public void jsonThatIsNotAReportIsUnreadable() {
        jira.answer(path("project", "DEMO"), "[1,2]");
        assertUnavailable(Map.of("project", "DEMO"), "unreadable", "The accountability report is unavailable: Jira's answer could not be read.");
    }

    @Test
    public void aLinkNotYetAuthorisedOffersTheAuthorisationPageAndIsAskedAgainNextTime() {
        jira.always(new JiraAnswer.AuthorisationNeeded(Optional.of(URI.create("https://jira.example.com/plugins/servlet/applinks/oauth/login-dance/authorize"))));
        Document doc = assertUnavailable(Map.of("project", "DEMO"), "authorise",
                "The accountability report is unavailable until you allow Confluence to read Jira as you. Authorise");
        assertEquals("https://jira.example.com/plugins/servlet/applinks/oauth/login-dance/authorize",
                doc.selectFirst("a.mandate-report-macro-notice-link").attr("href"));
        render(Map.of("project", "DEMO"));
        assertEquals("not kept: asked again", 2, jira.asked.size());
    }

    @Test
    public void aReportIsReadOncePerUserAndScopeWhileFresh() {
        jira.answer(path("project", "DEMO"), REPORT).answer(path("domain", "ARCH,RELEASE"), REPORT);
        render(Map.of("project", "DEMO"));
        render(Map.of("project", "DEMO"));
        render(Map.of("team", "PLATFORM"));
        assertEquals(List.of(path("project", "DEMO"), path("domain", "ARCH,RELEASE")), jira.asked);
    }

    @Test
    public void theReportSpeaksTheViewersLanguage() {
        jira.answer(path("project", "DEMO"), REPORT);
        Document doc = render(Map.of("project", "DEMO"), Locale.GERMAN);
        assertEquals("Projekt DEMO", text(doc, ".mandate-report-scope"));
        assertEquals("Vollst\u00e4ndigen Bericht in Jira \u00f6ffnen", text(doc, "a.mandate-report-macro-full"));
    }

    @Test
    public void everythingFromJiraAndTheCharterIsText() {
        String x = "<img src=x onerror=alert(1)>";
        when(charters.visible("XSS")).thenReturn(Optional.of(new Charter("XSS", x, "TEAM", null, List.of(), List.of("ARCH"), 1)));
        String evil = REPORT.replace("\"DEMO-3\"", "\"<script>alert(1)</script>\"").replace("\"alice\",\"count\"", "\"" + x.replace("\"", "\\\"") + "\",\"count\"")
                .replace("[\"HIRING\"]", "[\"</li><script>alert(2)</script>\"]");
        jira.answer(path("domain", "ARCH"), evil);
        for (Map<String, String> parameters : List.of(Map.of("team", "XSS"), Map.of("project", "a\"b<"))) {
            Document doc = render(parameters);
            assertTrue(doc.body().html(), doc.select("script, img").isEmpty());
            assertTrue(doc.select("[onerror]").isEmpty());
        }
        Document doc = render(Map.of("team", "XSS"));
        assertEquals(x + " (domains ARCH)", text(doc, ".mandate-report-scope"));
        assertEquals("<script>alert(1)</script>", text(doc, ".mandate-report-list[data-list=unowned] .mandate-report-issue"));
        assertNull("an id holds no markup", doc.selectFirst("[id*=<]"));
    }

    /** A Jira that answers everything so, behind a new macro (nothing cached from before). */
    private FakeJira jiraAlways(JiraAnswer answer) {
        FakeJira fresh = new FakeJira().always(answer);
        macro = macro(fresh);
        return fresh;
    }
}
