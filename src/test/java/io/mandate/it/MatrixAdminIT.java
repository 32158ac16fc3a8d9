package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The authority matrix page (issue 7, item 7) in a real (headless) Chromium against the reference host running
 * the built jar: an administrator creates a domain and a grant through the dialogs and sees the grant in the grid
 * and in the issue's authority; a project administrator reaches the page from the project's settings and sees and
 * changes only their project's domains; paging with the keyboard; the CSV import's dry run before the import.
 * Every domain here starts with U_ and is removed after each test.
 */
public class MatrixAdminIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/mandate/1.0";

    private WebDriver driver;
    private final List<String> created = new ArrayList<>();

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> driver = started);

    @BeforeClass
    public static void startHost() {
        RunningHost.get();
    }

    @After
    public void removeDomains() {
        created.add("U_ARCH");
        for (String key : created) {
            Http.Reply reply = Http.send("DELETE", RunningHost.jira() + API + "/domains/" + key, "admin", null, null);
            assertTrue(key + ": " + reply.status() + " " + reply.body(), reply.status() == 204 || reply.status() == 404);
        }
    }

    @Test
    public void adminCreatesADomainAndAGrantInTheDialogsAndTheIssueShowsTheNewApprover() {
        removeDomain("U_ARCH");
        logIn("admin");
        driver.get(RunningHost.jira() + "/secure/admin");
        waitFor(By.id("mandate-matrix-link")).click();
        waitFor(By.id("mandate-matrix"));
        assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().endsWith("/jira/plugins/servlet/mandate/matrix"));
        assertEquals(7, driver.findElements(By.cssSelector("#mandate-matrix-legend .mandate-legend-item")).size());
        assertEquals("5 ADVISE", text("#mandate-matrix-legend .mandate-legend-item:nth-child(5) .mandate-level"));

        // the keyboard opens the dialog, the focus goes into it
        WebElement create = driver.findElement(By.id("mandate-domain-create"));
        js("arguments[0].focus();", create);
        create.sendKeys(Keys.ENTER);
        WebElement dialog = waitFor(By.id("mandate-domain-dialog"));
        waitUntil("the focus is on the key", d -> "mandate-domain-key".equals(active().getAttribute("id")));

        // a bad key and no name: the server's 400 names both fields, shown beside them
        active().sendKeys("u arch!");
        field("scope.projects").sendKeys("DEMO");
        field("scope.projects").sendKeys(Keys.ENTER);
        waitUntil("the key's problem is shown", d -> !text("#mandate-domain-key-error").isEmpty());
        assertFalse(text("#mandate-domain-name-error").isEmpty());
        assertEquals("true", field("key").getAttribute("aria-invalid"));
        assertEquals("mandate-domain-key", active().getAttribute("id"));

        field("key").clear();
        field("key").sendKeys("U_ARCH");
        field("name").sendKeys("Architecture (admin page test)");
        field("description").sendKeys("Choices that are expensive to reverse");
        field("scope.issueTypes").sendKeys("Story");
        field("scope.components").sendKeys("Backend");
        field("scope.labels").sendKeys("performance");
        Browser.screenshot(driver, "matrix-domain-dialog.png");
        field("scope.labels").sendKeys(Keys.ENTER);

        // the page comes back filtered to the new domain
        waitUntil("the page shows the new domain", d -> d.getCurrentUrl().contains("q=U_ARCH")
                && !d.findElements(By.cssSelector("tr[data-domain-key='U_ARCH']")).isEmpty());
        WebElement row = waitFor(By.cssSelector("tr[data-domain-key='U_ARCH']"));
        assertTrue(row.getText(), row.getText().contains("Architecture (admin page test)"));
        assertEquals("DEMO", row.getAttribute("data-projects"));

        WebElement add = row.findElement(By.className("mandate-grant-add"));
        js("arguments[0].focus();", add);
        add.sendKeys(Keys.ENTER);
        waitFor(By.id("mandate-grant-dialog"));
        waitUntil("the focus is on the holder", d -> "mandate-grant-holder".equals(active().getAttribute("id")));
        active().sendKeys("alice");
        new Select(driver.findElement(By.id("mandate-grant-level"))).selectByValue("5");
        driver.findElement(By.id("mandate-grant-backup")).sendKeys("bob");
        driver.findElement(By.id("mandate-grant-note")).sendKeys("Owns the architecture decisions of DEMO");
        Browser.screenshot(driver, "matrix-grant-dialog.png");
        driver.findElement(By.id("mandate-grant-save")).click();

        waitUntil("the grid shows alice's grant", d -> !d.findElements(
                By.cssSelector("tr[data-domain-key='U_ARCH'] .mandate-grant-edit[data-holder-name='alice']")).isEmpty());
        WebElement cell = waitFor(By.cssSelector("tr[data-domain-key='U_ARCH'] .mandate-grant-edit[data-holder-name='alice']"));
        assertEquals("5 ADVISE", cell.getText().trim());
        assertTrue(cell.getAttribute("class"), cell.getAttribute("class").contains("mandate-level-5"));
        assertEquals("bob", cell.getAttribute("data-backup"));
        List<String> holders = driver.findElements(By.cssSelector("#mandate-matrix-grid thead th.mandate-matrix-holder")).stream()
                .map(h -> h.getAttribute("data-holder-name")).toList();
        assertEquals(List.of("alice"), holders);
        waitUntil("a flag confirms the change", d -> d.findElements(By.cssSelector(".aui-flag")).stream()
                .anyMatch(f -> f.isDisplayed() && f.getText().contains("Saved: U_ARCH: alice ADVISE")));

        // the issue that the domain matches (DEMO-14: Story, Backend, performance) now has alice as its approver
        Http.Reply authority = Http.get(RunningHost.jira() + API + "/authority/DEMO-14", "admin");
        assertEquals(authority.body(), 200, authority.status());
        JsonNode domains = json(authority.body()).get("domains");
        assertEquals(authority.body(), 1, domains.size());
        assertEquals("U_ARCH", domains.get(0).get("key").asText());
        JsonNode approver = domains.get(0).get("approvers").get(0);
        assertEquals(authority.body(), "alice", approver.get("holder").get("name").asText());
        assertEquals(5, approver.get("level").asInt());

        // ... and the issue view says so in the authority panel
        String matrixPage = driver.getCurrentUrl();
        driver.get(RunningHost.jira() + "/browse/DEMO-14");
        WebElement panel = waitFor(By.id("mandate-authority-panel"));
        assertEquals("U_ARCH", panel.findElement(By.className("mandate-authority-domain-key")).getText().replaceAll("[()]", ""));
        assertEquals("Architecture (admin page test)", panel.findElement(By.className("mandate-authority-domain-name")).getText());
        WebElement approvers = panel.findElement(By.className("mandate-authority-approvers"));
        List<String> panelHolders = approvers.findElements(By.className("mandate-authority-holder")).stream().map(WebElement::getText).toList();
        assertEquals(approvers.getText(), List.of("Alice Adams"), panelHolders);
        assertEquals("ADVISE", approvers.findElement(By.className("mandate-level")).getText());
        assertTrue(approvers.getText(), approvers.findElement(By.className("mandate-authority-backup")).getText().contains("Bob Brown"));
        driver.get(matrixPage);
        waitFor(By.cssSelector("tr[data-domain-key='U_ARCH']"));

        // more holders for the picture: a group, a later level, a grant whose window has passed
        addGrant("U_ARCH", "group", "developers", 3);
        addGrant("U_ARCH", "user", "carol", 6);
        Http.Reply expired = Http.send("POST", RunningHost.jira() + API + "/domains/U_ARCH/grants", "admin", "application/json",
                "{\"holder\":{\"type\":\"user\",\"name\":\"bob\"},\"level\":\"AGREE\",\"validTo\":\"2026-01-31\"}");
        assertEquals(expired.body(), 201, expired.status());
        driver.navigate().refresh();
        cell = waitFor(By.cssSelector("tr[data-domain-key='U_ARCH'] .mandate-grant-edit[data-holder-name='alice']"));
        assertEquals("4 AGREE expired", text("tr[data-domain-key='U_ARCH'] .mandate-grant-edit[data-holder-name='bob']"));
        Browser.screenshot(driver, "matrix-grid.png");

        // editing the grant: the dialog opens filled in, the change is saved with the grant's version
        cell.click();
        waitFor(By.id("mandate-grant-dialog"));
        assertEquals("alice", driver.findElement(By.id("mandate-grant-holder")).getAttribute("value"));
        new Select(driver.findElement(By.id("mandate-grant-level"))).selectByValue("7");
        driver.findElement(By.id("mandate-grant-note")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        driver.findElement(By.id("mandate-grant-save")).click();
        waitUntil("the grid shows the new level", d -> d.findElements(
                By.cssSelector("tr[data-domain-key='U_ARCH'] .mandate-level-7[data-holder-name='alice']")).size() == 1);
    }

    @Test
    public void aProjectAdministratorReachesTheirDomainsFromProjectSettingsAndCannotChangeAnotherProjects() {
        createDomain("U_DEMO", "DEMO");
        createDomain("U_OPS", "OPS");
        createDomain("U_BOTH", "DEMO\",\"OPS");
        addGrant("U_DEMO", "user", "grace", 3);
        addGrant("U_BOTH", "user", "erin", 5);
        addGrant("U_OPS", "group", "operations", 6);

        logIn("alice");
        driver.get(RunningHost.jira() + "/plugins/servlet/project-config/DEMO/summary");
        waitFor(By.id("mandate-matrix-project-link")).click();
        waitFor(By.id("mandate-matrix"));
        assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().contains("project=DEMO"));
        assertEquals("DEMO", driver.findElement(By.id("mandate-filter-project")).getAttribute("value"));
        assertTrue(driver.findElements(By.id("mandate-matrix-export")).isEmpty());

        driver.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix?q=U_");
        waitFor(By.id("mandate-matrix"));
        assertEquals(List.of("U_BOTH", "U_DEMO"), rowKeys());
        // a domain that also names OPS is shown, read only
        WebElement both = driver.findElement(By.cssSelector("tr[data-domain-key='U_BOTH']"));
        assertEquals("Read only", both.findElement(By.className("mandate-readonly")).getAttribute("textContent").trim());
        assertTrue(both.findElements(By.tagName("button")).isEmpty());
        assertEquals("5 ADVISE", both.findElement(By.cssSelector(".mandate-level")).getText().trim());
        WebElement row = driver.findElement(By.cssSelector("tr[data-domain-key='U_DEMO']"));
        assertEquals("3 CONSULT", row.findElement(By.className("mandate-grant-edit")).getText().trim());
        assertEquals(1, row.findElements(By.className("mandate-grant-add")).size());
        Browser.screenshot(driver, "matrix-project-admin.png");

        // the OPS domain is out of her reach in the REST API too, which is what the dialogs call
        Http.Reply put = Http.putJson(RunningHost.jira() + API + "/domains/U_OPS", "alice",
                "{\"name\":\"Taken over\",\"scope\":{\"projects\":[\"DEMO\"]},\"version\":1}");
        assertEquals(put.body(), 403, put.status());
        Http.Reply grant = Http.send("POST", RunningHost.jira() + API + "/domains/U_OPS/grants", "alice", "application/json",
                "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":7}");
        assertEquals(grant.body(), 403, grant.status());

        // erin administers OPS: she sees U_OPS, not U_DEMO
        assertEquals(200, Http.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix?q=U_", "erin").status());
        String erinsPage = Http.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix?q=U_", "erin").body();
        assertTrue(erinsPage.contains("data-domain-key=\"U_OPS\""));
        assertTrue(erinsPage.contains("data-domain-key=\"U_BOTH\""));
        assertFalse(erinsPage.contains("data-domain-key=\"U_DEMO\""));
        // bob administers no project; anonymous visitors are sent to log in
        assertEquals(403, Http.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix", "bob").status());
        Http.Reply anonymous = Http.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix", null);
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.headers().firstValue("Location").orElse(""), anonymous.headers().firstValue("Location").orElse("").contains("login"));
        // bob may not open DEMO's settings either
        assertEquals(403, Http.get(RunningHost.jira() + "/plugins/servlet/project-config/DEMO/summary", "bob").status());
    }

    @Test
    public void pagesOfTwentyFiveDomainsAreWalkedWithTheKeyboard() {
        for (int i = 0; i < 27; i++) {
            createDomain(String.format("U_PAGE%02d", i), "OPS");
        }
        logIn("admin");
        driver.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix?q=U_PAGE");
        waitFor(By.id("mandate-matrix"));
        assertEquals(25, rowKeys().size());
        assertEquals("Domains 1 to 25 of 27", text("#mandate-matrix-range"));
        WebElement next = driver.findElement(By.id("mandate-matrix-next"));
        js("arguments[0].focus();", next);
        next.sendKeys(Keys.ENTER);
        waitUntil("the second page", d -> d.getCurrentUrl().contains("startAt=25"));
        waitFor(By.id("mandate-matrix"));
        assertEquals(List.of("U_PAGE25", "U_PAGE26"), rowKeys());
        assertEquals("Domains 26 to 27 of 27", text("#mandate-matrix-range"));
        assertTrue(driver.findElements(By.id("mandate-matrix-next")).isEmpty());
        assertEquals(1, driver.findElements(By.id("mandate-matrix-previous")).size());
    }

    @Test
    public void theCsvImportShowsTheBadLinesOfTheDryRunAndImportsOnlyAfterACleanOne() throws IOException {
        createDomain("U_CSV", "DEMO");
        Path bad = Files.createTempFile("matrix-bad", ".csv");
        Path good = Files.createTempFile("matrix-good", ".csv");
        String header = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\n";
        Files.writeString(bad, header + "U_CSV,user,bob,ADVISE,,,,,\nU_CSV,user,carol,9,,,,,\n", StandardCharsets.UTF_8);
        Files.writeString(good, header + "U_CSV,user,bob,ADVISE,,,,,\nU_CSV,group,developers,CONSULT,,,,,\n", StandardCharsets.UTF_8);
        try {
            logIn("admin");
            driver.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix?q=U_CSV");
            waitFor(By.id("mandate-matrix-import")).click();
            waitFor(By.id("mandate-import-dialog"));
            driver.findElement(By.id("mandate-import-file")).sendKeys(bad.toString());
            driver.findElement(By.id("mandate-import-check")).click();
            WebElement errors = waitFor(By.id("mandate-import-errors"));
            List<WebElement> lines = errors.findElements(By.cssSelector("tbody tr"));
            assertEquals(1, lines.size());
            assertEquals("3", lines.get(0).findElements(By.tagName("td")).get(0).getText());
            assertEquals("level", lines.get(0).findElements(By.tagName("td")).get(1).getText());
            assertEquals("true", driver.findElement(By.id("mandate-import-commit")).getAttribute("aria-disabled"));
            Browser.screenshot(driver, "matrix-import-errors.png");

            driver.findElement(By.id("mandate-import-file")).sendKeys(good.toString());
            driver.findElement(By.id("mandate-import-check")).click();
            waitUntil("the dry run's summary", d -> text("#mandate-import-result").contains("2 added"));
            assertFalse(driver.findElement(By.id("mandate-import-errors")).isDisplayed());
            assertEquals(0, grantCount("U_CSV"));
            Browser.screenshot(driver, "matrix-import-preview.png");
            WebElement commit = driver.findElement(By.id("mandate-import-commit"));
            assertEquals("false", commit.getAttribute("aria-disabled"));
            commit.click();
            waitUntil("the grid shows the imported grants", d -> d.findElements(
                    By.cssSelector("tr[data-domain-key='U_CSV'] .mandate-grant-edit")).size() == 2);
            assertEquals(2, grantCount("U_CSV"));
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private WebElement field(String name) {
        return driver.findElement(By.id("mandate-domain-" + name));
    }

    private List<String> rowKeys() {
        return driver.findElements(By.cssSelector("#mandate-matrix-grid tbody tr.mandate-matrix-row")).stream()
                .map(r -> r.getAttribute("data-domain-key")).toList();
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void logIn(String username) {
        driver.get(RunningHost.jira() + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(RunningHost.jira()).getRawPath() + "/", StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username")).sendKeys(username);
        driver.findElement(By.id("login-form-password")).sendKeys(username);
        driver.findElement(By.id("login-form-submit")).click();
        waitUntil("the login leads on", d -> !d.getCurrentUrl().contains("/login.jsp")
                && "complete".equals(js("return document.readyState;")));
        assertEquals(username, waitFor(By.id("header-details-user-fullname")).getAttribute("data-username"));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private String text(String css) {
        return waitFor(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    // --- REST set-up ---------------------------------------------------------------------------

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private void createDomain(String key, String project) {
        removeDomain(key);
        created.add(key);
        Http.Reply reply = Http.send("POST", RunningHost.jira() + API + "/domains", "admin", "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Domain " + key + "\",\"scope\":{\"projects\":[\"" + project + "\"]}}");
        assertEquals(reply.body(), 201, reply.status());
    }

    private static void addGrant(String domain, String type, String holder, int level) {
        Http.Reply reply = Http.send("POST", RunningHost.jira() + API + "/domains/" + domain + "/grants", "admin", "application/json",
                "{\"holder\":{\"type\":\"" + type + "\",\"name\":\"" + holder + "\"},\"level\":" + level + "}");
        assertEquals(reply.body(), 201, reply.status());
    }

    private static int grantCount(String domain) {
        Http.Reply reply = Http.get(RunningHost.jira() + API + "/domains/" + domain + "/grants", "admin");
        assertEquals(reply.body(), 200, reply.status());
        return json(reply.body()).get("total").asInt();
    }

    private static void removeDomain(String key) {
        Http.Reply reply = Http.send("DELETE", RunningHost.jira() + API + "/domains/" + key, "admin", null, null);
        assertTrue(reply.status() + " " + reply.body(), reply.status() == 204 || reply.status() == 404);
    }
}
