package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.World;
import io.mandate.testing.Browser;
import io.mandate.testing.RunningHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * People who leave, on the running host (issue 11, item 5): a project LIFE with two decisions, a domain LC_ARCH over
 * it whose grants name three users and a group, and a Confluence charter of the team LIFE on a page of its own; then
 * Jira deactivates lc-ivy (approver of LIFE-1, ADVISE holder, charter member), deletes lc-dan (approver of LIFE-2,
 * contributor, DELEGATE holder, charter member) through {@code DELETE /rest/api/2/user} and the group lc-team (CONSULT
 * holder, informed) through {@code DELETE /rest/api/2/group}. Every page and answer that names them is then opened:
 * 200, the mark shown — "(inactive)", "(deleted)" with the key Jira kept; German "(inaktiv)", "(gelöscht)" — and no
 * stack trace. Everything is removed afterwards (the host is shared by the test JVM).
 */
public class UserLifecycleIT {

    private static final String PROJECT = "LIFE";
    private static final String DOMAIN = "LC_ARCH";
    private static final String TEAM = "LIFE";
    private static String jira;
    private static String api;
    private static World world;
    /** The key Jira kept for lc-dan, whom it deletes: all that is left of him. */
    private static String danKey;
    private static final List<String> issues = new ArrayList<>();
    private static HostPage charterPage;

    @BeforeClass
    public static void peopleWhoLeave() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
        world = RunningHost.get().jira().world();
        world.changes().createUser("lc-ivy", "Ivy Inactive");
        danKey = world.changes().createUser("lc-dan", "Dan Deleted").key();
        world.changes().createUser("lc-kim", "Kim Kept");
        world.changes().createGroup("lc-team");
        world.changes().addToGroup("lc-team", "lc-kim");
        world.changes().addToGroup("lc-team", "lc-ivy");

        created(ReportFixture.post(jira + "/rest/api/2/project", "admin",
                "{\"key\":\"" + PROJECT + "\",\"name\":\"Lifecycle\",\"lead\":\"admin\"}"));
        created(ReportFixture.post(api + "/domains", "admin", "{\"key\":\"" + DOMAIN + "\",\"name\":\"Lifecycle architecture\","
                + "\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}"));
        grant("{\"type\":\"user\",\"name\":\"lc-dan\"}", "DELEGATE", "\"backup\":\"lc-ivy\",");
        grant("{\"type\":\"user\",\"name\":\"lc-ivy\"}", "ADVISE", "\"backup\":\"lc-dan\",");
        grant("{\"type\":\"user\",\"name\":\"lc-kim\"}", "INQUIRE", "");
        grant("{\"type\":\"group\",\"name\":\"lc-team\"}", "CONSULT", "");
        decision("lc-ivy", "[\"lc-dan\"]");
        decision("lc-dan", "[]");

        Reply charter = SecurityHttp.putJson(RunningHost.confluence() + "/rest/mandate/1.0/charters/" + TEAM, "admin",
                "{\"name\":\"Lifecycle team\",\"space\":\"TEAM\",\"purpose\":\"People come and go.\","
                        + "\"members\":[{\"name\":\"lc-ivy\",\"role\":\"Architect\"},{\"name\":\"lc-dan\"},{\"name\":\"lc-kim\"}],"
                        + "\"domains\":[\"" + DOMAIN + "\"]}");
        assertEquals(charter.toString(), 200, charter.status());
        charterPage = RunningHost.get().confluence().world().pages().create("TEAM", "Lifecycle team charter",
                "<ac:structured-macro ac:name=\"mandate-team-charter\" ac:schema-version=\"1\" ac:macro-id=\"lc-1\">"
                        + "<ac:parameter ac:name=\"team\">" + TEAM + "</ac:parameter></ac:structured-macro>", "admin", Instant.now());

        // Jira's administrators: lc-ivy deactivated (Edit user has no REST call), lc-dan and lc-team deleted
        world.changes().setUserActive("lc-ivy", false);
        assertEquals(204, SecurityHttp.send("DELETE", jira + "/rest/api/2/user?username=lc-dan", "admin", null, null).status());
        assertEquals(204, SecurityHttp.send("DELETE", jira + "/rest/api/2/group?groupname=lc-team", "admin", null, null).status());
        assertTrue("Jira forgets the deleted user", world.userByKey(danKey).isEmpty());
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

    private static void grant(String holder, String level, String extra) {
        created(ReportFixture.post(api + "/domains/" + DOMAIN + "/grants", "admin",
                "{\"holder\":" + holder + ",\"level\":\"" + level + "\"," + extra + "\"note\":\"lifecycle\"}"));
    }

    private static void decision(String approver, String contributors) {
        Reply issue = ReportFixture.post(jira + "/rest/api/2/issue", "admin", "{\"fields\":{\"project\":{\"key\":\"" + PROJECT
                + "\"},\"summary\":\"Decided by someone who left\",\"issuetype\":{\"name\":\"Task\"}}}");
        created(issue);
        String key = issue.json().get("key").asText();
        issues.add(key);
        Reply put = SecurityHttp.putJson(api + "/decisions/" + key, "admin", "{\"status\":\"IN_PROGRESS\",\"driver\":\"admin\","
                + "\"approver\":\"" + approver + "\",\"contributors\":" + contributors + ",\"informed\":[{\"type\":\"group\","
                + "\"name\":\"lc-team\"}]}");
        assertEquals(put.toString(), 200, put.status());
    }

    @AfterClass
    public static void removeEverything() {
        if (charterPage != null) {
            RunningHost.get().confluence().world().pages().delete(charterPage.id());
        }
        String charters = RunningHost.confluence() + "/rest/mandate/1.0/charters/" + TEAM;
        Reply charter = SecurityHttp.get(charters, "admin");
        if (charter.status() == 200) {
            assertEquals(204, SecurityHttp.delete(charters + "?version=" + charter.json().get("version").asInt(), "admin").status());
        }
        // the project's decisions go with it (ProjectDeletedEvent), then the domain may go, with its grants
        Reply project = SecurityHttp.send("DELETE", jira + "/rest/api/2/project/" + PROJECT, "admin", null, null);
        assertTrue(project.toString(), project.status() == 204 || project.status() == 404);
        Reply domain = SecurityHttp.delete(api + "/domains/" + DOMAIN, "admin");
        assertTrue(domain.toString(), domain.status() == 204 || domain.status() == 404);
        for (String user : List.of("lc-ivy", "lc-kim")) {
            if (world.userByName(user).isPresent()) {
                world.changes().deleteUser(user);
            }
        }
    }

    // ---- pages ---------------------------------------------------------------------------------------------------

    private static Document page(String url, String user) {
        Reply r = SecurityHttp.html(url, user);
        assertEquals(r.toString(), 200, r.status());
        SecurityHttp.assertNothingLeaks(url, r);
        return Jsoup.parse(r.body());
    }

    private static String text(Document page, String css) {
        Element e = page.selectFirst(css);
        assertNotNull(css + " in " + page.body().html(), e);
        return e.text();
    }

    @Test
    public void theDecisionAndAuthorityPanelsShowWhoLeftAsSuchInEnglishAndGerman() {
        Document view = page(jira + "/browse/" + issues.get(0), "admin");
        assertEquals("Ivy Inactive (inactive)", text(view, "#mandate-decision-panel .mandate-approver"));
        assertEquals(danKey + " (deleted)", text(view, "#mandate-decision-panel .mandate-contributors"));
        assertTrue("a deactivated approver may not approve: " + text(view, "#mandate-check-violation"),
                text(view, "#mandate-check-violation").startsWith("Ivy Inactive (inactive) may not approve in Lifecycle architecture"));
        List<String> holders = view.select("#mandate-authority-panel .mandate-authority-holder").eachText();
        assertTrue(holders.toString(), holders.containsAll(List.of(danKey + " (deleted)", "Ivy Inactive (inactive)", "Kim Kept")));
        assertTrue("the backups too: " + view.select("#mandate-authority-panel").text(),
                view.select("#mandate-authority-panel .mandate-authority-backup").text().contains("Ivy Inactive (inactive)"));

        Document german = page(jira + "/browse/" + issues.get(0) + "?locale=de", "admin");
        assertEquals("Ivy Inactive (inaktiv)", text(german, "#mandate-decision-panel .mandate-approver"));
        assertEquals(danKey + " (gel\u00f6scht)", text(german, "#mandate-decision-panel .mandate-contributors"));

        Document deletedApprover = page(jira + "/browse/" + issues.get(1), "admin");
        assertEquals(danKey + " (deleted)", text(deletedApprover, "#mandate-decision-panel .mandate-approver"));
    }

    @Test
    public void theDecisionOwnerFieldMarksTheDeactivatedApprover() {
        String owner = "#customfield_" + (10000 + PluginModules.customFieldIndex("decision-owner")) + "-val";
        Document view = page(jira + "/browse/" + issues.get(0), "admin");
        assertEquals("Ivy Inactive (inactive)", text(view, owner));
        assertNotNull(view.selectFirst(owner + " .mandate-decision-owner.mandate-person-inactive"));
        assertEquals("Ivy Inactive (inaktiv)", text(page(jira + "/browse/" + issues.get(0) + "?locale=de", "admin"), owner));
        // a deleted approver is no Jira user any more: the field has no value, and Jira hides an empty field
        assertNull(page(jira + "/browse/" + issues.get(1), "admin").selectFirst(owner));
    }

    @Test
    public void theRestAnswersSayWhoIsInactiveAndWhoWasDeleted() {
        JsonNode decision = SecurityHttp.get(api + "/decisions/" + issues.get(0), "admin").json();
        assertEquals("inactive", decision.get("approver").get("state").asText());
        assertEquals("lc-ivy", decision.get("approver").get("name").asText());
        JsonNode dan = decision.get("contributors").get(0);
        assertEquals(List.of(danKey, danKey, danKey, "deleted"), List.of(dan.get("key").asText(), dan.get("name").asText(),
                dan.get("displayName").asText(), dan.get("state").asText()));
        assertTrue(decision.get("checks").get("authorityViolation").asBoolean());

        JsonNode grants = SecurityHttp.get(api + "/domains/" + DOMAIN + "/grants", "admin").json();
        List<String> states = new ArrayList<>();
        grants.get("values").forEach(g -> states.add(g.get("holder").get("name").asText() + "=" + g.get("holder").path("state").asText("")));
        assertEquals("a group has no state", java.util.Set.of(danKey + "=deleted", "lc-ivy=inactive", "lc-kim=active", "lc-team="),
                new java.util.HashSet<>(states));

        JsonNode authority = SecurityHttp.get(api + "/authority/" + issues.get(0), "admin").json();
        assertTrue(authority.toString(), authority.toString().contains("\"state\":\"inactive\""));
        assertTrue(authority.toString(), authority.toString().contains("\"state\":\"deleted\""));

        JsonNode history = SecurityHttp.get(api + "/decisions/" + issues.get(0) + "/history", "admin").json();
        assertTrue(history.toString(), history.toString().contains("\"key\":\"" + danKey + "\",\"name\":\"" + danKey + "\""));
    }

    @Test
    public void theAccountabilityReportAndItsCsvMarkApproversWhoLeft() {
        Document report = page(jira + "/plugins/servlet/mandate/report?project=" + PROJECT, "admin");
        List<String> rows = report.select("#mandate-report-load-table tbody tr").eachText();
        assertTrue(rows.toString(), rows.contains("lc-ivy (inactive) 1"));
        assertTrue(rows.toString(), rows.contains(danKey + " (deleted) 1"));
        assertEquals("inactive", report.selectFirst("#mandate-report-load-table tr[data-user=lc-ivy]").attr("data-state"));

        Reply csv = SecurityHttp.send("GET", jira + "/plugins/servlet/mandate/report.csv?table=load&project=" + PROJECT, "admin",
                Map.of("Accept", "text/csv"), null);
        assertEquals(csv.toString(), 200, csv.status());
        SecurityHttp.assertNothingLeaks("report.csv", csv);
        assertTrue(csv.body(), csv.body().contains("user,count,state"));
        assertTrue(csv.body(), csv.body().contains("lc-ivy,1,inactive"));
        assertTrue(csv.body(), csv.body().contains(danKey + ",1,deleted"));
    }

    @Test
    public void theMatrixPageWarnsOfTheDeletedGroupAndMarksThePeople() {
        Document matrix = page(jira + "/plugins/servlet/mandate/matrix?q=" + DOMAIN, "admin");
        String warnings = text(matrix, "#mandate-matrix-gone");
        assertTrue(warnings, warnings.contains("The group lc-team no longer exists in Jira, but these grants still name it: "
                + DOMAIN + " (CONSULT)."));
        assertTrue(warnings, warnings.contains(danKey + " (deleted): " + DOMAIN + " (DELEGATE)"));
        assertTrue(warnings, warnings.contains("Ivy Inactive (inactive): " + DOMAIN + " (ADVISE)"));
        assertEquals("Ivy Inactive (inactive)", text(matrix, "th.mandate-matrix-holder[data-holder-name=lc-ivy]"));
        assertEquals(danKey + " (deleted)", text(matrix, "th.mandate-matrix-holder[data-holder-name=" + danKey + "]"));
        assertEquals("deleted", matrix.selectFirst("th.mandate-matrix-holder[data-holder-name=" + danKey + "]").attr("data-state"));
    }

    /** The grant dialog (filled by the page's script) marks a backup who can no longer act, under the backup field. */
    @Test
    public void theGrantDialogMarksABackupWhoLeft() {
        Document matrix = page(jira + "/plugins/servlet/mandate/matrix?q=" + DOMAIN, "admin");
        String dans = "button.mandate-grant-edit[data-holder-name=" + danKey + "]";
        String ivys = "button.mandate-grant-edit[data-holder-name=lc-ivy]";
        String kims = "button.mandate-grant-edit[data-holder-name=lc-kim]";
        assertEquals("lc-ivy", matrix.selectFirst(dans).attr("data-backup"));
        assertEquals("Ivy Inactive (inactive)", matrix.selectFirst(dans).attr("data-backup-label"));
        assertEquals(danKey + " (deleted)", matrix.selectFirst(ivys).attr("data-backup-label"));
        assertEquals("", matrix.selectFirst(kims).attr("data-backup-label"));

        WebDriver driver = Browser.start();
        try {
            driver.get(jira + "/login.jsp?os_destination="
                    + URLEncoder.encode(java.net.URI.create(jira).getRawPath() + "/", StandardCharsets.UTF_8));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form-username"))).sendKeys("admin");
            driver.findElement(By.id("login-form-password")).sendKeys("admin");
            driver.findElement(By.id("login-form-submit")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login.jsp"));
            driver.get(jira + "/plugins/servlet/mandate/matrix?q=" + DOMAIN);
            By backupGone = By.id("mandate-grant-backup-gone");

            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(dans))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(backupGone));
            assertEquals("Ivy Inactive (inactive)", driver.findElement(backupGone).getText());
            assertEquals("lc-ivy", driver.findElement(By.id("mandate-grant-backup")).getAttribute("value"));
            assertTrue("the field names the mark", driver.findElement(By.id("mandate-grant-backup"))
                    .getAttribute("aria-describedby").contains("mandate-grant-backup-gone"));
            assertTrue("no mentee, no mark", !driver.findElement(By.id("mandate-grant-mentee-gone")).isDisplayed());
            // another name typed in: the mark of the stored backup goes
            driver.findElement(By.id("mandate-grant-backup")).sendKeys("x");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(backupGone));

            driver.navigate().refresh();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(ivys))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(backupGone));
            assertEquals(danKey + " (deleted)", driver.findElement(backupGone).getText());

            driver.navigate().refresh();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(kims))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mandate-grant-holder")));
            assertEquals("lc-kim", driver.findElement(By.id("mandate-grant-holder")).getAttribute("value"));
            assertTrue("no backup, no mark", !driver.findElement(backupGone).isDisplayed());
        } finally {
            Browser.quit(driver);
        }
    }

    @Test
    public void theMatrixCsvMarksThemAndImportsBackUnchanged() {
        Reply exported = SecurityHttp.send("GET", api + "/matrix.csv", "admin", Map.of("Accept", "text/csv"), null);
        assertEquals(exported.toString(), 200, exported.status());
        SecurityHttp.assertNothingLeaks("matrix.csv", exported);
        List<String> ours = exported.body().lines().filter(l -> l.startsWith(DOMAIN + ",")).toList();
        assertEquals(List.of(DOMAIN + ",user," + danKey + " (deleted),DELEGATE,lc-ivy (inactive),,,,lifecycle",
                DOMAIN + ",user,lc-ivy (inactive),ADVISE," + danKey + " (deleted),,,,lifecycle",
                DOMAIN + ",user,lc-kim,INQUIRE,,,,,lifecycle",
                DOMAIN + ",group,lc-team (deleted),CONSULT,,,,,lifecycle"), ours);
        Reply dry = SecurityHttp.send("POST", api + "/matrix.csv?dryRun=true", "admin", Map.of("Content-Type", "text/csv; charset=UTF-8"),
                exported.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(dry.toString(), 200, dry.status());
        assertEquals(dry.body(), 0, dry.json().get("errors").size());
        JsonNode summary = dry.json().get("summary");
        assertEquals(summary.toString(), List.of(0, 0, 0), List.of(summary.get("added").asInt(), summary.get("changed").asInt(),
                summary.get("removed").asInt()));
    }

    @Test
    public void theCharterMacroMarksMembersHoldersAndApproversWhoLeft() {
        RunningHost.get().confluence().applinks().authorise("alice");
        RunningHost.get().confluence().caches().flushAll();
        Document view = page(RunningHost.confluence() + "/pages/viewpage.action?pageId=" + charterPage.id(), "alice");
        Element charter = view.selectFirst("#main-content section.mandate-charter");
        assertNotNull(view.body().html(), charter);
        assertEquals(List.of("Ivy Inactive (inactive)", danKey + " (deleted)", "Kim Kept"), charter.select(".mandate-charter-member").eachText());
        Element rights = charter.selectFirst("tr.mandate-charter-domain[data-domain-key=" + DOMAIN + "]");
        assertNotNull(charter.html(), rights);
        String approvers = rights.select("td").get(0).text();
        assertTrue(approvers, approvers.contains(danKey + " (deleted)") && approvers.contains("Ivy Inactive (inactive)"));
        List<String> owners = charter.select("tr.mandate-charter-decision").eachText();
        assertTrue(owners.toString(), owners.stream().anyMatch(o -> o.contains("Ivy Inactive (inactive)")));
        assertTrue(owners.toString(), owners.stream().anyMatch(o -> o.contains(danKey + " (deleted)")));
        assertTrue("Jira answered: " + charter.select(".mandate-charter-notice"), charter.select(".mandate-charter-notice").isEmpty());
    }
}
