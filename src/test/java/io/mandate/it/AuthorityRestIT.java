package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The authority matrix's REST API through the reference host running the built jar: domains, grants, absences
 * and {@code /authority/{issueKey}} — round trips, 201 + Location, 409 for a duplicate key, a stale version and a
 * domain decisions use, the approvers with a group grant, a tie, a stand-in while the holder is away today,
 * validity windows.
 *
 * <p>Every domain here starts with {@code R_} and is removed after each test. The scope {@code DEMO + Story +
 * Frontend + ux} (four dimensions) matches DEMO-12 and DEMO-19 only; the test only reads their authority. The
 * decision that holds a domain is recorded on an issue of a project this test creates and deletes.
 */
public class AuthorityRestIT {

    private static final String SCOPE_DEMO12 = "{\"projects\":[\"DEMO\"],\"issueTypes\":[\"Story\"],"
            + "\"components\":[\"Frontend\"],\"labels\":[\"ux\"]}";

    private static String jira;
    private static String api;
    private final List<String> domains = new ArrayList<>();
    private final List<String> absences = new ArrayList<>();

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
    }

    @After
    public void cleanUp() {
        for (String a : absences) {
            SecurityHttp.delete(api + "/absences/" + a, "admin");
        }
        for (String d : domains) {
            Reply r = SecurityHttp.delete(api + "/domains/" + d, "admin");
            assertTrue("clean-up of " + d + ": " + r, r.status() == 204 || r.status() == 404);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static Reply post(String url, String user, String json) {
        return SecurityHttp.send("POST", url, user, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private Reply createDomain(String key, String name, String scope) {
        domains.add(key);
        return post(api + "/domains", "admin", "{\"key\":\"" + key + "\",\"name\":\"" + name + "\",\"scope\":" + scope + "}");
    }

    private JsonNode grant(String domain, String body) {
        Reply r = post(api + "/domains/" + domain + "/grants", "admin", body);
        assertEquals(r.toString(), 201, r.status());
        return r.json();
    }

    private static JsonNode ok(Reply r) {
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    private static JsonNode error(Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status());
        JsonNode body = SecurityHttp.assertErrorShape(r.toString(), r);
        if (field != null) {
            assertTrue(r + " must name " + field, body.get("errors").has(field));
        }
        return body;
    }

    private static List<String> names(JsonNode holders) {
        List<String> names = new ArrayList<>();
        holders.forEach(h -> names.add(h.get("holder").get("type").asText() + ":" + h.get("holder").get("name").asText()));
        return names;
    }

    // ---- domains -----------------------------------------------------------------------------------------

    @Test
    public void domainRoundTripWithLocationConflictsAndHistory() {
        Reply created = post(api + "/domains", "admin", "{\"key\":\"R_CRUD\",\"name\":\"Architecture (R)\","
                + "\"description\":\"How we build things\",\"scope\":{\"projects\":[\"demo\"],\"components\":[\"Backend\"],\"spaces\":[\"TEAM\"]}}");
        domains.add("R_CRUD");
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.location(), created.location().endsWith("/jira/rest/mandate/1.0/domains/R_CRUD"));
        JsonNode d = created.json();
        assertEquals("R_CRUD", d.get("key").asText());
        assertEquals("Architecture (R)", d.get("name").asText());
        assertEquals("How we build things", d.get("description").asText());
        assertEquals("project keys are upper case", "[\"DEMO\"]", d.get("scope").get("projects").toString());
        assertEquals("[\"Backend\"]", d.get("scope").get("components").toString());
        assertEquals("[]", d.get("scope").get("issueTypes").toString());
        assertEquals("[]", d.get("scope").get("labels").toString());
        assertEquals("[\"TEAM\"]", d.get("scope").get("spaces").toString());
        assertEquals(1, d.get("version").asInt());

        assertEquals("GET answers what POST did", d, ok(SecurityHttp.get(created.location(), "frank")));
        assertEquals(d, ok(SecurityHttp.get(api + "/domains/r_crud", "frank")));
        JsonNode list = ok(SecurityHttp.get(api + "/domains?maxResults=1000", "frank"));
        assertEquals(list.get("total").asInt(), list.get("values").size());
        List<String> keys = new ArrayList<>();
        list.get("values").forEach(v -> keys.add(v.get("key").asText()));
        assertTrue(keys.toString(), keys.contains("R_CRUD"));
        assertEquals("sorted by key", keys.stream().sorted().toList(), keys);
        JsonNode counted = ok(SecurityHttp.get(api + "/domains?maxResults=0", "frank"));
        assertEquals(list.get("total"), counted.get("total"));
        assertEquals(0, counted.get("values").size());

        error(post(api + "/domains", "admin", "{\"key\":\"R_CRUD\",\"name\":\"Again\"}"), 409, "key");

        Reply changed = SecurityHttp.putJson(api + "/domains/R_CRUD", "admin", "{\"name\":\"Architecture\",\"description\":\"How we build things\","
                + "\"scope\":{\"projects\":[\"DEMO\"],\"issueTypes\":[\"Story\"]},\"version\":1}");
        JsonNode v2 = ok(changed);
        assertEquals(2, v2.get("version").asInt());
        assertEquals("[]", v2.get("scope").get("components").toString());
        assertEquals("[\"Story\"]", v2.get("scope").get("issueTypes").toString());
        error(SecurityHttp.putJson(api + "/domains/R_CRUD", "admin", "{\"name\":\"Stale\",\"version\":1}"), 409, "version");
        error(SecurityHttp.uncheckedPutJson(api + "/domains/R_CRUD", "admin", "{\"name\":\"No version\"}"), 400, "version");
        error(SecurityHttp.putJson(api + "/domains/R_CRUD", "admin", "{\"key\":\"R_OTHER\",\"name\":\"Renamed\",\"version\":2}"), 400, "key");
        assertEquals("the refused writes changed nothing", v2, ok(SecurityHttp.get(api + "/domains/R_CRUD", "frank")));

        JsonNode history = ok(SecurityHttp.get(api + "/domains/R_CRUD/history", "frank"));
        assertTrue(history.toString(), history.size() >= 5);
        JsonNode newest = history.get(0);
        assertEquals("admin", newest.get("author").get("name").asText());
        assertEquals("Administrator", newest.get("author").get("displayName").asText());
        assertEquals("domain", newest.get("objectType").asText());
        List<String> fields = new ArrayList<>();
        history.forEach(h -> fields.add(h.get("field").asText()));
        assertTrue("newest first: the update's fields before the creation's key: " + fields,
                fields.indexOf("name") < fields.indexOf("key"));
        assertTrue(fields.toString(), fields.contains("scope"));

        Reply deleted = SecurityHttp.delete(api + "/domains/R_CRUD", "admin");
        assertEquals(deleted.toString(), 204, deleted.status());
        assertEquals("", deleted.body());
        error(SecurityHttp.get(api + "/domains/R_CRUD", "frank"), 404, null);
        error(SecurityHttp.delete(api + "/domains/R_CRUD", "admin"), 404, null);
        assertTrue("the history is answered for existing domains only (the trail itself stays in the database)",
                SecurityHttp.get(api + "/domains/R_CRUD/history", "admin").status() == 404);
    }

    @Test
    public void aDomainThatADecisionUsesCannotBeDeleted() {
        String project = "RREST";
        Reply p = post(jira + "/rest/api/2/project", "admin", "{\"key\":\"" + project + "\",\"name\":\"Authority REST IT\",\"lead\":\"admin\"}");
        assertEquals(p.toString(), 201, p.status());
        try {
            Reply issue = post(jira + "/rest/api/2/issue", "admin", "{\"fields\":{\"project\":{\"key\":\"" + project
                    + "\"},\"summary\":\"Pick the on-call tool\",\"issuetype\":{\"name\":\"Task\"}}}");
            assertEquals(issue.toString(), 201, issue.status());
            String key = issue.json().get("key").asText();
            assertEquals(201, createDomain("R_X", "Used by a decision", "{\"projects\":[\"OPS\"],\"labels\":[\"r-none\"]}").status());

            Reply decision = SecurityHttp.putJson(api + "/decisions/" + key, "admin",
                    "{\"status\":\"OPEN\",\"domain\":\"R_X\"}");
            assertEquals(decision.toString(), 200, decision.status());
            assertEquals("R_X", decision.json().get("domain").asText());

            JsonNode refused = error(SecurityHttp.delete(api + "/domains/R_X", "admin"), 409, null);
            assertTrue(refused.toString(), refused.get("message").asText().contains("R_X"));
            assertTrue("names how many: " + refused, refused.get("message").asText().contains("1 decision"));
            ok(SecurityHttp.get(api + "/domains/R_X", "admin"));

            assertEquals(204, SecurityHttp.delete(api + "/decisions/" + key, "admin").status());
            assertEquals(204, SecurityHttp.delete(api + "/domains/R_X", "admin").status());
        } finally {
            assertEquals(204, SecurityHttp.delete(jira + "/rest/api/2/project/" + project, "admin").status());
        }
    }

    // ---- grants ------------------------------------------------------------------------------------------

    @Test
    public void grantRoundTripWithLocationAndStaleVersion() {
        assertEquals(201, createDomain("R_GRANT", "Grants (R)", "{\"projects\":[\"DEMO\"],\"labels\":[\"r-none\"]}").status());
        Reply created = post(api + "/domains/r_grant/grants", "admin", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},"
                + "\"level\":5,\"backup\":\"bob\",\"mentee\":\"carol\",\"validTo\":\"2099-06-30\",\"note\":\"Until the reorg\"}");
        assertEquals(created.toString(), 201, created.status());
        JsonNode g = created.json();
        long id = g.get("id").asLong();
        assertTrue(created.location(), created.location().endsWith("/jira/rest/mandate/1.0/grants/" + id));
        assertEquals("R_GRANT", g.get("domain").asText());
        assertEquals("user", g.get("holder").get("type").asText());
        assertEquals("alice", g.get("holder").get("name").asText());
        assertEquals("Alice Adams", g.get("holder").get("displayName").asText());
        assertEquals(5, g.get("level").asInt());
        assertEquals("ADVISE", g.get("levelName").asText());
        assertEquals("bob", g.get("backup").asText());
        assertEquals("carol", g.get("mentee").asText());
        assertTrue(g.get("validFrom").isNull());
        assertEquals("2099-06-30", g.get("validTo").asText());
        assertEquals("Until the reorg", g.get("note").asText());
        assertEquals(1, g.get("version").asInt());
        assertEquals(g, ok(SecurityHttp.get(created.location(), "frank")));

        JsonNode group = grant("R_GRANT", "{\"holder\":{\"type\":\"group\",\"name\":\"developers\"},\"level\":\"consult\"}");
        assertEquals("{\"type\":\"group\",\"name\":\"developers\"}", group.get("holder").toString());
        assertEquals(3, group.get("level").asInt());
        assertEquals("CONSULT", group.get("levelName").asText());

        JsonNode page = ok(SecurityHttp.get(api + "/domains/R_GRANT/grants", "frank"));
        assertEquals(2, page.get("total").asInt());
        assertEquals("strongest first", g, page.get("values").get(0));
        assertEquals(group, page.get("values").get(1));
        JsonNode second = ok(SecurityHttp.get(api + "/domains/R_GRANT/grants?startAt=1&maxResults=1", "frank"));
        assertEquals(2, second.get("total").asInt());
        assertEquals(group, second.get("values").get(0));

        // what GET returned can be sent back with a change
        String changed = g.toString().replace("\"level\":5", "\"level\":7").replace("\"levelName\":\"ADVISE\"", "\"levelName\":\"ADVISE\"");
        JsonNode v2 = ok(SecurityHttp.putJson(api + "/grants/" + id, "admin", changed));
        assertEquals(7, v2.get("level").asInt());
        assertEquals("DELEGATE", v2.get("levelName").asText());
        assertEquals(2, v2.get("version").asInt());
        error(SecurityHttp.putJson(api + "/grants/" + id, "admin", changed), 409, "version");
        error(SecurityHttp.putJson(api + "/grants/" + id, "admin", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":6}"), 400, "version");
        error(post(api + "/domains/R_GRANT/grants", "admin", "{\"holder\":{\"type\":\"user\",\"name\":\"zed\"},\"level\":5}"), 400, "holder");
        error(post(api + "/domains/R_GRANT/grants", "admin", "{\"holder\":{\"type\":\"group\",\"name\":\"no-such-group\"},\"level\":5}"), 400, "holder");
        error(post(api + "/domains/R_GRANT/grants", "admin", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":5,\"backup\":\"ivan\"}"), 400, "backup");
        error(post(api + "/domains/R_NOPE/grants", "admin", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":5}"), 404, null);
        assertEquals(2, ok(SecurityHttp.get(api + "/domains/R_GRANT/grants", "frank")).get("total").asInt());

        JsonNode history = ok(SecurityHttp.get(api + "/domains/R_GRANT/history", "frank"));
        assertEquals("grant", history.get(0).get("objectType").asText());
        assertEquals(String.valueOf(id), history.get(0).get("objectId").asText());
        assertEquals("level", history.get(0).get("field").asText());
        assertEquals("ADVISE", history.get(0).get("before").asText());
        assertEquals("DELEGATE", history.get(0).get("after").asText());

        assertEquals(204, SecurityHttp.delete(api + "/grants/" + id, "admin").status());
        error(SecurityHttp.get(api + "/grants/" + id, "frank"), 404, null);
        error(SecurityHttp.delete(api + "/grants/" + id, "admin"), 404, null);
        error(SecurityHttp.uncheckedGet(api + "/grants/abc", "frank"), 404, null);
        error(SecurityHttp.uncheckedGet(api + "/grants/-1", "frank"), 404, null);
        error(SecurityHttp.uncheckedGet(api + "/grants/99999999999999999999999", "frank"), 404, null);
        assertEquals(1, ok(SecurityHttp.get(api + "/domains/R_GRANT/grants", "frank")).get("total").asInt());
    }

    // ---- /authority/{issueKey} -----------------------------------------------------------------------------

    @Test
    public void theAuthorityOfAnIssueWithGroupsWindowsAndAStandIn() {
        LocalDate today = LocalDate.now();
        assertEquals(201, createDomain("R_AUTH", "Frontend UX (R)", SCOPE_DEMO12).status());
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"DELEGATE\",\"backup\":\"dave\",\"mentee\":\"grace\"}");
        grant("R_AUTH", "{\"holder\":{\"type\":\"group\",\"name\":\"operations\"},\"level\":5}");
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"bob\"},\"level\":4}");
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"grace\"},\"level\":3}");
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"frank\"},\"level\":1}");
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"heidi\"},\"level\":2}");
        // outside their windows: not yet and no longer valid
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"erin\"},\"level\":7,\"validFrom\":\"" + today.plusDays(3) + "\"}");
        grant("R_AUTH", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":7,\"validTo\":\"" + today.minusDays(3) + "\"}");

        JsonNode a = ok(SecurityHttp.get(api + "/authority/demo-12", "frank"));
        assertEquals("DEMO-12", a.get("issueKey").asText());
        assertFalse(a.get("tie").asBoolean());
        assertEquals(a.toString(), 1, a.get("domains").size());
        JsonNode d = a.get("domains").get(0);
        assertEquals("R_AUTH", d.get("key").asText());
        assertEquals("Frontend UX (R)", d.get("name").asText());
        assertEquals(List.of("user:carol", "group:operations"), names(d.get("approvers")));
        JsonNode carol = d.get("approvers").get(0);
        assertEquals(7, carol.get("level").asInt());
        assertEquals("DELEGATE", carol.get("levelName").asText());
        assertEquals("Carol Clark", carol.get("holder").get("displayName").asText());
        assertNotNull(carol.get("holder").get("key").asText());
        assertEquals("dave", carol.get("backup").get("name").asText());
        assertEquals("Dave Davis", carol.get("backup").get("displayName").asText());
        assertEquals("grace", carol.get("mentee").get("name").asText());
        assertEquals("{\"type\":\"group\",\"name\":\"operations\"}", d.get("approvers").get(1).get("holder").toString());
        assertEquals(List.of("user:bob"), names(d.get("coDeciders")));
        assertEquals(List.of("user:grace"), names(d.get("consulted")));
        assertEquals(List.of("user:heidi", "user:frank"), names(d.get("told")));
        assertEquals(0, d.get("standIns").size());
        assertEquals(0, d.get("absent").size());
        assertFalse("grants outside their window are not shown: " + a, a.toString().contains("\"erin\"") || a.toString().contains("\"alice\""));

        // carol is away today: dave stands in for her
        Reply away = post(api + "/absences", "carol", "{\"from\":\"" + today.minusDays(1) + "\",\"to\":\"" + today.plusDays(4)
                + "\",\"note\":\"Holiday\"}");
        assertEquals(away.toString(), 201, away.status());
        absences.add(away.json().get("id").asText());
        JsonNode d2 = ok(SecurityHttp.get(api + "/authority/DEMO-12", "frank")).get("domains").get(0);
        assertEquals(d2.toString(), 1, d2.get("standIns").size());
        JsonNode standIn = d2.get("standIns").get(0);
        assertEquals("carol", standIn.get("holder").get("name").asText());
        assertEquals("dave", standIn.get("backup").get("name").asText());
        assertEquals(7, standIn.get("level").asInt());
        assertEquals(today.plusDays(4).toString(), standIn.get("until").asText());
        assertEquals(1, d2.get("absent").size());
        assertEquals("carol", d2.get("absent").get(0).get("user").get("name").asText());
        assertEquals(today.plusDays(4).toString(), d2.get("absent").get(0).get("until").asText());

        assertEquals(204, SecurityHttp.delete(api + "/absences/" + absences.remove(0), "carol").status());
        assertEquals(0, ok(SecurityHttp.get(api + "/authority/DEMO-12", "frank")).get("domains").get(0).get("standIns").size());

        // an issue in no domain of this test: nothing of R_AUTH
        assertFalse(ok(SecurityHttp.get(api + "/authority/DEMO-4", "frank")).toString().contains("R_AUTH"));
    }

    @Test
    public void twoEquallySpecificDomainsAreATieShownWithBoth() {
        assertEquals(201, createDomain("R_TIE_B", "Tie B (R)", SCOPE_DEMO12).status());
        assertEquals(201, createDomain("R_TIE_A", "Tie A (R)", SCOPE_DEMO12).status());
        // less specific: loses to both
        assertEquals(201, createDomain("R_TIE_C", "Tie C (R)", "{\"projects\":[\"DEMO\"],\"issueTypes\":[\"Story\"],\"components\":[\"Frontend\"]}").status());
        grant("R_TIE_A", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":6}");
        grant("R_TIE_B", "{\"holder\":{\"type\":\"group\",\"name\":\"developers\"},\"level\":5}");
        JsonNode a = ok(SecurityHttp.get(api + "/authority/DEMO-12", "carol"));
        assertTrue(a.toString(), a.get("tie").asBoolean());
        assertEquals(2, a.get("domains").size());
        assertEquals("R_TIE_A", a.get("domains").get(0).get("key").asText());
        assertEquals("R_TIE_B", a.get("domains").get(1).get("key").asText());
        assertEquals(List.of("user:alice"), names(a.get("domains").get(0).get("approvers")));
        assertEquals(List.of("group:developers"), names(a.get("domains").get(1).get("approvers")));
    }

    // ---- absences ----------------------------------------------------------------------------------------

    @Test
    public void absencesAreRecordedListedAndRemoved() {
        Reply mine = post(api + "/absences", "dave", "{\"from\":\"2031-03-01\",\"to\":\"2031-03-10\",\"note\":\"Conference\"}");
        assertEquals(mine.toString(), 201, mine.status());
        String id = mine.json().get("id").asText();
        absences.add(id);
        assertTrue(mine.location(), mine.location().endsWith("/jira/rest/mandate/1.0/absences/" + id));
        assertEquals("dave", mine.json().get("user").get("name").asText());
        assertEquals("Dave Davis", mine.json().get("user").get("displayName").asText());
        assertEquals("2031-03-01", mine.json().get("from").asText());
        assertEquals("2031-03-10", mine.json().get("to").asText());
        assertEquals("Conference", mine.json().get("note").asText());

        Reply forGrace = post(api + "/absences", "admin", "{\"user\":\"grace\",\"from\":\"2031-03-05\",\"to\":\"2031-03-20\"}");
        assertEquals(forGrace.toString(), 201, forGrace.status());
        absences.add(forGrace.json().get("id").asText());

        JsonNode both = ok(SecurityHttp.get(api + "/absences?from=2031-03-01&to=2031-03-31", "frank"));
        assertEquals(2, both.get("total").asInt());
        assertEquals("earliest first", "dave", both.get("values").get(0).get("user").get("name").asText());
        JsonNode graceOnly = ok(SecurityHttp.get(api + "/absences?user=grace&from=2031-03-01&to=2031-03-31", "frank"));
        assertEquals(1, graceOnly.get("total").asInt());
        JsonNode after = ok(SecurityHttp.get(api + "/absences?from=2031-03-11&to=2031-03-31", "frank"));
        assertEquals("dave's ended on the 10th", 1, after.get("total").asInt());
        JsonNode paged = ok(SecurityHttp.get(api + "/absences?from=2031-03-01&to=2031-03-31&startAt=1&maxResults=1", "frank"));
        assertEquals(2, paged.get("total").asInt());
        assertEquals("grace", paged.get("values").get(0).get("user").get("name").asText());

        error(post(api + "/absences", "dave", "{\"from\":\"2031-03-10\",\"to\":\"2031-03-01\"}"), 400, "to");
        error(post(api + "/absences", "dave", "{\"user\":\"zed\",\"from\":\"2031-03-01\",\"to\":\"2031-03-02\"}"), 400, "user");
        error(SecurityHttp.get(api + "/absences?from=2031-03-10&to=2031-03-01", "frank"), 400, "to");
        error(SecurityHttp.uncheckedGet(api + "/absences?from=tomorrow&maxResults=x", "frank"), 400, "from");
        error(SecurityHttp.get(api + "/absences?user=zed", "frank"), 400, "user");

        assertEquals(204, SecurityHttp.delete(api + "/absences/" + id, "dave").status());
        error(SecurityHttp.delete(api + "/absences/" + id, "dave"), 404, null);
        error(SecurityHttp.send(Contract.Check.RESPONSE, "DELETE", api + "/absences/x1", "dave", null, null), 404, null);
        assertEquals(1, ok(SecurityHttp.get(api + "/absences?from=2031-03-01&to=2031-03-31", "frank")).get("total").asInt());
    }
}
