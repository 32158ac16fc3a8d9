package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.refhost.applinks.LinkSignature;
import io.mandate.refhost.applinks.RefApplicationLinks;
import io.mandate.testing.LinkedJiraProbe;
import io.mandate.testing.LinkedJiraProbe.Answer;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.jsoup.Jsoup;
import org.junit.AfterClass;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Confluence reads Jira's decisions over the application link as the current user, against the running host:
 * Jira's permissions decide (a hidden issue is "not found"), a user who has not authorised the link is sent to the
 * authorisation page, no link means "not linked", and nobody outside the link can speak for a user.
 * DEMO-1 and HR-1 get a decision for the duration of this class (other tests expect DEMO-1 to have none), removed
 * afterwards.
 */
public class LinkedJiraIT {

    private static final String DECISIONS = "/rest/mandate/1.0/decisions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CREATED = new java.util.LinkedHashMap<>();

    @BeforeClass
    public static void decisionsOnDemo1AndHr1() {
        ensureDecision("DEMO-1", "alice", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"alice\"}");
        ensureDecision("HR-1", "heidi", "{\"status\":\"OPEN\"}");
    }

    @AfterClass
    public static void removeTheDecisionsCreatedHere() {
        CREATED.forEach((issue, editor) -> {
            String url = RunningHost.jira() + DECISIONS + "/" + issue;
            int version = json(Http.get(url, editor).body()).get("version").asInt();
            assertEquals(204, Http.send("DELETE", url + "?version=" + version, editor, null, null).status());
        });
    }

    private static void ensureDecision(String issue, String editor, String body) {
        String url = RunningHost.jira() + DECISIONS + "/" + issue;
        if (Http.get(url, editor).status() == 404) {
            Http.Reply created = Http.putJson(url, editor, body);
            assertEquals(created.body(), 200, created.status());
            CREATED.put(issue, editor);
        }
    }

    private static RefApplicationLinks links() {
        return RunningHost.get().confluence().applinks();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Test
    public void aliceReadsTheDecisionOfDemo1AsHerself() {
        links().authorise("alice");
        Answer answer = LinkedJiraProbe.get("alice", DECISIONS, "DEMO-1");
        assertEquals(answer.toString(), "Json", answer.kind());
        assertEquals("DEMO-1", answer.json().get("issueKey").asText());
        assertEquals("what alice reads in Jira herself", json(Http.get(RunningHost.jira() + DECISIONS + "/DEMO-1", "alice").body()),
                answer.json());
    }

    @Test
    public void aUserWhoCannotBrowseTheIssueGetsNotFound() {
        links().authorise("frank");
        links().authorise("heidi");
        Answer asFrank = LinkedJiraProbe.get("frank", DECISIONS, "HR-1");
        assertEquals(asFrank.toString(), "ErrorStatus", asFrank.kind());
        assertEquals(Integer.valueOf(404), asFrank.status());
        Answer asHeidi = LinkedJiraProbe.get("heidi", DECISIONS, "HR-1");
        assertEquals("the decision exists: heidi, in hr-team, reads it", "Json", asHeidi.kind());
    }

    @Test
    public void aUserWhoHasNotAuthorisedTheLinkIsSentToTheAuthorisationPage() {
        links().revoke("carol");
        Answer answer = LinkedJiraProbe.get("carol", DECISIONS, "DEMO-1");
        assertEquals(answer.toString(), "AuthorisationNeeded", answer.kind());
        assertEquals(URI.create(RunningHost.confluence() + RefApplicationLinks.AUTHORISE_PATH
                + "?applicationLinkID=" + RefApplicationLinks.LINK_ID), answer.authorisationUri().orElseThrow());
    }

    @Test
    public void anAnonymousVisitorCannotReadJiraOverTheLink() {
        assertEquals("AuthorisationNeeded", LinkedJiraProbe.get(null, DECISIONS, "DEMO-1").kind());
    }

    @Test
    public void withoutALinkToJiraConfluenceIsNotLinked() {
        RefApplicationLinks.Target target = links().target().orElseThrow();
        links().authorise("alice");
        links().unlink();
        try {
            assertEquals("NotLinked", LinkedJiraProbe.get("alice", DECISIONS, "DEMO-1").kind());
        } finally {
            links().link(target);
        }
        assertEquals("linked again", "Json", LinkedJiraProbe.get("alice", DECISIONS, "DEMO-1").kind());
    }

    @Test
    public void theAuthorisationPageLetsTheLoggedInUserAllowTheLink() throws Exception {
        links().revoke("dave");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String page = RunningHost.confluence() + RefApplicationLinks.AUTHORISE_PATH + "?applicationLinkID=" + RefApplicationLinks.LINK_ID;
        HttpResponse<String> form = browser.send(as("dave", HttpRequest.newBuilder(URI.create(page))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode());
        String token = Jsoup.parse(form.body()).selectFirst("#applink-authorise input[name=atl_token]").attr("value");

        HttpResponse<String> forged = browser.send(post("dave", page, "atl_token=wrong&approve=true"), HttpResponse.BodyHandlers.ofString());
        assertEquals("a form without the page's token is refused", 403, forged.statusCode());
        assertEquals("AuthorisationNeeded", LinkedJiraProbe.get("dave", DECISIONS, "DEMO-1").kind());

        HttpResponse<String> allowed = browser.send(post("dave", page, "atl_token=" + token + "&approve=true&redirectUrl="
                + URLEncoder.encode("https://evil.example/phish", StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, allowed.statusCode());
        assertEquals("never sent to another site", URI.create(RunningHost.confluence() + "/"),
                URI.create(page).resolve(allowed.headers().firstValue("Location").orElseThrow()));
        assertEquals("Json", LinkedJiraProbe.get("dave", DECISIONS, "DEMO-1").kind());
    }

    @Test
    public void linkHeadersWithoutTheHostsSecretAreIgnoredByJira() {
        String url = RunningHost.jira() + DECISIONS + "/DEMO-1";
        String now = Long.toString(Instant.now().getEpochSecond());
        assertEquals("the user header alone", 401, getWithHeaders(url, Map.of(LinkSignature.USER, "alice")).status());
        assertEquals("a made-up signature", 401, getWithHeaders(url, Map.of(LinkSignature.USER, "alice",
                LinkSignature.TIME, now, LinkSignature.SIGNATURE, "00".repeat(32))).status());
        Map<String, String> signed = links().target().orElseThrow().signature().headers("alice", "GET", URI.create(url));
        assertEquals("control: signed with the host's secret", 200, getWithHeaders(url, signed).status());
        Map<String, String> forAdmin = new java.util.HashMap<>(signed);
        forAdmin.put(LinkSignature.USER, "admin");
        assertEquals("alice's signature does not speak for admin", 401, getWithHeaders(url, forAdmin).status());
    }

    @Test
    public void confluenceDoesNotTrustLinkHeadersAtAll() {
        String url = RunningHost.confluence() + "/admin/console.action";
        Map<String, String> signed = links().target().orElseThrow().signature().headers("admin", "GET", URI.create(url));
        Http.Reply reply = getWithHeaders(url, signed);
        assertFalse("the admin page is not served to an anonymous caller: " + reply.status(), reply.status() == 200);
    }

    private static Http.Reply getWithHeaders(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET()
                .header("Accept", "application/json");
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder as(String user, HttpRequest.Builder builder) {
        return builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest post(String user, String url, String form) {
        return as(user, HttpRequest.newBuilder(URI.create(url))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }
}
