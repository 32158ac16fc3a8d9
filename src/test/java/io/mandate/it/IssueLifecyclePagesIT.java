package io.mandate.it;

import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The host's pages for the issue lifecycle: the issue's "More" actions (Move, Delete) and the project
 * administration page are forms with the session's XSRF token; a POST without it changes nothing.
 */
public class IssueLifecyclePagesIT {

    private static String jira;

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
    }

    /** A browser-like session: one cookie jar, HTTP Basic as the user, no redirects followed. */
    private static final class Session {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String auth;

        Session(String user) {
            auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(jira + path)).header("Authorization", auth).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(jira + path)).header("Authorization", auth)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String newIssue(String project) {
        Http.Reply reply = Http.send("POST", jira + "/rest/api/2/issue", "alice", "application/json",
                "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"Page test\",\"issuetype\":{\"name\":\"Task\"}}}");
        assertEquals(reply.body(), 201, reply.status());
        return reply.body().replaceAll(".*\"key\":\"([A-Z]+-\\d+)\".*", "$1");
    }

    private static String project() {
        String key = "PG" + (char) ('A' + (int) (System.nanoTime() % 26)) + (char) ('A' + (int) (System.nanoTime() / 26 % 26));
        while (RunningHost.get().jira().world().isProjectKeyInUse(key)) {
            key = key + "Q";
        }
        Http.Reply reply = Http.send("POST", jira + "/rest/api/2/project", "admin", "application/json",
                "{\"key\":\"" + key + "\",\"name\":\"Pages\",\"lead\":\"alice\"}");
        assertEquals(reply.body(), 201, reply.status());
        return key;
    }

    @Test
    public void deletingFromTheIssuePageNeedsTheSessionsToken() {
        String issue = newIssue(project());
        Session alice = new Session("alice");
        Document actions = Jsoup.parse(alice.get("/secure/issue-action?key=" + issue).body());
        assertNotNull(actions.selectFirst("#delete-issue-form"));
        String token = actions.selectFirst("#delete-issue-form input[name=atl_token]").attr("value");

        HttpResponse<String> forged = alice.post("/secure/issue-action", Map.of("key", issue, "action", "delete"));
        assertEquals(403, forged.statusCode());
        HttpResponse<String> wrong = alice.post("/secure/issue-action", Map.of("key", issue, "action", "delete", "atl_token", "x" + token));
        assertEquals(403, wrong.statusCode());
        assertEquals("nothing changed", 200, Http.get(jira + "/rest/api/2/issue/" + issue, "alice").status());

        HttpResponse<String> deleted = alice.post("/secure/issue-action", Map.of("key", issue, "action", "delete", "atl_token", token));
        assertEquals(302, deleted.statusCode());
        assertEquals(404, Http.get(jira + "/rest/api/2/issue/" + issue, "alice").status());
    }

    @Test
    public void movingFromTheIssuePageGivesANewKeyAndTheOldOneStillFindsTheIssue() {
        String from = project();
        String to = project();
        String issue = newIssue(from);
        Session alice = new Session("alice");
        Document actions = Jsoup.parse(alice.get("/secure/issue-action?key=" + issue).body());
        assertNotNull("the target is offered", actions.selectFirst("#move-target option[value=" + to + "]"));
        String token = actions.selectFirst("#move-issue-form input[name=atl_token]").attr("value");

        HttpResponse<String> moved = alice.post("/secure/issue-action", Map.of("key", issue, "action", "move", "project", to, "atl_token", token));
        assertEquals(302, moved.statusCode());
        String location = moved.headers().firstValue("Location").orElseThrow();
        assertTrue(location, location.endsWith("/browse/" + to + "-1"));
        assertTrue(Http.get(jira + "/rest/api/2/issue/" + issue, "alice").body().contains("\"key\":\"" + to + "-1\""));
    }

    @Test
    public void theIssueActionsOfAnIssueOneCannotSeeAreTheMissingIssuePage() {
        Session frank = new Session("frank");
        assertEquals(404, frank.get("/secure/issue-action?key=HR-1").statusCode());
        Session erin = new Session("erin");
        assertEquals("HR-3 is at a security level erin is not in", 404, erin.get("/secure/issue-action?key=HR-3").statusCode());
    }

    @Test
    public void onlyAdministratorsSeeAndUseTheProjectsPage() {
        Session alice = new Session("alice");
        assertEquals(403, alice.get("/secure/admin/projects").statusCode());
        Session admin = new Session("admin");
        Document page = Jsoup.parse(admin.get("/secure/admin/projects").body());
        assertNotNull(page.selectFirst("#projects tr[data-project-key=DEMO]"));
        String token = page.selectFirst("#create-project-form input[name=atl_token]").attr("value");
        HttpResponse<String> refused = alice.post("/secure/admin/projects", Map.of("action", "delete", "key", "DEMO", "atl_token", token));
        assertEquals("another session's token is no token", 403, refused.statusCode());
        assertTrue(RunningHost.get().jira().world().project("DEMO").isPresent());
    }
}
