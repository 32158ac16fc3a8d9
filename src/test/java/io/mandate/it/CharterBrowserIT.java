package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.RefHost;
import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The TEAM page "Platform team charter" in headless Chromium, on a host of its own with the sample organisation's
 * decisions (the shared test host has none), with a PLATFORM charter this test writes through the REST API: alice —
 * the team's tech lead — reads the charter with the live rights of ARCH and RELEASE and their open decisions (the
 * overdue ones highlighted, as many as Jira's REST API says), opens the editor from the page, adds a member with the
 * keyboard alone, is told beside the field that "zed" is nobody, fixes it and is back on the page with the new member.
 * The accountability report macro on the same page shows Jira's report of the team's domains, and with Jira down
 * both macros say so plainly on a page that still renders.
 * Screenshots go to {@code target/screenshots/}; with {@code -Dmandate.docs.images=true} they are also copied to
 * {@code docs/user-guide/images/} for the team leads' guide (docs/user-guide/charters.md).
 */
public class CharterBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PAGE = "/pages/viewpage.action?pageId=65537";

    private static RefHost host;
    private static String confluence;
    private static String jira;

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> driver = started);

    @BeforeClass
    public static void startHostAndWriteTheCharter() throws Exception {
        File data = Files.createTempDirectory("mandate-charter-browser").toFile();
        host = RefHost.start(new RefHost.Settings(0, data, null, "postgres", "",
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui")));
        confluence = host.baseUrl() + "/confluence";
        jira = host.baseUrl() + "/jira";
        host.confluence().applinks().authorise("alice");
        String api = confluence + "/rest/mandate/1.0/charters/PLATFORM";
        SecurityHttp.Reply existing = SecurityHttp.get(api, "admin");
        String version = existing.status() == 200 ? ",\"version\":" + existing.json().get("version").asInt() : "";
        SecurityHttp.Reply put = SecurityHttp.putJson(api, "alice", "{\"teamKey\":\"PLATFORM\",\"name\":\"Platform team\",\"space\":\"TEAM\","
                + "\"purpose\":\"We run the platform every product team builds on: the build, the runtime and the release train.\\n"
                + "We decide architecture together with the leads and own the go/no-go of every release.\","
                + "\"members\":[{\"name\":\"alice\",\"role\":\"Tech lead\"},{\"name\":\"dave\",\"role\":\"Developer\"},"
                + "{\"name\":\"carol\",\"role\":\"Developer\"},{\"name\":\"erin\",\"role\":\"Release manager\"}],"
                + "\"domains\":[\"ARCH\",\"RELEASE\"]" + version + "}");
        assertEquals(put.toString(), 200, put.status());
    }

    @AfterClass
    public static void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    public void aTeamLeadReadsTheCharterWithLiveJiraDataAndEditsItWithTheKeyboard() throws IOException {
        logIn("alice");
        driver.manage().window().setSize(new Dimension(1400, 1500));
        driver.get(confluence + PAGE);
        WebElement charter = waitFor(By.cssSelector("#main-content section.mandate-charter"));
        assertEquals("Platform team", charter.findElement(By.cssSelector(".mandate-charter-name")).getText());
        assertTrue(driver.findElements(By.cssSelector(".mandate-charter-notice")).isEmpty());

        // the open decisions are Jira's, overdue highlighted exactly where Jira says so
        List<String> overdue = new ArrayList<>();
        int open = 0;
        for (String domain : List.of("ARCH", "RELEASE")) {
            for (String status : List.of("OPEN", "IN_PROGRESS")) {
                JsonNode list = SecurityHttp.get(jira + "/rest/mandate/1.0/decisions?domain=" + domain + "&status=" + status
                        + "&maxResults=50", "alice").json();
                for (JsonNode d : list.get("values")) {
                    open++;
                    if (d.get("checks").get("overdue").asBoolean()) {
                        overdue.add(d.get("issueKey").asText());
                    }
                }
            }
        }
        assertTrue("the sample decisions have open ones in ARCH and RELEASE", open > 0);
        assertEquals(open, driver.findElements(By.cssSelector("tr.mandate-charter-decision")).size());
        List<String> highlighted = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("tr.mandate-charter-decision.mandate-overdue-row"))) {
            highlighted.add(row.getAttribute("data-issue-key"));
        }
        assertEquals(new java.util.TreeSet<>(overdue), new java.util.TreeSet<>(highlighted));
        copyToDocs(Browser.screenshot(driver, "team-charter.png"), "team-charter.png");

        // the editor, from the page's edit link, with the keyboard
        WebElement edit = driver.findElement(By.cssSelector("a.mandate-charter-edit"));
        edit.sendKeys(Keys.ENTER);
        WebElement name = waitFor(By.id("mandate-charter-name"));
        assertEquals("Platform team", name.getAttribute("value"));
        assertEquals("true", String.valueOf(driver.findElement(By.id("mandate-charter-teamKey")).getAttribute("readonly")));
        WebElement add = driver.findElement(By.id("mandate-charter-member-add"));
        add.sendKeys(Keys.ENTER);
        WebElement newName = active();
        assertTrue("the new row's username field has the focus", newName.getAttribute("class").contains("mandate-charter-member-name"));
        newName.sendKeys("zed", Keys.TAB, "Reviewer", Keys.ENTER);
        WebElement error = waitFor(By.id("mandate-charter-members-error"));
        waitUntil("the members' error is shown", d -> error.getText().contains("zed"));
        assertEquals("the focus is on the row the message names", "zed", active().getAttribute("value"));
        assertEquals("true", active().getAttribute("aria-invalid"));
        assertEquals("mandate-charter-members-error", active().getAttribute("aria-describedby"));
        assertEquals("only that row is marked", 1, driver.findElements(By.cssSelector(".mandate-charter-member-name[aria-invalid=true]")).size());
        copyToDocs(Browser.screenshot(driver, "team-charter-editor.png"), "team-charter-editor.png");

        List<WebElement> names = driver.findElements(By.cssSelector(".mandate-charter-member-name"));
        WebElement zed = names.get(names.size() - 1);
        zed.clear();
        zed.sendKeys("grace", Keys.ENTER);
        waitUntil("back on the charter page", d -> d.getCurrentUrl().endsWith(PAGE));
        waitFor(By.cssSelector("#main-content section.mandate-charter"));
        List<String> members = new ArrayList<>();
        for (WebElement m : driver.findElements(By.cssSelector(".mandate-charter-member"))) {
            members.add(m.getText());
        }
        assertEquals(List.of("Alice Adams", "Dave Davis", "Carol Clark", "Erin Evans", "Grace Green"), members);
        List<WebElement> roles = driver.findElements(By.cssSelector(".mandate-charter-role"));
        assertEquals("Reviewer", roles.get(roles.size() - 1).getText());
    }

    /**
     * The accountability report macro below the charter: the report of the team's domains exactly as Jira's REST API
     * gives it to alice, with its three charts drawn; then Jira's address answers nothing (connection refused, as when
     * Jira is stopped) and the same page, reloaded, still shows the charter and says plainly in both macros that Jira
     * did not answer.
     */
    @Test
    public void theReportMacroShowsJirasReportAndThePageStaysReadableWhenJiraIsDown() throws IOException {
        logIn("alice");
        driver.manage().window().setSize(new Dimension(1400, 1500));
        driver.get(confluence + PAGE);
        WebElement report = waitFor(By.cssSelector("#main-content section.mandate-report-macro"));
        JsonNode fromJira = SecurityHttp.get(jira + "/rest/mandate/1.0/reports/accountability?domain=ARCH%2CRELEASE", "alice").json();
        assertTrue("the sample decisions count in ARCH and RELEASE", fromJira.get("totals").get("decisions").asInt() > 0);
        assertEquals(fromJira.get("totals").get("decisions").asText(), report.findElement(By.cssSelector(".mandate-report-decisions")).getText());
        assertEquals(fromJira.get("totals").get("open").asText(), report.findElement(By.cssSelector(".mandate-report-open")).getText());
        List<WebElement> charts = report.findElements(By.cssSelector("figure.mandate-report-chart > svg"));
        assertEquals(3, charts.size());
        for (WebElement chart : charts) {
            assertTrue("a chart is drawn, not an empty box", chart.getSize().getWidth() > 200 && chart.getSize().getHeight() > 100);
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", report);
        copyToDocs(Browser.screenshot(driver, "team-report-macro.png"), "team-report-macro.png");

        io.mandate.refhost.applinks.RefApplicationLinks links = host.confluence().applinks();
        io.mandate.refhost.applinks.RefApplicationLinks.Target target = links.target().orElseThrow();
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try {
            links.link(new io.mandate.refhost.applinks.RefApplicationLinks.Target(
                    java.net.URI.create("http://127.0.0.1:" + closedPort + "/jira"), target.signature()));
            host.confluence().caches().flushAll();
            driver.get(confluence + PAGE);
            waitFor(By.cssSelector("#main-content section.mandate-charter"));
            assertEquals("Platform team", driver.findElement(By.cssSelector(".mandate-charter-name")).getText());
            for (String notice : List.of(".mandate-charter-notice[data-notice=unreachable]", ".mandate-report-macro-notice[data-notice=unreachable]")) {
                WebElement shown = waitFor(By.cssSelector(notice));
                assertTrue(shown.getText(), shown.getText().contains("Jira did not answer in time"));
            }
            assertTrue("no numbers without Jira", driver.findElements(By.cssSelector(".mandate-report-macro svg")).isEmpty());
            copyToDocs(Browser.screenshot(driver, "team-charter-jira-down.png"), "team-charter-jira-down.png");
        } finally {
            links.link(target);
            host.confluence().caches().flushAll();
        }
    }

    private static void copyToDocs(Path shot, String name) throws IOException {
        if (Boolean.getBoolean("mandate.docs.images")) {
            Files.copy(shot, Paths.get("docs/user-guide/images/" + name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private void logIn(String username) {
        driver.get(confluence + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(confluence).getRawPath() + "/", StandardCharsets.UTF_8));
        waitFor(By.id("login-form-username")).sendKeys(username);
        driver.findElement(By.id("login-form-password")).sendKeys(username);
        driver.findElement(By.id("login-form-submit")).click();
        waitUntil("the login leads on", d -> !d.getCurrentUrl().contains("/login.jsp")
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
