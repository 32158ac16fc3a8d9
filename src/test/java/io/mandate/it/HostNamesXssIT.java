package io.mandate.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.World;
import io.mandate.testing.BrowserSession;
import io.mandate.testing.RunningHost;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.mandate.it.SecurityHttp.enc;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The XSS payload corpus ({@code src/test/resources/xss-payloads.txt}) as the data the host owns and Mandate shows
 * (issue 11, item 2): user display names, group names, issue summaries and the project's name — set through the
 * reference host's own calls (Jira's {@code POST /rest/api/2/issue}, {@code PUT /rest/api/2/project/{key}}; users and
 * groups through {@code WorldChanges}, as Jira's user administration makes them). Each payload {@code i} is the
 * display name of user {@code hn-x<i>}, the name of a group (lower case: the host keeps group names as Jira's
 * directory compares them; one member, that user) and the summary of an issue of the project {@value #PROJECT}.
 *
 * <p>In batches of {@value #BATCH}: batch {@code b} has a domain {@code X_HN_0b} over its issues with a grant to each of
 * its users (with the next user as backup; the first shadowed by admin and away this week) and groups, a DECIDED decision whose driver, approver, contributors and
 * informed groups are the batch's people (its notification mail names them), twelve decisions overdue since
 * 2020-01-06 each driven and approved by the batch's people (the weekly digest names them), and a Confluence charter
 * {@code X_HN_0b} whose members are the batch's users, shown on a page of its own with a charter macro and a report
 * macro. Then headless Chromium, with the trap of {@link DecisionXssIT} (and its positive control, repeated here),
 * opens every place the names and summaries show: the issue view (decision panel, authority panel, the Decision
 * owner custom field, the summary), the edit dialog (chosen people, the pickers' suggestions), the history dialog, the
 * matrix admin page and its grant dialog (with the holder suggestions), the accountability report of the project, the
 * domain and the group (tables and SVG charts) with the what-if, the whole-instance report, the issue search with
 * Mandate's JQL functions (and a display name as a function's argument), the admin page, the outbox with the
 * notification mails and the digest, and the Confluence page; last, Jira deactivates a payload person and deletes a
 * payload group, and the matrix page and the panel name them. Zero executions; the names and summaries are on the
 * pages as text. (The reports name people by username: display names never reach their tables and charts.)
 *
 * <p>The host is shared by the test JVM: everything is removed afterwards, and the digest's weekly claim is given back
 * (so that NotificationIT's digest is still the first of the week, whichever runs first).
 */
public class HostNamesXssIT {

    static final int BATCH = 13;
    private static final String PROJECT = "HNX";
    private static final String USER = "hn-x";
    private static final String DOMAIN = "X_HN_";
    private static final String OVERDUE = "2020-01-06";
    private static final String[] USER_LEVELS = {"DELEGATE", "INQUIRE", "ADVISE", "AGREE", "CONSULT", "SELL", "TELL"};
    private static final String[] GROUP_LEVELS = {"CONSULT", "TELL", "SELL", "AGREE"};
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static List<String> payloads;
    private static String jira;
    private static String confluence;
    private static String api;
    private static World world;
    /** Per payload: the username whose display name it is, the group named by it (null: refused), its issue. */
    private static final List<String> users = new ArrayList<>();
    private static final List<String> groups = new ArrayList<>();
    private static final List<String> issues = new ArrayList<>();
    /** Group names the host or Mandate refused, with the reason. */
    private static final Map<String, String> refusedGroups = new LinkedHashMap<>();
    private static final List<HostPage> pages = new ArrayList<>();
    private static final List<String> absences = new ArrayList<>();
    private static int batches;
    private static int pageChecks;
    /** Where the names and summaries are looked for (each opened with the trap; most of them once per batch). */
    static final List<String> PLACES = List.of("issue view: summary", "decision panel", "authority panel",
            "Decision owner field", "edit dialog: chosen people", "user picker suggestions", "user and group picker suggestions",
            "history dialog", "matrix admin page", "grant dialog with holder suggestions", "project report: project name",
            "domain report: tables and SVG charts", "group report", "what-if", "issue search: JQL functions and their errors",
            "Confluence charter macro", "Confluence report macro", "whole-instance report", "admin page",
            "outbox: notification mail", "outbox: weekly digest",
            "matrix page: a deleted group and an inactive holder", "decision panel: an inactive person");
    private static int exactChecks;
    private static String originalProjectName;
    private static boolean authorisedHere;

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> {
        driver = started;
        ((HasCdp) started).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DecisionXssIT.TRAP));
    });

    // --- the data --------------------------------------------------------------------------------------------------

    @BeforeClass
    public static void hostileNames() {
        jira = RunningHost.jira();
        confluence = RunningHost.confluence();
        long started = System.nanoTime();
        api = jira + "/rest/mandate/1.0";
        world = RunningHost.get().jira().world();
        payloads = XssChecks.payloads();
        batches = (payloads.size() + BATCH - 1) / BATCH;

        created(post(jira + "/rest/api/2/project", "{\"key\":\"" + PROJECT + "\",\"name\":\"Host names XSS IT\",\"lead\":\"admin\"}"));
        originalProjectName = "Host names XSS IT";
        for (int i = 0; i < payloads.size(); i++) {
            String p = payloads.get(i);
            String username = String.format(Locale.ROOT, "%s%03d", USER, i);
            world.changes().createUser(username, p);
            world.changes().addToGroup("jira-software-users", username); // may browse HNX, so the digest may name its issues
            users.add(username);
            String group = p.trim().toLowerCase(Locale.ROOT);
            if (world.groupExists(group)) {
                refusedGroups.put(p, "the host has a group of that name already (names are compared in lower case)");
                groups.add(null);
            } else {
                try {
                    world.changes().createGroup(group);
                    world.changes().addToGroup(group, username);
                    groups.add(group);
                } catch (IllegalArgumentException e) {
                    refusedGroups.put(p, "the host: " + e.getMessage());
                    groups.add(null);
                }
            }
            Reply issue = post(jira + "/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"" + PROJECT + "\"},\"summary\":"
                    + quote(summary(p)) + ",\"issuetype\":{\"name\":\"Task\"}}}");
            created(issue);
            issues.add(issue.json().get("key").asText());
        }
        for (int b = 0; b < batches; b++) {
            batchData(b);
        }
        // the macros read Jira as the viewer: admin allows Confluence to (put back afterwards)
        authorisedHere = !RunningHost.get().confluence().applinks().isAuthorised("admin");
        RunningHost.get().confluence().applinks().authorise("admin");
        System.out.println("HostNamesXssIT: the data written in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static void batchData(int b) {
        List<Integer> batch = batch(b);
        String domain = domain(b);
        created(post(api + "/domains", "{\"key\":\"" + domain + "\",\"name\":\"Host names batch " + b
                + "\",\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}"));
        for (int j = 0; j < batch.size(); j++) {
            int i = batch.get(j);
            String backup = users.get(batch.get((j + 1) % batch.size()));
            // the first holder is shadowed by admin (the panel tells admin so, by the holder's name)
            created(post(api + "/domains/" + domain + "/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"" + users.get(i)
                    + "\"},\"level\":\"" + USER_LEVELS[j % USER_LEVELS.length] + "\",\"backup\":\"" + backup + "\","
                    + (j == 0 ? "\"mentee\":\"admin\"," : "") + "\"note\":\"n\"}"));
            if (groups.get(i) != null) {
                Reply g = post(api + "/domains/" + domain + "/grants", "{\"holder\":{\"type\":\"group\",\"name\":" + quote(groups.get(i))
                        + "},\"level\":\"" + GROUP_LEVELS[j % GROUP_LEVELS.length] + "\",\"note\":\"n\"}");
                if (g.status() != 201) {
                    refusedGroups.put(payloads.get(i), "Mandate's grant: " + g.status() + " " + g.body());
                    groups.set(i, null);
                }
            }
        }
        // the first holder is away this week: the panel names them and the backup who stands in
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Reply away = post(api + "/absences", "{\"user\":\"" + users.get(batch.get(0)) + "\",\"from\":\"" + today.minusDays(1)
                + "\",\"to\":\"" + today.plusDays(7) + "\",\"note\":\"away\"}");
        created(away);
        absences.add(away.json().get("id").asText());
        // the first issue of the batch: DECIDED, with all of the batch's people (mailed to the contributors and informed)
        int first = batch.get(0);
        ObjectNode decided = SecurityHttp.JSON.createObjectNode();
        decided.put("status", "DECIDED");
        decided.put("driver", users.get(first));
        decided.put("approver", users.get(batch.get(1 % batch.size())));
        ArrayNode contributors = decided.putArray("contributors");
        ArrayNode informed = decided.putArray("informed");
        for (int i : batch) {
            contributors.add(users.get(i));
            if (groups.get(i) != null) {
                informed.addObject().put("type", "group").put("name", groups.get(i));
            }
        }
        decided.put("outcome", "Decided by the people of batch " + b);
        decided.put("domain", domain);
        Reply put = SecurityHttp.putJson(api + "/decisions/" + issues.get(first), "admin", decided.toString());
        assertEquals(put.toString(), 200, put.status());
        // the others: open, overdue, driven and approved by the batch's people
        for (int j = 1; j < batch.size(); j++) {
            int i = batch.get(j);
            ObjectNode open = SecurityHttp.JSON.createObjectNode();
            open.put("status", "IN_PROGRESS");
            open.put("driver", users.get(i));
            open.put("approver", users.get(batch.get((j + 1) % batch.size())));
            open.put("dueDate", OVERDUE);
            open.put("domain", domain);
            Reply r = SecurityHttp.putJson(api + "/decisions/" + issues.get(i), "admin", open.toString());
            assertEquals(r.toString(), 200, r.status());
        }
        // the charter of the batch's users, with the batch's domain, on a page of its own
        ObjectNode charter = SecurityHttp.JSON.createObjectNode();
        charter.put("name", "Host names batch " + b);
        charter.put("space", "TEAM");
        charter.put("purpose", "People whose names are payloads.");
        ArrayNode members = charter.putArray("members");
        for (int i : batch) {
            members.addObject().put("name", users.get(i)).put("role", "member");
        }
        charter.putArray("domains").add(domain);
        Reply c = SecurityHttp.putJson(confluence + "/rest/mandate/1.0/charters/" + domain, "admin", charter.toString());
        assertEquals(c.toString(), 200, c.status());
        pages.add(RunningHost.get().confluence().world().pages().create("TEAM", "Host names XSS " + b,
                "<p>Host names</p><ac:structured-macro ac:name=\"mandate-team-charter\"><ac:parameter ac:name=\"team\">" + domain
                        + "</ac:parameter></ac:structured-macro><ac:structured-macro ac:name=\"mandate-accountability-report\">"
                        + "<ac:parameter ac:name=\"team\">" + domain + "</ac:parameter></ac:structured-macro>", "admin", Instant.now()));
    }

    @AfterClass
    public static void removeEverything() {
        if (authorisedHere) {
            RunningHost.get().confluence().applinks().revoke("admin");
        }
        for (HostPage page : pages) {
            RunningHost.get().confluence().world().pages().delete(page.id());
        }
        for (int b = 0; b < batches; b++) {
            String url = confluence + "/rest/mandate/1.0/charters/" + domain(b);
            Reply charter = SecurityHttp.get(url, "admin");
            if (charter.status() == 200) {
                assertEquals(204, SecurityHttp.delete(url + "?version=" + charter.json().get("version").asInt(), "admin").status());
            }
        }
        for (String id : absences) {
            Reply a = SecurityHttp.delete(api + "/absences/" + id, "admin");
            assertTrue(a.toString(), a.status() == 204 || a.status() == 404);
        }
        // the project's decisions go with it, then the domains with their grants, then the people
        Reply project = SecurityHttp.send("DELETE", jira + "/rest/api/2/project/" + PROJECT, "admin", null, null);
        assertTrue(project.toString(), project.status() == 204 || project.status() == 404);
        for (int b = 0; b < batches; b++) {
            Reply d = SecurityHttp.delete(api + "/domains/" + domain(b), "admin");
            assertTrue(d.toString(), d.status() == 204 || d.status() == 404);
        }
        for (String group : groups) {
            if (group != null && world.groupExists(group)) {
                world.changes().deleteGroup(group);
            }
        }
        for (String user : users) {
            if (world.userByName(user).isPresent()) {
                world.changes().deleteUser(user);
            }
        }
        giveBackTheDigestClaim();
        System.out.println("HostNamesXssIT: group names refused (" + refusedGroups.size() + "): " + refusedGroups);
        System.out.println("HostNamesXssIT: " + (payloads == null ? 0 : payloads.size()) + " payloads × " + PLACES.size() + " places, "
                + pageChecks + " page checks, " + exactChecks + " exact-text checks, 0 executions");
    }

    // --- the trap ---------------------------------------------------------------------------------------------------

    /** A positive control: markup that runs, on a data: page and added to a Mandate page, is caught. */
    @Test
    public void theTrapCatchesPayloadsThatRun() {
        driver.get("data:text/html," + enc("<p>control</p><script>alert(1)</script><img src=x onerror=__xss(2)>"));
        waitUntil("the onerror handler ran", d -> ((Number) js("return window.__xssHits.length;")).intValue() >= 2);
        assertTrue(String.valueOf(js("return window.__xssMarks.join();")).contains("onerror"));
        logIn(jira, "admin");
        open(jira, "/plugins/servlet/mandate/report?project=" + PROJECT);
        XssChecks.assertNoExecution(driver, "the report before the control");
        // a display name as a template would insert it without escaping: the trap must see it
        js("var th = document.querySelector('#mandate-report-load-table tbody th'); th.innerHTML = arguments[0];",
                "<img src=x onerror=__xss(3)>");
        waitUntil("the injected handler ran", d -> ((Number) js("return window.__xssHits.length;")).intValue() >= 1);
        assertTrue(String.valueOf(js("return window.__xssMarks.join();")).contains("onerror"));
    }

    // --- the pages --------------------------------------------------------------------------------------------------

    @Test
    public void hostNamesAndSummariesNeverRunWhereMandateShowsThem() {
        long started = System.nanoTime();
        logIn(jira, "admin");
        logIn(confluence, "admin");
        open(jira, "/browse/" + issues.get(0));
        check("the issue view before the batches (no false alarms)");

        for (int b = 0; b < batches; b++) {
            List<Integer> batch = batch(b);
            String where = "batch " + (b + 1) + " (payloads " + (batch.get(0) + 1) + "–" + (batch.get(batch.size() - 1) + 1) + ")";
            int first = batch.get(0);
            int approver = batch.get(1 % batch.size());
            String domain = domain(b);

            issueView(where, batch, first, approver);
            editAndHistoryDialogs(where, batch, first, b);
            matrix(where, batch, domain);
            reports(where, batch, domain, b);
            search(where, batch, domain, b);
            confluencePage(where, batch, b);
        }
        wholeInstance();
        mail();
        peopleWhoLeave();
        Reply name = SecurityHttp.send("PUT", jira + "/rest/api/2/project/" + PROJECT, "admin",
                Map.of("Content-Type", "application/json"), ("{\"name\":" + quote(originalProjectName) + "}").getBytes(StandardCharsets.UTF_8));
        assertEquals(name.toString(), 201, name.status());
        System.out.println("HostNamesXssIT: the pages checked in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** The issue view: the summary, the decision panel, the authority panel, the Decision owner field. */
    private void issueView(String where, List<Integer> batch, int first, int approver) {
        open(jira, "/browse/" + issues.get(first));
        check(where + ": issue view");
        exact(where + ": the summary", summary(payloads.get(first)), textOf("#summary-val"));
        exact(where + ": the driver", name(first), textOf("#mandate-decision-panel .mandate-driver"));
        exact(where + ": the approver", name(approver), textOf("#mandate-decision-panel .mandate-approver"));
        String contributors = textOf("#mandate-decision-panel .mandate-contributors");
        String informed = textOf("#mandate-decision-panel .mandate-informed");
        String authority = textOf("#mandate-authority-panel");
        for (int i : batch) {
            assertTrue(where + ": a contributor as text: " + name(i), contributors.contains(name(i)));
            assertTrue(where + ": a holder on the authority panel as text: " + name(i), authority.contains(name(i)));
            if (groups.get(i) != null) {
                assertTrue(where + ": an informed group as text: " + groups.get(i), informed.contains(groups.get(i)));
                assertTrue(where + ": a group holder on the authority panel as text: " + groups.get(i), authority.contains(groups.get(i)));
            }
        }
        String absence = textOf("#mandate-authority-panel .mandate-authority-absence");
        assertTrue(where + ": the absence names the holder and the backup as text: " + absence,
                absence.startsWith(name(first) + " is away until ") && absence.endsWith(name(batch.get(1 % batch.size())) + " stands in"));
        exactChecks++;
        exact(where + ": the shadow line", "You shadow " + name(first) + " in this domain",
                textOf("#mandate-authority-panel .mandate-authority-shadow p"));
        String field = "#customfield_" + (10000 + PluginModules.customFieldIndex("decision-owner")) + "-val";
        exact(where + ": the Decision owner field", name(approver), textOf(field));
        // an overdue one, whose approver may not approve (the authority check names them on the panel)
        open(jira, "/browse/" + issues.get(batch.get(batch.size() - 1)));
        check(where + ": issue view of an overdue decision");
        exact(where + ": the summary of the overdue one", summary(payloads.get(batch.get(batch.size() - 1))), textOf("#summary-val"));
    }

    /** The edit dialog with the chosen people, the pickers' suggestions, and the history. */
    private void editAndHistoryDialogs(String where, List<Integer> batch, int first, int b) {
        open(jira, "/browse/" + issues.get(first));
        waitFor(By.id("mandate-decision-edit")).click();
        waitFor(By.id("mandate-decision-dialog"));
        waitUntil(where + ": the decision is loaded into the form",
                d -> "false".equals(d.findElement(By.id("mandate-decision-form")).getAttribute("aria-busy")));
        String chosen = textOf("#mandate-decision-dialog");
        for (int i : batch) {
            assertTrue(where + ": a chosen contributor as text in the dialog: " + name(i), chosen.contains(name(i)));
        }
        check(where + ": edit dialog");
        // the approver's picker: the batch's users by their usernames' common start (the chosen approver left out)
        String query = users.get(first).substring(0, USER.length() + 2);
        picker(where, "mandate-decision-approver", query);
        String options = textOf("#mandate-decision-approver-options");
        assertTrue(where + ": a suggestion names a payload user as text: " + options, batch.stream().anyMatch(i -> options.contains(name(i))));
        // the informed picker: a group of another batch (this batch's are chosen already) by the start of its name
        List<Integer> others = batch(b == batches - 1 ? 0 : b + 1);
        Integer withGroup = others.stream().filter(i -> groups.get(i) != null).findFirst().orElse(null);
        if (withGroup != null) {
            String group = groups.get(withGroup);
            picker(where, "mandate-decision-informed", group.substring(0, Math.min(group.length(), 20)));
            List<?> offered = (List<?>) js("return Array.prototype.map.call(document.querySelectorAll("
                    + "'#mandate-decision-informed-options .mandate-option-label'), function (e) { return e.textContent; });");
            assertTrue(where + ": the group is offered by its name as text: " + offered, offered.contains(group));
            exactChecks++;
        }
        driver.navigate().refresh();
        waitFor(By.id("mandate-decision-history")).click();
        WebElement dialog = waitFor(By.id("mandate-history-dialog"));
        waitUntil(where + ": the history is loaded", d -> "false".equals(dialog.getAttribute("aria-busy")));
        String history = textOf("#mandate-history-table");
        assertTrue(where + ": the history names the approver as text", history.contains(name(batch.get(1 % batch.size()))));
        check(where + ": history dialog");
    }

    private void picker(String where, String id, String query) {
        WebElement input = driver.findElement(By.id(id));
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, query);
        waitUntil(where + ": the picker " + id + " answered " + query, d -> "true".equals(input.getAttribute("aria-expanded")));
        check(where + ": picker " + id + " suggesting for " + query);
    }

    /** The matrix admin page of the batch's domain, its grant dialog and the holder suggestions. */
    private void matrix(String where, List<Integer> batch, String domain) {
        open(jira, "/plugins/servlet/mandate/matrix?q=" + domain);
        check(where + ": matrix page");
        String grid = textOf("#mandate-matrix-grid");
        for (int i : batch) {
            assertTrue(where + ": a user holder's column as text: " + name(i), grid.contains(name(i)));
            if (groups.get(i) != null) {
                assertTrue(where + ": a group holder's column as text: " + groups.get(i), grid.contains(groups.get(i)));
            }
        }
        // the grant dialog of the first user's grant: holder and backup; then suggestions for the holder
        WebElement grant = driver.findElement(By.cssSelector("tr.mandate-matrix-row[data-domain-key='" + domain
                + "'] .mandate-grant-edit[data-holder-name='" + users.get(batch.get(0)) + "']"));
        js("arguments[0].scrollIntoView({block: 'center'});", grant);
        grant.click();
        waitFor(By.id("mandate-grant-dialog"));
        waitUntil(where + ": the grant dialog is filled", d -> users.get(batch.get(0)).equals(value("mandate-grant-holder")));
        check(where + ": grant dialog");
        WebElement holder = driver.findElement(By.id("mandate-grant-holder"));
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", holder,
                users.get(batch.get(0)).substring(0, USER.length() + 2));
        waitUntil(where + ": the holder suggestions arrive",
                d -> ((Number) js("return document.querySelectorAll('#mandate-grant-holder-suggestions option').length;")).intValue() > 0);
        String labels = String.valueOf(js("return Array.prototype.map.call(document.querySelectorAll("
                + "'#mandate-grant-holder-suggestions option'), function (o) { return o.label; }).join('\\n');"));
        assertTrue(where + ": the suggestions are labelled with the display names: " + labels,
                batch.stream().anyMatch(i -> labels.contains(name(i))));
        check(where + ": grant dialog with suggestions");
    }

    /** The accountability report of the project (named by a payload), the domain, a group, and the what-if. */
    private void reports(String where, List<Integer> batch, String domain, int b) {
        String projectName = payloads.get(batch.get(0)).trim();
        Reply rename = SecurityHttp.send("PUT", jira + "/rest/api/2/project/" + PROJECT, "admin",
                Map.of("Content-Type", "application/json"), ("{\"name\":" + quote(projectName) + "}").getBytes(StandardCharsets.UTF_8));
        assertEquals(rename.toString(), 201, rename.status());
        open(jira, "/plugins/servlet/mandate/report?project=" + PROJECT);
        check(where + ": project report (a payload as the project's name)");
        // Mandate names the project by its key; Jira's sidebar around the report names it (trimmed, as Jira keeps it)
        exact(where + ": the project's name in the sidebar of the report", projectName, textOf("#project-sidebar-header strong"));

        open(jira, "/plugins/servlet/mandate/report?domain=" + domain);
        check(where + ": domain report");
        // the report names people by username (their display names are not in it); groups by name
        String load = textOf("#mandate-report-load-table");
        for (int i : batch) {
            assertTrue(where + ": an approver in the load table: " + users.get(i), load.contains(users.get(i)));
        }
        assertTrue(where + ": the load chart is drawn", driver.findElements(By.cssSelector("#mandate-report-load-chart svg")).size() == 1);
        assertTrue(where + ": the coverage chart is drawn", driver.findElements(By.cssSelector("#mandate-report-coverage-chart svg")).size() == 1);
        assertOnlyText(where + ": svg texts", "#mandate-report svg text, #mandate-report svg title");

        Integer withGroup = batch.stream().filter(i -> groups.get(i) != null).findFirst().orElse(null);
        if (withGroup != null) {
            open(jira, "/plugins/servlet/mandate/report?group=" + URLEncoder.encode(groups.get(withGroup), StandardCharsets.UTF_8));
            check(where + ": group report");
            exact(where + ": the group field", groups.get(withGroup), value("mandate-report-group"));
            exact(where + ": the group in the scope", "Group " + groups.get(withGroup), textOf("#mandate-report-scope"));
            assertTrue(where + ": the group's report is shown", !driver.findElements(By.id("mandate-report-summary")).isEmpty());
        }
        int absent = batch.get(b % batch.size());
        open(jira, "/plugins/servlet/mandate/report?domain=" + domain + "&absent=" + users.get(absent) + "#mandate-report-whatif");
        check(where + ": what-if");
        assertTrue(where + ": the what-if answers", !driver.findElements(By.id("mandate-report-whatif-answer")).isEmpty());
        String answer = textOf("#mandate-report-whatif-answer");
        assertTrue(where + ": the what-if names the absent person: " + answer, answer.contains(users.get(absent)));
    }

    /**
     * The issue search with Mandate's JQL functions: the batch's summaries as text; a user function of the batch's
     * people (approver or driver, by turns); and a payload as a function's argument, named in the function's error.
     */
    private void search(String where, List<Integer> batch, String domain, int b) {
        open(jira, "/issues/?jql=" + enc("issue in decisionsInDomain(\"" + domain + "\") ORDER BY key ASC"));
        check(where + ": issue search, decisionsInDomain");
        String page = textOf("#issuetable");
        for (int i : batch) {
            assertTrue(where + ": the summary in the search as text: " + summary(payloads.get(i)), page.contains(summary(payloads.get(i))));
        }
        if (b % 2 == 0) {
            open(jira, "/issues/?jql=" + enc("issue in decisionsApprovedBy(\"" + users.get(batch.get(1 % batch.size())) + "\")"));
            check(where + ": issue search, decisionsApprovedBy");
        } else {
            open(jira, "/issues/?jql=" + enc("project = " + PROJECT + " AND issue in decisionsOverdue() AND issue in decisionsDrivenBy(\""
                    + users.get(batch.get(batch.size() - 1)) + "\")"));
            check(where + ": issue search, decisionsOverdue and decisionsDrivenBy");
        }
        assertEquals(where + ": one issue found", "1 issue", textOf("#search-count"));
        // a display name where the function wants a username (a JQL string needs no quote or backslash escaped)
        String argument = batch.stream().map(HostNamesXssIT::name).filter(n -> !n.contains("\"") && !n.contains("\\"))
                .findFirst().orElse(null);
        if (argument != null) {
            open(jira, "/issues/?jql=" + enc("issue in decisionsDrivenBy(\"" + argument + "\")"));
            check(where + ": issue search, a payload as the argument");
            String error = textOf("#search-error");
            assertTrue(where + ": the error names the argument as text: " + error, error.contains("cannot find the user '" + argument + "'"));
        }
    }

    /** The Confluence page of the batch: its charter macro (members, holders, decisions) and report macro. */
    private void confluencePage(String where, List<Integer> batch, int b) {
        open(confluence, "/pages/viewpage.action?pageId=" + pages.get(b).id());
        check(where + ": Confluence page with the charter and report macros");
        WebElement charter = waitFor(By.id("mandate-charter-" + domain(b)));
        List<?> members = (List<?>) js("return Array.prototype.map.call(arguments[0].querySelectorAll('.mandate-charter-member'),"
                + " function (e) { return e.textContent; });", charter);
        List<String> expected = batch.stream().map(HostNamesXssIT::name).toList();
        assertTrue(where + ": the members by their display names " + members, members.containsAll(expected));
        exactChecks++;
        String holders = textOf(".mandate-charter-domains");
        String decisions = textOf(".mandate-charter-decisions");
        for (int j = 0; j < batch.size(); j++) {
            int i = batch.get(j);
            if (j % USER_LEVELS.length < 5) { // the charter lists who approves, decides together or is consulted (not who is told)
                assertTrue(where + ": a holder in the charter as text: " + name(i), holders.contains(name(i)));
            }
            assertTrue(where + ": a decision's summary in the charter as text: " + summary(payloads.get(i)),
                    decisions.contains(summary(payloads.get(i)).trim()));
        }
        assertEquals(where + ": one report macro", 1, driver.findElements(By.cssSelector(".mandate-report-macro")).size());
    }

    /** The whole-instance report and the admin page. */
    private void wholeInstance() {
        open(jira, "/plugins/servlet/mandate/report");
        check("whole-instance report");
        String load = textOf("#mandate-report-load-table");
        long named = users.stream().filter(load::contains).count();
        assertEquals("the whole-instance load table names every payload person", users.size(), named);
        open(jira, "/plugins/servlet/mandate/admin");
        check("admin page");
    }

    /** The notification mails of the DECIDED decisions, then the weekly digest of the overdue ones, on the outbox page. */
    private void mail() {
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        open(jira, "/secure/admin/outbox");
        check("outbox with the notification mails");
        String outbox = textOf("#outbox");
        for (int b = 0; b < batches; b++) {
            int first = batch(b).get(0);
            assertTrue("the mail's subject has the summary as text: " + summary(payloads.get(first)),
                    outbox.contains("] Decision made: " + oneLine(summary(payloads.get(first)))));
            assertTrue("the mail names the approver as text", outbox.contains("Approver: " + oneLine(name(batch(b).get(1 % BATCH)))));
        }
        exactChecks++;

        giveBackTheDigestClaim();
        String queued = RunningHost.runJiraJob(RunningHost.DIGEST_JOB);
        assertTrue("the digest was queued: " + queued, queued.endsWith("mails queued"));
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        open(jira, "/secure/admin/outbox");
        check("outbox with the digest");
        String digests = textOf("#outbox");
        int greeted = 0;
        for (int b = 0; b < batches; b++) {
            for (int j = 1; j < batch(b).size(); j++) {
                int i = batch(b).get(j);
                assertTrue("the digest lists the overdue issue's summary as text: " + summary(payloads.get(i)),
                        digests.contains(issues.get(i) + " " + oneLine(summary(payloads.get(i)))));
                if (digests.contains("Hello " + oneLine(name(i)) + ",")) {
                    greeted++;
                }
            }
        }
        assertTrue("the digest greets the payload people by name: " + greeted, greeted > 0);
    }

    /**
     * Jira deactivates a payload person and deletes a payload group of batch 1: the matrix page warns of both by name and
     * the decision panel marks the person (a group has no state there), as text.
     */
    private void peopleWhoLeave() {
        List<Integer> batch = batch(0);
        int leaver = batch.get(2);
        Integer deleted = batch.stream().filter(i -> groups.get(i) != null).findFirst().orElseThrow();
        world.changes().setUserActive(users.get(leaver), false); // Jira's Edit user form: no REST call
        Reply delete = SecurityHttp.send("DELETE", jira + "/rest/api/2/group?groupname=" + enc(groups.get(deleted)), "admin", null, null);
        assertEquals(delete.toString(), 204, delete.status());

        open(jira, "/plugins/servlet/mandate/matrix?q=" + domain(0));
        check("matrix page with a deleted group and an inactive holder");
        String gone = textOf("#mandate-matrix-gone");
        assertTrue("the deleted group is named as text: " + gone, gone.contains("The group " + groups.get(deleted) + " no longer exists in Jira"));
        assertTrue("the inactive holder is named as text: " + gone, gone.contains(name(leaver)));
        exactChecks += 2;

        open(jira, "/browse/" + issues.get(batch.get(0)));
        check("issue view with an inactive contributor and a deleted informed group");
        assertTrue("the inactive contributor, marked", textOf("#mandate-decision-panel .mandate-contributors").contains(name(leaver) + " (inactive)"));
        assertTrue("the deleted group, still informed by name", textOf("#mandate-decision-panel .mandate-informed").contains(groups.get(deleted)));
        exactChecks += 2;
    }

    // --- checks -----------------------------------------------------------------------------------------------------

    /** The trap saw nothing run (a link to a path of Jira or Confluence with a payload URL-encoded in its query is text). */
    private void check(String where) {
        pageChecks++;
        XssChecks.assertNoExecution(driver, where, java.net.URI.create(driver.getCurrentUrl().startsWith(confluence) ? confluence : jira)
                .getRawPath() + "/");
    }

    private void exact(String where, String expected, String actual) {
        exactChecks++;
        assertEquals(where + ", character for character", expected, actual);
    }

    /** Every element under the selector is a text-only element (no children). */
    private void assertOnlyText(String where, String css) {
        List<?> nested = (List<?>) js("var out = []; document.querySelectorAll(arguments[0]).forEach(function (e) {"
                + " if (e.children.length) { out.push(e.outerHTML.slice(0, 120)); } }); return out;", css);
        assertTrue(where + ": markup inside chart texts: " + nested, nested.isEmpty());
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** The domain (and charter) of batch {@code b}: X_HN_00… (no key is the start of another, for the matrix's filter). */
    private static String domain(int b) {
        return String.format(Locale.ROOT, "%s%02d", DOMAIN, b);
    }

    private static List<Integer> batch(int b) {
        List<Integer> batch = new ArrayList<>();
        for (int i = b * BATCH; i < Math.min(payloads.size(), (b + 1) * BATCH); i++) {
            batch.add(i);
        }
        return batch;
    }

    /** The display name of payload {@code i}'s user, as the host keeps it (trimmed). */
    private static String name(int i) {
        return payloads.get(i).trim();
    }

    private static String summary(String payload) {
        return payload.length() > 255 ? payload.substring(0, 255) : payload;
    }

    /** As MailText.oneLine writes a value into a mail line. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    private static String quote(String s) {
        try {
            return SecurityHttp.JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply post(String url, String json) {
        return SecurityHttp.send("POST", url, "admin", Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

    /**
     * Removes this week's digest claim ({@code AO_…_MAIL_CLAIM}, key {@code digest:<week>}) from the shared host's
     * database, so that the digest this class runs is not "queued already" and the one NotificationIT runs later still is
     * the first of the week.
     */
    private static void giveBackTheDigestClaim() {
        DataSource data = RunningHost.get().jira().database().dataSource();
        try (Connection c = data.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (table.toUpperCase(Locale.ROOT).startsWith("AO_") && table.toUpperCase(Locale.ROOT).endsWith("_MAIL_CLAIM")) {
                        String schema = rs.getString("TABLE_SCHEM");
                        tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + table + "\"");
                    }
                }
            }
            assertEquals("one mail claim table: " + tables, 1, tables.size());
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + tables.get(0) + " WHERE \"CLAIM_KEY\" LIKE 'digest:%'");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String textOf(String css) {
        return String.valueOf(js("var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css));
    }

    private String value(String id) {
        return String.valueOf(js("var e = document.getElementById(arguments[0]); return e ? e.value : null;", id));
    }

    private void open(String base, String path) {
        driver.get(base + path);
        waitUntil("the page " + path + " has loaded", d -> "complete".equals(js("return document.readyState;")));
    }

    private void logIn(String base, String username) {
        driver.get(base + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(base).getRawPath() + "/", StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username")).sendKeys(username);
        driver.findElement(By.id("login-form-password")).sendKeys(username);
        driver.findElement(By.id("login-form-submit")).click();
        waitUntil("the login leads on", d -> !d.getCurrentUrl().contains("/login.jsp")
                && "complete".equals(js("return document.readyState;")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
