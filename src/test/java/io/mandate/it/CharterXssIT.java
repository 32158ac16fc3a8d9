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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The XSS payload corpus ({@code src/test/resources/xss-payloads.txt}) in every free-text field of a team charter —
 * its name, its purpose, a member's role — and as the charter macro's {@code team} parameter and each of the report
 * macro's parameters (with a report macro of a payload-named charter), on Confluence's page view in
 * headless Chromium with the trap of {@link DecisionXssIT} (whose positive control proves the trap fires); the
 * editor page shows the same charter, and a payload as a member's username comes back as text in the editor's error.
 * Zero executions, and each payload is on the page as text.
 *
 * <p>{@value #BATCH} charters X_XSS_0… in TEAM hold one batch of payloads at a time; the sample page 65537 holds one
 * macro per charter (and one whose team parameter is a payload) while this class runs, and gets its body back after.
 */
public class CharterXssIT {

    static final int BATCH = 13;
    private static final long PAGE = 65537L;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static List<String> payloads;
    private static String confluence;
    private static String api;
    private static String originalBody;
    private static int pageChecks;

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> {
        driver = started;
        ((HasCdp) started).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DecisionXssIT.TRAP));
    });

    private static World world() {
        return RunningHost.get().confluence().world();
    }

    @BeforeClass
    public static void setUp() throws IOException {
        confluence = RunningHost.confluence();
        api = confluence + "/rest/mandate/1.0/charters/";
        payloads = new ArrayList<>();
        try (InputStream in = CharterXssIT.class.getResourceAsStream("/xss-payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("%%")) {
                    payloads.add(line);
                }
            }
        }
        assertTrue("at least 100 payloads: " + payloads.size(), payloads.size() >= 100);
        originalBody = world().page(PAGE).map(HostPage::body).orElseThrow();
        for (int i = 0; i < BATCH; i++) {
            SecurityHttp.delete(api + "X_XSS_" + i, "admin");
        }
    }

    @AfterClass
    public static void cleanUp() {
        if (originalBody != null) {
            world().updatePageBody(PAGE, originalBody);
        }
        for (int i = 0; i < BATCH; i++) {
            SecurityHttp.delete(api + "X_XSS_" + i, "admin");
        }
        System.out.println("CharterXssIT: " + (payloads == null ? 0 : payloads.size()) + " payloads, " + pageChecks + " page checks, 0 executions");
    }

    /** The page: one charter macro per batch charter, then one whose team parameter is the payload (XML-escaped). */
    private static String body(String payloadAsTeam) {
        StringBuilder body = new StringBuilder("<p>Charters with payloads</p>");
        for (int i = 0; i < BATCH; i++) {
            body.append("<ac:structured-macro ac:name=\"mandate-team-charter\"><ac:parameter ac:name=\"team\">X_XSS_").append(i)
                    .append("</ac:parameter></ac:structured-macro>");
        }
        String escaped = payloadAsTeam.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        body.append("<ac:structured-macro ac:name=\"mandate-team-charter\"><ac:parameter ac:name=\"team\">")
                .append(escaped).append("</ac:parameter></ac:structured-macro>");
        // the report macro: of charter X_XSS_0 (no domains: its name in the sentence), and with the payload as each parameter
        body.append("<ac:structured-macro ac:name=\"mandate-accountability-report\"><ac:parameter ac:name=\"team\">X_XSS_0")
                .append("</ac:parameter></ac:structured-macro>");
        for (String parameter : List.of("team", "project", "domain")) {
            body.append("<ac:structured-macro ac:name=\"mandate-accountability-report\"><ac:parameter ac:name=\"").append(parameter)
                    .append("\">").append(escaped).append("</ac:parameter></ac:structured-macro>");
        }
        return body.toString();
    }

    @Test
    public void payloadsInCharterTextsNeverRunOnThePageOrInTheEditor() {
        logIn("alice");
        int batches = 0;
        for (int from = 0; from < payloads.size(); from += BATCH) {
            List<String> batch = payloads.subList(from, Math.min(payloads.size(), from + BATCH));
            String where = "batch " + (++batches) + " (payloads " + (from + 1) + "–" + (from + batch.size()) + ")";
            for (int i = 0; i < batch.size(); i++) {
                store(i, batch.get(i));
            }
            world().updatePageBody(PAGE, body(batch.get(0)));

            open("/pages/viewpage.action?pageId=" + PAGE);
            assertNoExecution(where + ": page view");
            for (int i = 0; i < batch.size(); i++) {
                String p = batch.get(i);
                WebElement charter = waitFor(By.id("mandate-charter-X_XSS_" + i));
                assertEquals(where + ": the name as text", name(p).trim(), textOf(charter, ".mandate-charter-name"));
                assertEquals(where + ": the purpose as text", p.trim(), textOf(charter, ".mandate-charter-purpose"));
                assertEquals(where + ": the role as text", role(p).trim(), textOf(charter, ".mandate-charter-role"));
            }
            String notices = String.valueOf(js("return Array.prototype.map.call(document.querySelectorAll('.mandate-charter-missing'),"
                    + " function (e) { return e.textContent; }).join('\\n');"));
            assertTrue(where + ": the payload team is named as text: " + notices, notices.contains("There is no team charter"));
            List<?> reports = (List<?>) js("return Array.prototype.map.call(document.querySelectorAll('.mandate-report-macro'),"
                    + " function (e) { return e.textContent; });");
            assertEquals(where + ": four report macros, each a report or a plain sentence", 4, reports.size());
            assertTrue(where + ": the charter's name as text in the report macro: " + reports.get(0),
                    String.valueOf(reports.get(0)).contains("The charter of " + name(batch.get(0)).trim()));

            // the editor shows the charter's texts as the values of its fields
            open("/plugins/servlet/mandate/charter?team=X_XSS_0");
            assertNoExecution(where + ": editor");
            assertEquals(where, name(batch.get(0)), value("mandate-charter-name"));
            assertEquals(where, batch.get(0), value("mandate-charter-purpose"));
            // a payload as a username: the API names it, the editor shows the message as text
            WebElement member = driver.findElement(By.cssSelector(".mandate-charter-member-name"));
            js("arguments[0].value = arguments[1];", member, batch.get(batch.size() - 1));
            driver.findElement(By.id("mandate-charter-save")).click();
            waitUntil(where + ": the members' error is shown",
                    d -> !driver.findElement(By.id("mandate-charter-members-error")).getText().isBlank());
            assertNoExecution(where + ": editor with the error");
        }
    }

    private static String name(String payload) {
        return payload.length() > 255 ? payload.substring(0, 255) : payload;
    }

    private static String role(String payload) {
        return payload.length() > 100 ? payload.substring(0, 100) : payload;
    }

    /** Charter X_XSS_i gets the payload as its name, purpose and alice's role. */
    private static void store(int i, String payload) {
        Reply current = SecurityHttp.get(api + "X_XSS_" + i, "admin");
        ObjectNode body = SecurityHttp.JSON.createObjectNode();
        body.put("name", name(payload));
        body.put("space", "TEAM");
        body.put("purpose", payload);
        ArrayNode members = body.putArray("members");
        members.addObject().put("name", "alice").put("role", role(payload));
        body.putArray("domains");
        if (current.status() == 200) {
            body.put("version", current.json().get("version").asInt());
        }
        Reply r = SecurityHttp.putJson(api + "X_XSS_" + i, "admin", body.toString());
        assertEquals(payload + ": " + r, 200, r.status());
    }

    private String textOf(WebElement scope, String css) {
        return String.valueOf(js("return arguments[0].querySelector(arguments[1]).textContent;", scope, css)).trim();
    }

    private String value(String id) {
        return String.valueOf(js("var e = document.getElementById(arguments[0]); return e ? e.value : null;", id));
    }

    private void assertNoExecution(String where) {
        pageChecks++;
        Object state;
        try {
            state = js("return {trap: window.__xssTrap === true, hits: (window.__xssHits || []).slice(), marks: (window.__xssMarks || []).slice()};");
        } catch (UnhandledAlertException e) {
            fail(where + ": a real dialog opened: " + e.getAlertText());
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) state;
        assertEquals(where + ": the trap is installed", Boolean.TRUE, s.get("trap"));
        assertTrue(where + ": payloads ran: " + s.get("hits"), ((List<?>) s.get("hits")).isEmpty());
        assertTrue(where + ": payload markup reached the DOM: " + s.get("marks"), ((List<?>) s.get("marks")).isEmpty());
    }

    private void open(String path) {
        driver.get(confluence + path);
        waitUntil("the page " + path + " has loaded", d -> "complete".equals(js("return document.readyState;")));
    }

    private void logIn(String username) {
        driver.get(confluence + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(confluence).getRawPath() + "/", StandardCharsets.UTF_8));
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
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
