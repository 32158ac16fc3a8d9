package io.mandate.it;

import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * In Chromium: the authority panel beside the decision panel, and the approver picker offering first who may
 * approve in the decision's domain (marked "may approve"), before Jira's other suggestions. Own project
 * {@code PPANELB} and domain {@code P_BROWSE}, removed after the test. Screenshot: {@code authority-panel.png}.
 */
public class AuthorityPanelBrowserIT {

    private static final String PROJECT = "PPANELB";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private WebDriver driver;
    private String issueKey;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> driver = started);

    @BeforeClass
    public static void startHost() {
        RunningHost.get();
    }

    private static Reply post(String url, String json) {
        return SecurityHttp.send("POST", url, "admin", Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

    @Before
    public void setUp() {
        String jira = RunningHost.jira();
        String api = jira + "/rest/mandate/1.0";
        created(post(jira + "/rest/api/2/project", "{\"key\":\"" + PROJECT + "\",\"name\":\"Authority panel browser IT\",\"lead\":\"admin\"}"));
        Reply issue = post(jira + "/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"" + PROJECT
                + "\"},\"summary\":\"Adopt a schema registry\",\"issuetype\":{\"name\":\"Task\"}}}");
        created(issue);
        issueKey = issue.json().get("key").asText();
        created(post(api + "/domains", "{\"key\":\"P_BROWSE\",\"name\":\"Data architecture\",\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}"));
        created(post(api + "/domains/P_BROWSE/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"DELEGATE\",\"backup\":\"dave\"}"));
        created(post(api + "/domains/P_BROWSE/grants", "{\"holder\":{\"type\":\"group\",\"name\":\"leads\"},\"level\":\"ADVISE\"}"));
        created(post(api + "/domains/P_BROWSE/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"bob\"},\"level\":\"CONSULT\"}"));
        created(post(api + "/domains/P_BROWSE/grants", "{\"holder\":{\"type\":\"group\",\"name\":\"operations\"},\"level\":\"TELL\"}"));
    }

    @After
    public void cleanUp() {
        String jira = RunningHost.jira();
        String api = jira + "/rest/mandate/1.0";
        if (issueKey != null) {
            Reply d = SecurityHttp.delete(api + "/decisions/" + issueKey, "admin");
            assertTrue("clean-up of the decision: " + d, d.status() == 204 || d.status() == 404);
        }
        Reply other = SecurityHttp.delete(api + "/domains/P_BROWSE_HAND", "admin");
        assertTrue("clean-up of P_BROWSE_HAND: " + other, other.status() == 204 || other.status() == 404);
        Reply r = SecurityHttp.delete(api + "/domains/P_BROWSE", "admin");
        assertTrue("clean-up of P_BROWSE: " + r, r.status() == 204 || r.status() == 404);
        Reply p = SecurityHttp.delete(jira + "/rest/api/2/project/" + PROJECT, "admin");
        assertTrue("clean-up of the project: " + p, p.status() == 204 || p.status() == 404);
    }

    @Test
    public void theAuthorityPanelShowsTheMatrixAndTheApproverPickerOffersWhoMayApproveFirst() {
        logIn("admin");
        driver.get(RunningHost.jira() + "/browse/" + issueKey);
        WebElement panel = waitFor(By.id("mandate-authority-panel"));
        String text = panel.getAttribute("textContent");
        assertTrue(text, text.contains("Data architecture"));
        assertTrue(text, panel.findElement(By.className("mandate-authority-approvers")).getAttribute("textContent").contains("Carol Clark"));
        assertTrue(text, panel.findElement(By.className("mandate-authority-approvers")).getAttribute("textContent").contains("leads (group)"));
        assertTrue(text, panel.findElement(By.className("mandate-authority-consulted")).getAttribute("textContent").contains("Bob Brown"));
        assertTrue(text, panel.findElement(By.className("mandate-authority-told")).getAttribute("textContent").contains("operations (group)"));
        Browser.screenshot(driver, "authority-panel.png");

        waitFor(By.id("mandate-decision-edit")).click();
        waitUntil("the dialog is ready", d -> "false".equals(d.findElement(By.id("mandate-decision-form")).getAttribute("aria-busy")));
        WebElement input = driver.findElement(By.id("mandate-decision-approver"));
        input.sendKeys("a");
        waitFor(By.cssSelector("#mandate-decision-approver-options [role=option]"));
        waitUntil("Jira's suggestions are there too", d -> names(d).contains("admin"));
        List<String> names = names(driver);
        List<Boolean> marked = driver.findElements(By.cssSelector("#mandate-decision-approver-options [role=option]")).stream()
                .map(o -> o.getAttribute("class").contains("mandate-option-may-approve")).toList();
        // carol (direct DELEGATE), alice and erin (leads, ADVISE) match "a" and may approve; then Jira's other matches
        assertEquals(names.toString(), List.of("carol", "alice"), names.subList(0, 2));
        assertEquals(names + " " + marked, List.of(true, true), marked.subList(0, 2));
        int admin = names.indexOf("admin");
        assertEquals("Jira's own suggestion, not marked: " + names, false, marked.get(admin));
        assertTrue(names.toString(), admin >= 2);
        Browser.screenshot(driver, "approver-picker-may-approve.png");
    }

    /**
     * The dialog's domain list: a domain chosen by hand is saved and shown as "set by hand"; choosing "from the
     * scope rules" again derives it (the REST output says which).
     */
    @Test
    public void aDomainChosenByHandInTheDialogIsSavedAndChoosingTheRulesDerivesItAgain() {
        String api = RunningHost.jira() + "/rest/mandate/1.0";
        created(post(api + "/domains", "{\"key\":\"P_BROWSE_HAND\",\"name\":\"Vendor choices\",\"scope\":{\"projects\":[\"OPS\"],\"labels\":[\"p-browse-none\"]}}"));
        logIn("admin");
        driver.get(RunningHost.jira() + "/browse/" + issueKey);

        saveWithDomain("P_BROWSE_HAND");
        waitUntil("the panel shows the domain set by hand", d -> {
            String domain = d.findElement(By.cssSelector("#mandate-decision-panel .mandate-domain")).getAttribute("textContent");
            return domain.contains("Vendor choices") && domain.contains("set by hand");
        });
        Reply read = SecurityHttp.get(api + "/decisions/" + issueKey, "admin");
        assertEquals(read.toString(), "P_BROWSE_HAND", read.json().get("domain").asText());
        assertTrue(read.toString(), read.json().get("domainSetByHand").asBoolean());

        saveWithDomain("");
        waitUntil("the panel shows the derived domain", d -> {
            String domain = d.findElement(By.cssSelector("#mandate-decision-panel .mandate-domain")).getAttribute("textContent");
            return domain.contains("Data architecture") && !domain.contains("Vendor choices") && !domain.contains("set by hand");
        });
        read = SecurityHttp.get(api + "/decisions/" + issueKey, "admin");
        assertEquals(read.toString(), "P_BROWSE", read.json().get("domain").asText());
        assertEquals(read.toString(), false, read.json().get("domainSetByHand").asBoolean());
    }

    /** Opens the edit dialog, checks the list offers the domains, chooses one ("" = from the rules) and saves. */
    private void saveWithDomain(String key) {
        waitFor(By.id("mandate-decision-edit")).click();
        waitUntil("the dialog is ready", d -> "false".equals(d.findElement(By.id("mandate-decision-form")).getAttribute("aria-busy")));
        org.openqa.selenium.support.ui.Select domains = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("mandate-decision-domain")));
        List<String> offered = domains.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(offered.toString(), offered.contains("P_BROWSE") && offered.contains("P_BROWSE_HAND") && offered.contains(""));
        domains.selectByValue(key);
        driver.findElement(By.id("mandate-decision-save")).click();
        waitUntil("the dialog closes", d -> !d.findElement(By.id("mandate-decision-dialog")).isDisplayed());
    }

    private static List<String> names(WebDriver d) {
        return d.findElements(By.cssSelector("#mandate-decision-approver-options [role=option]")).stream()
                .map(o -> o.getAttribute("data-name")).toList();
    }

    private void logIn(String username) {
        driver.get(RunningHost.jira() + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(RunningHost.jira()).getRawPath() + "/", StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username")).sendKeys(username);
        driver.findElement(By.id("login-form-password")).sendKeys(username);
        driver.findElement(By.id("login-form-submit")).click();
        waitUntil("the login leads on", d -> !d.getCurrentUrl().contains("/login.jsp")
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
