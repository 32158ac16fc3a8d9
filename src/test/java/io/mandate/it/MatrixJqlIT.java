package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
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
import static org.junit.Assert.assertTrue;

/**
 * The JQL functions that ask the authority matrix — {@code decisionsInDomain(KEY)}, {@code decisionsWithViolation()},
 * {@code decisionsWithConsultationGap()} — through the reference host's {@code /rest/api/2/search}, over a matrix
 * made through the plugin's REST API. Everything here is this test's own, so nothing another test looks at changes:
 * a project created for it (its issues match the rule-scoped domain), one HR issue made for it (a project bob may not
 * browse), domains {@code S_JQL_A} (scope: that project) and {@code S_JQL_B} (a scope that matches no issue; its
 * decisions name it by hand). All of it is removed afterwards.
 */
public class MatrixJqlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/mandate/1.0";
    private static final String A = "S_JQL_A";
    private static final String B = "S_JQL_B";

    private static String project;
    /** carol approves (ADVISE in A), dave consulted: nothing to flag. Domain A by hand. */
    private static String fine;
    /** bob approves (nothing in A), dave (CONSULT) missing: a violation and a gap. Domain A by the scope rule. */
    private static String flagged;
    /** erin approves through the group leads (INQUIRE in B). Domain B by hand. */
    private static String byGroup;
    /** In HR (bob cannot browse it): bob approves in B, a violation only admin may find. */
    private static String hidden;
    private static Set<String> ours;

    @BeforeClass
    public static void makeTheMatrix() {
        project = newProject();
        fine = newIssue(project);
        flagged = newIssue(project);
        byGroup = newIssue(project);
        hidden = newIssue("HR");
        ours = Set.of(fine, flagged, byGroup, hidden);

        created(post(API + "/domains", "{\"key\":\"" + A + "\",\"name\":\"JQL test A\",\"scope\":{\"projects\":[\"" + project + "\"]}}"));
        created(post(API + "/domains", "{\"key\":\"" + B + "\",\"name\":\"JQL test B\",\"scope\":{\"projects\":[\"OPS\"],"
                + "\"labels\":[\"s-jql-matches-nothing\"]}}"));
        created(post(API + "/domains/" + A + "/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"ADVISE\"}"));
        created(post(API + "/domains/" + A + "/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"dave\"},\"level\":3}"));
        created(post(API + "/domains/" + B + "/grants", "{\"holder\":{\"type\":\"group\",\"name\":\"leads\"},\"level\":\"INQUIRE\"}"));

        decide(fine, "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\",\"contributors\":[\"dave\"],\"domain\":\"" + A + "\"}");
        decide(flagged, "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"bob\"}");
        decide(byGroup, "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"erin\",\"domain\":\"" + B + "\"}");
        decide(hidden, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\",\"approver\":\"bob\",\"domain\":\"" + B + "\"}");
    }

    @AfterClass
    public static void removeIt() {
        if (ours == null) {
            return;
        }
        // the decisions first: a decision outlives its deleted issue, and a domain a decision is recorded in stays
        for (String issue : ours) {
            Reply d = Http.send("DELETE", RunningHost.jira() + API + "/decisions/" + issue, "admin", null, null);
            assertEquals(issue + ": " + d.body(), 204, d.status());
            Reply r = Http.send("DELETE", RunningHost.jira() + "/rest/api/2/issue/" + issue, "admin", null, null);
            assertEquals(issue + ": " + r.body(), 204, r.status());
        }
        for (String domain : List.of(A, B)) {
            Reply r = Http.send("DELETE", RunningHost.jira() + API + "/domains/" + domain, "admin", null, null);
            assertEquals(domain + ": " + r.body(), 204, r.status());
        }
        Reply r = Http.send("DELETE", RunningHost.jira() + "/rest/api/2/project/" + project, "admin", null, null);
        assertEquals(r.body(), 204, r.status());
    }

    private static String newProject() {
        String key = "SJQL";
        while (RunningHost.get().jira().world().isProjectKeyInUse(key)) {
            key = key + "Q";
        }
        Reply reply = Http.send("POST", RunningHost.jira() + "/rest/api/2/project", "admin", "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Matrix JQL\",\"lead\":\"alice\"}");
        assertEquals(reply.body(), 201, reply.status());
        return key;
    }

    private static String newIssue(String projectKey) {
        Reply reply = Http.send("POST", RunningHost.jira() + "/rest/api/2/issue", "admin", "application/json",
                "{\"fields\":{\"project\":{\"key\":\"" + projectKey + "\"},\"summary\":\"Matrix JQL\",\"issuetype\":{\"name\":\"Task\"}}}");
        assertEquals(reply.body(), 201, reply.status());
        return json(reply).get("key").asText();
    }

    private static Reply post(String path, String json) {
        return Http.send("POST", RunningHost.jira() + path, "admin", "application/json", json);
    }

    private static void created(Reply reply) {
        assertEquals(reply.body(), 201, reply.status());
    }

    private static void decide(String issue, String json) {
        Reply reply = Http.putJson(RunningHost.jira() + API + "/decisions/" + issue, "admin", json);
        assertEquals(issue + ": " + reply.body(), 200, reply.status());
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    private static Reply search(String jql, String user, String locale) {
        return Http.get(RunningHost.jira() + "/rest/api/2/search?maxResults=1000" + (locale == null ? "" : "&locale=" + locale)
                + "&jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8), user);
    }

    /** The keys found among this test's issues, in the answer's order. */
    private static List<String> found(String jql, String user) {
        Reply reply = search(jql, user, null);
        assertEquals(jql + ": " + reply.body(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        for (JsonNode issue : json(reply).get("issues")) {
            if (ours.contains(issue.get("key").asText())) {
                keys.add(issue.get("key").asText());
            }
        }
        return keys;
    }

    private static List<String> errors(String jql, String locale) {
        Reply reply = search(jql, "bob", locale);
        assertEquals(jql + ": " + reply.body(), 400, reply.status());
        List<String> messages = new ArrayList<>();
        json(reply).get("errorMessages").forEach(m -> messages.add(m.asText()));
        return messages;
    }

    @Test
    public void theRestOutputAndTheFunctionsAgree() {
        JsonNode checks = json(Http.get(RunningHost.jira() + API + "/decisions/" + flagged, "admin")).get("checks");
        assertTrue(checks.toString(), checks.get("authorityViolation").asBoolean());
        assertTrue(checks.toString(), checks.get("consultationGap").asBoolean());
        JsonNode fineChecks = json(Http.get(RunningHost.jira() + API + "/decisions/" + fine, "admin")).get("checks");
        assertFalse(fineChecks.toString(), fineChecks.get("authorityViolation").asBoolean());
        assertFalse(fineChecks.toString(), fineChecks.get("consultationGap").asBoolean());
    }

    @Test
    public void inDomainFindsTheDecisionsRecordedInTheDomainWhateverTheKeysCase() {
        assertEquals(sorted(List.of(byGroup, hidden)), sorted(found("issue in decisionsInDomain(" + B + ")", "admin")));
        assertEquals(List.of(byGroup), found("issue in decisionsInDomain(\"s_jql_b\")", "bob"));
        List<String> inA = found("issue in decisionsInDomain(" + A + ")", "bob");
        assertTrue(inA.toString(), inA.contains(fine));
        assertFalse(inA.toString(), inA.contains(byGroup) || inA.contains(hidden));
    }

    @Test
    public void withViolationFindsTheApproversWithoutAuthorityTheSearcherMaySee() {
        assertEquals(List.of(flagged), found("issue in decisionsWithViolation()", "bob"));
        assertEquals(sorted(List.of(flagged, hidden)), sorted(found("issue in decisionsWithViolation()", "admin")));
        assertEquals(sorted(List.of(fine, byGroup)), sorted(found("project = " + project + " AND issue not in decisionsWithViolation()", "bob")));
    }

    @Test
    public void withConsultationGapFindsTheDecisionsThatMissSomeoneToConsult() {
        assertEquals(List.of(flagged), found("issue in decisionsWithConsultationGap()", "admin"));
        assertEquals(List.of(flagged), found("project = " + project + " AND issue in decisionsWithConsultationGap()", "bob"));
    }

    @Test
    public void aChangeToTheMatrixChangesTheAnswerAtOnce() {
        Reply added = post(API + "/domains/" + A + "/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"bob\"},\"level\":\"DELEGATE\"}");
        created(added);
        try {
            assertEquals(List.of(), found("project = " + project + " AND issue in decisionsWithViolation()", "bob"));
        } finally {
            Reply removed = Http.send("DELETE", RunningHost.jira() + API + "/grants/" + json(added).get("id").asText(), "admin", null, null);
            assertEquals(removed.body(), 204, removed.status());
        }
        assertEquals(List.of(flagged), found("project = " + project + " AND issue in decisionsWithViolation()", "bob"));
    }

    @Test
    public void anUnknownDomainIsA400NamingItInTheUsersLanguage() {
        List<String> messages = errors("issue in decisionsInDomain(S_NO_SUCH_DOMAIN)", null);
        assertTrue(messages.toString(), messages.get(0).contains("decisionsInDomain") && messages.get(0).contains("S_NO_SUCH_DOMAIN"));
        assertTrue(errors("issue in decisionsInDomain(S_NO_SUCH_DOMAIN)", "de").get(0).contains("findet keinen Entscheidungsbereich"));
        assertTrue(errors("issue in decisionsWithViolation(" + A + ")", null).get(0).contains("0"));
        assertTrue(errors("issue in decisionsInDomain()", null).get(0).contains("1"));
    }

    @Test
    public void anonymousCannotSearch() {
        assertEquals(401, search("issue in decisionsWithViolation()", null, null).status());
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }
}
