package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.SecurityHttp.Reply;
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
 * The XSS payload corpus ({@code src/test/resources/xss-payloads.txt}) in every free-text place of the authority
 * matrix — domain names and descriptions, grant notes — opened in headless Chromium with the trap of
 * {@link DecisionXssIT} (its positive control proves the trap fires): the matrix admin page with its domain and grant
 * dialogs, the project's accountability report (names in its coverage table and scope chooser; a payload as the
 * {@code group} of its address, refused with the payload shown as text), the authority panel (a tie of the payload domains, and one domain set by hand), and the decision panel
 * showing the domain's name. Zero executions, and each payload is on the page as text.
 * <p>
 * {@value #BATCH} domains {@code X_XSS_0…} scoped to the test's own project hold one batch of payloads at a time.
 */
public class MatrixXssIT {

    static final int BATCH = 13;
    private static final String PROJECT = "XSSM";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static List<String> payloads;
    private static String jira;
    private static String api;
    private static String issueKey;
    private static final List<Long> grantIds = new ArrayList<>();
    private static int pageChecks;

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> {
        driver = started;
        ((HasCdp) started).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DecisionXssIT.TRAP));
    });

    @BeforeClass
    public static void setUp() throws IOException {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
        payloads = new ArrayList<>();
        try (InputStream in = MatrixXssIT.class.getResourceAsStream("/xss-payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("%%")) {
                    payloads.add(line);
                }
            }
        }
        assertTrue("at least 100 payloads: " + payloads.size(), payloads.size() >= 100);
        created(post(jira + "/rest/api/2/project", "{\"key\":\"" + PROJECT + "\",\"name\":\"Matrix XSS IT\",\"lead\":\"admin\"}"));
        Reply issue = post(jira + "/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"" + PROJECT
                + "\"},\"summary\":\"Where the payload domains meet\",\"issuetype\":{\"name\":\"Task\"}}}");
        created(issue);
        issueKey = issue.json().get("key").asText();
        for (int i = 0; i < BATCH; i++) {
            created(post(api + "/domains", "{\"key\":\"X_XSS_" + i + "\",\"name\":\"placeholder " + i
                    + "\",\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}"));
            Reply grant = post(api + "/domains/X_XSS_" + i + "/grants",
                    "{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"ADVISE\",\"note\":\"placeholder\"}");
            created(grant);
            grantIds.add(grant.json().get("id").asLong());
        }
    }

    @AfterClass
    public static void cleanUp() {
        if (issueKey != null) {
            Reply d = SecurityHttp.delete(api + "/decisions/" + issueKey, "admin");
            assertTrue(d.toString(), d.status() == 204 || d.status() == 404);
        }
        for (int i = 0; i < BATCH; i++) {
            Reply r = SecurityHttp.delete(api + "/domains/X_XSS_" + i, "admin");
            assertTrue(r.toString(), r.status() == 204 || r.status() == 404);
        }
        Reply p = SecurityHttp.delete(jira + "/rest/api/2/project/" + PROJECT, "admin");
        assertTrue(p.toString(), p.status() == 204 || p.status() == 404);
        System.out.println("MatrixXssIT: " + payloads.size() + " payloads, " + pageChecks + " page checks, 0 executions");
    }

    @Test
    public void payloadsInDomainsAndGrantNotesNeverRunOnTheMatrixPageItsDialogsOrTheIssuePanels() {
        logIn("admin");
        int batches = 0;
        for (int from = 0; from < payloads.size(); from += BATCH) {
            List<String> batch = payloads.subList(from, Math.min(payloads.size(), from + BATCH));
            String where = "batch " + (++batches) + " (payloads " + (from + 1) + "–" + (from + batch.size()) + ")";
            for (int i = 0; i < batch.size(); i++) {
                store(i, batch.get(i));
            }

            // the matrix page: names, descriptions (data attributes) and notes (titles) as text
            open("/plugins/servlet/mandate/matrix?q=X_XSS_");
            assertNoExecution(where + ": matrix page");
            String grid = waitFor(By.id("mandate-matrix-grid")).getAttribute("textContent");
            for (String p : batch) {
                assertTrue(where + ": the domain name is on the page as text: " + p, grid.contains(p.trim()));
            }
            // the domain dialog shows name and description exactly
            WebElement row = driver.findElement(By.cssSelector("tr.mandate-matrix-row[data-domain-key='X_XSS_0']"));
            row.findElement(By.cssSelector(".mandate-domain-edit")).click();
            waitFor(By.id("mandate-domain-dialog"));
            waitUntil(where + ": the domain dialog is filled", d -> batch.get(0).equals(value("mandate-domain-description")));
            assertNoExecution(where + ": domain dialog");
            driver.navigate().refresh();
            // the grant dialog shows the note exactly
            driver.findElement(By.cssSelector("tr.mandate-matrix-row[data-domain-key='X_XSS_0'] .mandate-grant-edit")).click();
            waitFor(By.id("mandate-grant-dialog"));
            waitUntil(where + ": the grant dialog is filled", d -> batch.get(0).equals(value("mandate-grant-note")));
            assertNoExecution(where + ": grant dialog");

            // the accountability report of the project: the names in the coverage table and the domain chooser
            open("/plugins/servlet/mandate/report?project=" + PROJECT);
            assertNoExecution(where + ": report page");
            String coverage = waitFor(By.id("mandate-report-coverage-table")).getAttribute("textContent");
            String chooser = driver.findElement(By.id("mandate-report-domain")).getAttribute("textContent");
            for (String p : batch) {
                String name = p.length() > 255 ? p.substring(0, 255) : p;
                assertTrue(where + ": the report names the domain as text: " + p, coverage.contains(name.trim()));
                assertTrue(where + ": the chooser names the domain as text: " + p, chooser.contains(name.trim()));
            }
            // a payload as the group of the address: the page refuses it (400) and shows it as text
            open("/plugins/servlet/mandate/report?group=" + URLEncoder.encode(batch.get(0), StandardCharsets.UTF_8));
            assertNoExecution(where + ": report page refusing the group");
            assertEquals(where + ": the group field holds the payload", batch.get(0).trim(), value("mandate-report-group"));

            // the issue: a tie of the payload domains on the authority panel
            SecurityHttp.delete(api + "/decisions/" + issueKey, "admin");
            open("/browse/" + issueKey);
            waitFor(By.id("mandate-authority-panel"));
            assertNoExecution(where + ": authority panel with the tie");
            // the domain set by hand: its name on both panels
            Reply put = SecurityHttp.putJson(api + "/decisions/" + issueKey, "admin",
                    "{\"status\":\"OPEN\",\"domain\":\"X_XSS_0\"}");
            assertEquals(put.toString(), 200, put.status());
            open("/browse/" + issueKey);
            String authority = waitFor(By.id("mandate-authority-panel")).getAttribute("textContent");
            assertTrue(where + ": the authority panel names the domain as text", authority.contains(batch.get(0).trim()));
            String decision = waitFor(By.cssSelector("#mandate-decision-panel .mandate-domain")).getAttribute("textContent");
            assertTrue(where + ": the decision panel names the domain as text", decision.contains(batch.get(0).trim()));
            assertNoExecution(where + ": issue view with the domain set by hand");
        }
    }

    /** Domain X_XSS_i gets the payload as name and description, its grant the payload as note. */
    private static void store(int i, String payload) {
        JsonNode domain = SecurityHttp.get(api + "/domains/X_XSS_" + i, "admin").json();
        ObjectNode body = SecurityHttp.JSON.createObjectNode();
        body.put("name", payload.length() > 255 ? payload.substring(0, 255) : payload);
        body.put("description", payload);
        body.set("scope", domain.get("scope"));
        body.put("version", domain.get("version").asInt());
        Reply r = SecurityHttp.putJson(api + "/domains/X_XSS_" + i, "admin", body.toString());
        assertEquals(payload + ": " + r, 200, r.status());
        long id = grantIds.get(i);
        JsonNode grant = SecurityHttp.get(api + "/grants/" + id, "admin").json();
        ObjectNode g = SecurityHttp.JSON.createObjectNode();
        g.putObject("holder").put("type", "user").put("name", "carol");
        g.put("level", "ADVISE");
        g.put("note", payload);
        g.put("version", grant.get("version").asInt());
        Reply gr = SecurityHttp.putJson(api + "/grants/" + id, "admin", g.toString());
        assertEquals(payload + ": " + gr, 200, gr.status());
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

    private static Reply post(String url, String json) {
        return SecurityHttp.send("POST", url, "admin", Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

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
