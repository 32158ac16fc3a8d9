package io.mandate.it;

import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import io.mandate.testing.RunningHost;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The plugin as a person sees it: a real (headless) Chromium against the reference host running
 * the built jar. The host is shared by every integration test in the JVM, so each test that
 * changes data uses its own issue. Every test gets a fresh browser (no cookies carried over);
 * a failing test leaves {@code failed-<test>.png} next to the other screenshots.
 */
public class BrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> driver = started);

    @BeforeClass
    public static void startHost() {
        RunningHost.get();
    }

    @Test
    public void adminLogsInThroughTheFormAndSeesTheEmptyDecisionPanelOnTheIssue() {
        driver.get(RunningHost.jira() + "/browse/DEMO-1");
        waitFor(By.id("login-form-username"));
        assertEquals("the login form brings the user back to the issue",
                path("/browse/DEMO-1"), driver.findElement(By.name("os_destination")).getAttribute("value"));

        submitLogin("admin", "admin");

        waitFor(By.cssSelector("#viewissuesidebar #decision-panel-module #mandate-decision-panel"));
        assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().endsWith("/jira/browse/DEMO-1"));
        assertEquals("admin", loggedInUser());
        assertEquals("No decision is recorded on this issue yet.",
                text(By.cssSelector("#mandate-decision-panel .mandate-empty")));
        Browser.screenshot(driver, "issue-view-empty.png");
    }

    @Test
    public void decisionRecordedThroughRestIsShownWithPeoplesDisplayNames() {
        RunningHost.Http.Reply put = RunningHost.Http.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/DEMO-2", "alice",
                "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"contributors\":[\"dave\"],\"dueDate\":\"2026-12-01\"}");
        assertTrue("PUT answered " + put.status() + ": " + put.body(), put.status() == 200 || put.status() == 201);

        logIn("alice", "alice");
        driver.get(RunningHost.jira() + "/browse/DEMO-2");
        waitFor(By.cssSelector("#mandate-decision-panel .mandate-status"));

        assertEquals("In progress", text(By.cssSelector("#mandate-decision-panel .mandate-status")));
        assertEquals("Carol Clark", text(By.cssSelector("#mandate-decision-panel .mandate-approver")));
        assertEquals("Alice Adams", text(By.cssSelector("#mandate-decision-panel .mandate-driver")));
        assertTrue(driver.findElements(By.cssSelector("#mandate-decision-panel .mandate-empty")).isEmpty());
        Browser.screenshot(driver, "issue-view-decision.png");
    }

    @Test
    public void issueSummaryWithMarkupIsShownAsLiteralText() {
        logIn("bob", "bob");
        driver.get(RunningHost.jira() + "/browse/DEMO-13");
        WebElement summary = waitFor(By.id("summary-val"));

        assertEquals("Render <b>bold</b> & \"quotes\" safely", summary.getText());
        assertTrue("the summary's markup must not become elements",
                summary.findElements(By.tagName("b")).isEmpty());
        assertTrue("the summary's markup must not become elements",
                summary.findElements(By.xpath("./*")).isEmpty());
    }

    @Test
    public void adminReachesTheMandateAdminPageFromTheAdministrationMenu() {
        logIn("admin", "admin");
        driver.get(RunningHost.jira() + "/secure/admin");

        waitFor(By.id("mandate-admin-link")).click();

        waitFor(By.id("mandate-admin"));
        assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().endsWith("/jira/plugins/servlet/mandate/admin"));
        String count = text(By.id("mandate-decision-count"));
        assertTrue("decision count: '" + count + "'", count.matches("\\d+"));
        Browser.screenshot(driver, "admin-page.png");
    }

    @Test
    public void wrongPasswordShowsTheLoginErrorAndStaysLoggedOut() {
        driver.get(RunningHost.jira() + "/login.jsp");
        waitFor(By.id("login-form-username"));

        submitLogin("admin", "not-the-password");

        WebElement error = waitFor(By.id("login-error"));
        assertTrue(error.getText(), error.getText().contains("username and password are incorrect"));
        assertTrue("no user in the header", driver.findElements(By.id("header-details-user-fullname")).isEmpty());
        assertTrue("the header offers to log in", driver.findElement(By.id("login-link")).isDisplayed());

        driver.get(RunningHost.jira() + "/browse/DEMO-1");
        waitFor(By.id("login-form-username"));
        assertTrue("an issue still asks for a login: " + driver.getCurrentUrl(),
                driver.getCurrentUrl().contains("/jira/login.jsp"));
    }

    // --- helpers ---------------------------------------------------------------------------

    private void logIn(String username, String password) {
        driver.get(RunningHost.jira() + "/login.jsp?os_destination="
                + URLEncoder.encode(path("/"), StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username"));
        submitLogin(username, password);
        waitFor(By.id("header-details-user-fullname"));
        assertEquals(username, loggedInUser());
    }

    private void submitLogin(String username, String password) {
        WebElement user = driver.findElement(By.id("login-form-username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("login-form-password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.id("login-form-submit")).click();
        // Wait for the page the form leads to: the next page, or the form again with its error.
        // (Not stalenessOf(submit): Chromium may answer for the replaced node with an "unknown error"
        // rather than a stale-element error while the document is being swapped.)
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                .withMessage("the login form leads on")
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState;"))
                        && (!d.getCurrentUrl().contains("/login.jsp") || !d.findElements(By.id("login-error")).isEmpty()));
    }

    private String loggedInUser() {
        return waitFor(By.id("header-details-user-fullname")).getAttribute("data-username");
    }

    private WebElement waitFor(By locator) {
        // a page being replaced can answer with an "unknown error" for a node it just dropped: look again
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The element's text as written in the page, independent of CSS text-transform (lozenges are upper case). */
    private String text(By locator) {
        return waitFor(locator).getAttribute("textContent").trim();
    }

    /** A path inside Jira's context, as the browser's address bar shows it. */
    private static String path(String inJira) {
        return java.net.URI.create(RunningHost.jira()).getRawPath() + inJira;
    }
}
