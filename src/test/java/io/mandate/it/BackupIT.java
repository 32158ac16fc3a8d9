package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.RefHost;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * A backup of the running host, Jira's and Confluence's, goes into a second, fresh reference host (its own data
 * folder, the same sample world, Mandate's tables empty — {@link RefHost.PluginSamples#NONE}) and comes out the same:
 * the second host's export is byte for byte the first's, and its REST views (domains, grants, domain histories,
 * absences, decisions and their histories, charters) answer as the running host's do. Before that, every way to get
 * it wrong is refused and leaves the fresh host empty; afterwards a second import is refused and changes nothing.
 *
 * <p>The running host's world has grown while the other tests ran (projects and issues of their own), which the fresh
 * host does not have: decisions are compared on the issues both hosts have with the same key and id — a backup goes
 * back into the same Jira. The fixture (R_BAK_*, decisions on DEMO-19 and DEMO-20) is among them.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class BackupIT {

    private static final String API = "/rest/mandate/1.0";
    /**
     * Sample issues both hosts have with the same id. DecisionDialogIT sets these two as it needs them (removing what is
     * there first); their decisions here stay IN_PROGRESS, so they send no mail, and go again after the class.
     */
    private static final List<String> FIXTURE_ISSUES = List.of("DEMO-19", "DEMO-20");
    private static RefHost fresh;
    private static String jiraA;
    private static String confluenceA;
    private static String jiraB;
    private static String confluenceB;
    private static String backupJira;
    private static String backupConfluence;
    private static String emptyJira;
    private static String emptyConfluence;
    /** The fixture's absence, removed after the class. */
    private static String absence;

    @BeforeClass
    public static void twoHosts() throws Exception {
        jiraA = RunningHost.jira() + API;
        confluenceA = RunningHost.confluence() + API;
        fixture();
        File data = Files.createTempDirectory("mandate-backup-it").toFile();
        fresh = RefHost.start(new RefHost.Settings(0, data, null, "postgres", "",
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui")),
                RefHost.PluginSamples.NONE);
        jiraB = fresh.baseUrl() + "/jira" + API;
        confluenceB = fresh.baseUrl() + "/confluence" + API;
    }

    @AfterClass
    public static void stop() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
        // the decisions before their domain: a domain decisions are recorded in cannot be deleted
        FIXTURE_ISSUES.forEach(key -> SecurityHttp.delete(jiraA + "/decisions/" + key, "admin"));
        assertEquals(204, SecurityHttp.delete(jiraA + "/domains/R_BAK_ARCH", "admin").status());
        if (absence != null) {
            assertEquals(204, SecurityHttp.delete(absence, "admin").status());
        }
        assertEquals(204, SecurityHttp.delete(confluenceA + "/charters/R_BAK_TEAM", "admin").status());
    }

    /** Data of every kind on the running host, with texts beyond ASCII; decisions changed twice, so they have history. */
    private static void fixture() {
        FIXTURE_ISSUES.forEach(key -> SecurityHttp.delete(jiraA + "/decisions/" + key, "admin"));
        SecurityHttp.delete(jiraA + "/domains/R_BAK_ARCH", "admin");
        ok(Http.send("POST", jiraA + "/domains", "admin", "application/json",
                "{\"key\":\"R_BAK_ARCH\",\"name\":\"Architektur – Übersicht 日本\",\"description\":\"Entscheidungen \\\"über\\\" die Plattform 😀\","
                        + "\"scope\":{\"projects\":[\"DEMO\",\"OPS\"],\"labels\":[\"r-backup\"]}}"));
        ok(Http.send("POST", jiraA + "/domains/R_BAK_ARCH/grants", "admin", "application/json",
                "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":5,\"backup\":\"bob\",\"note\":\"Vertretung: Bob – bis 2027\",\"validTo\":\"2027-06-30\"}"));
        ok(Http.send("POST", jiraA + "/domains/R_BAK_ARCH/grants", "admin", "application/json",
                "{\"holder\":{\"type\":\"group\",\"name\":\"developers\"},\"level\":3}"));
        absence = ok(Http.send("POST", jiraA + "/absences", "admin", "application/json",
                "{\"user\":\"bob\",\"from\":\"2033-03-01\",\"to\":\"2033-03-09\",\"note\":\"Ferien ⛷\"}"))
                .headers().firstValue("Location").orElseThrow();
        for (String key : FIXTURE_ISSUES) {
            ok(Http.putJson(jiraA + "/decisions/" + key, "admin", "{\"status\":\"IN_PROGRESS\",\"driver\":\"carol\",\"approver\":\"alice\","
                    + "\"contributors\":[\"dave\",\"bob\"],\"informed\":[{\"type\":\"group\",\"name\":\"developers\"},{\"type\":\"user\",\"name\":\"erin\"}],"
                    + "\"dueDate\":\"2033-01-31\",\"domain\":\"R_BAK_ARCH\"}"));
            ok(Http.putJson(jiraA + "/decisions/" + key, "admin", "{\"status\":\"IN_PROGRESS\",\"driver\":\"carol\",\"approver\":\"alice\","
                    + "\"contributors\":[\"dave\"],\"informed\":[],\"dueDate\":\"2033-01-31\",\"domain\":\"R_BAK_ARCH\","
                    + "\"outcome\":\"Wir nehmen „Kafka“ — 決定 ✅\\nZweite Zeile\",\"reviewDate\":\"2034-01-31\",\"version\":1}"));
        }
        SecurityHttp.delete(confluenceA + "/charters/R_BAK_TEAM", "admin");
        ok(Http.putJson(confluenceA + "/charters/R_BAK_TEAM", "admin", "{\"name\":\"Team Übersicht\",\"space\":\"TEAM\","
                + "\"purpose\":\"Wir entscheiden „gemeinsam“ 🤝\",\"members\":[{\"name\":\"alice\",\"role\":\"Leitung\"},{\"name\":\"bob\"}],"
                + "\"domains\":[\"R_BAK_ARCH\",\"ARCH\"]}"));
    }

    private static Http.Reply ok(Http.Reply reply) {
        assertTrue(reply.toString(), reply.status() / 100 == 2);
        return reply;
    }

    private static Http.Reply export(String api) {
        Http.Reply reply = Http.get(api + "/backup", "admin");
        assertEquals(reply.body().length() > 300 ? reply.body().substring(0, 300) : reply.body(), 200, reply.status());
        return reply;
    }

    private static Http.Reply post(String url, String body) {
        return Http.send("POST", url, "admin", "application/json", body);
    }

    @Test
    public void a_theFreshHostsBackupIsEmptyAndTheRunningHostsHoldsEverySection() throws Exception {
        emptyJira = export(jiraB).body();
        emptyConfluence = export(confluenceB).body();
        JsonNode empty = SecurityHttp.JSON.readTree(emptyJira);
        empty.get("rowCounts").fields().forEachRemaining(e -> assertEquals(e.getKey(), 0, e.getValue().asLong()));
        assertEquals("[]", SecurityHttp.JSON.readTree(emptyConfluence).get("charters").toString());
        // the fresh host reads its (empty) matrix, so its caches hold "nothing" until the import drops them
        assertFalse(Http.get(jiraB + "/domains", "admin").body().contains("R_BAK_ARCH"));

        Http.Reply jira = export(jiraA);
        assertTrue(jira.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"mandate-jira-backup-\\d{4}-\\d\\d-\\d\\d\\.json\""));
        assertEquals("no-store", jira.headers().firstValue("Cache-Control").orElse(""));
        backupJira = jira.body();
        backupConfluence = export(confluenceA).body();
        // kept for whoever looks into a failure
        Files.writeString(java.nio.file.Path.of("target/backup-it-jira.json"), backupJira);
        Files.writeString(java.nio.file.Path.of("target/backup-it-confluence.json"), backupConfluence);
        JsonNode file = SecurityHttp.JSON.readTree(backupJira);
        for (String section : List.of("decisions", "participants", "revisions", "decisionAudit", "domains", "domainScopes", "grants",
                "absences", "matrixAudit")) {
            assertTrue(section, file.get(section).size() > 0);
            assertEquals(section, file.get(section).size(), file.get("rowCounts").get(section).asInt());
        }
        assertTrue("the outcome as it is stored", backupJira.contains("Wir nehmen „Kafka“ — 決定 ✅\\nZweite Zeile"));
        assertTrue("the purpose as it is stored", backupConfluence.contains("Wir entscheiden „gemeinsam“ 🤝"));
    }

    @Test
    public void b_theBackupHoldsMandatesRowsAndNothingElseOfTheProducts() {
        // people by key, never their names, addresses or display names; issues by id and key, never their summaries
        for (String leak : List.of("alice@example.com", "Alice Adams", "Bob Brown", "Choose the message broker", "Salary", "password")) {
            assertFalse(leak + " in Jira's backup, line " + lineOf(backupJira, leak), backupJira.contains(leak));
            assertFalse(leak + " in Confluence's backup, line " + lineOf(backupConfluence, leak), backupConfluence.contains(leak));
        }
        assertTrue(backupJira.contains("\"approverKey\":\"JIRAUSER10001\""));
    }

    private static String lineOf(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).findFirst().orElse("none");
    }

    @Test
    public void c_everyWrongImportIsRefusedAndLeavesTheFreshHostEmpty() {
        String jiraUrl = jiraB + "/backup";
        assertEquals(401, Http.send("POST", jiraUrl, null, "application/json", backupJira).status());
        assertEquals(403, Http.send("POST", jiraUrl, "alice", "application/json", backupJira).status());
        Http.Reply form = Http.unchecked().exchange("POST", jiraUrl, "admin", "application/x-www-form-urlencoded", backupJira);
        assertEquals("a form type without X-Atlassian-Token is refused by the XSRF check: " + form, 403, form.status());

        Http.Reply cut = Http.unchecked().exchange("POST", jiraUrl, "admin", "application/json", backupJira.substring(0, backupJira.length() / 2));
        assertEquals(cut.toString(), 400, cut.status());
        assertTrue(cut.body(), cut.body().contains("\"body\":\"The file ends at line"));

        Http.Reply product = Http.unchecked().exchange("POST", jiraUrl, "admin", "application/json", backupConfluence);
        assertEquals(400, product.status());
        assertTrue(product.body(), product.body().contains("\"product\":\"A backup of confluence cannot go into jira.\""));

        List<String> lines = new ArrayList<>(backupJira.lines().toList());
        int row = lines.indexOf("\"grants\":[") + 1;
        lines.set(row, lines.get(row).replaceFirst("\"grantLevel\":\\d+", "\"grantLevel\":\"DELEGATE\""));
        Http.Reply malformed = Http.unchecked().exchange("POST", jiraUrl, "admin", "application/json", String.join("\n", lines));
        assertEquals(400, malformed.status());
        assertTrue(malformed.body(), malformed.body().contains("\"grants[0].grantLevel\":\"Line " + (row + 1) + ": a whole number"));

        Http.Reply dryRun = Http.unchecked().exchange("POST", jiraUrl + "?dryRun=perhaps", "admin", "application/json", backupJira);
        assertEquals(400, dryRun.status());
        assertTrue(dryRun.body(), dryRun.body().contains("\"dryRun\""));

        assertEquals("the fresh host is still empty", emptyJira, export(jiraB).body());
        assertEquals(403, Http.send("POST", confluenceB + "/backup", "bob", "application/json", backupConfluence).status());
        assertEquals(emptyConfluence, export(confluenceB).body());
    }

    @Test
    public void d_aDryRunReadsTheWholeFileAndWritesNothing() throws Exception {
        Http.Reply dry = ok(post(jiraB + "/backup?dryRun=true", backupJira));
        JsonNode json = SecurityHttp.JSON.readTree(dry.body());
        assertEquals(false, json.get("imported").asBoolean());
        assertEquals("{}", json.get("existingRows").toString());
        assertEquals(SecurityHttp.JSON.readTree(backupJira).get("rowCounts"), json.get("rows"));
        assertEquals(emptyJira, export(jiraB).body());
        // an empty backup is a backup too
        JsonNode nothing = SecurityHttp.JSON.readTree(ok(post(jiraB + "/backup?dryRun=true", emptyJira)).body());
        assertEquals("The file is complete and valid: 0 rows. Nothing was imported (dry run).", nothing.get("message").asText());
    }

    @Test
    public void e_theImportedHostExportsTheSameBytesAndAnswersAsTheRunningHostDoes() throws Exception {
        JsonNode imported = SecurityHttp.JSON.readTree(ok(post(jiraB + "/backup", backupJira)).body());
        assertEquals(true, imported.get("imported").asBoolean());
        ok(post(confluenceB + "/backup", backupConfluence));
        assertEquals("Jira: byte for byte", backupJira, export(jiraB).body());
        assertEquals("Confluence: byte for byte", backupConfluence, export(confluenceB).body());

        int views = 0;
        views += same("/domains?maxResults=1000", jiraA, jiraB);
        for (JsonNode d : SecurityHttp.JSON.readTree(Http.get(jiraA + "/domains?maxResults=1000", "admin").body()).get("values")) {
            String key = d.get("key").asText();
            views += same("/domains/" + key, jiraA, jiraB);
            views += same("/domains/" + key + "/grants?maxResults=1000", jiraA, jiraB);
            views += same("/domains/" + key + "/history", jiraA, jiraB);
        }
        views += same("/absences?maxResults=1000", jiraA, jiraB);
        List<String> compared = new ArrayList<>();
        int start = 0;
        while (true) {
            JsonNode page = SecurityHttp.JSON.readTree(Http.get(jiraA + "/decisions?maxResults=1000&startAt=" + start, "admin").body());
            for (JsonNode d : page.get("values")) {
                String key = d.get("issueKey").asText();
                if (sameIssue(key)) {
                    views += same("/decisions/" + key, jiraA, jiraB);
                    views += same("/decisions/" + key + "/history", jiraA, jiraB);
                    views += same("/authority/" + key, jiraA, jiraB);
                    compared.add(key);
                }
            }
            start += page.get("values").size();
            if (page.get("values").size() == 0 || start >= page.get("total").asInt()) {
                break;
            }
        }
        assertTrue(compared.toString(), compared.containsAll(FIXTURE_ISSUES));
        views += same("/charters?maxResults=1000", confluenceA, confluenceB);
        for (JsonNode c : SecurityHttp.JSON.readTree(Http.get(confluenceA + "/charters?maxResults=1000", "admin").body()).get("values")) {
            views += same("/charters/" + c.get("teamKey").asText(), confluenceA, confluenceB);
        }
        assertTrue("views compared: " + views, views > 20);
        System.out.println("BackupIT: " + views + " REST views the same on both hosts; decisions on " + compared.size() + " issues");
    }

    /** Whether the issue is the same issue on both hosts: same key, same id (the running host's tests made issues of their own). */
    private static boolean sameIssue(String key) {
        Http.Reply a = Http.get(RunningHost.jira() + "/rest/api/2/issue/" + key, "admin");
        Http.Reply b = Http.get(fresh.baseUrl() + "/jira/rest/api/2/issue/" + key, "admin");
        if (a.status() != 200 || b.status() != 200) {
            return false;
        }
        try {
            return SecurityHttp.JSON.readTree(a.body()).get("id").equals(SecurityHttp.JSON.readTree(b.body()).get("id"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int same(String path, String a, String b) throws Exception {
        Http.Reply left = Http.get(a + path, "admin");
        Http.Reply right = Http.get(b + path, "admin");
        assertEquals(path, left.status(), right.status());
        assertEquals(path, SecurityHttp.JSON.readTree(left.body()), SecurityHttp.JSON.readTree(right.body()));
        return 1;
    }

    @Test
    public void f_aSecondImportIsRefusedNamingTheTablesAndChangesNothing() throws Exception {
        Http.Reply again = post(jiraB + "/backup", backupJira);
        assertEquals(again.toString(), 409, again.status());
        JsonNode errors = SecurityHttp.JSON.readTree(again.body()).get("errors");
        for (Iterator<String> it = SecurityHttp.JSON.readTree(backupJira).get("rowCounts").fieldNames(); it.hasNext(); ) {
            String section = it.next();
            assertTrue(section + " named: " + errors, errors.has(section));
        }
        assertEquals(backupJira, export(jiraB).body());
        assertEquals(409, post(confluenceB + "/backup", backupConfluence).status());
        assertEquals(backupConfluence, export(confluenceB).body());
    }
}
