package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * Mandate's JQL functions and the "Decision owner" custom field through the reference host's
 * {@code /rest/api/2/search}, as scripts would use them. The host is shared by the test JVM, so the
 * decisions live on issues no other test touches (OPS-5…OPS-8, HR-4) and every assertion looks
 * only at those issues. Searches run as bob (who may browse DEMO and OPS, not HR) unless a test
 * is about permissions.
 *
 * <p>{@code decisionsDueForReview()} (and the list filter {@code dueForReview=true}) run on issues made for it: a project
 * of their own ({@code RJQL…}) and one HR issue (bob may not browse HR), removed afterwards with their decisions.
 */
public class JqlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OURS = Set.of("OPS-5", "OPS-6", "OPS-7", "OPS-8", "OPS-9", "HR-4");

    @BeforeClass
    public static void recordDecisions() {
        // open, owned by carol, due long ago: overdue
        record("OPS-5", "erin", "{\"status\":\"IN_PROGRESS\",\"driver\":\"erin\",\"approver\":\"carol\",\"dueDate\":\"2020-01-01\"}");
        // decided (so never overdue, although its due date has passed), owned by carol, driven by bob
        record("OPS-6", "erin", "{\"status\":\"DECIDED\",\"driver\":\"bob\",\"approver\":\"carol\",\"dueDate\":\"2020-01-01\","
                + "\"outcome\":\"Move the backups to the second site\"}");
        // open and unowned: the custom field is empty
        record("OPS-7", "erin", "{\"status\":\"OPEN\",\"dueDate\":\"2099-12-31\"}");
        // in progress, owned by dave, not due yet
        record("OPS-8", "erin", "{\"status\":\"IN_PROGRESS\",\"driver\":\"erin\",\"approver\":\"dave\",\"dueDate\":\"2099-12-31\"}");
        // in a project frank cannot browse
        record("HR-4", "admin", "{\"status\":\"DECIDED\",\"driver\":\"heidi\",\"approver\":\"carol\",\"outcome\":\"Hire two\"}");
    }

    private static String reviewProject;
    /** DECIDED, review date long past: due for review. */
    private static String reviewDue;
    /** DECIDED, review date far ahead: not due. */
    private static String reviewAhead;
    /** IN_PROGRESS with a past review date: not due (it applies once decided). */
    private static String reviewNotDecided;
    /** DECIDED without a review date: never due. */
    private static String reviewNone;
    /** In HR, DECIDED and past its review date: due, but only for those who may browse HR. */
    private static String reviewHidden;
    private static List<String> reviewIssues = List.of();

    @BeforeClass
    public static void recordReviewDates() {
        String key = "RJQL";
        while (RunningHost.get().jira().world().isProjectKeyInUse(key)) {
            key = key + "R";
        }
        Reply p = Http.send("POST", RunningHost.jira() + "/rest/api/2/project", "admin", "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Review dates JQL\",\"lead\":\"alice\"}");
        assertEquals(p.body(), 201, p.status());
        reviewProject = key;
        reviewDue = newIssue(key);
        reviewAhead = newIssue(key);
        reviewNotDecided = newIssue(key);
        reviewNone = newIssue(key);
        reviewHidden = newIssue("HR");
        reviewIssues = List.of(reviewDue, reviewAhead, reviewNotDecided, reviewNone, reviewHidden);
        String decided = "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\",\"outcome\":\"Keep it\"";
        record(reviewDue, "admin", decided + ",\"reviewDate\":\"2020-01-01\"}");
        record(reviewAhead, "admin", decided + ",\"reviewDate\":\"2099-12-31\"}");
        record(reviewNotDecided, "admin", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"reviewDate\":\"2020-01-01\"}");
        record(reviewNone, "admin", decided + "}");
        record(reviewHidden, "admin", "{\"status\":\"DECIDED\",\"driver\":\"heidi\",\"approver\":\"heidi\","
                + "\"outcome\":\"Keep it\",\"reviewDate\":\"2020-01-01\"}");
    }

    @AfterClass
    public static void removeReviewDates() {
        // the decisions first: a decision outlives its deleted issue
        for (String issue : reviewIssues) {
            Reply d = Http.send("DELETE", RunningHost.jira() + "/rest/mandate/1.0/decisions/" + issue, "admin", null, null);
            assertEquals(issue + ": " + d.body(), 204, d.status());
            Reply r = Http.send("DELETE", RunningHost.jira() + "/rest/api/2/issue/" + issue, "admin", null, null);
            assertEquals(issue + ": " + r.body(), 204, r.status());
        }
        if (reviewProject != null) {
            Reply r = Http.send("DELETE", RunningHost.jira() + "/rest/api/2/project/" + reviewProject, "admin", null, null);
            assertEquals(r.body(), 204, r.status());
        }
    }

    private static String newIssue(String projectKey) {
        Reply reply = Http.send("POST", RunningHost.jira() + "/rest/api/2/issue", "admin", "application/json",
                "{\"fields\":{\"project\":{\"key\":\"" + projectKey + "\"},\"summary\":\"Review dates\",\"issuetype\":{\"name\":\"Task\"}}}");
        assertEquals(reply.body(), 201, reply.status());
        return json(reply).get("key").asText();
    }

    /** The keys found among this test's review-date issues, sorted. */
    private static List<String> foundForReview(String jql, String user) {
        Reply reply = search(jql, user);
        assertEquals(jql + ": " + reply.body(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        for (JsonNode issue : json(reply).get("issues")) {
            if (reviewIssues.contains(issue.get("key").asText())) {
                keys.add(issue.get("key").asText());
            }
        }
        keys.sort(null);
        return keys;
    }

    private static void record(String issue, String user, String json) {
        Reply reply = Http.putJson(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + issue, user, json);
        assertEquals(issue + ": " + reply.body(), 200, reply.status());
    }

    private static Reply search(String jql, String user) {
        return Http.get(RunningHost.jira() + "/rest/api/2/search?maxResults=1000&jql="
                + URLEncoder.encode(jql, StandardCharsets.UTF_8), user);
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    /** The keys found, in the order of the answer, restricted to this test's issues. */
    /** Every key the search finds, in its order. */
    private static List<String> allFound(String jql, String user) {
        Reply reply = search(jql, user);
        assertEquals(jql + ": " + reply.body(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        json(reply).get("issues").forEach(i -> keys.add(i.get("key").asText()));
        return keys;
    }

    private static List<String> found(String jql, String user) {
        Reply reply = search(jql, user);
        assertEquals(jql + ": " + reply.body(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        for (JsonNode issue : json(reply).get("issues")) {
            if (OURS.contains(issue.get("key").asText())) {
                keys.add(issue.get("key").asText());
            }
        }
        return keys;
    }

    private static List<String> errors(String jql, String user) {
        Reply reply = search(jql, user);
        assertEquals(jql + ": " + reply.body(), 400, reply.status());
        JsonNode body = json(reply);
        assertTrue("Jira's error shape: " + reply.body(), body.get("errors").isObject() && body.get("errors").isEmpty());
        List<String> messages = new ArrayList<>();
        body.get("errorMessages").forEach(m -> messages.add(m.asText()));
        assertFalse(messages.isEmpty());
        return messages;
    }

    @Test
    public void approvedByFindsTheUsersDecisionsInKeyOrder() {
        assertEquals(List.of("OPS-5", "OPS-6"), found("issue in decisionsApprovedBy(carol)", "bob"));
        assertEquals(List.of("OPS-8"), found("issue in decisionsApprovedBy(\"dave\")", "bob"));
    }

    @Test
    public void drivenByFindsTheDriversDecisions() {
        assertEquals(List.of("OPS-6"), found("issue in decisionsDrivenBy(bob)", "bob"));
    }

    @Test
    public void overdueFindsOnlyOpenDecisionsPastTheirDueDate() {
        assertEquals(List.of("OPS-5"), found("issue in decisionsOverdue()", "bob"));
    }

    @Test
    public void inStatusFindsDecisionsOfThatStatusWhateverTheCase() {
        assertEquals(List.of("OPS-6"), found("issue in decisionsInStatus(DECIDED)", "bob"));
        assertEquals(List.of("OPS-6"), found("issuekey in decisionsInStatus(decided)", "bob"));
        assertEquals(List.of("OPS-7"), found("issue in decisionsInStatus(OPEN)", "bob"));
    }

    @Test
    public void projectClauseAndFunctionCombine() {
        assertEquals(List.of("OPS-6"), found("project = OPS AND issue in decisionsInStatus(DECIDED)", "admin"));
        assertEquals(List.of("HR-4"), found("project = HR and issue in decisionsInStatus(DECIDED) ORDER BY key", "admin"));
        List<String> notDecided = found("project = OPS AND issue not in decisionsInStatus(DECIDED)", "bob");
        assertTrue(notDecided.toString(), notDecided.containsAll(List.of("OPS-5", "OPS-7", "OPS-8", "OPS-9")));
        assertFalse(notDecided.contains("OPS-6"));
    }

    /** The reference host's {@code key in (…)}: what the accountability report's search links use where no function says the list. */
    @Test
    public void keyInAListFindsThoseIssuesAndAKeyTheSearcherCannotSeeIsA400() {
        assertEquals(List.of("DEMO-3", "OPS-5"), allFound("key in (OPS-5, DEMO-3) ORDER BY key", "bob"));
        assertEquals(List.of("OPS-6"), allFound("project = OPS AND issue in decisionsInStatus(DECIDED) AND key in (\"OPS-6\", OPS-7)", "bob"));
        List<String> allButOne = allFound("project = OPS AND key not in (OPS-5)", "bob");
        assertEquals(allFound("project = OPS", "bob").size() - 1, allButOne.size());
        assertFalse(allButOne.contains("OPS-5"));
        Reply hidden = search("key in (HR-1)", "frank");
        assertEquals(400, hidden.status());
        assertTrue(hidden.body(), hidden.body().contains("An issue with key 'HR-1' does not exist"));
        assertEquals(400, search("key in (DEMO-99999)", "bob").status());
    }

    @Test
    public void decisionsInProjectsTheSearcherCannotBrowseAreNeverFound() {
        assertEquals(List.of("HR-4", "OPS-5", "OPS-6"), found("issue in decisionsApprovedBy(carol)", "admin"));
        assertEquals(List.of("OPS-5", "OPS-6"), found("issue in decisionsApprovedBy(carol)", "frank"));
        assertFalse(found("issue in decisionsInStatus(DECIDED)", "frank").contains("HR-4"));
    }

    @Test
    public void dueForReviewFindsDecidedDecisionsPastTheirReviewDateThatTheSearcherMaySee() {
        assertEquals(List.of(reviewDue), foundForReview("issue in decisionsDueForReview()", "bob"));
        assertEquals(List.of(reviewDue), foundForReview("project = " + reviewProject + " AND issue in decisionsDueForReview()", "frank"));
        List<String> both = new ArrayList<>(List.of(reviewDue, reviewHidden));
        both.sort(null);
        assertEquals("admin may browse HR", both, foundForReview("issue in decisionsDueForReview()", "admin"));
        List<String> notDue = foundForReview("project = " + reviewProject + " AND issue not in decisionsDueForReview()", "bob");
        assertEquals(sortedList(reviewAhead, reviewNotDecided, reviewNone), notDue);
        assertTrue(errors("issue in decisionsDueForReview(carol)", "bob").get(0).contains("decisionsDueForReview"));
    }

    @Test
    public void theDecisionsListFiltersDueForReviewAndEveryDecisionSaysWhetherItIs() {
        Reply list = Http.get(RunningHost.jira() + "/rest/mandate/1.0/decisions?dueForReview=true&project=" + reviewProject, "bob");
        assertEquals(list.body(), 200, list.status());
        JsonNode page = json(list);
        assertEquals(list.body(), 1, page.get("total").asInt());
        JsonNode d = page.get("values").get(0);
        assertEquals(reviewDue, d.get("issueKey").asText());
        assertEquals("2020-01-01", d.get("reviewDate").asText());
        assertTrue(d.get("checks").get("dueForReview").asBoolean());

        Reply hr = Http.get(RunningHost.jira() + "/rest/mandate/1.0/decisions?dueForReview=true&project=HR", "heidi");
        List<String> hrKeys = new ArrayList<>();
        json(hr).get("values").forEach(v -> hrKeys.add(v.get("issueKey").asText()));
        assertTrue(hrKeys.toString(), hrKeys.contains(reviewHidden));

        JsonNode ahead = json(Http.get(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + reviewAhead, "bob"));
        assertEquals("2099-12-31", ahead.get("reviewDate").asText());
        assertFalse(ahead.get("checks").get("dueForReview").asBoolean());
        JsonNode notDecided = json(Http.get(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + reviewNotDecided, "bob"));
        assertFalse("not decided yet", notDecided.get("checks").get("dueForReview").asBoolean());
        JsonNode none = json(Http.get(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + reviewNone, "bob"));
        assertTrue(none.toString(), none.get("reviewDate").isNull());

        Reply bad = Http.unchecked().read(RunningHost.jira() + "/rest/mandate/1.0/decisions?dueForReview=yes", "bob"); // not a boolean, on purpose
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.body(), json(bad).get("errors").has("dueForReview"));
    }

    @Test
    public void theReviewDateIsAuditedInTheHistory() {
        JsonNode history = json(Http.get(RunningHost.jira() + "/rest/mandate/1.0/decisions/" + reviewDue + "/history", "bob"));
        boolean found = false;
        for (JsonNode entry : history) {
            if ("reviewDate".equals(entry.get("field").asText())) {
                found = true;
                assertEquals("2020-01-01", entry.get("after").asText());
            }
        }
        assertTrue(history.toString(), found);
    }

    private static List<String> sortedList(String... keys) {
        List<String> list = new ArrayList<>(List.of(keys));
        list.sort(null);
        return list;
    }

    @Test
    public void anonymousCannotSearch() {
        assertEquals(401, search("issue in decisionsOverdue()", null).status());
    }

    @Test
    public void unknownUserIsA400NamingTheUser() {
        List<String> messages = errors("issue in decisionsApprovedBy(nobody)", "bob");
        assertTrue(messages.toString(), messages.get(0).contains("decisionsApprovedBy") && messages.get(0).contains("nobody"));
    }

    @Test
    public void unknownStatusIsA400ListingTheStatuses() {
        List<String> messages = errors("issue in decisionsInStatus(MAYBE)", "bob");
        assertTrue(messages.toString(), messages.get(0).contains("MAYBE") && messages.get(0).contains("DECIDED"));
    }

    @Test
    public void wrongArgumentCountIsA400() {
        assertTrue(errors("issue in decisionsOverdue(carol)", "bob").get(0).contains("0"));
        assertTrue(errors("issue in decisionsApprovedBy()", "bob").get(0).contains("1"));
        assertTrue(errors("issue in decisionsDrivenBy(bob, carol)", "bob").get(0).contains("2"));
    }

    @Test
    public void everyProblemOfTheQueryIsReportedAtOnce() {
        assertEquals(2, errors("issue in decisionsApprovedBy(nobody) AND issue in decisionsInStatus(MAYBE)", "bob").size());
    }

    @Test
    public void messagesFollowTheUsersLanguage() {
        Reply reply = Http.get(RunningHost.jira() + "/rest/api/2/search?locale=de&jql="
                + URLEncoder.encode("issue in decisionsApprovedBy(nobody)", StandardCharsets.UTF_8), "bob");
        assertEquals(400, reply.status());
        assertTrue(reply.body(), reply.body().contains("findet keinen Benutzer"));
    }

    @Test
    public void unknownFunctionAndUnparsableQueryAre400() {
        assertTrue(errors("issue in decisionsByMagic()", "bob").get(0).contains("decisionsByMagic"));
        assertTrue(errors("issue in decisionsOverdue(", "bob").get(0).startsWith("Error in the JQL Query"));
    }

    @Test
    public void decisionOwnerFieldIsSearchableByUsername() {
        assertEquals(List.of("OPS-5", "OPS-6"), found("project = OPS AND \"Decision owner\" = carol", "bob"));
        assertEquals(List.of("OPS-8"), found("cf[10000] = dave", "bob"));
        List<String> unowned = found("project = OPS AND \"Decision owner\" is EMPTY", "bob");
        assertTrue(unowned.toString(), unowned.containsAll(List.of("OPS-7", "OPS-9")));
        assertFalse(unowned.contains("OPS-5"));
        assertTrue(errors("\"Decision owner\" = nobody", "bob").get(0).contains("nobody"));
    }

    @Test
    public void searchResultsCarryTheDecisionOwner() {
        JsonNode issues = json(search("project = OPS AND issue in decisionsApprovedBy(dave)", "bob")).get("issues");
        JsonNode owner = issues.get(0).get("fields").get("customfield_10000");
        assertEquals("dave", owner.get("name").asText());
        assertEquals("Dave Davis", owner.get("displayName").asText());
    }

    @Test
    public void issueViewShowsTheDecisionOwner() {
        Reply reply = Http.get(RunningHost.jira() + "/browse/OPS-5", "frank");
        assertEquals(200, reply.status());
        Document doc = Jsoup.parse(reply.body());
        Element value = doc.selectFirst("#customfield_10000-val");
        assertNotNull(reply.body(), value);
        assertEquals("Carol Clark", value.text());
        assertEquals("Decision owner", value.parent().selectFirst("th").text());
    }

    @Test
    public void issueViewHidesAnEmptyDecisionOwner() {
        Reply reply = Http.get(RunningHost.jira() + "/browse/OPS-7", "bob");
        assertEquals(200, reply.status());
        assertNull(Jsoup.parse(reply.body()).selectFirst("#customfield_10000-val"));
    }

    @Test
    public void recordingADecisionAsksJiraToReindexItsIssue() {
        // the host has no search index; it records the plugin's re-index requests (JiraAdapters.indexing)
        List<String> requests = RunningHost.get().jira().jira().indexing().requests();
        assertTrue(requests.toString(), requests.containsAll(List.of("OPS-5", "OPS-6", "OPS-7", "OPS-8", "HR-4")));
        assertFalse("no decision was recorded on OPS-9", requests.contains("OPS-9"));
    }
}
