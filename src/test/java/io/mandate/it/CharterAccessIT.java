package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

import java.util.ArrayList;
import java.util.List;

import static io.mandate.it.SecurityHttp.assertErrorShape;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The access table of the team charters' REST endpoints in Confluence ({@code /confluence/rest/mandate/1.0/charters}),
 * one row per (who × what), each with its expected status written out. A charter takes its permissions from the
 * space it lives in (docs/sample-org.md, "Who may do what"):
 * <ul>
 *     <li>anonymous, a wrong password and the deactivated ivan: 401 everywhere;</li>
 *     <li>TEAM: everyone views it; alice, carol, dave, erin, grace and admin edit it (frank, bob and heidi do not);</li>
 *     <li>ENG: alice, bob, carol, dave, erin, grace and admin view it (frank and heidi do not); alice, carol, dave,
 *         grace and admin edit it (bob and erin do not).</li>
 * </ul>
 * A charter in a space the caller cannot view is 404, answered exactly like one that does not exist — also on PUT and
 * DELETE. A refused request changes nothing.
 *
 * <p>Fixture charters R_ACC_TEAM (in TEAM) and R_ACC_ENG (in ENG) are made before the class and removed after it;
 * what a row creates (R_ACC_NEW) is removed after the row.
 */
@RunWith(Parameterized.class)
public class CharterAccessIT {

    private static final String NEW = "R_ACC_NEW";
    /** Stands for this Confluence's own backup, as admin exports it when the row runs. */
    private static final String BACKUP = "{backup}";
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

    @Parameters(name = "{index}: {0}")
    public static List<Object[]> table() {
        List<Row> t = new ArrayList<>();
        String[][] nobody = {{"anonymous", null}, {"wrong password", "alice:wrong"}, {"deactivated ivan", "ivan"}};
        for (String[] who : nobody) {
            t.add(row(who, "GET", "/charters", null, 401));
            t.add(row(who, "GET", "/charters?space=TEAM", null, 401));
            t.add(row(who, "GET", "/charters/R_ACC_TEAM", null, 401));
            t.add(row(who, "PUT", "/charters/R_ACC_TEAM", "{put-team}", 401));
            t.add(row(who, "PUT", "/charters/" + NEW, charter("TEAM"), 401));
            t.add(row(who, "DELETE", "/charters/{del}", null, 401));
            t.add(row(who, "GET", "/backup", null, 401));
            t.add(row(who, "POST", "/backup?dryRun=true", BACKUP, 401));
        }
        String[] frank = {"frank (views TEAM only, edits nothing)", "frank"};
        String[] heidi = {"heidi (views TEAM only, edits nothing)", "heidi"};
        String[] bob = {"bob (views TEAM and ENG, edits neither)", "bob"};
        String[] erin = {"erin (edits TEAM, views ENG)", "erin"};
        String[] alice = {"alice (edits TEAM and ENG)", "alice"};
        String[] admin = {"admin (system administrator)", "admin"};

        // ---- reading: whoever may view the charter's space ----------------------------------------------------
        for (String[] who : new String[][]{frank, heidi, bob, erin, alice, admin}) {
            t.add(row(who, "GET", "/charters", null, 200));
            t.add(row(who, "GET", "/charters?space=TEAM", null, 200));
            t.add(row(who, "GET", "/charters/R_ACC_TEAM", null, 200));
        }
        for (String[] who : new String[][]{bob, erin, alice, admin}) {
            t.add(row(who, "GET", "/charters/R_ACC_ENG", null, 200));
            t.add(row(who, "GET", "/charters?space=ENG", null, 200));
        }
        t.add(row(frank, "GET", "/charters/R_ACC_ENG", null, 404));
        t.add(row(heidi, "GET", "/charters/R_ACC_ENG", null, 404));
        t.add(row(alice, "GET", "/charters/R_ACC_NOPE", null, 404));
        t.add(row(alice, "GET", "/charters/bad-key", null, 404));
        t.add(row(frank, "GET", "/charters?space=ENG", null, 400));     // a space frank cannot view
        t.add(row(alice, "GET", "/charters?space=NOPE", null, 400));
        t.add(row(alice, "GET", "/charters?maxResults=-1", null, 400));

        // ---- replacing: edit permission on the charter's space --------------------------------------------------
        for (String[] who : new String[][]{frank, heidi, bob}) {
            t.add(row(who, "PUT", "/charters/R_ACC_TEAM", "{put-team}", 403));
            t.add(row(who, "DELETE", "/charters/{del}", null, 403));
        }
        for (String[] who : new String[][]{erin, alice, admin}) {
            t.add(row(who, "PUT", "/charters/R_ACC_TEAM", "{put-team}", 200));
            t.add(row(who, "DELETE", "/charters/{del}", null, 204));
        }
        t.add(row(frank, "PUT", "/charters/R_ACC_ENG", "{put-eng}", 404));  // cannot even see it
        t.add(row(heidi, "DELETE", "/charters/R_ACC_ENG", null, 404));
        t.add(row(bob, "PUT", "/charters/R_ACC_ENG", "{put-eng}", 403));
        t.add(row(erin, "PUT", "/charters/R_ACC_ENG", "{put-eng}", 403));
        t.add(row(erin, "DELETE", "/charters/R_ACC_ENG", null, 403));
        t.add(row(alice, "PUT", "/charters/R_ACC_ENG", "{put-eng}", 200));
        t.add(row(erin, "PUT", "/charters/R_ACC_TEAM", "{move-team-to-eng}", 403)); // edits TEAM, not ENG
        t.add(row(alice, "PUT", "/charters/R_ACC_TEAM", "{move-team-to-eng}", 200));

        // ---- creating: edit permission on the space given ----------------------------------------------------------
        t.add(row(frank, "PUT", "/charters/" + NEW, charter("TEAM"), 403));
        t.add(row(bob, "PUT", "/charters/" + NEW, charter("ENG"), 403));
        t.add(row(erin, "PUT", "/charters/" + NEW, charter("ENG"), 403));
        t.add(row(frank, "PUT", "/charters/" + NEW, charter("ENG"), 400));  // a space frank cannot view is unknown to him
        t.add(row(erin, "PUT", "/charters/" + NEW, charter("TEAM"), 200));
        t.add(row(alice, "PUT", "/charters/" + NEW, charter("ENG"), 200));

        // ---- invalid input and conflicts ------------------------------------------------------------------------------
        t.add(row(alice, "PUT", "/charters/" + NEW, charter("NOPE"), 400));
        t.add(row(alice, "PUT", "/charters/bad-key", charter("TEAM"), 400));
        t.add(row(alice, "PUT", "/charters/" + NEW, "{\"name\":\"x\",\"space\":\"TEAM\",\"members\":[{\"name\":\"zed\"}]}", 400));
        t.add(row(alice, "PUT", "/charters/" + NEW, "{\"name\":\"x\",\"space\":\"TEAM\",\"domains\":[\"not a key\"]}", 400));
        t.add(row(alice, "PUT", "/charters/" + NEW, "{\"name\":\"x\",\"space\":\"TEAM\",\"purpose\":\"" + "p".repeat(10_001) + "\"}", 400));
        t.add(row(alice, "PUT", "/charters/" + NEW, versioned(charter("TEAM"), 1), 409)); // nothing to replace
        t.add(row(alice, "PUT", "/charters/R_ACC_TEAM", charter("TEAM"), 400));                           // version missing
        t.add(row(alice, "PUT", "/charters/R_ACC_TEAM", versioned(charter("TEAM"), 99), 409));
        t.add(row(alice, "DELETE", "/charters/R_ACC_TEAM?version=99", null, 409));
        t.add(row(alice, "DELETE", "/charters/R_ACC_NOPE", null, 404));

        // ---- the backup: Confluence system administrators only (it holds the charters of every space) --------------
        for (String[] who : new String[][]{frank, heidi, bob, erin, alice}) {
            t.add(row(who, "GET", "/backup", null, 403));
            t.add(row(who, "POST", "/backup?dryRun=true", BACKUP, 403));
            t.add(row(who, "POST", "/backup", BACKUP, 403));
        }
        t.add(row(admin, "GET", "/backup", null, 200));
        t.add(row(admin, "POST", "/backup?dryRun=true", BACKUP, 200));
        t.add(row(admin, "POST", "/backup", BACKUP, 409));  // the sample charters are here: nothing imported
        return t.stream().map(r -> new Object[]{r}).toList();
    }

    private static Row row(String[] who, String method, String path, String body, int status) {
        return new Row(who[0], who[1], method, path, body, status);
    }

    private static String charter(String space) {
        return "{\"name\":\"New team (R)\",\"space\":\"" + space + "\",\"purpose\":\"Access test\","
                + "\"members\":[{\"name\":\"carol\",\"role\":\"Member\"}],\"domains\":[\"ARCH\"]}";
    }

    /** The charter body with a version (before its closing brace). */
    private static String versioned(String json, int version) {
        return json.substring(0, json.lastIndexOf('}')) + ",\"version\":" + version + "}";
    }

    @BeforeClass
    public static void fixture() {
        api = RunningHost.confluence() + "/rest/mandate/1.0";
        for (String key : List.of("R_ACC_TEAM", "R_ACC_ENG", NEW, "R_ACC_DEL")) {
            SecurityHttp.delete(api + "/charters/" + key, "admin");
        }
        put("R_ACC_TEAM", "TEAM");
        put("R_ACC_ENG", "ENG");
    }

    private static void put(String key, String space) {
        Reply r = SecurityHttp.putJson(api + "/charters/" + key, "admin", charter(space).replace("New team (R)", "Access " + key));
        assertEquals(r.toString(), 200, r.status());
    }

    @AfterClass
    public static void removeFixture() {
        for (String key : List.of("R_ACC_TEAM", "R_ACC_ENG", NEW, "R_ACC_DEL")) {
            SecurityHttp.delete(api + "/charters/" + key, "admin");
        }
        System.out.println("CharterAccessIT: " + rows + " rows");
    }

    @After
    public void restore() {
        SecurityHttp.delete(api + "/charters/" + NEW, "admin");
        SecurityHttp.delete(api + "/charters/R_ACC_DEL", "admin");
        // rows move or change the fixture charters: put them back as they were
        for (String[] fixture : new String[][]{{"R_ACC_TEAM", "TEAM"}, {"R_ACC_ENG", "ENG"}}) {
            JsonNode current = SecurityHttp.get(api + "/charters/" + fixture[0], "admin").json();
            Reply r = SecurityHttp.putJson(api + "/charters/" + fixture[0], "admin", versioned(charter(fixture[1])
                    .replace("New team (R)", "Access " + fixture[0]), current.get("version").asInt()));
            assertEquals(r.toString(), 200, r.status());
        }
    }

    /** Both fixture charters and the list as admin sees them. */
    private static String snapshot() {
        return SecurityHttp.get(api + "/charters?maxResults=1000", "admin").body();
    }

    /** The body with the fixture charter's current version, and a change so that it is one. */
    private static String replacing(String key, String space) {
        int v = SecurityHttp.get(api + "/charters/" + key, "admin").json().get("version").asInt();
        return "{\"name\":\"Access " + key + " v" + (v + 1) + "\",\"space\":\"" + space + "\",\"members\":[{\"name\":\"dave\",\"role\":\"Lead\"}],"
                + "\"domains\":[\"RELEASE\"],\"version\":" + v + "}";
    }

    @Test
    public void accessAsTheContractSays() {
        rows++;
        String path = row.path();
        if (path.contains("{del}")) {
            put("R_ACC_DEL", "TEAM");
            path = path.replace("{del}", "R_ACC_DEL");
        }
        String body = row.body();
        if (body != null && (body.startsWith("{put-") || body.startsWith("{move-"))) {
            body = switch (body) {
                case "{put-team}" -> replacing("R_ACC_TEAM", "TEAM");
                case "{put-eng}" -> replacing("R_ACC_ENG", "ENG");
                case "{move-team-to-eng}" -> replacing("R_ACC_TEAM", "ENG");
                default -> throw new IllegalArgumentException(body);
            };
        }
        if (BACKUP.equals(body)) {
            body = SecurityHttp.get(api + "/backup", "admin").body();
        }
        String before = snapshot();
        // the 400 rows are outside the contract on purpose (bad bodies and parameters): their answers are checked
        io.mandate.testing.Contract.Check check = row.status() == 400 ? io.mandate.testing.Contract.Check.RESPONSE
                : io.mandate.testing.Contract.Check.FULL;
        Reply reply = body != null ? SecurityHttp.send(check, row.method(), api + path, row.user(),
                java.util.Map.of("Content-Type", "application/json"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : SecurityHttp.send(check, row.method(), api + path, row.user(), null, null);
        String what = row.toString();
        assertEquals(what + ": " + reply, row.status(), reply.status());
        SecurityHttp.assertNothingLeaks(what, reply);
        if (reply.status() >= 400) {
            assertErrorShape(what, reply);
            assertEquals(what + ": a refused request changes nothing", before, snapshot());
        }
        if (reply.status() == 404 && row.user() != null) {
            Reply missing = SecurityHttp.send(row.method(), api + "/charters/R_ACC_NOPE", row.user(),
                    body == null ? null : java.util.Map.of("Content-Type", "application/json"),
                    body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (missing.status() == 404) {
                assertEquals(what + ": a hidden charter answers like a missing one", missing.body().replace("R_ACC_NOPE", "X"),
                        reply.body().replaceAll("R_ACC_[A-Z]+|bad-key", "X"));
            }
        }
        if (reply.status() == 200 && row.method().equals("PUT")) {
            String key = path.substring("/charters/".length());
            assertEquals(what + ": PUT answers what GET reads", SecurityHttp.get(api + "/charters/" + key, "admin").json(), reply.json());
        }
        if (reply.status() == 200 && row.method().equals("GET") && path.startsWith("/charters/")) {
            assertEquals(what, path.substring("/charters/".length()), reply.json().get("teamKey").asText());
        }
        if (reply.status() == 200 && path.equals("/backup")) {
            assertEquals(what, "confluence", reply.json().get("product").asText());
            assertTrue(what, reply.json().get("charters").size() > 0);
        }
        if (reply.status() == 200 && path.startsWith("/backup?dryRun=true")) {
            assertEquals(what, false, reply.json().get("imported").asBoolean());
        }
        if (reply.status() == 204) {
            assertEquals(what, "", reply.body());
            assertEquals(what + ": it is gone", 404, SecurityHttp.get(api + path, "admin").status());
        }
        if (reply.status() == 200 && row.method().equals("GET") && (path.startsWith("/charters?") || path.equals("/charters"))) {
            assertTrue(what + ": a page of charters: " + reply, reply.json().get("values").isArray());
        }
    }
}
