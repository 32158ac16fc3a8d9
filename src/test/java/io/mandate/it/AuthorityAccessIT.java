package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.mandate.it.SecurityHttp.assertErrorShape;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The access table of the REST contract for every endpoint of the authority matrix, one row per (who × what),
 * each with its expected status written out. Who is who (docs/sample-org.md):
 * <ul>
 *     <li>anonymous, a wrong password and the deactivated ivan: 401 everywhere;</li>
 *     <li>frank: logged in, administers nothing, cannot browse HR;</li>
 *     <li>bob: a project user (edits OPS), administers nothing;</li>
 *     <li>alice: administers DEMO; erin: administers OPS (and browses HR, but not HR-3); heidi: administers HR and
 *         alone sees HR-3 (issue security);</li>
 *     <li>admin: Jira administrator.</li>
 * </ul>
 * The rule under test: everyone logged in reads; a Jira administrator changes every domain; a project administrator
 * changes a domain whose scope names only projects they administer — so alice manages a domain scoped to DEMO, but
 * not one scoped to OPS, to DEMO and OPS, or to no project. {@code /authority/{issueKey}} of an issue the caller
 * cannot browse is 404, answered exactly like an issue that does not exist. A refused request changes nothing.
 *
 * <p>Fixture domains (R_ACC_*) carry the label {@code r-access}, which no issue has, so they match no issue and
 * disturb no other test; they are removed after the class.
 */
@RunWith(Parameterized.class)
public class AuthorityAccessIT {

    private static final String SCOPE_TAIL = "\"labels\":[\"r-access\"]";
    private static final Map<String, String> FIXTURE = new LinkedHashMap<>();

    static {
        FIXTURE.put("R_ACC_DEMO", "{\"projects\":[\"DEMO\"]," + SCOPE_TAIL + "}");
        FIXTURE.put("R_ACC_OPS", "{\"projects\":[\"OPS\"]," + SCOPE_TAIL + "}");
        FIXTURE.put("R_ACC_BOTH", "{\"projects\":[\"DEMO\",\"OPS\"]," + SCOPE_TAIL + "}");
        FIXTURE.put("R_ACC_NONE", "{" + SCOPE_TAIL + "}");
    }

    private static final String GRANT = "{\"holder\":{\"type\":\"user\",\"name\":\"dave\"},\"level\":3}";
    private static final String GRANT_V1 = "{\"holder\":{\"type\":\"user\",\"name\":\"dave\"},\"level\":4,\"version\":1}";
    private static final String ABSENCE_ALICE = "{\"user\":\"alice\",\"from\":\"2032-01-01\",\"to\":\"2032-01-05\"}";
    /** A matrix file naming one fixture domain; a dry run of it changes nothing. */
    private static final String CSV = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\nR_ACC_NONE,user,dave,CONSULT,,,,,\r\n";
    private static final String ABSENCE_SELF = "{\"from\":\"2032-02-01\",\"to\":\"2032-02-05\"}";
    /** Stands for this Jira's own backup, as admin exports it when the row runs. */
    private static final String BACKUP = "{backup}";

    /**
     * Rows whose request is outside the REST contract on purpose (a date that is no date): their answers are held
     * against the contract, their requests are not (every other row is checked whole, {@link Contract}).
     */
    private static final java.util.Set<String> OUTSIDE_THE_CONTRACT = java.util.Set.of(
            "/reports/whatif?absent=zed&from=x", "/reports/whatif?from=2026-13-01&to=2026-12-31");

    private static String jira;
    private static String api;
    private static int rows;

    record Row(String who, String user, String method, String path, String body, int status) {
        @Override
        public String toString() {
            return who + " " + method + " " + path + (body == null ? "" : " " + body) + " -> " + status;
        }
    }

    @Parameter
    public Row row;

    /** What a row made that must go again: Locations of what it created, and the per-row fixture. */
    private final List<String> created = new ArrayList<>();

    @Parameters(name = "{index}: {0}")
    public static List<Object[]> table() {
        List<Row> t = new ArrayList<>();
        String[][] nobody = {{"anonymous", null}, {"wrong password", "alice:wrong"}, {"deactivated ivan", "ivan"}};
        for (String[] who : nobody) {
            t.add(row(who, "GET", "/domains", null, 401));
            t.add(row(who, "POST", "/domains", domain("R_ACC_NEW", "[\"DEMO\"]"), 401));
            t.add(row(who, "GET", "/domains/R_ACC_DEMO", null, 401));
            t.add(row(who, "PUT", "/domains/R_ACC_DEMO", "{put-demo}", 401));
            t.add(row(who, "DELETE", "/domains/{del}", null, 401));
            t.add(row(who, "GET", "/domains/R_ACC_DEMO/history", null, 401));
            t.add(row(who, "GET", "/domains/R_ACC_DEMO/grants", null, 401));
            t.add(row(who, "POST", "/domains/R_ACC_DEMO/grants", GRANT, 401));
            t.add(row(who, "GET", "/grants/{grant}", null, 401));
            t.add(row(who, "PUT", "/grants/{grant}", GRANT_V1, 401));
            t.add(row(who, "DELETE", "/grants/{grant}", null, 401));
            t.add(row(who, "GET", "/authority/DEMO-1", null, 401));
            t.add(row(who, "GET", "/absences", null, 401));
            t.add(row(who, "POST", "/absences", ABSENCE_ALICE, 401));
            t.add(row(who, "GET", "/absences/{absence}", null, 401));
            t.add(row(who, "DELETE", "/absences/{absence}", null, 401));
            t.add(row(who, "GET", "/matrix.csv", null, 401));
            t.add(row(who, "POST", "/matrix.csv?dryRun=true", CSV, 401));
            t.add(row(who, "GET", "/reports/accountability", null, 401));
            t.add(row(who, "GET", "/reports/accountability?project=DEMO", null, 401));
            t.add(row(who, "GET", "/reports/whatif?absent=erin", null, 401));
            t.add(row(who, "GET", "/reports/whatif?absent=zed&from=x", null, 401));
            t.add(row(who, "GET", "/backup", null, 401));
            t.add(row(who, "POST", "/backup?dryRun=true", BACKUP, 401));
        }
        String[] frank = {"frank (no HR access, administers nothing)", "frank"};
        String[] bob = {"bob (OPS project user)", "bob"};
        String[] alice = {"alice (DEMO project admin)", "alice"};
        String[] erin = {"erin (OPS project admin)", "erin"};
        String[] heidi = {"heidi (HR project admin)", "heidi"};
        String[] admin = {"admin (Jira admin)", "admin"};

        // ---- everyone logged in reads ----------------------------------------------------------------------
        for (String[] who : new String[][]{frank, bob, alice, erin, admin}) {
            t.add(row(who, "GET", "/domains", null, 200));
            t.add(row(who, "GET", "/domains/R_ACC_OPS", null, 200));
            t.add(row(who, "GET", "/domains/R_ACC_NONE/history", null, 200));
            t.add(row(who, "GET", "/domains/R_ACC_BOTH/grants", null, 200));
            t.add(row(who, "GET", "/grants/{grantOps}", null, 200));
            t.add(row(who, "GET", "/absences", null, 200));
            t.add(row(who, "GET", "/absences/{absence}", null, 200));
        }
        t.add(row(frank, "GET", "/domains/R_ACC_NOPE", null, 404));

        // ---- the accountability report: everyone logged in, over what they may browse ------------------------
        for (String[] who : new String[][]{frank, bob, alice, erin, admin}) {
            t.add(row(who, "GET", "/reports/accountability", null, 200));
            t.add(row(who, "GET", "/reports/accountability?domain=R_ACC_DEMO,R_ACC_OPS", null, 200));
            t.add(row(who, "GET", "/reports/accountability?group=jira-software-users", null, 200));
        }
        t.add(row(alice, "GET", "/reports/accountability?project=DEMO", null, 200));
        t.add(row(heidi, "GET", "/reports/accountability?project=HR", null, 200));
        t.add(row(frank, "GET", "/reports/accountability?project=HR", null, 400));
        t.add(row(frank, "GET", "/reports/accountability?project=NOPE", null, 400));
        t.add(row(frank, "GET", "/reports/accountability?domain=R_ACC_NOPE", null, 400));
        t.add(row(frank, "GET", "/reports/accountability?group=no-such-group", null, 400));
        t.add(row(alice, "GET", "/reports/accountability?project=DEMO&group=leads", null, 400));

        // ---- the what-if: everyone logged in, over what they may browse -----------------------------------------
        for (String[] who : new String[][]{frank, bob, alice, erin, heidi, admin}) {
            t.add(row(who, "GET", "/reports/whatif?absent=erin", null, 200));
            t.add(row(who, "GET", "/reports/whatif?from=2026-12-01&to=2026-12-31", null, 200));
            t.add(row(who, "GET", "/reports/whatif?domain=R_ACC_DEMO,R_ACC_OPS&absent=dave,ivan", null, 200));
        }
        t.add(row(alice, "GET", "/reports/whatif?project=DEMO&absent=erin", null, 200));
        t.add(row(heidi, "GET", "/reports/whatif?project=HR&absent=heidi", null, 200));
        t.add(row(bob, "GET", "/reports/whatif?group=leads&absent=alice", null, 200));
        t.add(row(frank, "GET", "/reports/whatif?absent=zed", null, 400));             // unknown user
        t.add(row(frank, "GET", "/reports/whatif?absent=", null, 400));                // nobody named
        t.add(row(frank, "GET", "/reports/whatif", null, 400));                        // neither form
        t.add(row(frank, "GET", "/reports/whatif?domain=R_ACC_NOPE&absent=erin", null, 400));
        t.add(row(frank, "GET", "/reports/whatif?project=HR&absent=erin", null, 400));  // not browsable
        t.add(row(erin, "GET", "/reports/whatif?project=NOPE&absent=erin", null, 400));
        t.add(row(frank, "GET", "/reports/whatif?group=no-such-group&absent=erin", null, 400));
        t.add(row(alice, "GET", "/reports/whatif?project=DEMO&group=leads&absent=erin", null, 400));
        t.add(row(frank, "GET", "/reports/whatif?from=2026-12-01", null, 400));        // to missing
        t.add(row(frank, "GET", "/reports/whatif?from=2026-13-01&to=2026-12-31", null, 400));
        t.add(row(frank, "GET", "/reports/whatif?from=2026-12-31&to=2026-12-01", null, 400));
        t.add(row(frank, "GET", "/reports/whatif?from=2026-01-01&to=2027-01-02", null, 400)); // 367 days
        t.add(row(frank, "GET", "/reports/whatif?absent=erin&from=2026-12-01&to=2026-12-31", null, 400)); // both forms

        // ---- domains: who may create, change and delete ------------------------------------------------------
        for (String[] who : new String[][]{frank, bob, erin, heidi}) {
            t.add(row(who, "POST", "/domains", domain("R_ACC_NEW", "[\"DEMO\"]"), 403));
            t.add(row(who, "PUT", "/domains/R_ACC_DEMO", "{put-demo}", 403));
            t.add(row(who, "DELETE", "/domains/{del}", null, 403));
        }
        t.add(row(alice, "POST", "/domains", domain("R_ACC_NEW", "[\"DEMO\"]"), 201));
        t.add(row(alice, "POST", "/domains", domain("R_ACC_NEW", "[\"demo\"]"), 201));
        t.add(row(alice, "POST", "/domains", domain("R_ACC_NEW", "[\"OPS\"]"), 403));
        t.add(row(alice, "POST", "/domains", domain("R_ACC_NEW", "[\"DEMO\",\"OPS\"]"), 403));
        t.add(row(alice, "POST", "/domains", domain("R_ACC_NEW", "[]"), 403));
        t.add(row(alice, "POST", "/domains", domain("R_ACC_NEW", "[\"HR\"]"), 403));
        t.add(row(erin, "POST", "/domains", domain("R_ACC_NEW", "[\"OPS\"]"), 201));
        t.add(row(admin, "POST", "/domains", domain("R_ACC_NEW", "[\"DEMO\",\"OPS\"]"), 201));
        t.add(row(admin, "POST", "/domains", domain("R_ACC_NEW", "[]"), 201));
        t.add(row(alice, "PUT", "/domains/R_ACC_DEMO", "{put-demo}", 200));
        t.add(row(alice, "PUT", "/domains/R_ACC_DEMO", "{put-demo-widen}", 403));
        t.add(row(alice, "PUT", "/domains/R_ACC_OPS", "{put-ops}", 403));
        t.add(row(alice, "PUT", "/domains/R_ACC_BOTH", "{put-both}", 403));
        t.add(row(erin, "PUT", "/domains/R_ACC_OPS", "{put-ops}", 200));
        t.add(row(erin, "PUT", "/domains/R_ACC_BOTH", "{put-both}", 403));
        t.add(row(admin, "PUT", "/domains/R_ACC_BOTH", "{put-both}", 200));
        t.add(row(admin, "PUT", "/domains/R_ACC_DEMO", "{put-demo}", 200));
        t.add(row(alice, "DELETE", "/domains/{del}", null, 204));
        t.add(row(admin, "DELETE", "/domains/{del}", null, 204));
        t.add(row(alice, "DELETE", "/domains/R_ACC_OPS", null, 403));
        t.add(row(alice, "DELETE", "/domains/R_ACC_NONE", null, 403));
        t.add(row(erin, "DELETE", "/domains/R_ACC_BOTH", null, 403));

        // ---- grants -------------------------------------------------------------------------------------------
        for (String[] who : new String[][]{frank, bob, heidi}) {
            t.add(row(who, "POST", "/domains/R_ACC_DEMO/grants", GRANT, 403));
            t.add(row(who, "PUT", "/grants/{grant}", GRANT_V1, 403));
            t.add(row(who, "DELETE", "/grants/{grant}", null, 403));
        }
        t.add(row(alice, "POST", "/domains/R_ACC_DEMO/grants", GRANT, 201));
        t.add(row(alice, "POST", "/domains/R_ACC_OPS/grants", GRANT, 403));
        t.add(row(alice, "POST", "/domains/R_ACC_BOTH/grants", GRANT, 403));
        t.add(row(alice, "POST", "/domains/R_ACC_NONE/grants", GRANT, 403));
        t.add(row(alice, "PUT", "/grants/{grant}", GRANT_V1, 200));
        t.add(row(alice, "DELETE", "/grants/{grant}", null, 204));
        t.add(row(alice, "PUT", "/grants/{grantOps}", GRANT_V1, 403));
        t.add(row(alice, "DELETE", "/grants/{grantOps}", null, 403));
        t.add(row(erin, "POST", "/domains/R_ACC_DEMO/grants", GRANT, 403));
        t.add(row(erin, "POST", "/domains/R_ACC_OPS/grants", GRANT, 201));
        t.add(row(erin, "POST", "/domains/R_ACC_BOTH/grants", GRANT, 403));
        t.add(row(erin, "PUT", "/grants/{grant}", GRANT_V1, 403));
        t.add(row(erin, "DELETE", "/grants/{grant}", null, 403));
        t.add(row(erin, "PUT", "/grants/{grantOps}", GRANT_V1, 200));
        t.add(row(erin, "DELETE", "/grants/{grantOps}", null, 204));
        for (String d : FIXTURE.keySet()) {
            t.add(row(admin, "POST", "/domains/" + d + "/grants", GRANT, 201));
        }
        t.add(row(admin, "PUT", "/grants/{grant}", GRANT_V1, 200));
        t.add(row(admin, "DELETE", "/grants/{grantOps}", null, 204));

        // ---- /authority/{issueKey}: can browse, else 404 like a missing issue ---------------------------------
        for (String[] who : new String[][]{frank, bob, alice, erin, heidi, admin}) {
            t.add(row(who, "GET", "/authority/OPS-2", null, 200));
        }
        t.add(row(frank, "GET", "/authority/HR-5", null, 404));
        t.add(row(bob, "GET", "/authority/HR-5", null, 404));
        t.add(row(frank, "GET", "/authority/hr-1", null, 404));
        t.add(row(erin, "GET", "/authority/HR-5", null, 200));
        t.add(row(erin, "GET", "/authority/HR-3", null, 404));
        t.add(row(admin, "GET", "/authority/HR-3", null, 404));
        t.add(row(heidi, "GET", "/authority/HR-3", null, 200));
        t.add(row(admin, "GET", "/authority/HR-999", null, 404));

        // ---- absences: the person themselves or an admin -------------------------------------------------------
        t.add(row(frank, "POST", "/absences", ABSENCE_SELF, 201));
        t.add(row(frank, "POST", "/absences", ABSENCE_ALICE, 403));
        t.add(row(erin, "POST", "/absences", ABSENCE_ALICE, 403));
        t.add(row(alice, "POST", "/absences", ABSENCE_ALICE, 201));
        t.add(row(admin, "POST", "/absences", ABSENCE_ALICE, 201));
        t.add(row(frank, "DELETE", "/absences/{absence}", null, 403));
        t.add(row(erin, "DELETE", "/absences/{absence}", null, 403));
        t.add(row(alice, "DELETE", "/absences/{absence}", null, 204));
        t.add(row(admin, "DELETE", "/absences/{absence}", null, 204));
        // ---- the matrix as CSV: Jira administrators only (a project administrator manages grants one by one) -------
        for (String[] who : new String[][]{frank, bob, alice, erin, heidi}) {
            t.add(row(who, "GET", "/matrix.csv", null, 403));
            t.add(row(who, "POST", "/matrix.csv?dryRun=true", CSV, 403));
        }
        t.add(row(admin, "GET", "/matrix.csv", null, 200));
        t.add(row(admin, "POST", "/matrix.csv?dryRun=true", CSV, 200));

        // ---- the backup: system administrators only (it holds every decision of every project) ---------------------
        for (String[] who : new String[][]{frank, bob, alice, erin, heidi}) {
            t.add(row(who, "GET", "/backup", null, 403));
            t.add(row(who, "POST", "/backup?dryRun=true", BACKUP, 403));
            t.add(row(who, "POST", "/backup", BACKUP, 403));
        }
        t.add(row(admin, "GET", "/backup", null, 200));
        t.add(row(admin, "POST", "/backup?dryRun=true", BACKUP, 200));
        t.add(row(admin, "POST", "/backup", BACKUP, 409));  // Mandate's tables here hold rows: nothing imported
        return t.stream().map(r -> new Object[]{r}).toList();
    }

    private static Row row(String[] who, String method, String path, String body, int status) {
        return new Row(who[0], who[1], method, path, body, status);
    }

    private static String domain(String key, String projects) {
        return "{\"key\":\"" + key + "\",\"name\":\"New (R)\",\"scope\":{\"projects\":" + projects + "," + SCOPE_TAIL + "}}";
    }

    @BeforeClass
    public static void fixture() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
        FIXTURE.forEach((key, scope) -> {
            SecurityHttp.delete(api + "/domains/" + key, "admin");
            Reply r = post("admin", "/domains", "{\"key\":\"" + key + "\",\"name\":\"Access " + key + "\",\"scope\":" + scope + "}");
            assertEquals(r.toString(), 201, r.status());
        });
        SecurityHttp.delete(api + "/domains/R_ACC_NEW", "admin");
        SecurityHttp.delete(api + "/domains/R_ACC_DEL", "admin");
    }

    @AfterClass
    public static void removeFixture() {
        for (String key : List.of("R_ACC_DEMO", "R_ACC_OPS", "R_ACC_BOTH", "R_ACC_NONE", "R_ACC_NEW", "R_ACC_DEL")) {
            SecurityHttp.delete(api + "/domains/" + key, "admin");
        }
        System.out.println("AuthorityAccessIT: " + rows + " rows");
    }

    @After
    public void removeWhatTheRowMade() {
        for (String url : created) {
            SecurityHttp.delete(url, "admin");
        }
        SecurityHttp.delete(api + "/domains/R_ACC_NEW", "admin");
        SecurityHttp.delete(api + "/domains/R_ACC_DEL", "admin");
    }

    private static Reply post(String user, String path, String json) {
        return SecurityHttp.send("POST", api + path, user, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates, as admin, what the row's placeholder names and returns its id (removed after the row). */
    private String make(String placeholder) {
        Reply r = switch (placeholder) {
            case "{grant}" -> post("admin", "/domains/R_ACC_DEMO/grants", GRANT);
            case "{grantOps}" -> post("admin", "/domains/R_ACC_OPS/grants", GRANT);
            case "{absence}" -> post("admin", "/absences", ABSENCE_ALICE);
            case "{del}" -> post("admin", "/domains", "{\"key\":\"R_ACC_DEL\",\"name\":\"Delete me (R)\",\"scope\":{\"projects\":[\"DEMO\"],"
                    + SCOPE_TAIL + "}}");
            default -> throw new IllegalArgumentException(placeholder);
        };
        assertEquals(placeholder + ": " + r, 201, r.status());
        created.add(r.location());
        return placeholder.equals("{del}") ? "R_ACC_DEL" : r.json().get("id").asText();
    }

    /** A domain body that changes the name (so that it is a change) and keeps or widens the scope. */
    private static String putDomain(String key, String projects) {
        JsonNode current = SecurityHttp.get(api + "/domains/" + key, "admin").json();
        int v = current.get("version").asInt();
        return "{\"name\":\"Access " + key + " v" + (v + 1) + "\",\"scope\":{\"projects\":" + projects + "," + SCOPE_TAIL + "},\"version\":" + v + "}";
    }

    /** The matrix as the admin sees it: every fixture domain with its grants, and every absence. */
    private static String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String key : FIXTURE.keySet()) {
            s.append(SecurityHttp.get(api + "/domains/" + key, "admin").body());
            s.append(SecurityHttp.get(api + "/domains/" + key + "/grants?maxResults=1000", "admin").body());
        }
        s.append(SecurityHttp.get(api + "/absences?maxResults=1000", "admin").body());
        return s.toString();
    }

    @Test
    public void accessAsTheContractSays() {
        rows++;
        String path = row.path();
        for (String placeholder : List.of("{grant}", "{grantOps}", "{absence}", "{del}")) {
            if (path.contains(placeholder)) {
                path = path.replace(placeholder, make(placeholder));
            }
        }
        String body = row.body();
        if (body != null && body.startsWith("{put-")) {
            body = switch (body) {
                case "{put-demo}" -> putDomain("R_ACC_DEMO", "[\"DEMO\"]");
                case "{put-demo-widen}" -> putDomain("R_ACC_DEMO", "[\"DEMO\",\"OPS\"]");
                case "{put-ops}" -> putDomain("R_ACC_OPS", "[\"OPS\"]");
                case "{put-both}" -> putDomain("R_ACC_BOTH", "[\"DEMO\",\"OPS\"]");
                default -> throw new IllegalArgumentException(body);
            };
        }
        if (BACKUP.equals(body)) {
            body = SecurityHttp.get(api + "/backup", "admin").body();
        }
        String before = snapshot();
        Reply reply = SecurityHttp.send(OUTSIDE_THE_CONTRACT.contains(row.path()) ? Contract.Check.RESPONSE : Contract.Check.FULL,
                row.method(), api + path, row.user(),
                body == null ? null : Map.of("Content-Type", body.equals(CSV) ? "text/csv; charset=UTF-8" : "application/json"),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        String what = row.toString();
        if (reply.status() == 201) {
            created.add(reply.location());
        }
        assertEquals(what + ": " + reply, row.status(), reply.status());
        SecurityHttp.assertNothingLeaks(what, reply);
        if (reply.status() >= 400) {
            assertErrorShape(what, reply);
            assertEquals(what + ": a refused request changes nothing", before, snapshot());
        }
        if (reply.status() == 201) {
            assertTrue(what + ": Location " + reply.location(), reply.location().startsWith(api + "/"));
            assertEquals(what + ": Location answers the same", reply.json(), SecurityHttp.get(reply.location(), "admin").json());
        }
        if (reply.status() == 200 && path.equals("/backup")) {
            assertEquals(what, "jira", reply.json().get("product").asText());
            assertTrue(what, reply.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"mandate-jira-backup-"));
        }
        if (path.startsWith("/backup?dryRun=true") && reply.status() == 200) {
            assertEquals(what, false, reply.json().get("imported").asBoolean());
            assertTrue(what + ": this Jira's tables hold rows", reply.json().get("existingRows").size() > 0);
        }
        if (reply.status() == 204) {
            assertEquals(what, "", reply.body());
            assertEquals(what + ": it is gone", 404, SecurityHttp.get(api + path, "admin").status());
        }
        if (path.startsWith("/authority/")) {
            String issue = path.substring("/authority/".length());
            if (reply.status() == 200) {
                assertEquals(what, issue.toUpperCase(java.util.Locale.ROOT), reply.json().get("issueKey").asText());
                assertTrue(what, reply.json().get("domains").isArray());
            } else if (row.user() != null) {
                Reply missing = SecurityHttp.get(api + "/authority/HR-999", row.user());
                assertEquals(what + ": a hidden issue answers like a missing one", missing.status(), reply.status());
                assertEquals(what + ": a hidden issue answers like a missing one", missing.body(),
                        reply.body().replaceAll("(?i)hr-\\d+", "HR-999"));
                assertTrue(what + ": nothing of the issue: " + reply.body(), !reply.body().contains("Salary")
                        && !reply.body().contains("Laptop"));
            }
        }
    }
}
