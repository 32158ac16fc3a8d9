package io.mandate.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import io.mandate.testing.RunningHost;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mandate.it.SecurityHttp.enc;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Known XSS payloads ({@code src/test/resources/xss-payloads.txt}) in every free-text place of a
 * decision, rendered in headless Chromium (targets.md "XSS"): the outcome on the issue view's panel
 * (server rendering and the script's in-place refresh), in the edit dialog and in the history dialog;
 * user and group names and field names echoed back in the dialog's error messages; the notification
 * mail in the host's outbox; and request values reflected by the REST API and the issue view.
 * <p>
 * Before any page script runs, every page gets a trap (through Chrome DevTools'
 * {@code Page.addScriptToEvaluateOnNewDocument}): {@code window.__xss}, {@code alert}, {@code confirm},
 * {@code prompt} and {@code print} record a call, and a {@code MutationObserver} records every element
 * that arrives with an inline event handler or a {@code javascript:}/{@code __xss} attribute. The
 * test asserts zero of both, and that each payload is on the page as text. Issue: OPS-4 (no other test
 * uses it), batches of {@value #BATCH} payloads per save.
 */
public class DecisionXssIT {

    static final int BATCH = 13;
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Installed into every document before its own scripts; records what a payload would do. */
    static final String TRAP = String.join("\n",
            "(function () {",
            "  if (window.__xssTrap) { return; }",
            "  window.__xssTrap = true;",
            "  var hits = window.__xssHits = [];",
            "  var marks = window.__xssMarks = [];",
            "  function hit(kind) { return function () { hits.push(kind + '(' + Array.prototype.join.call(arguments, ',') + ') at ' + location.href); }; }",
            "  window.__xss = hit('__xss'); window.alert = hit('alert'); window.confirm = hit('confirm');",
            "  window.prompt = hit('prompt'); window.print = hit('print');",
            "  var BAD = /__xss|javascript:|alert\\(|\\\\u0061lert|eval\\(|atob\\(|expression\\(/i;",
            "  // attributes that load, navigate, style or name things; a payload in a value/title/data-* attribute is only text",
            "  var URLISH = /^(href|src|action|formaction|data|xlink:href|style|background|poster|content|id|name|for|form)$/i;",
            "  function inspect(node) {",
            "    if (!node || node.nodeType !== 1) { return; }",
            "    for (var i = 0; i < node.attributes.length; i++) {",
            "      var a = node.attributes[i];",
            "      if (/^on/i.test(a.name) || BAD.test(a.name) || a.name.toLowerCase() === 'srcdoc' || (URLISH.test(a.name) && BAD.test(a.value))) {",
            "        marks.push('<' + node.tagName.toLowerCase() + ' ' + a.name + '=\"' + String(a.value).slice(0, 80) + '\"> at ' + location.href);",
            "      }",
            "    }",
            "    if ((node.tagName === 'SCRIPT' || node.tagName === 'STYLE') && BAD.test(node.textContent)) {",
            "      marks.push('<' + node.tagName.toLowerCase() + '>' + node.textContent.slice(0, 80) + ' at ' + location.href);",
            "    }",
            "    for (var c = node.firstElementChild; c; c = c.nextElementSibling) { inspect(c); }",
            "  }",
            "  new MutationObserver(function (records) {",
            "    records.forEach(function (r) {",
            "      if (r.type === 'attributes') { inspect(r.target); }",
            "      for (var i = 0; i < r.addedNodes.length; i++) { inspect(r.addedNodes[i]); }",
            "    });",
            "  }).observe(document, {childList: true, subtree: true, attributes: true});",
            "})();");

    private static List<String> payloads;
    private static String jira;
    private static String api;
    private static int executions;
    private static int pageChecks;

    private WebDriver driver;

    /** The traps are installed before any page script runs. */
    @Rule
    public final BrowserSession browser = new BrowserSession(started -> {
        driver = started;
        ((HasCdp) started).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
    });

    @BeforeClass
    public static void load() throws IOException {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0/decisions/";
        payloads = new ArrayList<>();
        try (InputStream in = DecisionXssIT.class.getResourceAsStream("/xss-payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("%%")) {
                    payloads.add(line);
                }
            }
        }
        assertTrue("at least 100 payloads: " + payloads.size(), payloads.size() >= 100);
    }

    @AfterClass
    public static void report() {
        System.out.println("DecisionXssIT: " + payloads.size() + " payloads, " + pageChecks + " page checks, "
                + executions + " executions");
    }

    // --- the trap itself -------------------------------------------------------------------------

    /** A positive control: a page where payloads do run is caught, both by the trap and by the observer. */
    @Test
    public void theTrapCatchesPayloadsThatRun() {
        driver.get("data:text/html," + enc("<p>control</p><script>alert(1)</script><img src=x onerror=__xss(2)>"
                + "<a href='javascript:__xss(3)'>x</a>"));
        waitUntil("the onerror handler ran", d -> ((Number) js("return window.__xssHits.length;")).intValue() >= 2);
        @SuppressWarnings("unchecked")
        List<String> hits = (List<String>) js("return window.__xssHits;");
        assertTrue(hits.toString(), hits.get(0).startsWith("alert(1)") && hits.get(1).startsWith("__xss(2)"));
        @SuppressWarnings("unchecked")
        List<String> marks = (List<String>) js("return window.__xssMarks;");
        assertTrue(marks.toString(), marks.stream().anyMatch(m -> m.startsWith("<img onerror=")));
        assertTrue(marks.toString(), marks.stream().anyMatch(m -> m.startsWith("<a href=\"javascript:")));
        // and later, in a page of the host, markup added by a script
        open("/login.jsp");
        js("var d = document.createElement('div'); d.innerHTML = '<img src=x onerror=__xss(4)>'; document.body.appendChild(d);");
        waitUntil("the injected handler ran", d -> ((Number) js("return window.__xssHits.length;")).intValue() == 1);
        assertTrue(js("return window.__xssMarks.join();").toString().contains("onerror"));
    }

    // --- the outcome: panel (server and in-place refresh), edit dialog, history dialog -----------

    @Test
    public void outcomePayloadsNeverRunOnThePanelTheEditDialogOrTheHistory() {
        resetDecision("Before the payloads");
        logIn("admin");
        open("/browse/OPS-4");
        assertNoExecution("the issue view before any payload (also proves the trap sees no false alarms)");

        String previous = "Before the payloads";
        int batches = 0;
        for (int from = 0; from < payloads.size(); from += BATCH) {
            List<String> batch = payloads.subList(from, Math.min(payloads.size(), from + BATCH));
            String outcome = String.join("\n", batch);
            String where = "batch " + (++batches) + " (payloads " + (from + 1) + "–" + (from + batch.size()) + ")";

            // edit dialog: the stored outcome comes back exactly, then the batch is saved as a user would
            waitFor(By.id("mandate-decision-edit")).click();
            waitForDialogReady();
            WebElement textarea = driver.findElement(By.id("mandate-decision-outcome"));
            assertEquals(where + ": the edit dialog shows the outcome as text", previous, textarea.getAttribute("value"));
            assertNoExecution(where + ": edit dialog with the previous outcome");
            js("arguments[0].value = arguments[1];", textarea, outcome);
            driver.findElement(By.id("mandate-decision-save")).click();
            waitUntil(where + ": the dialog closes after the save",
                    d -> !d.findElement(By.id("mandate-decision-dialog")).isDisplayed());
            waitUntil(where + ": the panel is refreshed in place", d -> outcome.equals(
                    d.findElement(By.cssSelector("#mandate-decision-panel .mandate-outcome")).getAttribute("textContent")));
            assertOutcomePanel(where + ": panel refreshed by the script", outcome, batch);

            // the server's rendering of the page
            driver.navigate().refresh();
            assertOutcomePanel(where + ": panel rendered by the server", outcome, batch);
            if (batches == 1) {
                WebElement panel = driver.findElement(By.id("mandate-decision-panel"));
                js("arguments[0].scrollIntoView({block: 'start'});", panel);
                Browser.screenshot(driver, "xss-outcome.png");
            }

            // history: the newest outcome change, before and after, as text
            waitFor(By.id("mandate-decision-history")).click();
            WebElement dialog = waitFor(By.id("mandate-history-dialog"));
            waitUntil(where + ": the history is loaded", d -> "false".equals(dialog.getAttribute("aria-busy")));
            List<WebElement> outcomeRows = dialog.findElements(By.cssSelector("#mandate-history-table tbody tr")).stream()
                    .filter(r -> r.findElements(By.tagName("td")).get(2).getAttribute("textContent").equals("Outcome"))
                    .toList();
            assertTrue(where + ": an outcome row", !outcomeRows.isEmpty());
            List<WebElement> cells = outcomeRows.get(0).findElements(By.tagName("td"));
            assertEquals(where + ": history, before", previous, cells.get(3).getAttribute("textContent"));
            assertEquals(where + ": history, after", outcome, cells.get(4).getAttribute("textContent"));
            assertOnlyElements(where + ": history table", "#mandate-history-table tbody", "TR", "TD", "SPAN", "TIME");
            String visible = normalise(cells.get(4).getText());
            for (String p : batch) {
                assertTrue(where + ": visible in the history: " + p, visible.contains(normalise(p)));
            }
            assertNoExecution(where + ": history dialog");
            driver.findElement(By.id("mandate-history-close")).click();
            waitUntil(where + ": the history closes", d -> !dialog.isDisplayed());
            previous = outcome;
        }
        waitFor(By.id("mandate-decision-edit")).click();
        waitForDialogReady();
        assertEquals("the edit dialog shows the last batch", previous,
                driver.findElement(By.id("mandate-decision-outcome")).getAttribute("value"));
        assertNoExecution("edit dialog with the last batch");
        System.out.println("DecisionXssIT: " + batches + " batches of up to " + BATCH + " payloads in the outcome");
    }

    // --- names and field names echoed in the dialog's error messages -------------------------------

    @Test
    public void payloadsAsNamesAndFieldNamesComeBackAsErrorText() {
        resetDecision("Names test");
        logIn("admin");
        open("/browse/OPS-4");
        List<String> names = payloads.stream().map(String::trim).distinct().toList();
        // the dialog only sends people chosen from the pickers; a stand-in for a hostile client rewrites its PUT
        js("var names = arguments[0]; var original = window.fetch;"
                + "window.fetch = function (url, init) {"
                + "  if (init && init.method === 'PUT' && init.body) {"
                + "    var b = JSON.parse(init.body);"
                + "    b.driver = names[0]; b.approver = names[1]; b.contributors = names;"
                + "    b.informed = names.map(function (n) { return {type: 'group', name: n}; });"
                + "    names.forEach(function (n) { b[n] = 1; });"
                + "    init = Object.assign({}, init, {body: JSON.stringify(b)});"
                + "  }"
                + "  return original.call(this, url, init);"
                + "};", names);
        waitFor(By.id("mandate-decision-edit")).click();
        waitForDialogReady();
        driver.findElement(By.id("mandate-decision-save")).click();
        waitUntil("the errors are shown", d -> !d.findElement(By.id("mandate-decision-contributors-error"))
                .getAttribute("textContent").isEmpty());

        String driverError = text("#mandate-decision-driver-error");
        String approverError = text("#mandate-decision-approver-error");
        String contributorsError = text("#mandate-decision-contributors-error");
        String informedError = text("#mandate-decision-informed-error");
        String message = text("#mandate-decision-dialog-message");
        assertTrue(driverError, driverError.contains(names.get(0)));
        assertTrue(approverError, approverError.contains(names.get(1)));
        for (String n : names) {
            assertTrue("contributors error names " + n, contributorsError.contains(n));
            assertTrue("informed error names " + n, informedError.contains(n));
            assertTrue("the message names the unknown field " + n, message.contains(n));
        }
        for (String field : List.of("driver", "approver", "contributors", "informed")) {
            assertOnlyElements(field + " error", "#mandate-decision-" + field + "-error");
        }
        assertOnlyElements("dialog message", "#mandate-decision-dialog-message", "DIV", "P");
        assertNoExecution("error messages with " + names.size() + " payloads as names and field names");
        Browser.screenshot(driver, "xss-errors.png");

        // typing payloads into a picker: the search finds nobody and shows nothing of the query as markup
        WebElement picker = driver.findElement(By.id("mandate-decision-informed"));
        for (String p : payloads.subList(0, 8)) {
            picker.clear();
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", picker, p);
            waitUntil("the picker answered " + p, d -> "true".equals(picker.getAttribute("aria-expanded")));
            assertOnlyElements("picker options for " + p, "#mandate-decision-informed-options", "LI", "SPAN", "STRONG");
            assertNoExecution("informed picker searching " + p);
        }
    }

    // --- the notification mail, and values reflected by the REST API and the pages ------------------

    @Test
    public void payloadsInMailAndInReflectedRequestValuesNeverRun() {
        // a decision that becomes DECIDED mails its informed and contributors; the outcome is in the mail
        List<String> mailed = new ArrayList<>();
        int sent = 0;
        for (int from = 0; from < payloads.size(); ) {
            StringBuilder outcome = new StringBuilder();
            int to = from;
            while (to < payloads.size() && outcome.length() + payloads.get(to).length() + 1 < 10_000) {
                outcome.append(payloads.get(to++)).append('\n');
            }
            removeDecision();
            assertEquals(200, put(decided(outcome.toString())).status());
            mailed.add(outcome.toString());
            sent++;
            from = to;
        }
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB); // the mail goes out
        logIn("admin");
        open("/secure/admin/outbox");
        List<WebElement> rows = driver.findElements(By.cssSelector("#outbox tbody tr")).stream()
                .filter(r -> r.findElement(By.className("outbox-subject")).getAttribute("textContent").startsWith("[OPS-4]"))
                .toList();
        assertTrue("mail about OPS-4: " + rows.size(), rows.size() >= sent);
        StringBuilder bodies = new StringBuilder();
        rows.forEach(r -> bodies.append(r.findElement(By.className("outbox-body")).getAttribute("textContent")));
        for (String p : payloads) {
            assertTrue("the mail shows " + p, bodies.toString().contains(p));
        }
        assertOnlyElements("outbox mail bodies", ".outbox-body");
        assertNoExecution("outbox with " + payloads.size() + " payloads");

        // request values that the answers repeat: issue keys and list filters (REST), issue keys and destinations (pages)
        for (String p : payloads.subList(0, 25)) {
            for (String path : List.of("/rest/mandate/1.0/decisions/" + enc(p), "/rest/mandate/1.0/decisions?approver=" + enc(p),
                    "/rest/mandate/1.0/decisions/" + enc(p) + "/history", "/browse/" + enc(p))) {
                open(path);
                assertNoExecution(path);
            }
        }
        logOut();
        for (String p : payloads.subList(0, 20)) {
            String path = "/login.jsp?os_destination=" + enc(p);
            open(path);
            assertNoExecution(path);
        }
    }

    // --- checks ----------------------------------------------------------------------------------

    private void assertOutcomePanel(String where, String outcome, List<String> batch) {
        WebElement dd = waitFor(By.cssSelector("#mandate-decision-panel .mandate-outcome"));
        assertEquals(where + ": the outcome, character for character", outcome, dd.getAttribute("textContent"));
        assertOnlyElements(where, "#mandate-decision-panel .mandate-outcome");
        String visible = normalise(dd.getText());
        for (String p : batch) {
            assertTrue(where + ": visible as text: " + p, visible.contains(normalise(p)));
        }
        assertNoExecution(where);
    }

    /** Every element under the selector is one of the allowed tags (none at all when none are given). */
    private void assertOnlyElements(String where, String css, String... allowed) {
        List<String> unexpected = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js("var out = []; document.querySelectorAll(arguments[0]).forEach(function (root) {"
                + " root.querySelectorAll('*').forEach(function (e) { out.push(e.tagName + ' ' + e.outerHTML.slice(0, 120)); });"
                + "}); return out;", css);
        for (String f : found) {
            String tag = f.substring(0, f.indexOf(' '));
            if (!List.of(allowed).contains(tag)) {
                unexpected.add(f.substring(f.indexOf(' ') + 1));
            }
        }
        assertTrue(where + ": markup where only text belongs: " + unexpected, unexpected.isEmpty());
    }

    /** No trapped call, no element with a handler or script URL, no real dialog; the trap is in place. */
    private void assertNoExecution(String where) {
        pageChecks++;
        Object state;
        try {
            state = js("return {trap: window.__xssTrap === true, hits: (window.__xssHits || []).slice(), marks: (window.__xssMarks || []).slice()};");
        } catch (UnhandledAlertException e) {
            executions++;
            fail(where + ": a real dialog opened: " + e.getAlertText());
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) state;
        assertEquals(where + ": the trap is installed", Boolean.TRUE, s.get("trap"));
        List<?> hits = (List<?>) s.get("hits");
        List<?> marks = (List<?>) s.get("marks");
        executions += hits.size();
        assertTrue(where + ": payloads ran: " + hits, hits.isEmpty());
        assertTrue(where + ": payload markup reached the DOM: " + marks, marks.isEmpty());
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    // --- browser helpers -------------------------------------------------------------------------

    private void open(String path) {
        driver.get(jira + path);
        waitUntil("the page " + path + " has loaded", d -> "complete".equals(js("return document.readyState;")));
    }

    private void logIn(String username) {
        driver.get(jira + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(jira).getRawPath() + "/", StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username")).sendKeys(username);
        driver.findElement(By.id("login-form-password")).sendKeys(username);
        driver.findElement(By.id("login-form-submit")).click();
        waitUntil("the login leads on", d -> !d.getCurrentUrl().contains("/login.jsp")
                && "complete".equals(js("return document.readyState;")));
        assertEquals(username, waitFor(By.id("header-details-user-fullname")).getAttribute("data-username"));
    }

    private void logOut() {
        driver.manage().deleteAllCookies();
    }

    private void waitForDialogReady() {
        waitFor(By.id("mandate-decision-dialog"));
        waitUntil("the decision is loaded into the form",
                d -> "false".equals(d.findElement(By.id("mandate-decision-form")).getAttribute("aria-busy")));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getAttribute("textContent");
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

    // --- REST set-up ------------------------------------------------------------------------------

    private static ObjectNode decided(String outcome) {
        ObjectNode body = SecurityHttp.JSON.createObjectNode();
        body.put("status", "DECIDED");
        body.put("driver", "erin");
        body.put("approver", "bob");
        body.putArray("contributors").add("frank");
        ArrayNode informed = body.putArray("informed");
        informed.addObject().put("type", "group").put("name", "operations");
        body.put("outcome", outcome);
        return body;
    }

    private static Reply put(ObjectNode body) {
        return SecurityHttp.putJson(api + "OPS-4", "admin", body.toString());
    }

    private static void removeDecision() {
        Reply r = SecurityHttp.delete(api + "OPS-4", "admin");
        assertTrue(r.toString(), r.status() == 204 || r.status() == 404);
    }

    /** OPS-4 starts each test as a fresh DECIDED decision with this outcome. */
    private static void resetDecision(String outcome) {
        removeDecision();
        Reply r = put(decided(outcome));
        assertEquals(r.toString(), 200, r.status());
    }
}
