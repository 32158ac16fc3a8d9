package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost.Http.Reply;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
        // outside the contract on purpose (an unknown field, a day not in the calendar): only the answer is checked
        Reply reply = Http.unchecked().put(api + "/decisions/DEMO-5", "alice",
                "{\"status\":\"DECIDED\",\"approver\":\"nobody\",\"dueDate\":\"2026-02-30\",\"colour\":\"red\"}");
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
        Reply reply = Http.unchecked().put(api + "/decisions/DEMO-5", "alice", "{\"status\": ");
        assertEquals(400, reply.status());
        assertTrue(json(reply).get("errors").has("body"));
    }

    @Test
    public void formPostsWithoutTheXsrfTokenAreRefused() {
        Reply reply = Http.unchecked().exchange("PUT", api + "/decisions/DEMO-5", "alice", "application/x-www-form-urlencoded", "status=OPEN");
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
        Reply reply = Http.unchecked().read(api + "/decisions?status=MAYBE&overdue=yes&maxResults=5000&startAt=-1&approver=nobody", "alice");
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
        Reply reply = Http.unchecked().put(api + "/decisions/DEMO-5", "alice", huge); // over the contract's maxLength too
        assertEquals(413, reply.status());
        assertTrue(json(reply).get("errors").has("body"));
        // as Tomcat does after a refused request: the rest of the body is not read as a next request
        assertEquals("close", reply.headers().firstValue("Connection").orElse(""));
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());
    }

    @Test
    public void everyErrorHasTheContractsShape() {
        for (Reply reply : new Reply[]{
                Http.get(api + "/decisions/DEMO-1", null),                       // 401
                put("DEMO-4", "bob", "{\"status\":\"OPEN\"}"),                   // 403
                Http.get(api + "/decisions/NOPE-1", "alice"),                     // 404
                Http.unchecked().put(api + "/decisions/DEMO-5", "alice", "[]")}) { // 400
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

    // ----- request bodies: the limit holds while reading, the bytes must be UTF-8, keys unique -----

    /** Megabytes sent in chunks: the server stops reading at the limit, it does not take the body in first. */
    @Test
    public void aChunkedBodyOverTheLimitIsRefusedWhileItIsStillBeingSent() {
        long total = 256L * 1024 * 1024;
        AtomicLong pulled = new AtomicLong();
        RawHttp.Answer answer = RawHttp.chunked(RunningHost.get().baseUrl(), "PUT", "/jira/rest/mandate/1.0/decisions/DEMO-5",
                "alice", Map.of("Content-Type", "application/json", "Accept", "application/json"),
                "{\"status\":\"OPEN\",\"outcome\":\"", total, pulled);
        assertEquals(answer.body(), 413, answer.status());
        assertTrue(answer.body(), json(answer.body()).get("errors").has("body"));
        // what is in flight when the answer comes: the 256 KiB read, plus the sockets' buffers on both sides
        assertTrue("the answer came after " + pulled.get() + " of " + total + " bytes had been sent",
                pulled.get() < total / 4);
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());
    }

    /** A declared length over the limit is refused from the head alone: the body is never sent. */
    @Test
    public void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() {
        RawHttp.Answer answer = RawHttp.head(RunningHost.get().baseUrl(), "PUT", "/jira/rest/mandate/1.0/decisions/DEMO-5",
                "alice", Map.of("Content-Type", "application/json", "Accept", "application/json",
                        "Content-Length", String.valueOf(800L * 1024 * 1024)));
        assertEquals(answer.body(), 413, answer.status());
        assertTrue(answer.body(), json(answer.body()).get("errors").has("body"));
    }

    /** Also from a user who may not even see the issue: nobody makes the host hold a large body. */
    @Test
    public void aDeclaredLengthOverTheLimitIsRefusedForAUserWhoSeesNoIssue() {
        RawHttp.Answer answer = RawHttp.head(RunningHost.get().baseUrl(), "PUT", "/jira/rest/mandate/1.0/decisions/HR-2",
                "frank", Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(800L * 1024 * 1024)));
        assertEquals(answer.body(), 413, answer.status());
    }

    @Test
    public void bytesThatAreNotUtf8AreA400NamingTheBodyAndChangeNothing() {
        byte[] head = "{\"status\":\"OPEN\",\"outcome\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xE9; // é in Latin-1, not UTF-8
        System.arraycopy(tail, 0, body, head.length + 1, tail.length);
        SecurityHttp.Reply reply = SecurityHttp.send(Contract.Check.RESPONSE, "PUT", api + "/decisions/DEMO-5", "alice",
                Map.of("Content-Type", "application/json"), body);
        assertEquals(reply.toString(), 400, reply.status());
        assertTrue(reply.toString(), reply.json().get("errors").has("body"));
        assertTrue(reply.toString(), reply.json().get("errors").get("body").asText().contains("UTF-8"));
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());
    }

    @Test
    public void aKeyGivenTwiceIsA400NamingItAndChangesNothing() {
        Reply reply = put("DEMO-5", "alice", "{\"status\":\"OPEN\",\"outcome\":\"a\",\"outcome\":\"b\"}");
        assertEquals(reply.body(), 400, reply.status());
        assertTrue(reply.body(), json(reply).get("errors").has("outcome"));
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());

        Reply nested = put("DEMO-5", "alice", "{\"status\":\"OPEN\",\"informed\":[{\"type\":\"group\",\"name\":\"developers\","
                + "\"name\":\"leads\"}]}");
        assertEquals(nested.body(), 400, nested.status());
        assertTrue(nested.body(), json(nested).get("errors").has("informed"));
        assertEquals(404, Http.get(api + "/decisions/DEMO-5", "alice").status());
    }

    // ----- paging -----

    /** As in Jira's own REST: maxResults=0 asks for the count only. */
    @Test
    public void maxResultsZeroGivesTheTotalWithoutValues() {
        freshDecision("DEMO-9");
        JsonNode all = json(Http.get(api + "/decisions?project=DEMO&maxResults=1000", "alice"));
        JsonNode none = json(Http.get(api + "/decisions?project=DEMO&maxResults=0", "alice"));
        assertTrue(all.toString(), all.get("total").asInt() >= 1);
        assertEquals(all.get("total").asInt(), none.get("total").asInt());
        assertEquals(0, none.get("maxResults").asInt());
        assertEquals(none.toString(), 0, none.get("values").size());
        // DEMO-9 is HostPagesIT's too: leave it without a decision
        assertEquals(204, Http.send("DELETE", api + "/decisions/DEMO-9", "alice", null, null).status());
    }

    // ----- DELETE with a version: exactly one wins -----

    @Test
    public void parallelDeletesOfOneVersionLetExactlyOneWin() throws Exception {
        int version = freshDecision("DEMO-9");
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Reply> delete = () -> {
                    start.await();
                    return Http.send("DELETE", api + "/decisions/DEMO-9?version=" + version, "alice", null, null);
                };
                replies.add(pool.submit(delete));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get(60, TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertTrue(r.body(), json(r).get("errors").has("version"));
                }
            }
            assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 204).count());
            assertEquals(statuses.toString(), callers - 1, statuses.stream().filter(s -> s == 409).count());
        } finally {
            pool.shutdownNow();
        }
        JsonNode history = json(Http.get(api + "/decisions/DEMO-9/history", "alice"));
        long deletions = 0;
        for (JsonNode e : history) {
            if (e.get("field").asText().equals("decision") && e.get("after").isNull()) {
                deletions++;
            }
        }
        assertEquals("one deletion in the audit trail per deleted decision: " + history, countDeletionsBefore + 1, deletions);
    }

    @Test
    public void aDeleteWithTheVersionOfADecisionAlreadyDeletedIsAConflictAndWithoutAVersionNotFound() {
        int version = freshDecision("DEMO-9");
        assertEquals(204, Http.send("DELETE", api + "/decisions/DEMO-9?version=" + version, "alice", null, null).status());
        Reply again = Http.send("DELETE", api + "/decisions/DEMO-9?version=" + version, "alice", null, null);
        assertEquals(again.body(), 409, again.status());
        assertTrue(again.body(), json(again).get("errors").has("version"));
        assertEquals(404, Http.send("DELETE", api + "/decisions/DEMO-9", "alice", null, null).status());
    }

    private long countDeletionsBefore;

    /**
     * Gives the issue a new decision (removing any earlier one) and returns its version; counts the
     * deletions so far. Tests that use it leave the issue without a decision (HostPagesIT creates one on DEMO-9).
     */
    private int freshDecision(String issue) {
        Http.send("DELETE", api + "/decisions/" + issue, "alice", null, null);
        countDeletionsBefore = 0;
        for (JsonNode e : json(Http.get(api + "/decisions/" + issue + "/history", "alice"))) {
            if (e.get("field").asText().equals("decision") && e.get("after").isNull()) {
                countDeletionsBefore++;
            }
        }
        Reply created = put(issue, "alice", IN_PROGRESS);
        assertEquals(created.body(), 200, created.status());
        return json(created).get("version").asInt();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
