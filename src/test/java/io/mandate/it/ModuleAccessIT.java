package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.PluginModules.Module;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.world.World;
import io.mandate.testing.RunningHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.mandate.it.SecurityHttp.enc;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The access matrix of everything in Mandate that is not a REST endpoint (issue 11, item 1): every servlet, web panel,
 * web section, web item, JQL function, custom field, searcher and macro of {@code atlassian-plugin.xml}
 * ({@link PluginModules}; {@link ModuleAccessCoverageTest} fails for a module without a row) × six roles, each cell an
 * expected status and whether the module shows — for a web item, also what its link answers that role. Jira's roles are
 * relative to a project, Confluence's to a space (docs/sample-org.md, "Who may do what"):
 *
 * <table>
 *     <tr><th>role</th><th>Jira (project OPS; HR for "no access")</th><th>Confluence (space ENG)</th></tr>
 *     <tr><td>{@link Role#ANONYMOUS}</td><td>nobody logged in</td><td>nobody logged in</td></tr>
 *     <tr><td>{@link Role#NO_ACCESS}</td><td>frank, who cannot browse HR</td><td>frank, who cannot view ENG</td></tr>
 *     <tr><td>{@link Role#USER}</td><td>frank, who browses OPS</td><td>bob, who views ENG</td></tr>
 *     <tr><td>{@link Role#EDITOR}</td><td>bob, who edits OPS issues</td><td>carol, who edits ENG</td></tr>
 *     <tr><td>{@link Role#PROJECT_ADMIN}</td><td>erin, who administers OPS</td><td>grace, who administers ENG</td></tr>
 *     <tr><td>{@link Role#SYSTEM_ADMIN}</td><td>admin, Jira administrator</td><td>admin, Confluence administrator</td></tr>
 * </table>
 *
 * <p>What every cell checks besides its own expectation: nothing a role may not see is in any answer it gets — the
 * summaries and outcomes of the HR fixture issues for whoever cannot browse HR, the ENG charter for whoever cannot view
 * ENG — and nothing leaks of the server ({@link SecurityHttp#assertNothingLeaks}). A module that is absent from a page
 * that answered 200 is shown, on the same page, to someone who may see it (the control: the probe could find it).
 * Something hidden that renders "like missing" renders exactly — byte for byte, keys aside — like something that
 * does not exist.
 *
 * <p>Fixture (made here, removed afterwards): a domain R_MX (heidi approves, dave must be consulted); in OPS and in HR
 * each an issue with an open, overdue decision approved and driven by erin (a violation and a consultation gap) and
 * one with a decided decision past its review date, all in R_MX; a team charter R_MX_ENG in ENG; for each macro a page in
 * ENG that holds it, and two pages in TEAM whose macro names what frank may not see and what does not exist.
 */
@RunWith(Parameterized.class)
public class ModuleAccessIT {

    /** The six roles, in the order of every row's cells. */
    enum Role { ANONYMOUS, NO_ACCESS, USER, EDITOR, PROJECT_ADMIN, SYSTEM_ADMIN }

    /** Who plays a role in a product. */
    record Who(String label, String user) {
    }

    static final Map<Role, Who> JIRA_ROLES = roles(
            new Who("anonymous", null), new Who("frank (cannot browse HR)", "frank"), new Who("frank (browses OPS)", "frank"),
            new Who("bob (edits OPS issues)", "bob"), new Who("erin (administers OPS)", "erin"), new Who("admin (Jira administrator)", "admin"));
    static final Map<Role, Who> CONFLUENCE_ROLES = roles(
            new Who("anonymous", null), new Who("frank (cannot view ENG)", "frank"), new Who("bob (views ENG)", "bob"),
            new Who("carol (edits ENG)", "carol"), new Who("grace (administers ENG)", "grace"), new Who("admin (Confluence administrator)", "admin"));

    /** What a cell expects. */
    enum Outcome {
        /** 302 to the login page, coming back to the address asked for. */
        LOGIN,
        /** The module is on the answer, without its editing part (if the row names one). */
        SHOWN,
        /** The module is on the answer with its editing part. */
        EDITABLE,
        /** The module is not on the answer. */
        ABSENT,
        /** The answer is exactly the one for something that does not exist. */
        LIKE_MISSING
    }

    /**
     * One cell: the outcome, the status of the page asked for and, for a web item, the status of its link target
     * asked for by the same role (-1: the row has no link).
     */
    record Cell(Outcome outcome, int status, int target) {
        Cell then(int targetStatus) {
            return new Cell(outcome, status, targetStatus);
        }

        @Override
        public String toString() {
            return status + " " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (target < 0 ? "" : ", link " + target);
        }
    }

    static final Cell LOGIN = new Cell(Outcome.LOGIN, 302, -1);

    static Cell shown(int status) {
        return new Cell(Outcome.SHOWN, status, -1);
    }

    static Cell editable(int status) {
        return new Cell(Outcome.EDITABLE, status, -1);
    }

    static Cell absent(int status) {
        return new Cell(Outcome.ABSENT, status, -1);
    }

    static Cell likeMissing(int status) {
        return new Cell(Outcome.LIKE_MISSING, status, -1);
    }

    /**
     * One row of the matrix: the module, what is asked for (a path under the product's context with placeholders
     * filled per role: {@code {project}}, {@code {issue}}, {@code {decided}} in Jira — OPS and its fixture issues, HR's
     * for "no access" — and {@code {page}}, {@code {hiddenPage}}, {@code {missingPage}} in Confluence), the CSS selector
     * that finds the module on the answer ({@link #CSV}: the answer is a CSV file), the selector of its editing part,
     * the link target of a web item, and what "like missing" compares with: the address of something that does not
     * exist, the tokens that differ between the two, and the part of the page compared.
     */
    record Row(Module module, String variant, String url, String selector, String edit, String target,
               String missingUrl, String hiddenToken, String missingToken, String compared, List<Cell> cells) {
        String product() {
            return module.product();
        }

        @Override
        public String toString() {
            return module.id() + (variant.isEmpty() ? "" : " (" + variant + ")");
        }
    }

    /** The selector that means "the answer is a CSV file". */
    static final String CSV = "text/csv";

    /**
     * A macro's probe: its parameters on a page in ENG (cells by space role), and on a page in TEAM — which everyone
     * logged in views — the parameters that name what some viewers may not see, compared for them with the parameters
     * that name nothing ({@code hiddenToken} and {@code missingToken} are what differs). A new macro is one more entry in
     * {@link #MACROS}; an entry whose macro is not (yet) in the descriptor makes no rows, and a macro of the descriptor
     * without an entry fails {@link ModuleAccessCoverageTest}.
     */
    record MacroProbe(String name, Map<String, String> params, Map<String, String> hiddenParams, Map<String, String> missingParams,
                      String hiddenToken, String missingToken, String edit, List<Cell> pageCells, List<Cell> hiddenCells) {
    }

    static final List<MacroProbe> MACROS = List.of(
            // the charter R_MX_ENG lives in ENG: frank views TEAM, where its macro is, but not ENG, so it is "no charter"
            new MacroProbe("mandate-team-charter", Map.of("team", "R_MX_ENG"), Map.of("team", "R_MX_ENG"), Map.of("team", "R_MX_NOPE"),
                    "R_MX_ENG", "R_MX_NOPE", "a.mandate-charter-edit",
                    List.of(LOGIN, absent(404), shown(200), editable(200), editable(200), editable(200)),
                    List.of(LOGIN, likeMissing(200), shown(200), editable(200), editable(200), editable(200))),
            // Jira's report read as the viewer over the application link: HR is browsed by admin only of these roles, and
            // for everyone else it must draw exactly what a project that does not exist draws
            new MacroProbe("mandate-accountability-report", Map.of("project", "OPS"), Map.of("project", "HR"), Map.of("project", "NOPE"),
                    "HR", "NOPE", null,
                    List.of(LOGIN, absent(404), shown(200), shown(200), shown(200), shown(200)),
                    List.of(LOGIN, likeMissing(200), likeMissing(200), likeMissing(200), likeMissing(200), shown(200))));

    /** The probes of the macros the descriptor has. */
    static List<MacroProbe> macros() {
        List<String> names = PluginModules.all().stream().filter(m -> m.kind().equals("xhtml-macro")).map(Module::name).toList();
        return MACROS.stream().filter(p -> names.contains(p.name())).toList();
    }

    // ---------------------------------------------------------------------------------------------- the table

    @Parameters(name = "{index}: {0}")
    public static List<Object[]> table() {
        List<Object[]> cells = new ArrayList<>();
        for (Row row : rows()) {
            for (Role role : Role.values()) {
                cells.add(new Object[]{new Probe(row, role)});
            }
        }
        return cells;
    }

    /** One cell to check: a row as one role. */
    record Probe(Row row, Role role) {
        Cell cell() {
            return row.cells().get(role.ordinal());
        }

        Who who() {
            return (row.product().equals("jira") ? JIRA_ROLES : CONFLUENCE_ROLES).get(role);
        }

        @Override
        public String toString() {
            return row + " × " + who().label() + " → " + cell();
        }
    }

    /** Every row of the matrix. */
    static List<Row> rows() {
        List<Row> t = new ArrayList<>();
        String servlet = "/plugins/servlet";
        // ---- Jira's servlets ------------------------------------------------------------------------------------------
        t.add(page("jira", "servlet", "/mandate/admin", "", servlet + "/mandate/admin", "#mandate-admin",
                LOGIN, absent(403), absent(403), absent(403), absent(403), shown(200)));
        t.add(page("jira", "servlet", "/mandate/matrix", "a project's domains", servlet + "/mandate/matrix?project={project}", "#mandate-matrix",
                LOGIN, absent(403), absent(403), absent(403), shown(200), shown(200)));
        t.add(page("jira", "servlet", "/mandate/matrix", "every domain", servlet + "/mandate/matrix", "#mandate-matrix",
                LOGIN, absent(403), absent(403), absent(403), shown(200), shown(200)));
        t.add(likeMissing(page("jira", "servlet", "/mandate/report", "a project", servlet + "/mandate/report?project={project}",
                        "#mandate-report-summary", LOGIN, likeMissing(400), shown(200), shown(200), shown(200), shown(200)),
                servlet + "/mandate/report?project=NOPE", "HR", "NOPE"));
        t.add(page("jira", "servlet", "/mandate/report", "the whole instance", servlet + "/mandate/report", "#mandate-report-summary",
                LOGIN, absent(403), absent(403), absent(403), absent(403), shown(200)));
        t.add(page("jira", "servlet", "/mandate/report", "what-if of a project",
                servlet + "/mandate/report?project={project}&absent=erin", "#mandate-report-whatif-answer",
                LOGIN, absent(400), shown(200), shown(200), shown(200), shown(200)));
        t.add(likeMissing(page("jira", "servlet", "/mandate/report.csv", "a project's load", servlet + "/mandate/report.csv?table=load&project={project}",
                        CSV, LOGIN, likeMissing(400), shown(200), shown(200), shown(200), shown(200)),
                servlet + "/mandate/report.csv?table=load&project=NOPE", "HR", "NOPE"));
        t.add(page("jira", "servlet", "/mandate/report.csv", "the whole instance", servlet + "/mandate/report.csv?table=load",
                CSV, LOGIN, absent(403), absent(403), absent(403), absent(403), shown(200)));

        // ---- Jira's web panels, custom field and the issue view --------------------------------------------------------
        t.add(edit(page("jira", "web-panel", "decision-panel", "", "/browse/{issue}", "#decision-panel-module #mandate-decision-panel[data-version]",
                LOGIN, absent(404), shown(200), editable(200), editable(200), editable(200)), "#mandate-decision-edit"));
        t.add(page("jira", "web-panel", "authority-panel", "", "/browse/{issue}",
                "#authority-panel-module #mandate-authority-panel .mandate-authority-domain-key",
                LOGIN, absent(404), shown(200), shown(200), shown(200), shown(200)));
        t.add(page("jira", "customfield-type", "decision-owner", "on the issue view", "/browse/{issue}",
                "#customfield_" + (10000 + PluginModules.customFieldIndex("decision-owner")) + "-val",
                LOGIN, absent(404), shown(200), shown(200), shown(200), shown(200)));
        t.add(page("jira", "customfield-searcher", "decision-owner-searcher", "", "/issues/?jql=" + enc("\"Decision owner\" = erin"),
                "tr.issuerow[data-issuekey={issue}]", LOGIN, absent(200), shown(200), shown(200), shown(200), shown(200)));

        // ---- Jira's JQL functions, on the issue search page ------------------------------------------------------------
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("decisionsApprovedBy", "decisionsApprovedBy(erin)");
        calls.put("decisionsDrivenBy", "decisionsDrivenBy(erin)");
        calls.put("decisionsOverdue", "decisionsOverdue()");
        calls.put("decisionsInStatus", "decisionsInStatus(IN_PROGRESS)");
        calls.put("decisionsInDomain", "decisionsInDomain(R_MX)");
        calls.put("decisionsWithViolation", "decisionsWithViolation()");
        calls.put("decisionsWithConsultationGap", "decisionsWithConsultationGap()");
        calls.put("decisionsDueForReview", "decisionsDueForReview()");
        calls.forEach((function, call) -> t.add(page("jira", "jql-function", function, "", "/issues/?jql=" + enc("issue in " + call),
                "tr.issuerow[data-issuekey=" + (function.equals("decisionsDueForReview") ? "{decided}" : "{issue}") + "]",
                LOGIN, absent(200), shown(200), shown(200), shown(200), shown(200))));

        // ---- Jira's web sections and web items: on the page of their section, and where their link leads ---------------
        t.add(page("jira", "web-section", "admin-section", "", "/secure/admin", "#admin-nav .aui-nav-heading strong:matchesOwn(^" + java.util.regex.Pattern.quote(label("mandate.admin.section")) + "$)",
                LOGIN, absent(403), absent(403), absent(403), absent(403), shown(200)));
        t.add(item("admin-link", LOGIN, absent(403).then(403), absent(403).then(403), absent(403).then(403), absent(403).then(403),
                shown(200).then(200)));
        t.add(item("matrix-link", LOGIN, absent(403).then(403), absent(403).then(403), absent(403).then(403), absent(403).then(200),
                shown(200).then(200)));
        t.add(item("report-link", LOGIN, absent(403).then(403), absent(403).then(403), absent(403).then(403), absent(403).then(403),
                shown(200).then(200)));
        t.add(item("matrix-project-link", LOGIN, absent(403).then(403), absent(403).then(403), absent(403).then(403),
                shown(200).then(200), shown(200).then(200)));
        t.add(item("report-project-link", LOGIN, absent(404).then(400), shown(200).then(200), shown(200).then(200),
                shown(200).then(200), shown(200).then(200)));

        // ---- Confluence -------------------------------------------------------------------------------------------------
        t.add(edit(likeMissing(page("confluence", "servlet", "/mandate/charter", "a charter in ENG", servlet + "/mandate/charter?team=R_MX_ENG",
                        "#mandate-charter-editor", LOGIN, likeMissing(200), shown(403), editable(200), editable(200), editable(200)),
                servlet + "/mandate/charter?team=R_MX_NOPE", "R_MX_ENG", "R_MX_NOPE"), "#mandate-charter-form"));
        for (MacroProbe probe : macros()) {
            String inCell = "#main-content .innerCell > :not(.error)";
            t.add(edit(page("confluence", "xhtml-macro", probe.name(), "on a page in ENG", "/pages/viewpage.action?pageId={page}", inCell,
                    probe.pageCells().toArray(Cell[]::new)), probe.edit()));
            Row hidden = page("confluence", "xhtml-macro", probe.name(), "naming what some may not see, on a page in TEAM",
                    "/pages/viewpage.action?pageId={hiddenPage}", inCell, probe.hiddenCells().toArray(Cell[]::new));
            hidden = likeMissing(hidden, "/pages/viewpage.action?pageId={missingPage}", probe.hiddenToken(), probe.missingToken());
            t.add(edit(compare(hidden, "#main-content"), probe.edit()));
        }
        return t;
    }

    private static Map<Role, Who> roles(Who... whos) {
        Map<Role, Who> m = new java.util.EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            m.put(r, whos[r.ordinal()]);
        }
        return m;
    }

    private static Row page(String product, String kind, String name, String variant, String url, String selector, Cell... cells) {
        if (cells.length != Role.values().length) {
            throw new IllegalArgumentException(name + ": one cell per role");
        }
        return new Row(PluginModules.module(product, kind, name), variant, url, selector, null, null, null, null, null, "#content",
                List.of(cells));
    }

    /** A Jira web item on the page of its section, found by its link id, with its link (from the descriptor) as target. */
    private static Row item(String key, Cell... cells) {
        Module m = PluginModules.module("jira", "web-item", key);
        String linkId = linkId(key);
        Row r = page("jira", "web-item", key, "", sectionPage(m.location()), "a#" + linkId, cells);
        String target = m.link().replace("$projectKeyEncoded", "{project}").replace("$projectKey", "{project}");
        return new Row(r.module(), r.variant(), r.url(), r.selector(), null, target, null, null, null, r.compared(), r.cells());
    }

    /**
     * The host page that shows a Jira web section's items. A section no page of this table knows fails here: a new
     * place for items needs its page first.
     */
    static String sectionPage(String section) {
        if (section.startsWith("admin_plugins_menu")) {
            return "/secure/admin";
        }
        if (section.startsWith("atl.jira.proj.config/")) {
            return "/plugins/servlet/project-config/{project}/summary";
        }
        if (section.equals("jira.project.sidebar.plugins.navigation")) {
            return "/projects/{project}";
        }
        throw new IllegalArgumentException("No page of the access matrix shows the web section " + section);
    }

    private static String linkId(String key) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            org.w3c.dom.NodeList items = f.newDocumentBuilder().parse(PluginModules.DESCRIPTOR).getElementsByTagName("web-item");
            for (int i = 0; i < items.getLength(); i++) {
                org.w3c.dom.Element e = (org.w3c.dom.Element) items.item(i);
                if (e.getAttribute("key").equals(key)) {
                    String id = ((org.w3c.dom.Element) e.getElementsByTagName("link").item(0)).getAttribute("linkId");
                    return id.isEmpty() ? key : id;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("No web-item " + key);
    }

    private static Row edit(Row r, String edit) {
        return new Row(r.module(), r.variant(), r.url(), r.selector(), edit, r.target(), r.missingUrl(), r.hiddenToken(),
                r.missingToken(), r.compared(), r.cells());
    }

    private static Row likeMissing(Row r, String missingUrl, String hiddenToken, String missingToken) {
        return new Row(r.module(), r.variant(), r.url(), r.selector(), r.edit(), r.target(), missingUrl, hiddenToken, missingToken,
                r.compared(), r.cells());
    }

    private static Row compare(Row r, String compared) {
        return new Row(r.module(), r.variant(), r.url(), r.selector(), r.edit(), r.target(), r.missingUrl(), r.hiddenToken(),
                r.missingToken(), compared, r.cells());
    }

    // ---------------------------------------------------------------------------------------------- the fixture

    private static final String OPS_OPEN = "MX-OPS-OPEN outcome";
    private static final String OPS_DECIDED = "MX-OPS-DECIDED outcome";
    private static final String HR_OPEN = "MX-HR-OPEN-SECRET outcome";
    private static final String HR_DECIDED = "MX-HR-DECIDED-SECRET outcome";
    private static final String HR_SUMMARY = "MX-HR-SECRET summary";
    private static final String ENG_CHARTER = "MX-ENG-SECRET charter";

    private static String jira;
    private static String confluence;
    private static final Map<String, String> ISSUES = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> PAGES = new LinkedHashMap<>();
    private static int cells;
    private static int controls;

    @Parameter
    public Probe probe;

    @BeforeClass
    public static void fixture() {
        jira = RunningHost.jira();
        confluence = RunningHost.confluence();
        String api = jira + "/rest/mandate/1.0";
        created(SecurityHttp.send("POST", api + "/domains", "admin", Map.of("Content-Type", "application/json"), bytes(
                "{\"key\":\"R_MX\",\"name\":\"Module matrix (R)\",\"scope\":{\"projects\":[\"OPS\",\"HR\"],\"labels\":[\"r-module-matrix\"]}}")));
        for (String grant : List.of("{\"holder\":{\"type\":\"user\",\"name\":\"heidi\"},\"level\":5}",
                "{\"holder\":{\"type\":\"user\",\"name\":\"dave\"},\"level\":3}")) {
            created(SecurityHttp.send("POST", api + "/domains/R_MX/grants", "admin", Map.of("Content-Type", "application/json"), bytes(grant)));
        }
        ISSUES.put("opsOpen", newIssue("OPS", "MX OPS open decision"));
        ISSUES.put("opsDecided", newIssue("OPS", "MX OPS decided decision"));
        ISSUES.put("hrOpen", newIssue("HR", HR_SUMMARY + " open"));
        ISSUES.put("hrDecided", newIssue("HR", HR_SUMMARY + " decided"));
        String open = "{\"status\":\"IN_PROGRESS\",\"driver\":\"erin\",\"approver\":\"erin\",\"dueDate\":\"2020-01-01\",\"domain\":\"R_MX\",\"outcome\":\"%s\"}";
        String decided = "{\"status\":\"DECIDED\",\"driver\":\"erin\",\"approver\":\"erin\",\"reviewDate\":\"2020-01-01\",\"domain\":\"R_MX\",\"outcome\":\"%s\"}";
        decide(ISSUES.get("opsOpen"), String.format(open, OPS_OPEN));
        decide(ISSUES.get("opsDecided"), String.format(decided, OPS_DECIDED));
        decide(ISSUES.get("hrOpen"), String.format(open, HR_OPEN));
        decide(ISSUES.get("hrDecided"), String.format(decided, HR_DECIDED));

        Reply charter = SecurityHttp.putJson(confluence + "/rest/mandate/1.0/charters/R_MX_ENG", "admin",
                "{\"name\":\"" + ENG_CHARTER + "\",\"space\":\"ENG\",\"purpose\":\"" + ENG_CHARTER + " purpose\","
                        + "\"members\":[{\"name\":\"carol\",\"role\":\"Member\"}],\"domains\":[]}");
        assertEquals(charter.toString(), 200, charter.status());
        for (MacroProbe m : macros()) {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("page", newPage("ENG", "Module matrix " + m.name() + " (R)", m.name(), m.params()));
            pages.put("hiddenPage", newPage("TEAM", "Module matrix " + m.name() + " hidden (R)", m.name(), m.hiddenParams()));
            pages.put("missingPage", newPage("TEAM", "Module matrix " + m.name() + " missing (R)", m.name(), m.missingParams()));
            PAGES.put(m.name(), pages);
        }
        // the roles are what the rows assume
        World confluenceWorld = RunningHost.get().confluence().world();
        assertTrue(confluenceWorld.canAdministerSpace("grace", "ENG") && !confluenceWorld.canAdministerSpace("carol", "ENG")
                && confluenceWorld.canEditSpace("carol", "ENG") && confluenceWorld.canViewSpace("bob", "ENG")
                && !confluenceWorld.canEditSpace("bob", "ENG") && !confluenceWorld.canViewSpace("frank", "ENG"));
        World jiraWorld = RunningHost.get().jira().world();
        assertTrue(jiraWorld.hasProjectPermission("frank", "OPS", World.BROWSE_PROJECTS) && !jiraWorld.hasProjectPermission("frank", "OPS", World.EDIT_ISSUES)
                && !jiraWorld.hasProjectPermission("frank", "HR", World.BROWSE_PROJECTS) && jiraWorld.hasProjectPermission("bob", "OPS", World.EDIT_ISSUES)
                && !jiraWorld.hasProjectPermission("bob", "OPS", World.ADMINISTER_PROJECTS)
                && jiraWorld.hasProjectPermission("erin", "OPS", World.ADMINISTER_PROJECTS) && !jiraWorld.isAdmin("erin"));
    }

    /** An English text of the plugin's bundle, as the pages show it. */
    static String label(String key) {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = new java.io.FileInputStream("src/main/resources/i18n/mandate.properties")) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Objects.requireNonNull(p.getProperty(key), key);
    }

    @AfterClass
    public static void removeFixture() {
        for (String key : ISSUES.values()) {
            SecurityHttp.delete(jira + "/rest/mandate/1.0/decisions/" + key, "admin");
            SecurityHttp.send("DELETE", jira + "/rest/api/2/issue/" + key, "admin", null, null);
        }
        SecurityHttp.delete(jira + "/rest/mandate/1.0/domains/R_MX", "admin");
        SecurityHttp.delete(confluence + "/rest/mandate/1.0/charters/R_MX_ENG", "admin");
        for (Map<String, String> pages : PAGES.values()) {
            pages.values().forEach(id -> SecurityHttp.send("DELETE", confluence + "/rest/api/content/" + id, "admin", null, null));
        }
        System.out.println("ModuleAccessIT: " + cells + " cells checked, " + controls + " controls");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

    private static String newIssue(String project, String summary) {
        Reply r = SecurityHttp.send("POST", jira + "/rest/api/2/issue", "admin", Map.of("Content-Type", "application/json"),
                bytes("{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"" + summary + "\",\"issuetype\":{\"name\":\"Task\"}}}"));
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("key").asText();
    }

    private static void decide(String issue, String json) {
        Reply r = SecurityHttp.putJson(jira + "/rest/mandate/1.0/decisions/" + issue, "admin", json);
        assertEquals(issue + ": " + r, 200, r.status());
    }

    private static String newPage(String space, String title, String macro, Map<String, String> params) {
        StringBuilder storage = new StringBuilder("<ac:layout><ac:layout-section ac:type=\"single\"><ac:layout-cell>"
                + "<ac:structured-macro ac:name=\"" + macro + "\" ac:schema-version=\"1\">");
        params.forEach((k, v) -> storage.append("<ac:parameter ac:name=\"").append(k).append("\">").append(v).append("</ac:parameter>"));
        storage.append("</ac:structured-macro></ac:layout-cell></ac:layout-section></ac:layout>");
        ObjectNode page = SecurityHttp.JSON.createObjectNode();
        page.put("type", "page").put("title", title);
        page.putObject("space").put("key", space);
        page.putObject("body").putObject("storage").put("value", storage.toString()).put("representation", "storage");
        Reply r = SecurityHttp.send("POST", confluence + "/rest/api/content", "admin", Map.of("Content-Type", "application/json"),
                bytes(page.toString()));
        assertEquals(r.toString(), 200, r.status());
        return r.json().get("id").asText();
    }

    // ---------------------------------------------------------------------------------------------- checking a cell

    /** The row's address for the role, placeholders filled, under the product's context path. */
    private static String resolve(String template, Row row, Role role) {
        if (template == null) {
            return null;
        }
        boolean noAccess = role == Role.NO_ACCESS;
        String s = template.replace("{project}", noAccess ? "HR" : "OPS")
                .replace("{issue}", ISSUES.get(noAccess ? "hrOpen" : "opsOpen"))
                .replace("{decided}", ISSUES.get(noAccess ? "hrDecided" : "opsDecided"));
        Map<String, String> pages = PAGES.get(row.module().name());
        if (pages != null) {
            for (Map.Entry<String, String> p : pages.entrySet()) {
                s = s.replace("{" + p.getKey() + "}", p.getValue());
            }
        }
        return s;
    }

    private static String base(Row row) {
        return row.product().equals("jira") ? jira : confluence;
    }

    private static Reply get(Row row, String path, String user) {
        return SecurityHttp.send("GET", base(row) + path, user, Map.of("Accept", "text/html"), null);
    }

    /** What the user may not see of the fixture: never in any answer they get. */
    private static List<String> hiddenFrom(String user) {
        List<String> hidden = new ArrayList<>();
        World jiraWorld = RunningHost.get().jira().world();
        World confluenceWorld = RunningHost.get().confluence().world();
        if (user == null || !jiraWorld.hasProjectPermission(user, "HR", World.BROWSE_PROJECTS)) {
            hidden.addAll(List.of(HR_OPEN, HR_DECIDED, HR_SUMMARY));
        }
        if (user == null) {
            hidden.addAll(List.of(OPS_OPEN, OPS_DECIDED));
        }
        if (user == null || !confluenceWorld.canViewSpace(user, "ENG")) {
            hidden.add(ENG_CHARTER);
        }
        return hidden;
    }

    @Test
    public void theCellHolds() {
        cells++;
        Row row = probe.row();
        Cell cell = probe.cell();
        String user = probe.who().user();
        String what = probe.toString();
        String path = resolve(row.url(), row, probe.role());
        Reply reply = get(row, path, user);
        assertEquals(what + ": " + reply, cell.status(), reply.status());
        noLeak(what, reply, user);
        if (cell.outcome() == Outcome.LOGIN) {
            assertBackFromLogin(what, row, path, reply);
        } else {
            Document doc = Jsoup.parse(reply.body());
            boolean present = present(row, probe.role(), doc, reply);
            switch (cell.outcome()) {
                case SHOWN, EDITABLE -> {
                    assertTrue(what + ": the module is on the page: " + reply, present);
                    if (row.edit() != null) {
                        assertEquals(what + ": its editing part " + row.edit(), cell.outcome() == Outcome.EDITABLE,
                                doc.selectFirst(row.edit()) != null);
                    }
                }
                case ABSENT -> {
                    assertFalse(what + ": the module is not on the page", present);
                    if (reply.status() == 200) {
                        control(what, row, path);
                    }
                }
                case LIKE_MISSING -> {
                    Reply missing = get(row, resolve(row.missingUrl(), row, probe.role()), user);
                    assertEquals(what + ": like something that does not exist", missing.status(), reply.status());
                    assertEquals(what + ": like something that does not exist", normalised(row, missing), normalised(row, reply));
                    assertEquals(what, missing.contentType(), reply.contentType());
                }
                default -> throw new IllegalStateException(cell.outcome().name());
            }
            if (row.target() != null && (cell.outcome() == Outcome.SHOWN || cell.outcome() == Outcome.EDITABLE)) {
                Element link = doc.selectFirst(row.selector());
                assertEquals(what + ": the link", RunningHost.get().jira().product().contextPath() + resolve(row.target(), row, probe.role()),
                        link.attr("href"));
            }
        }
        if (row.target() != null) {
            String target = resolve(row.target(), row, probe.role());
            Reply t = get(row, target, user);
            int expected = cell.outcome() == Outcome.LOGIN ? 302 : cell.target();
            assertEquals(what + ": the link's target " + target + ": " + t, expected, t.status());
            noLeak(what + ", link target", t, user);
            if (expected == 302) {
                assertBackFromLogin(what + ", link target", row, target, t);
            }
        }
    }

    private static boolean present(Row row, Role role, Document doc, Reply reply) {
        if (CSV.equals(row.selector())) {
            return reply.contentType().startsWith("text/csv") && reply.status() == 200;
        }
        return doc.selectFirst(resolve(row.selector(), row, role)) != null;
    }

    /** An absence on a page that answered: the same page shows the module to someone who may see it. */
    private void control(String what, Row row, String path) {
        String seer = probe.role() == Role.NO_ACCESS && row.product().equals("jira") ? "heidi" : "admin";
        Reply seen = get(row, path, seer);
        assertEquals(what + ": control as " + seer + ": " + seen, 200, seen.status());
        assertNotNull(what + ": control — " + seer + " sees it on the same page", Jsoup.parse(seen.body())
                .selectFirst(resolve(row.selector(), row, probe.role())));
        controls++;
    }

    private static String normalised(Row row, Reply reply) {
        String compared = reply.contentType().startsWith("text/html")
                ? Jsoup.parse(reply.body()).select(row.compared()).outerHtml() : reply.body();
        return compared.replace(row.hiddenToken(), "X").replace(row.missingToken(), "X");
    }

    private static void assertBackFromLogin(String what, Row row, String path, Reply reply) {
        String location = reply.location();
        String prefix = (row.product().equals("jira") ? RunningHost.get().jira() : RunningHost.get().confluence()).product().contextPath()
                + "/login.jsp?os_destination=";
        assertTrue(what + ": to the login page: " + location, location.contains(prefix));
        String back = URLDecoder.decode(location.substring(location.indexOf(prefix) + prefix.length()), StandardCharsets.UTF_8);
        // SAL's login URI carries the address as the servlet saw it (absolute), the host's own pages as a path
        back = URLDecoder.decode(back.replaceFirst("^https?://[^/]+", ""), StandardCharsets.UTF_8); // the query as sent, decoded
        String context = (row.product().equals("jira") ? RunningHost.get().jira() : RunningHost.get().confluence()).product().contextPath();
        assertEquals(what + ": back where the visitor wanted to go", URLDecoder.decode(context + path, StandardCharsets.UTF_8), back);
    }

    private static void noLeak(String what, Reply reply, String user) {
        SecurityHttp.assertNothingLeaks(what, reply);
        String body = reply.body();
        for (String secret : hiddenFrom(user)) {
            assertFalse(what + ": leaks \"" + secret + "\": " + reply, body.contains(secret));
        }
    }
}
