package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.testing.Browser;
import io.mandate.testing.BrowserSession;
import io.mandate.refhost.RefHost;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The DEMO accountability report in headless Chromium, on a host of its own with the sample organisation's decisions
 * (the report of docs/user-guide/accountability-demo-check.md; the shared test host has none), opened the way a
 * manager opens it — alice, the project's lead, from the project's sidebar: the three charts are SVG images with their title and description, and what they
 * draw is the REST report's numbers (bars = load, points = the trend's months with decisions, cells = the coverage
 * table beside the heat map, whose approvers are the report's population); the scope chooser works from the
 * keyboard. Screenshots go to {@code target/screenshots/}; with {@code -Dmandate.docs.images=true} the report's is also
 * copied to {@code docs/user-guide/images/accountability-report.png} for the managers' guide.
 */
public class ReportBrowserIT {

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(15);
    private static final String DOC_IMAGE = "docs/user-guide/images/accountability-report.png";

    private static RefHost host;
    private static String jira;

    private WebDriver driver;

    @Rule
    public final BrowserSession browser = new BrowserSession(started -> driver = started);

    @BeforeClass
    public static void startHost() throws Exception {
        File data = Files.createTempDirectory("mandate-report-browser").toFile();
        host = RefHost.start(new RefHost.Settings(0, data, null, "postgres", "",
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui")));
        jira = host.baseUrl() + "/jira";
    }

    @AfterClass
    public static void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    public void aManagerOpensTheDemoReportFromTheSidebarAndTheChartsDrawTheRestNumbers() throws IOException {
        JsonNode rest = SecurityHttp.get(jira + "/rest/mandate/1.0/reports/accountability?project=DEMO", "alice").json();
        logIn("alice");
        driver.get(jira + "/projects/DEMO");
        waitFor(By.id("mandate-report-project-link")).click();
        waitFor(By.id("mandate-report-summary"));
        assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().endsWith("/jira/plugins/servlet/mandate/report?project=DEMO"));

        List<WebElement> charts = driver.findElements(By.cssSelector("figure.mandate-report-chart > svg[role=img]"));
        assertEquals(3, charts.size());
        for (WebElement svg : charts) {
            String[] labelledBy = svg.getAttribute("aria-labelledby").split(" ");
            assertEquals(2, labelledBy.length);
            String title = textOf(By.id(labelledBy[0]));
            String desc = textOf(By.id(labelledBy[1]));
            assertEquals("title", tagOf(labelledBy[0]));
            assertEquals("desc", tagOf(labelledBy[1]));
            assertFalse(svg.getAttribute("id") + ": a title", title.isBlank());
            assertFalse(svg.getAttribute("id") + ": a description", desc.isBlank());
            assertTrue("the chart is drawn: " + svg.getSize(), svg.getSize().getWidth() > 200 && svg.getSize().getHeight() > 40);
        }
        assertEquals("Load per person", textOf(By.id("mandate-chart-load-title")));

        // the bars: user and count of each, in the REST load's order
        List<List<String>> bars = new ArrayList<>();
        for (WebElement bar : driver.findElements(By.cssSelector("#mandate-chart-load-bars > g"))) {
            List<WebElement> texts = bar.findElements(By.tagName("text"));
            bars.add(List.of(texts.get(0).getAttribute("textContent"), texts.get(1).getAttribute("textContent")));
        }
        List<List<String>> load = new ArrayList<>();
        rest.get("load").forEach(l -> load.add(List.of(l.get("user").asText(), l.get("count").asText())));
        assertEquals(load.subList(0, Math.min(load.size(), 20)), bars);
        assertTrue("the sample decisions' approvers carry load", load.stream().anyMatch(l -> !l.get(1).equals("0")));

        // the trend's points: the months with decisions and their index
        List<String> points = new ArrayList<>();
        for (WebElement p : driver.findElements(By.cssSelector("#mandate-chart-trend-points > g > title"))) {
            points.add(p.getAttribute("textContent"));
        }
        List<String> months = new ArrayList<>();
        rest.get("trend").forEach(t -> {
            if (!t.get("index").isNull()) {
                months.add(t.get("month").asText() + ": " + chartNumber(t.get("index").asDouble()));
            }
        });
        // (the sample decisions were raised in October and November 2026: two points while those months are among the
        // last twelve)
        assertEquals(months, points);

        // the heat map's cells are the table beside it, and who may approve there is the report's population
        Map<String, String> cells = new TreeMap<>();
        Set<String> mayApprove = new HashSet<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#mandate-chart-coverage-cells > g > title"))) {
            // "ARCH · alice: 6 INQUIRE"
            String t = cell.getAttribute("textContent");
            String where = t.substring(0, t.indexOf(':'));
            String level = t.substring(t.indexOf(':') + 2, t.indexOf(' ', t.indexOf(':') + 2));
            cells.put(where, level);
            if (Integer.parseInt(level) >= 5) {
                mayApprove.add(where.substring(where.indexOf('\u00B7') + 2));
            }
        }
        Map<String, String> table = new TreeMap<>();
        List<String> people = new ArrayList<>();
        driver.findElements(By.cssSelector("#mandate-report-coverage-table thead th.mandate-report-coverage-person"))
                .forEach(th -> people.add(th.getAttribute("textContent").trim()));
        for (WebElement row : driver.findElements(By.cssSelector("#mandate-report-coverage-table tbody tr"))) {
            String domain = row.getAttribute("data-domain-key");
            List<WebElement> tds = row.findElements(By.tagName("td"));
            for (int i = 0; i < tds.size(); i++) {
                List<WebElement> number = tds.get(i).findElements(By.cssSelector(".mandate-level-number"));
                if (!number.isEmpty()) {
                    table.put(domain + " \u00B7 " + people.get(i), number.get(0).getAttribute("textContent"));
                }
            }
        }
        assertFalse("DEMO's domains have holders", cells.isEmpty());
        assertEquals(table, cells);
        Set<String> population = new HashSet<>();
        Set<String> idle = new HashSet<>();
        rest.get("load").forEach(l -> {
            population.add(l.get("user").asText());
            if (l.get("count").asLong() == 0) {
                idle.add(l.get("user").asText());
            }
        });
        assertTrue("everyone who may approve is in the load: " + mayApprove + " " + population, population.containsAll(mayApprove));
        assertTrue("someone with no load is there because they may approve: " + idle + " " + mayApprove, mayApprove.containsAll(idle));

        // the whole page, for the managers' guide
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height, 1000), 4000)));
        Path shot = Browser.screenshot(driver, "accountability-report.png");
        if (Boolean.getBoolean("mandate.docs.images")) {
            Files.copy(shot, Paths.get(DOC_IMAGE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    public void theScopeChooserWorksFromTheKeyboard() {
        logIn("alice");
        driver.get(jira + "/plugins/servlet/mandate/report?project=DEMO");
        WebElement group = waitFor(By.id("mandate-report-group"));
        group.sendKeys("leads" + Keys.ENTER);
        waitUntil("the group's report", d -> d.getCurrentUrl().contains("group=leads"));
        waitFor(By.id("mandate-report-summary"));
        assertEquals("Group leads", textOf(By.id("mandate-report-scope")));
        assertTrue("no project sidebar for a group", driver.findElements(By.id("project-sidebar")).isEmpty());
        assertEquals(3, driver.findElements(By.cssSelector("figure.mandate-report-chart > svg[role=img]")).size());

        // two domains: the list takes the keyboard (focus, select with Space/arrows), the form sends both
        WebElement domains = driver.findElement(By.id("mandate-report-domain"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", domains);
        domains.sendKeys(Keys.HOME);
        domains.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_DOWN));
        driver.findElement(By.id("mandate-report-domain-submit")).sendKeys(Keys.ENTER);
        waitUntil("the domains' report", d -> d.getCurrentUrl().contains("domain="));
        waitFor(By.id("mandate-report-summary"));
        assertEquals("Domains ARCH, CHANGE", textOf(By.id("mandate-report-scope")));
        Browser.screenshot(driver, "accountability-report-domains.png");

        // a project alice may not browse: the error names the project, the chooser stays
        WebElement project = driver.findElement(By.id("mandate-report-project"));
        project.clear();
        project.sendKeys("HR" + Keys.ENTER);
        WebElement error = waitFor(By.id("mandate-report-error"));
        assertEquals("project", error.getAttribute("data-field"));
        assertTrue(error.getText(), error.getText().contains("HR"));
        Browser.screenshot(driver, "accountability-report-error.png");
    }

    @Test
    public void theWhatIfOfTheMostLoadedApproverFromTheKeyboard() throws IOException {
        // alice carries the most in DEMO (docs/user-guide/accountability-demo-check.md): who keeps her domains going?
        logIn("alice");
        driver.get(jira + "/plugins/servlet/mandate/report?project=DEMO");
        assertEquals("alice", driver.findElement(By.cssSelector("#mandate-chart-load-bars > g text")).getAttribute("textContent"));
        WebElement absent = waitFor(By.id("mandate-report-absent"));
        absent.sendKeys("alice" + Keys.ENTER);
        WebElement answer = waitFor(By.id("mandate-report-whatif-answer"));
        assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().contains("project=DEMO") && driver.getCurrentUrl().contains("absent=alice"));
        assertEquals("With alice away:", textOf(By.id("mandate-report-whatif-away")));
        assertEquals("None: every domain keeps someone who may approve.", textOf(By.id("mandate-report-whatif-stalled")));
        assertEquals("ARCH Architecture: dave for alice", textOf(By.cssSelector("#mandate-report-whatif-backups li")));
        assertEquals("RELEASE Release go/no-go: alice", textOf(By.cssSelector("#mandate-report-whatif-codeciders li")));
        List<String> waiting = new ArrayList<>();
        driver.findElements(By.cssSelector("#mandate-report-whatif-waiting a")).forEach(a -> waiting.add(a.getText()));
        assertEquals(List.of("DEMO-3", "DEMO-18"), waiting);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("mandate-report-whatif")));
        driver.manage().window().setSize(new Dimension(1400, 900));
        Path shot = Browser.screenshot(driver, "accountability-whatif.png");
        if (Boolean.getBoolean("mandate.docs.images")) {
            Files.copy(shot, Paths.get("docs/user-guide/images/accountability-whatif.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(answer.isDisplayed());
    }

    /** A number as the charts write it: two decimals at most, no trailing zeros. */
    private static String chartNumber(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private String tagOf(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).tagName;", id);
    }

    private String textOf(By locator) {
        return driver.findElement(locator).getAttribute("textContent").trim();
    }

    private void logIn(String username) {
        driver.get(jira + "/login.jsp?os_destination="
                + URLEncoder.encode(java.net.URI.create(jira).getRawPath() + "/", StandardCharsets.UTF_8));
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
