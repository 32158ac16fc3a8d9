package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A decision goes with its issue: once Jira deletes the issue (or its whole project) the decision no longer counts
 * where nobody could see or change it — a domain it alone used can be deleted, which it could not before. Its
 * history stays unreadable through the issue, as before (the issue is gone: 404). Against the started reference
 * host, in projects and domains of its own (prefix O), removed afterwards.
 */
public class DeletedIssueDecisionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger N = new AtomicInteger();
    private static String jira;
    private static String api;

    private final List<String> projects = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
    }

    @After
    public void cleanUp() {
        for (String domain : domains) {
            Http.send("DELETE", api + "/domains/" + domain, "admin", null, null);
        }
        for (String project : projects) {
            Http.send("DELETE", jira + "/rest/api/2/project/" + project, "admin", null, null);
        }
    }

    @Test
    public void aDomainUsedOnlyByADeletedIssuesDecisionCanBeDeleted() {
        String project = newProject("ODEL", "alice");
        String issue = createIssue("alice", project, "Pick the message broker");
        String domain = createDomain("O_DEL_" + N.incrementAndGet(), project);
        Reply put = Http.putJson(api + "/decisions/" + issue, "alice", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\","
                + "\"approver\":\"alice\",\"domain\":\"" + domain + "\"}");
        assertEquals(put.body(), 200, put.status());
        assertEquals(domain, json(put).get("domain").asText());

        Reply refused = Http.send("DELETE", api + "/domains/" + domain, "admin", null, null);
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains("1 decision"));
        assertEquals("the history reads while the issue exists", 200, Http.get(api + "/decisions/" + issue + "/history", "alice").status());

        assertEquals(204, Http.send("DELETE", jira + "/rest/api/2/issue/" + issue, "alice", null, null).status());

        assertEquals("the history goes with the issue's visibility, as before", 404,
                Http.get(api + "/decisions/" + issue + "/history", "alice").status());
        assertEquals(404, Http.get(api + "/decisions/" + issue + "/history", "admin").status());
        assertEquals(404, Http.get(api + "/decisions/" + issue, "alice").status());
        List<Element> removed = auditEvents(issue, "mandate.audit.decision.removedWithIssue");
        assertEquals("the product's audit log says where the decision went", 1, removed.size());
        assertEquals("Decision removed with its deleted issue", removed.get(0).selectFirst(".audit-summary").text());
        assertEquals("alice", removed.get(0).selectFirst(".audit-author").text());
        Element change = removed.get(0).selectFirst(".audit-change");
        assertEquals("IN_PROGRESS", change.selectFirst(".audit-from").text());
        assertEquals("\u2014", change.selectFirst(".audit-to").text());

        Reply deleted = Http.send("DELETE", api + "/domains/" + domain, "admin", null, null);
        assertEquals("no decision counts in the domain any more: " + deleted.body(), 204, deleted.status());
        domains.remove(domain);
    }

    @Test
    public void aDeletedProjectsDecisionsStopCountingAndOtherProjectsKeepTheirs() {
        String doomed = newProject("OPRA", "alice");
        String kept = newProject("OPRB", "alice");
        String domain = createDomain("O_PRJ_" + N.incrementAndGet(), doomed, kept);
        String gone = createIssue("alice", doomed, "Choose the CI server");
        String stays = createIssue("alice", kept, "Choose the artifact store");
        for (String issue : List.of(gone, stays)) {
            Reply put = Http.putJson(api + "/decisions/" + issue, "alice", "{\"status\":\"OPEN\",\"domain\":\"" + domain + "\"}");
            assertEquals(put.body(), 200, put.status());
        }
        Reply twice = Http.send("DELETE", api + "/domains/" + domain, "admin", null, null);
        assertEquals(twice.body(), 409, twice.status());
        assertTrue(twice.body(), twice.body().contains("2 decision"));

        assertEquals(204, Http.send("DELETE", jira + "/rest/api/2/project/" + doomed, "admin", null, null).status());
        projects.remove(doomed);

        Reply once = Http.send("DELETE", api + "/domains/" + domain, "admin", null, null);
        assertEquals("the other project's decision still counts: " + once.body(), 409, once.status());
        assertTrue(once.body(), once.body().contains("1 decision"));
        JsonNode stayed = json(Http.get(api + "/decisions/" + stays, "alice"));
        assertEquals(domain, stayed.get("domain").asText());
        assertEquals("OPEN", stayed.get("status").asText());

        assertEquals(204, Http.send("DELETE", api + "/decisions/" + stays, "alice", null, null).status());
        assertEquals(204, Http.send("DELETE", api + "/domains/" + domain, "admin", null, null).status());
        domains.remove(domain);
    }

    // ---------------------------------------------------------------- helpers

    private String newProject(String prefix, String lead) {
        String key = prefix + (char) ('A' + N.incrementAndGet() % 26);
        while (RunningHost.get().jira().world().isProjectKeyInUse(key)) {
            key = key + "X";
        }
        Reply reply = Http.send("POST", jira + "/rest/api/2/project", "admin", "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Project " + key + "\",\"lead\":\"" + lead + "\"}");
        assertEquals(reply.body(), 201, reply.status());
        projects.add(key);
        return key;
    }

    private String createDomain(String key, String... projectKeys) {
        String list = "\"" + String.join("\",\"", projectKeys) + "\"";
        Reply reply = Http.send("POST", api + "/domains", "admin", "application/json", "{\"key\":\"" + key
                + "\",\"name\":\"Deleted issues (O)\",\"scope\":{\"projects\":[" + list + "],\"labels\":[\"o-none\"]}}");
        assertEquals(reply.body(), 201, reply.status());
        domains.add(key);
        return key;
    }

    private static String createIssue(String user, String project, String summary) {
        Reply reply = Http.send("POST", jira + "/rest/api/2/issue", user, "application/json",
                "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"" + summary + "\","
                        + "\"issuetype\":{\"name\":\"Task\"}}}");
        assertEquals(reply.body(), 201, reply.status());
        return json(reply).get("key").asText();
    }

    /** The product audit log's events about the issue with the given action (i18n key of the summary). */
    private static List<Element> auditEvents(String issue, String action) {
        Reply page = Http.get(jira + "/plugins/servlet/audit", "admin");
        assertEquals(page.body(), 200, page.status());
        return Jsoup.parse(page.body()).select("#audit-log tr.audit-event").stream()
                .filter(r -> action.equals(r.attr("data-action")))
                .filter(r -> r.select(".audit-object").stream().anyMatch(o -> o.ownText().equals(issue)))
                .toList();
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }
}
