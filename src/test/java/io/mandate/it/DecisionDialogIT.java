package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
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
import java.time.Duration;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * The decision panel's edit and history dialogs as people use them, in a real (headless)
 * Chromium against the reference host running the built jar. Each test first puts its issue
 * (DEMO-19, DEMO-20, OPS-10: used by no other test but BackupIT, which removes its decisions again) into the state it needs through REST, so the
 * tests do not depend on their order. Keys are typed as a keyboard user would.
 */
public class DecisionDialogIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> driver = started);

    @BeforeClass
    public static void startHost() {
        RunningHost.get();
    }

    @Test
    public void aliceRecordsADecisionWithThePickersAndThePanelChangesWithoutAReload() {
        removeDecision("DEMO-19");
        logIn("alice");
        driver.get(RunningHost.jira() + "/browse/DEMO-19");
        WebElement record = waitFor(By.id("mandate-decision-edit"));
        assertEquals("Record decision", record.getText());
        js("window.mandateSamePage = true;");

        record.click();
        WebElement dialog = waitForDialogReady();
        assertEquals("Record decision", dialog.findElement(By.id("mandate-decision-dialog-title")).getText());
        waitUntil("the focus moves into the dialog", d -> isInside(active(), dialog));

        new Select(driver.findElement(By.id("mandate-decision-status"))).selectByValue("IN_PROGRESS");
        pick("driver", "ali", "alice");
        pick("approver", "car", "carol");
        pick("contributors", "da", "dave");
        pick("contributors", "er", "erin");
        pick("informed", "dev", "developers");
        assertEquals(List.of("Alice Adams"), tokens("driver"));
        assertEquals(List.of("Carol Clark"), tokens("approver"));
        assertEquals(List.of("Dave Davis", "Erin Evans"), tokens("contributors"));
        assertEquals(List.of("developers (Group)"), tokens("informed"));

        WebElement due = driver.findElement(By.id("mandate-decision-dueDate"));
        due.sendKeys("12012026");
        assertEquals("2026-12-01", due.getAttribute("value"));
        driver.findElement(By.id("mandate-decision-outcome")).sendKeys("Tour in five steps; <b>billing</b> last.");

        // the photo shows the dialog with the informed picker's suggestions open
        WebElement informed = driver.findElement(By.id("mandate-decision-informed"));
        informed.sendKeys("gr");
        waitFor(option("informed", "grace"));
        Browser.screenshot(driver, "decision-dialog.png");
        informed.sendKeys(Keys.ENTER);
        waitUntil("grace is chosen", d -> tokens("informed").contains("Grace Green"));

        // Enter in a field (with no suggestions open) saves
        due.sendKeys(Keys.ENTER);
        waitUntil("the dialog closes", d -> !dialog.isDisplayed());
        waitUntil("the panel shows the new decision",
                d -> d.findElements(By.cssSelector("#mandate-decision-panel .mandate-status")).size() == 1);

        assertEquals("In progress", text("#mandate-decision-panel .mandate-status"));
        assertEquals("Alice Adams", text("#mandate-decision-panel .mandate-driver"));
        assertEquals("Carol Clark", text("#mandate-decision-panel .mandate-approver"));
        assertEquals("Dave Davis, Erin Evans", text("#mandate-decision-panel .mandate-contributors"));
        assertEquals("developers, Grace Green", text("#mandate-decision-panel .mandate-informed"));
        assertEquals("Tour in five steps; <b>billing</b> last.", text("#mandate-decision-panel .mandate-outcome"));
        assertTrue("the outcome's markup stays text",
                driver.findElements(By.cssSelector("#mandate-decision-panel .mandate-outcome b")).isEmpty());
        assertEquals("Edit decision", waitFor(By.id("mandate-decision-edit")).getText());
        assertEquals("the page was not reloaded", Boolean.TRUE, js("return window.mandateSamePage === true;"));
        waitUntil("the focus is back on the edit button",
                d -> "mandate-decision-edit".equals(active().getAttribute("id")));
        waitUntil("a flag confirms the save", d -> d.findElements(By.cssSelector(".aui-flag")).stream()
                .anyMatch(f -> f.isDisplayed() && f.getText().contains("Decision saved.")));
        Browser.screenshot(driver, "issue-view-after-edit.png");

        JsonNode saved = decision("DEMO-19");
        assertEquals("IN_PROGRESS", saved.get("status").asText());
        assertEquals("carol", saved.get("approver").get("name").asText());
        assertEquals("2026-12-01", saved.get("dueDate").asText());
        assertEquals("grace", saved.get("informed").get(1).get("name").asText());
    }

    @Test
    public void decidedWithoutOutcomeShowsTheErrorNextToTheOutcomeAndSavesNothing() {
        int version = setDecision("DEMO-20", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\"}");
        logIn("alice");
        driver.get(RunningHost.jira() + "/browse/DEMO-20");
        waitFor(By.id("mandate-decision-edit")).click();
        WebElement dialog = waitForDialogReady();
        assertEquals("Edit decision", dialog.findElement(By.id("mandate-decision-dialog-title")).getText());
        assertEquals(List.of("Carol Clark"), tokens("approver"));

        new Select(driver.findElement(By.id("mandate-decision-status"))).selectByValue("DECIDED");
        driver.findElement(By.id("mandate-decision-save")).click();

        WebElement error = waitFor(By.id("mandate-decision-outcome-error"));
        assertEquals("Required when the decision is DECIDED.", error.getText());
        WebElement outcome = driver.findElement(By.id("mandate-decision-outcome"));
        assertEquals("true", outcome.getAttribute("aria-invalid"));
        assertTrue("the error is tied to the field",
                outcome.getAttribute("aria-describedby").contains("mandate-decision-outcome-error"));
        WebElement alert = waitFor(By.cssSelector("#mandate-decision-dialog-message .aui-message-error[role=alert]"));
        assertTrue(alert.getText(), alert.getText().startsWith("Nothing was saved."));
        waitUntil("the focus moves to the field in error", d -> "mandate-decision-outcome".equals(active().getAttribute("id")));
        assertTrue("the dialog stays open", dialog.isDisplayed());

        JsonNode stored = decision("DEMO-20");
        assertEquals("nothing was saved", version, stored.get("version").asInt());
        assertEquals("IN_PROGRESS", stored.get("status").asText());

        // Escape closes the dialog; the panel is unchanged
        active().sendKeys(Keys.ESCAPE);
        waitUntil("Escape closes the dialog", d -> !dialog.isDisplayed());
        waitUntil("the focus returns to the edit button", d -> "mandate-decision-edit".equals(active().getAttribute("id")));
        assertEquals("In progress", text("#mandate-decision-panel .mandate-status"));
    }

    @Test
    public void aStaleEditShowsTheConflictAndReloadBringsTheCurrentDecision() {
        setDecision("DEMO-20", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\",\"dueDate\":\"2026-11-01\"}");
        logIn("alice");
        driver.get(RunningHost.jira() + "/browse/DEMO-20");
        waitFor(By.id("mandate-decision-edit")).click();
        waitForDialogReady();
        WebElement due = driver.findElement(By.id("mandate-decision-dueDate"));
        assertEquals("2026-11-01", due.getAttribute("value"));

        // meanwhile carol changes the decision through REST
        int carols = setDecision("DEMO-20", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"dueDate\":\"2026-11-15\",\"outcome\":\"Carol was here\"}", "carol");

        pick("contributors", "gr", "grace");
        driver.findElement(By.id("mandate-decision-save")).click();
        WebElement conflict = waitFor(By.cssSelector("#mandate-decision-dialog-message .aui-message-warning[role=alert]"));
        assertTrue(conflict.getText(), conflict.getText().contains("changed by someone else"));
        WebElement reload = driver.findElement(By.id("mandate-decision-reload"));
        waitUntil("the focus is on Reload", d -> "mandate-decision-reload".equals(active().getAttribute("id")));
        assertEquals("carol's change is kept", carols, decision("DEMO-20").get("version").asInt());
        assertTrue(decision("DEMO-20").get("contributors").isEmpty());

        reload.sendKeys(Keys.ENTER);
        waitUntil("the form shows carol's change", d -> "2026-11-15".equals(due.getAttribute("value")));
        waitForDialogReady();
        assertEquals("Carol was here", driver.findElement(By.id("mandate-decision-outcome")).getAttribute("value"));
        assertTrue("the conflict message is gone",
                driver.findElements(By.cssSelector("#mandate-decision-dialog-message .aui-message")).isEmpty());
        waitUntil("the panel shows carol's change too",
                d -> "2026-11-15".equals(d.findElement(By.cssSelector("#mandate-decision-panel .mandate-due")).getText()));

        pick("contributors", "gr", "grace");
        driver.findElement(By.id("mandate-decision-save")).click();
        waitUntil("the panel shows the contributor",
                d -> "Grace Green".equals(d.findElement(By.cssSelector("#mandate-decision-panel .mandate-contributors"))
                        .getAttribute("textContent").trim()));
        assertEquals(carols + 1, decision("DEMO-20").get("version").asInt());
    }

    @Test
    public void aBrowseOnlyUserSeesTheHistoryButNoEditButton() {
        setDecision("DEMO-20", "{\"status\":\"OPEN\"}");
        logIn("bob");
        driver.get(RunningHost.jira() + "/browse/DEMO-20");
        waitFor(By.id("mandate-decision-history"));
        assertTrue("bob may not edit DEMO", driver.findElements(By.id("mandate-decision-edit")).isEmpty());
        assertTrue("nor gets the edit dialog", driver.findElements(By.id("mandate-decision-dialog")).isEmpty());
        assertEquals("Open", text("#mandate-decision-panel .mandate-status"));
    }

    @Test
    public void theHistoryDialogListsEveryChangeNewestFirstAsText() {
        setDecision("OPS-10", "{\"status\":\"OPEN\"}");
        setDecision("OPS-10", "{\"status\":\"IN_PROGRESS\",\"driver\":\"erin\",\"approver\":\"bob\","
                + "\"outcome\":\"<img src=x onerror=alert(1)> first draft\"}", "erin");
        // frank browses OPS but may not edit it: he reads the history all the same
        logIn("frank");
        driver.get(RunningHost.jira() + "/browse/OPS-10");
        assertTrue(driver.findElements(By.id("mandate-decision-edit")).isEmpty());
        waitFor(By.id("mandate-decision-history")).click();

        WebElement dialog = waitFor(By.id("mandate-history-dialog"));
        waitUntil("the history is loaded", d -> "false".equals(dialog.getAttribute("aria-busy")));
        assertEquals("Decision history", dialog.findElement(By.id("mandate-history-dialog-title")).getText());
        List<WebElement> rows = dialog.findElements(By.cssSelector("#mandate-history-table tbody tr"));
        List<JsonNode> entries = history("OPS-10");
        assertEquals("one row per audit entry", entries.size(), rows.size());
        assertTrue("at least the four changes of erin and the first status: " + entries.size(), entries.size() >= 5);

        // newest first: the top rows are erin's change
        assertEquals("erin", entries.get(0).get("author").get("name").asText());
        assertEquals("Erin Evans", cells(rows.get(0)).get(1));
        assertEquals("the oldest is last", "Alice Adams", cells(rows.get(rows.size() - 1)).get(1));
        WebElement outcomeRow = rows.stream().filter(r -> cells(r).get(2).equals("Outcome")).findFirst().orElseThrow();
        assertEquals("<img src=x onerror=alert(1)> first draft", cells(outcomeRow).get(4));
        assertTrue("values are text, never markup", dialog.findElements(By.cssSelector("tbody img")).isEmpty());
        WebElement statusRow = rows.stream().filter(r -> cells(r).get(2).equals("Status")).findFirst().orElseThrow();
        assertEquals(List.of("Open", "In progress"), cells(statusRow).subList(3, 5));
        WebElement approverRow = rows.stream().filter(r -> cells(r).get(2).equals("Approver")).findFirst().orElseThrow();
        assertEquals("people by their display name", "Bob Brown", cells(approverRow).get(4));
        Browser.screenshot(driver, "decision-history.png");

        driver.findElement(By.id("mandate-history-close")).click();
        waitUntil("the history closes", d -> !dialog.isDisplayed());
        waitUntil("the focus returns to History", d -> "mandate-decision-history".equals(active().getAttribute("id")));
    }

    @Test
    public void aReviewDateSetInTheDialogShowsOnThePanelAndInTheHistory() {
        // an issue of its own, in a project of its own, removed afterwards
        String project = "RDLG";
        while (RunningHost.get().jira().world().isProjectKeyInUse(project)) {
            project = project + "R";
        }
        Http.Reply created = Http.send("POST", RunningHost.jira() + "/rest/api/2/project", "admin", "application/json",
                "{\"key\":\"" + project + "\",\"name\":\"Review date dialog\",\"lead\":\"alice\"}");
        assertEquals(created.body(), 201, created.status());
        String issue = null;
        try {
            Http.Reply made = Http.send("POST", RunningHost.jira() + "/rest/api/2/issue", "admin", "application/json",
                    "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"Keep the broker\","
                            + "\"issuetype\":{\"name\":\"Task\"}}}");
            assertEquals(made.body(), 201, made.status());
            issue = json(made.body()).get("key").asText();
            setDecision(issue, "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\",\"outcome\":\"Keep Kafka\"}");

            logIn("alice");
            driver.get(RunningHost.jira() + "/browse/" + issue);
            assertEquals("no review date yet", "None", text("#mandate-decision-panel .mandate-review"));
            waitFor(By.id("mandate-decision-edit")).click();
            WebElement dialog = waitForDialogReady();
            WebElement review = driver.findElement(By.id("mandate-decision-reviewDate"));
            assertEquals("", review.getAttribute("value"));
            assertTrue("the field's error slot is tied to it",
                    review.getAttribute("aria-describedby").contains("mandate-decision-reviewDate-error"));
            review.sendKeys("01022020");
            assertEquals("2020-01-02", review.getAttribute("value"));
            driver.findElement(By.id("mandate-decision-save")).click();
            waitUntil("the dialog closes", d -> !dialog.isDisplayed());
            waitUntil("the panel shows the review date", d -> d.findElements(
                    By.cssSelector("#mandate-decision-panel .mandate-review-date")).size() == 1);

            assertEquals("2020-01-02", text("#mandate-decision-panel .mandate-review-date"));
            assertEquals("decided and the review date has passed", "Due for review",
                    text("#mandate-decision-panel .mandate-due-for-review-lozenge"));
            JsonNode saved = decision(issue);
            assertEquals("2020-01-02", saved.get("reviewDate").asText());
            assertTrue(saved.get("checks").get("dueForReview").asBoolean());

            // the dialog opens with the stored review date, and the history names the change
            waitFor(By.id("mandate-decision-history")).click();
            WebElement history = waitFor(By.id("mandate-history-dialog"));
            waitUntil("the history is loaded", d -> "false".equals(history.getAttribute("aria-busy")));
            WebElement row = history.findElements(By.cssSelector("#mandate-history-table tbody tr")).stream()
                    .filter(r -> cells(r).get(2).equals("Review")).findFirst().orElseThrow();
            assertEquals(List.of("None", "2020-01-02"), cells(row).subList(3, 5));
            driver.findElement(By.id("mandate-history-close")).click();
            waitUntil("the history closes", d -> !history.isDisplayed());
            waitFor(By.id("mandate-decision-edit")).click();
            waitForDialogReady();
            assertEquals("2020-01-02", driver.findElement(By.id("mandate-decision-reviewDate")).getAttribute("value"));
        } finally {
            if (issue != null) {
                removeDecision(issue);
                Http.Reply r = Http.send("DELETE", RunningHost.jira() + "/rest/api/2/issue/" + issue, "admin", null, null);
                assertEquals(r.body(), 204, r.status());
            }
            Http.Reply r = Http.send("DELETE", RunningHost.jira() + "/rest/api/2/project/" + project, "admin", null, null);
            assertEquals(r.body(), 204, r.status());
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Types into a picker, waits for the suggestion and takes it with Enter, as a keyboard user would. */
    private void pick(String field, String typed, String name) {
        WebElement input = driver.findElement(By.id("mandate-decision-" + field));
        input.sendKeys(typed);
        WebElement option = waitFor(option(field, name));
        waitUntil(name + " is the highlighted suggestion", d -> "true".equals(option.getAttribute("aria-selected")));
        assertEquals(option.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        input.sendKeys(Keys.ENTER);
        waitUntil(name + " is chosen", d -> "false".equals(input.getAttribute("aria-expanded")) && input.getAttribute("value").isEmpty());
    }

    private static By option(String field, String name) {
        return By.cssSelector("#mandate-decision-" + field + "-options [role=option][data-name='" + name + "']");
    }

    /** The chosen people and groups of a picker as shown, groups marked "(Group)". */
    private List<String> tokens(String field) {
        return driver.findElements(By.cssSelector(".mandate-picker[data-field='" + field + "'] .mandate-token")).stream()
                .map(t -> t.findElement(By.className("mandate-token-label")).getAttribute("textContent")
                        + t.findElements(By.className("mandate-token-kind")).stream()
                        .map(k -> " (" + k.getAttribute("textContent") + ")").findFirst().orElse(""))
                .toList();
    }

    private WebElement waitForDialogReady() {
        WebElement dialog = waitFor(By.id("mandate-decision-dialog"));
        waitUntil("the decision is loaded into the form",
                d -> "false".equals(d.findElement(By.id("mandate-decision-form")).getAttribute("aria-busy")));
        return dialog;
    }

    private List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(c -> c.getAttribute("textContent").trim()).toList();
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private boolean isInside(WebElement element, WebElement container) {
        return Boolean.TRUE.equals(js("return arguments[1].contains(arguments[0]);", element, container));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void logIn(String username) {
        driver.get(RunningHost.jira() + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(RunningHost.jira()).getRawPath() + "/", StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username")).sendKeys(username);
        driver.findElement(By.id("login-form-password")).sendKeys(username);
        WebElement submit = driver.findElement(By.id("login-form-submit"));
        submit.click();
        // read the header only once the page after the login has loaded (not while it replaces the form)
        waitUntil("the login leads on", d -> !d.getCurrentUrl().contains("/login.jsp")
                && "complete".equals(js("return document.readyState;")));
        assertEquals(username, waitFor(By.id("header-details-user-fullname")).getAttribute("data-username"));
    }

    private WebElement waitFor(By locator) {
        // a page being replaced can answer with an "unknown error" for a node it just dropped: look again
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        // the panel is replaced after a save: an element found a moment ago may be gone, so look again
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private String text(String css) {
        return waitFor(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    // --- REST set-up and checks ------------------------------------------------------------------

    private static String api(String issue) {
        return RunningHost.jira() + "/rest/mandate/1.0/decisions/" + issue;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static JsonNode decision(String issue) {
        Http.Reply reply = Http.get(api(issue), "alice");
        assertEquals(reply.body(), 200, reply.status());
        return json(reply.body());
    }

    private static List<JsonNode> history(String issue) {
        Http.Reply reply = Http.get(api(issue) + "/history", "alice");
        assertEquals(reply.body(), 200, reply.status());
        List<JsonNode> entries = new java.util.ArrayList<>();
        json(reply.body()).forEach(entries::add);
        return entries;
    }

    private static void removeDecision(String issue) {
        Http.Reply reply = Http.send("DELETE", api(issue), "alice", null, null);
        assertTrue(reply.body(), reply.status() == 204 || reply.status() == 404);
    }

    private static int setDecision(String issue, String json) {
        return setDecision(issue, json, "alice");
    }

    /** Creates or replaces the issue's decision (with the current version), returns the new version. */
    private static int setDecision(String issue, String json, String user) {
        Http.Reply current = Http.get(api(issue), user);
        String body = json;
        if (current.status() == 200) {
            body = json.substring(0, json.length() - 1) + (json.length() > 2 ? "," : "")
                    + "\"version\":" + json(current.body()).get("version").asInt() + "}";
        }
        Http.Reply reply = Http.putJson(api(issue), user, body);
        assertTrue(reply.status() + " " + reply.body(), reply.status() == 200 || reply.status() == 201);
        int version = json(reply.body()).get("version").asInt();
        assertNotEquals(-1, version);
        return version;
    }
}
