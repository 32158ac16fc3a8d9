package io.mandate.it;

import com.atlassian.jira.event.ProjectDeletedEvent;
import com.atlassian.jira.event.ProjectUpdatedEvent;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.refhost.world.HostSecurityLevel;
import io.mandate.refhost.world.WorldChanges;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Decisions belong to issues by issue id, not by key (src/test/resources/reproductions/wrong-issue.md): a
 * project deleted and re-created under the same key, an issue moved to another project, a deleted issue
 * and an issue at a security level, each against the started reference host and the built plugin. Every
 * test works in projects of its own, so the sample organisation other tests rely on stays as it is.
 */
public class IssueIdentityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PROJECTS = new AtomicInteger();
    private static String jira;
    private static String api;

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
    }

    @Test
    public void aRecreatedProjectsNewIssueDoesNotShowTheDeletedProjectsDecision() {
        String key = newProjectKey("ZETA");
        createProject(key, "heidi");
        HostSecurityLevel board = world().addSecurityLevel(key, "Board");
        world().addSecurityLevelMember(board.id(), WorldChanges.MemberType.USER, "heidi");
        String oldIssue = createIssue("heidi", key, "Close the Berlin office", board.id());
        assertEquals(key + "-1", oldIssue);
        String secret = "SECRET-" + key + " the office closes in March";
        assertEquals(200, putDecision(oldIssue, "heidi", "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\","
                + "\"approver\":\"heidi\",\"outcome\":\"" + secret + "\"}").status());

        assertEquals(204, Http.send("DELETE", jira + "/rest/api/2/project/" + key, "admin", null, null).status());
        createProject(key, "admin");
        String newIssue = createIssue("frank", key, "Order coffee for the new office", null);
        assertEquals("a new project counts from 1 again", key + "-1", newIssue);

        Reply byProject = Http.get(api + "/decisions?project=" + key, "frank");
        assertEquals(byProject.body(), 200, byProject.status());
        assertFalse(byProject.body(), byProject.body().contains(secret));
        assertEquals(byProject.body(), 0, json(byProject).get("total").asInt());
        Reply all = Http.get(api + "/decisions?maxResults=1000", "frank");
        assertFalse(all.body(), all.body().contains(secret));
        assertEquals("the new issue has no decision", 404, Http.get(api + "/decisions/" + newIssue, "frank").status());
        assertEquals(List.of(), found("issue in decisionsApprovedBy(heidi) AND project = " + key, "frank"));
        Reply asAdmin = Http.get(api + "/decisions?project=" + key, "admin");
        assertFalse("nobody sees it, whoever asks: " + asAdmin.body(), asAdmin.body().contains(secret));
    }

    @Test
    public void aMovedIssuesDecisionShowsAndIsFoundUnderItsNewKey() {
        String from = newProjectKey("MVA");
        String to = newProjectKey("MVB");
        createProject(from, "alice");
        createProject(to, "alice");
        String issue = createIssue("alice", from, "Pick the build server", null);
        assertEquals(200, putDecision(issue, "alice", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\"}").status());

        Reply move = Http.send("POST", jira + "/rest/refhost/1.0/issue/" + issue + "/move", "alice", "application/json",
                "{\"project\":\"" + to + "\"}");
        assertEquals(move.body(), 200, move.status());
        String newKey = json(move).get("key").asText();
        assertEquals(to + "-1", newKey);

        JsonNode moved = json(Http.get(api + "/decisions/" + newKey, "bob"));
        assertEquals(newKey, moved.get("issueKey").asText());
        assertEquals("Jira keeps the old key: it still finds the issue", newKey,
                json(Http.get(api + "/decisions/" + issue, "bob")).get("issueKey").asText());
        JsonNode listed = json(Http.get(api + "/decisions?project=" + to, "bob"));
        assertEquals(listed.toString(), 1, listed.get("total").asInt());
        assertEquals(newKey, listed.get("values").get(0).get("issueKey").asText());
        assertEquals("nothing left behind", 0, json(Http.get(api + "/decisions?project=" + from, "bob")).get("total").asInt());
        assertEquals(List.of(newKey), found("issue in decisionsApprovedBy(carol) AND project = " + to, "bob"));

        IssueEvent event = lastIssueEvent(EventType.ISSUE_MOVED_ID);
        assertEquals(newKey, event.getIssue().getKey());
        assertEquals("alice", event.getUser().getUsername());
    }

    @Test
    public void aDeletedIssuesDecisionIsNeitherListedNorCounted() {
        String key = newProjectKey("DEL");
        createProject(key, "alice");
        String kept = createIssue("alice", key, "Keep this one", null);
        String doomed = createIssue("alice", key, "Delete this one", null);
        long doomedId = world().issueId(doomed);
        for (String issue : List.of(kept, doomed)) {
            assertEquals(200, putDecision(issue, "alice", "{\"status\":\"OPEN\"}").status());
        }
        assertEquals(204, Http.send("DELETE", jira + "/rest/api/2/issue/" + doomed, "alice", null, null).status());

        JsonNode listed = json(Http.get(api + "/decisions?project=" + key, "alice"));
        assertEquals(listed.toString(), 1, listed.get("total").asInt());
        assertEquals(kept, listed.get("values").get(0).get("issueKey").asText());
        assertEquals(404, Http.get(api + "/decisions/" + doomed, "alice").status());
        IssueEvent event = lastIssueEvent(EventType.ISSUE_DELETED_ID);
        assertEquals("the event carries the issue as it was", doomed, event.getIssue().getKey());
        assertEquals(Long.valueOf(doomedId), event.getIssue().getId());
    }

    @Test
    public void aDecisionOnAnIssueAtASecurityLevelIsInvisibleToWhoeverIsOutsideTheLevel() {
        // a project everyone browses; its level "Board" admits heidi only (the sample's HR-3 is the same case,
        // used by DecisionAccessIT)
        String key = newProjectKey("SEC");
        createProject(key, "heidi");
        HostSecurityLevel board = world().addSecurityLevel(key, "Board");
        world().addSecurityLevelMember(board.id(), WorldChanges.MemberType.USER, "heidi");
        String issue = createIssue("heidi", key, "Salaries of the board", board.id());
        String open = createIssue("heidi", key, "Board meeting dates", null);
        String secret = "BOARD-SECRET-" + key + " bands rise by 4%";
        Reply put = putDecision(issue, "heidi", "{\"status\":\"DECIDED\",\"driver\":\"heidi\",\"approver\":\"heidi\","
                + "\"informed\":[{\"type\":\"user\",\"name\":\"erin\"},{\"type\":\"group\",\"name\":\"hr-team\"}],"
                + "\"outcome\":\"" + secret + "\"}");
        assertEquals(put.body(), 200, put.status());
        assertEquals(200, putDecision(open, "heidi", "{\"status\":\"OPEN\"}").status());

        assertEquals(200, Http.get(jira + "/rest/api/2/issue/" + open, "erin").status());
        assertEquals(404, Http.get(jira + "/rest/api/2/issue/" + issue, "erin").status());
        assertEquals(404, Http.get(api + "/decisions/" + issue, "erin").status());
        assertEquals(404, Http.get(api + "/decisions/" + issue + "/history", "erin").status());
        assertEquals("administrators are not exempt from issue security", 404, Http.get(api + "/decisions/" + issue, "admin").status());
        Reply list = Http.get(api + "/decisions?project=" + key + "&maxResults=1000", "erin");
        assertFalse(list.body(), list.body().contains(secret));
        JsonNode page = json(list);
        assertEquals("the hidden decision is neither shown nor counted: " + page, 1, page.get("total").asInt());
        assertEquals(open, page.get("values").get(0).get("issueKey").asText());
        assertEquals(List.of(), found("issue in decisionsApprovedBy(heidi) AND project = " + key, "erin"));
        assertEquals(List.of(issue), found("issue in decisionsApprovedBy(heidi) AND project = " + key, "heidi"));
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB); // whatever the decision's notice becomes has gone out
        Reply outbox = Http.get(jira + "/rest/refhost/1.0/outbox?maxResults=1000", "admin");
        List<String> recipients = new ArrayList<>();
        for (JsonNode mail : json(outbox)) {
            if (mail.get("subject").asText().startsWith("[" + issue + "]")) {
                recipients.add(mail.get("to").asText());
            }
        }
        assertFalse("erin is informed but may not see " + issue + ": " + recipients, recipients.contains("erin@example.com"));
        assertEquals("nobody else in the level but the author: no mail at all", List.of(), recipients);
    }

    @Test
    public void reKeyingAProjectKeepsItsDecisionsUnderTheNewKeysAndTheOldKeysStillFindThem() {
        String key = newProjectKey("RKA");
        String newKey = newProjectKey("RKB");
        createProject(key, "alice");
        String issue = createIssue("alice", key, "Rename the product", null);
        assertEquals(200, putDecision(issue, "alice", "{\"status\":\"OPEN\"}").status());

        assertEquals(403, Http.send("PUT", jira + "/rest/api/2/project/" + key, "alice", "application/json",
                "{\"key\":\"" + newKey + "\"}").status());
        Reply rekey = Http.send("PUT", jira + "/rest/api/2/project/" + key, "admin", "application/json", "{\"key\":\"" + newKey + "\"}");
        assertEquals(rekey.body(), 201, rekey.status());

        assertEquals(newKey + "-1", json(Http.get(api + "/decisions/" + issue, "bob")).get("issueKey").asText());
        JsonNode listed = json(Http.get(api + "/decisions?project=" + newKey, "bob"));
        assertEquals(newKey + "-1", listed.get("values").get(0).get("issueKey").asText());
        assertEquals("the old project key is reserved", 400, Http.send("POST", jira + "/rest/api/2/project", "admin",
                "application/json", "{\"key\":\"" + key + "\",\"name\":\"Again\",\"lead\":\"alice\"}").status());
        ProjectUpdatedEvent event = lastEvent(ProjectUpdatedEvent.class);
        assertEquals(key, event.getOldProject().getKey());
        assertEquals(newKey, event.getProject().getKey());
    }

    @Test
    public void deletingAProjectNeedsAnAdministratorAndFiresProjectDeletedWithoutIssueEvents() {
        String key = newProjectKey("PDL");
        createProject(key, "alice");
        createIssue("alice", key, "Soon gone", null);
        assertEquals("the project's lead is no Jira administrator", 403,
                Http.send("DELETE", jira + "/rest/api/2/project/" + key, "alice", null, null).status());
        assertEquals(401, Http.send("DELETE", jira + "/rest/api/2/project/" + key, null, null, null).status());
        int before = RunningHost.get().jira().jira().events().fired().size();
        assertEquals(204, Http.send("DELETE", jira + "/rest/api/2/project/" + key, "admin", null, null).status());
        List<Object> fired = RunningHost.get().jira().jira().events().fired();
        List<Object> since = fired.subList(Math.min(before, fired.size()), fired.size());
        assertEquals(since.toString(), 1, since.size());
        assertEquals(key, ((ProjectDeletedEvent) since.get(0)).getKey());
        assertEquals(404, Http.send("DELETE", jira + "/rest/api/2/project/" + key, "admin", null, null).status());
    }

    @Test
    public void deletingAnIssueNeedsTheDeletePermissionAndAnIssueOneCannotSeeIsNotFound() {
        String key = newProjectKey("PRM");
        createProject(key, "alice");
        String issue = createIssue("bob", key, "Bob's issue", null);
        assertEquals("only the lead may delete in the default scheme", 403,
                Http.send("DELETE", jira + "/rest/api/2/issue/" + issue, "bob", null, null).status());
        assertEquals(404, Http.send("DELETE", jira + "/rest/api/2/issue/HR-1", "frank", null, null).status());
        assertEquals(404, Http.send("DELETE", jira + "/rest/api/2/issue/HR-3", "erin", null, null).status());
        assertEquals(200, Http.get(jira + "/rest/api/2/issue/" + issue, "bob").status());
    }

    // ---------------------------------------------------------------- helpers

    /** A project key no other test (or earlier run in this JVM) has used: prefix + letters. */
    private static String newProjectKey(String prefix) {
        int n = PROJECTS.incrementAndGet();
        StringBuilder suffix = new StringBuilder();
        do {
            suffix.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        String key = prefix + suffix;
        while (RunningHost.get().jira().world().isProjectKeyInUse(key)) {
            key = key + "X";
        }
        return key;
    }

    private static WorldChangesAndIds world() {
        return new WorldChangesAndIds();
    }

    /** The world's changes plus a lookup of issue ids, for setting up what has no Jira REST call here. */
    private static final class WorldChangesAndIds {
        private final WorldChanges changes = RunningHost.get().jira().world().changes();

        HostSecurityLevel addSecurityLevel(String project, String name) {
            return changes.addSecurityLevel(project, name);
        }

        void addSecurityLevelMember(long level, WorldChanges.MemberType type, String holder) {
            changes.addSecurityLevelMember(level, type, holder);
        }

        long issueId(String key) {
            return RunningHost.get().jira().world().issue(key).orElseThrow().id();
        }
    }

    private static void createProject(String key, String lead) {
        Reply reply = Http.send("POST", jira + "/rest/api/2/project", "admin", "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Project " + key + "\",\"lead\":\"" + lead + "\"}");
        assertEquals(reply.body(), 201, reply.status());
    }

    private static String createIssue(String user, String project, String summary, Long level) {
        String security = level == null ? "" : ",\"security\":{\"id\":\"" + level + "\"}";
        Reply reply = Http.send("POST", jira + "/rest/api/2/issue", user, "application/json",
                "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"" + summary + "\","
                        + "\"issuetype\":{\"name\":\"Task\"}" + security + "}}");
        assertEquals(reply.body(), 201, reply.status());
        return json(reply).get("key").asText();
    }

    private static Reply putDecision(String issue, String user, String body) {
        return Http.putJson(api + "/decisions/" + issue, user, body);
    }

    private static List<String> found(String jql, String user) {
        Reply reply = Http.get(jira + "/rest/api/2/search?maxResults=1000&jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8), user);
        assertEquals(jql + ": " + reply.body(), 200, reply.status());
        List<String> keys = new ArrayList<>();
        json(reply).get("issues").forEach(i -> keys.add(i.get("key").asText()));
        return keys;
    }

    private static IssueEvent lastIssueEvent(Long type) {
        List<Object> fired = RunningHost.get().jira().jira().events().fired();
        for (int i = fired.size() - 1; i >= 0; i--) {
            if (fired.get(i) instanceof IssueEvent e && type.equals(e.getEventTypeId())) {
                return e;
            }
        }
        throw new AssertionError("no IssueEvent of type " + type + " in " + fired);
    }

    private static <T> T lastEvent(Class<T> type) {
        List<Object> fired = RunningHost.get().jira().jira().events().fired();
        for (int i = fired.size() - 1; i >= 0; i--) {
            if (type.isInstance(fired.get(i))) {
                return type.cast(fired.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + fired);
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }
}
