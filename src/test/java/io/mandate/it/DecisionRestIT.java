package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The decision REST API through the reference host running the built jar: access rules of the
 * REST contract (401/403/404), validation (400 naming fields), optimistic locking (409), history.
 * Each test uses its own issue because the host is shared by the test JVM.
 */
public class DecisionRestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String api;

    @BeforeClass
    public static void startHost() {
        api = RunningHost.jira() + "/rest/mandate/1.0";
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    private static Reply put(String issue, String user, String body) {
        return Http.putJson(api + "/decisions/" + issue, user, body);
    }

    private static final String IN_PROGRESS = "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
            + "\"contributors\":[\"dave\"],\"informed\":[{\"type\":\"group\",\"name\":\"developers\"},{\"type\":\"user\",\"name\":\"erin\"}],"
            + "\"dueDate\":\"2026-12-01\"}";

    @Test
    public void editorCreatesADecisionAndReadsItBack() {
        Reply created = put("DEMO-3", "alice", IN_PROGRESS);
        assertEquals(created.body(), 200, created.status());
        Reply read = Http.get(api + "/decisions/DEMO-3", "bob");
        assertEquals(200, read.status());
        JsonNode d = json(read);
        assertEquals("DEMO-3", d.get("issueKey").asText());
        assertEquals("IN_PROGRESS", d.get("status").asText());
        assertEquals("carol", d.get("approver").get("name").asText());
        assertEquals("Carol Clark", d.get("approver").get("displayName").asText());
        assertEquals("alice", d.get("driver").get("name").asText());
        assertEquals("dave", d.get("contributors").get(0).get("name").asText());
        assertEquals("group", d.get("informed").get(0).get("type").asText());
        assertEquals("erin", d.get("informed").get(1).get("name").asText());
        assertEquals("2026-12-01", d.get("dueDate").asText());
        assertEquals(1, d.get("version").asInt());
        assertTrue(d.get("summary").asText().length() > 0);
    }

    @Test
    public void browseOnlyUserCannotChangeADecision() {
        Reply reply = put("DEMO-4", "bob", "{\"status\":\"OPEN\"}");
        assertEquals(403, reply.status());
        assertEquals(404, Http.get(api + "/decisions/DEMO-4", "alice").status());
    }

    @Test
    public void anIssueTheCallerCannotBrowseIsNotFoundNotForbidden() {
        assertEquals(200, put("HR-2", "admin", "{\"status\":\"OPEN\"}").status());
        Reply asFrank = Http.get(api + "/decisions/HR-2", "frank");
        assertEquals(404, asFrank.status());
        assertFalse("nothing of the decision leaks", asFrank.body().contains("OPEN"));
        assertEquals(404, put("HR-2", "frank", "{\"status\":\"OPEN\",\"version\":1}").status());
        assertEquals(404, Http.get(api + "/decisions/NOPE-1", "alice").status());
    }

    @Test
    public void anonymousCallersAreUnauthorized() {
        assertEquals(401, Http.get(api + "/decisions/DEMO-1", null).status());
        assertEquals(401, put("DEMO-1", null, IN_PROGRESS).status());
        assertEquals(401, Http.get(api + "/decisions/DEMO-1", "alice:wrong").status());
    }

    @Test
    public void invalidInputIsA400NamingEveryFieldAndChangesNothing() {
        Reply reply = put("DEMO-5", "alice", "{\"status\":\"DECIDED\",\"approver\":\"nobody\",\"dueDate\":\"2026-02-30\",\"colour\":\"red\"}");
        assertEquals(400, reply.status());
        JsonNode errors = json(reply).get("errors");
        assertTrue(errors.toString(), errors.has("approver"));
        assertTrue(errors.toString(), errors.get("approver").asText().contains("nobody"));
        assertTrue(errors.toString(), errors.has("dueDate"));
        assertTrue(errors.toString(), errors.has("driver"));
        assertTrue(errors.toString(), errors.has("outcome"));
        assertTrue(errors.toString(), errors.has("colour"));
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());
    }

    @Test
    public void malformedJsonIsA400NotA500() {
        Reply reply = put("DEMO-5", "alice", "{\"status\": ");
        assertEquals(400, reply.status());
        assertTrue(json(reply).get("errors").has("body"));
    }

    @Test
    public void formPostsWithoutTheXsrfTokenAreRefused() {
        Reply reply = Http.send("PUT", api + "/decisions/DEMO-5", "alice", "application/x-www-form-urlencoded", "status=OPEN");
        assertEquals(403, reply.status());
    }

    @Test
    public void aStaleVersionIsAConflictAndChangesNothing() {
        assertEquals(200, put("DEMO-6", "alice", IN_PROGRESS).status());
        String v1 = IN_PROGRESS.replace("\"dueDate\"", "\"version\":1,\"dueDate\"");
        assertEquals(200, put("DEMO-6", "alice", v1.replace("2026-12-01", "2026-12-02")).status());
        Reply stale = put("DEMO-6", "alice", v1.replace("2026-12-01", "2026-12-03"));
        assertEquals(409, stale.status());
        assertTrue(json(stale).get("errors").has("version"));
        JsonNode current = json(Http.get(api + "/decisions/DEMO-6", "alice"));
        assertEquals("2026-12-02", current.get("dueDate").asText());
        assertEquals(2, current.get("version").asInt());
    }

    @Test
    public void aVersionForADecisionThatNoLongerExistsIsAConflict() {
        Reply reply = put("DEMO-12", "alice", "{\"status\":\"OPEN\",\"version\":3}");
        assertEquals(409, reply.status());
        assertEquals(404, Http.get(api + "/decisions/DEMO-12", "alice").status());
    }

    @Test
    public void historyListsEveryChangeNewestFirst() {
        assertEquals(200, put("DEMO-7", "alice", IN_PROGRESS).status());
        String decided = "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\",\"outcome\":\"Kafka\",\"version\":1}";
        Reply reply = put("DEMO-7", "alice", decided);
        assertEquals(reply.body(), 200, reply.status());
        assertTrue(json(reply).get("decidedAt").isTextual());

        JsonNode history = json(Http.get(api + "/decisions/DEMO-7/history", "bob"));
        // the first write sets 6 fields; deciding changes status and outcome and clears contributors, informed, due date
        assertEquals(history.toString(), 11, history.size());
        JsonNode newest = history.get(0);
        assertEquals("alice", newest.get("author").get("name").asText());
        boolean statusChange = false;
        for (int i = 0; i < 5; i++) {
            JsonNode e = history.get(i);
            if (e.get("field").asText().equals("status")) {
                statusChange = e.get("before").asText().equals("IN_PROGRESS") && e.get("after").asText().equals("DECIDED");
            }
        }
        assertTrue(history.toString(), statusChange);
    }

    @Test
    public void deletingIsAuditedAndNeedsEditPermission() {
        assertEquals(200, put("DEMO-8", "alice", IN_PROGRESS).status());
        assertEquals(403, Http.send("DELETE", api + "/decisions/DEMO-8", "bob", null, null).status());
        assertEquals(409, Http.send("DELETE", api + "/decisions/DEMO-8?version=5", "alice", null, null).status());
        assertEquals(204, Http.send("DELETE", api + "/decisions/DEMO-8?version=1", "alice", null, null).status());
        assertEquals(404, Http.get(api + "/decisions/DEMO-8", "alice").status());
        JsonNode history = json(Http.get(api + "/decisions/DEMO-8/history", "alice"));
        assertEquals("decision", history.get(0).get("field").asText());
    }

    @Test
    public void jiraRestCallsAnswerWithJirasShapes() {
        JsonNode myself = json(Http.get(RunningHost.jira() + "/rest/api/2/myself", "alice"));
        assertEquals("alice", myself.get("name").asText());
        JsonNode search = json(Http.get(RunningHost.jira() + "/rest/api/2/search?jql=project%20%3D%20DEMO", "alice"));
        assertTrue(search.get("total").asInt() >= 15);
        assertEquals("DEMO-1", search.get("issues").get(0).get("key").asText());
        assertEquals(400, Http.get(RunningHost.jira() + "/rest/api/2/search?jql=project%20%3D%20HR", "frank").status());
        assertEquals(404, Http.get(RunningHost.jira() + "/rest/api/2/issue/HR-1", "frank").status());
        assertEquals(200, Http.get(RunningHost.jira() + "/rest/api/2/issue/HR-1", "heidi").status());
    }

    @Test
    public void theListShowsOnlyDecisionsInProjectsTheCallerCanBrowse() {
        assertEquals(200, put("HR-1", "heidi", "{\"status\":\"OPEN\"}").status());
        assertEquals(200, put("DEMO-14", "alice", IN_PROGRESS).status());
        JsonNode asHeidi = json(Http.get(api + "/decisions?project=HR&maxResults=1000", "heidi"));
        assertTrue(asHeidi.toString(), asHeidi.get("total").asInt() >= 1);
        JsonNode asFrank = json(Http.get(api + "/decisions?maxResults=1000", "frank"));
        for (JsonNode d : asFrank.get("values")) {
            assertFalse("frank cannot browse HR: " + d, d.get("issueKey").asText().startsWith("HR-"));
        }
        assertEquals(0, json(Http.get(api + "/decisions?project=HR", "frank")).get("total").asInt());
        JsonNode byApprover = json(Http.get(api + "/decisions?approver=carol&project=DEMO&maxResults=1000", "bob"));
        assertTrue(byApprover.get("total").asInt() >= 1);
        for (JsonNode d : byApprover.get("values")) {
            assertEquals("carol", d.get("approver").get("name").asText());
        }
        assertEquals(50, json(Http.get(api + "/decisions", "bob")).get("maxResults").asInt());
    }

    @Test
    public void badListParametersAreA400NamingEachOne() {
        Reply reply = Http.get(api + "/decisions?status=MAYBE&overdue=yes&maxResults=5000&startAt=-1&approver=nobody", "alice");
        assertEquals(400, reply.status());
        JsonNode errors = json(reply).get("errors");
        for (String field : new String[]{"status", "overdue", "maxResults", "startAt", "approver"}) {
            assertTrue(errors.toString(), errors.has(field));
        }
        assertEquals(401, Http.get(api + "/decisions", null).status());
    }

    @Test
    public void anOversizedBodyIs413AndChangesNothing() {
        String huge = "{\"status\":\"OPEN\",\"outcome\":\"" + "x".repeat(300 * 1024) + "\"}";
        Reply reply = put("DEMO-5", "alice", huge);
        assertEquals(413, reply.status());
        assertTrue(json(reply).get("errors").has("body"));
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());
    }

    @Test
    public void everyErrorHasTheContractsShape() {
        for (Reply reply : new Reply[]{
                Http.get(api + "/decisions/DEMO-1", null),                       // 401
                put("DEMO-4", "bob", "{\"status\":\"OPEN\"}"),                   // 403
                Http.get(api + "/decisions/NOPE-1", "alice"),                     // 404
                put("DEMO-5", "alice", "[]")}) {                                  // 400
            JsonNode body = json(reply);
            assertTrue(reply.status() + " " + reply.body(), body.get("message").isTextual());
            assertTrue(reply.status() + " " + reply.body(), body.get("errors").isObject());
        }
    }

    @Test
    public void errorsAreInTheCallersLanguage() {
        Reply reply = Http.putJson(api + "/decisions/DEMO-5?locale=de", "alice", "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\"}");
        assertEquals(400, reply.status());
        JsonNode body = json(reply);
        assertEquals("Erforderlich, wenn die Entscheidung DECIDED ist.", body.get("errors").get("outcome").asText());
        assertTrue(body.get("message").asText(), body.get("message").asText().startsWith("Die Anfrage enth\u00e4lt ung\u00fcltige Felder"));
        Reply english = put("DEMO-5", "alice", "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\"}");
        assertEquals("Required when the decision is DECIDED.", json(english).get("errors").get("outcome").asText());
    }
}
