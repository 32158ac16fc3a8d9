package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Notifications end to end through the reference host running the built jar: a decision recorded and decided over REST
 * by alice queues a notice; the notification job (the host's scheduler runs it every minute; the tests run it at once
 * through the host's scheduler REST instead of waiting) puts one message per recipient into Jira's mail queue, which the
 * host keeps in its outbox (read here as admin). The weekly digest job tells drivers and approvers of their overdue
 * decisions the same way. Uses DEMO-15…DEMO-18, which no other test touches.
 */
public class NotificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String jira;
    private static String api;

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0/decisions/";
    }

    /* dave contributes (alice too, but she is the author); bob is informed directly and, with erin, through operations. */
    private static final String PEOPLE = "\"driver\":\"alice\",\"approver\":\"carol\",\"contributors\":[\"dave\",\"alice\"],"
            + "\"informed\":[{\"type\":\"user\",\"name\":\"bob\"},{\"type\":\"group\",\"name\":\"operations\"}]";

    @Test
    public void decidingMailsTheInformedGroupMembersAndContributorsOnceButNotTheAuthor() {
        assertEquals(200, put("DEMO-15", "{\"status\":\"IN_PROGRESS\"," + PEOPLE + "}").status());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        assertTrue("no mail while the decision is in progress", outboxFor("DEMO-15").isEmpty());

        Reply decided = put("DEMO-15", "{\"version\":1,\"status\":\"DECIDED\"," + PEOPLE
                + ",\"outcome\":\"Switch the cluster off after the March reports.\"}");
        assertEquals(decided.body(), 200, decided.status());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);

        List<JsonNode> mail = outboxFor("DEMO-15");
        assertEquals(List.of("bob@example.com", "dave@example.com", "erin@example.com"), sortedRecipients(mail));
        for (JsonNode m : mail) {
            assertEquals("[DEMO-15] Decision made: Decommission the legacy reporting cluster", m.get("subject").asText());
            String body = m.get("body").asText();
            assertTrue(body, body.startsWith("Alice Adams changed the decision on DEMO-15 to Decided."));
            assertTrue(body, body.contains("Outcome: Switch the cluster off after the March reports."));
            assertTrue(body, body.contains("Approver: Carol Clark"));
            assertTrue(body, body.contains("Open the issue: " + jira + "/browse/DEMO-15"));
            assertTrue(m.get("sentAt").asText(), m.get("sentAt").asText().endsWith("Z"));
        }

        Reply corrected = put("DEMO-15", "{\"version\":2,\"status\":\"DECIDED\"," + PEOPLE
                + ",\"outcome\":\"Switch the cluster off after the April reports.\"}");
        assertEquals(corrected.body(), 200, corrected.status());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        assertEquals("an edit that stays DECIDED mails nobody", 3, outboxFor("DEMO-15").size());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        assertEquals("a second run sends nothing again", 3, outboxFor("DEMO-15").size());
    }

    @Test
    public void reversingMailsEveryoneAgain() {
        assertEquals(200, put("DEMO-16", "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"informed\":[{\"type\":\"user\",\"name\":\"frank\"}],\"outcome\":\"Upgrade now.\"}").status());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        assertEquals("recording a decision as DECIDED is becoming DECIDED", 1, outboxFor("DEMO-16").size());

        Reply reversed = put("DEMO-16", "{\"version\":1,\"status\":\"REVERSED\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"informed\":[{\"type\":\"user\",\"name\":\"frank\"}]}");
        assertEquals(reversed.body(), 200, reversed.status());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        List<JsonNode> mail = outboxFor("DEMO-16");
        assertEquals(2, mail.size());
        assertEquals("newest first", "[DEMO-16] Decision reversed: Upgrade the services to Java 17",
                mail.get(0).get("subject").asText());
        assertEquals("frank@example.com", mail.get(0).get("to").asText());
    }

    @Test
    public void theOutboxIsForAdministratorsOnly() {
        assertEquals(403, Http.get(jira + "/rest/refhost/1.0/outbox", "alice").status());
        assertEquals(401, Http.get(jira + "/rest/refhost/1.0/outbox", null).status());
        assertEquals(403, Http.get(jira + "/secure/admin/outbox", "alice").status());
        assertEquals(200, Http.get(jira + "/secure/admin/outbox", "admin").status());
    }

    @Test
    public void theOutboxPageShowsWhatUsersTypedAsText() {
        String outcome = "<script>alert('x')</script> & <b>Kafka</b>";
        Reply saved = put("DEMO-17", "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"contributors\":[\"grace\"],\"outcome\":" + quote(outcome) + "}");
        assertEquals(saved.body(), 200, saved.status());
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);

        Reply page = Http.get(jira + "/secure/admin/outbox", "admin");
        assertFalse("markup from the outcome is never live", page.body().contains("<script>alert("));
        Document doc = Jsoup.parse(page.body());
        Element row = doc.select("#outbox tbody tr").stream()
                .filter(r -> r.selectFirst(".outbox-subject").text().startsWith("[DEMO-17]"))
                .findFirst().orElse(null);
        assertNotNull(page.body(), row);
        assertEquals("grace@example.com", row.selectFirst(".outbox-to").text());
        assertTrue(row.selectFirst(".outbox-body").wholeText(), row.selectFirst(".outbox-body").wholeText().contains(outcome));
        assertTrue(doc.select("script").stream().noneMatch(s -> s.html().contains("alert")));
    }

    @Test
    public void theWeeklyDigestTellsTheDriverAndTheApproverOfTheirOverdueDecision() {
        assertEquals(200, put("DEMO-18", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"dueDate\":\"2020-01-06\"}").status());
        String queued = RunningHost.runJiraJob(RunningHost.DIGEST_JOB);
        assertTrue("the first digest of this week in this host: " + queued, queued.endsWith("mails queued"));
        String again = RunningHost.runJiraJob(RunningHost.DIGEST_JOB);
        assertTrue("once a week: " + again, again.endsWith("queued already"));
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);

        List<JsonNode> digests = new ArrayList<>();
        for (JsonNode m : json(Http.get(jira + "/rest/refhost/1.0/outbox?maxResults=1000", "admin"))) {
            if (m.get("subject").asText().startsWith("Your overdue decisions (") && m.get("body").asText().contains("DEMO-18 ")) {
                digests.add(m);
            }
        }
        assertEquals(List.of("alice@example.com", "carol@example.com"), sortedRecipients(digests));
        for (JsonNode m : digests) {
            String body = m.get("body").asText();
            assertTrue(body, body.contains("\nDEMO-18 "));
            assertTrue(body, body.contains("Open the issue: " + jira + "/browse/DEMO-18"));
            assertEquals("text/plain", m.get("mimeType").asText());
        }
        assertTrue(digests.get(0).get("body").asText(), digests.stream().anyMatch(m -> m.get("body").asText()
                .contains("Due 2020-01-06, ") && m.get("body").asText().contains("You are its driver.")));
    }

    @Test
    public void theSchedulerIsForAdministratorsOnly() {
        String run = jira + "/rest/refhost/1.0/scheduler/jobs/" + RunningHost.NOTIFICATION_JOB + "/run";
        assertEquals(401, Http.send("POST", run, null, "application/json", "{}").status());
        assertEquals(403, Http.send("POST", run, "alice", "application/json", "{}").status());
        assertEquals(403, Http.get(jira + "/rest/refhost/1.0/scheduler/jobs", "alice").status());
        assertEquals(404, Http.send("POST", jira + "/rest/refhost/1.0/scheduler/jobs/no.such.job/run", "admin",
                "application/json", "{}").status());
        JsonNode jobs = json(Http.get(jira + "/rest/refhost/1.0/scheduler/jobs", "admin"));
        List<String> ids = new ArrayList<>();
        for (JsonNode job : jobs) {
            ids.add(job.get("jobId").asText());
            assertEquals("RUN_ONCE_PER_CLUSTER", job.get("runMode").asText());
            assertTrue(job.get("runnable").asBoolean());
        }
        assertTrue(ids.toString(), ids.containsAll(List.of(RunningHost.NOTIFICATION_JOB, RunningHost.DIGEST_JOB)));
    }

    @Test
    public void theAdminMenuLinksTheOutbox() {
        Document menu = Jsoup.parse(Http.get(jira + "/secure/admin", "admin").body());
        Element link = menu.selectFirst("#outbox-link");
        assertNotNull(link);
        assertEquals("/jira/secure/admin/outbox", link.attr("href"));
    }

    // ----- helpers -----

    private static Reply put(String issue, String json) {
        return Http.putJson(api + issue, "alice", json);
    }

    /** The outbox messages about one issue, newest first, read as admin. */
    private static List<JsonNode> outboxFor(String issueKey) {
        Reply reply = Http.get(jira + "/rest/refhost/1.0/outbox?maxResults=1000", "admin");
        assertEquals(reply.body(), 200, reply.status());
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode m : json(reply)) {
            if (m.get("subject").asText().startsWith("[" + issueKey + "]")) {
                result.add(m);
            }
        }
        return result;
    }

    private static List<String> sortedRecipients(List<JsonNode> mail) {
        return mail.stream().map(m -> m.get("to").asText()).sorted().toList();
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
