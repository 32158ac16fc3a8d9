package io.mandate.it;

import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The running reference host is as strict as Jira where a browser or an attacker meets it: XSRF on
 * mutating REST calls, error pages without stack traces or versions, anti-framing headers, an HttpOnly
 * session cookie.
 */
public class HostHardeningIT {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
    private static final String DECISION = "{\"status\":\"OPEN\"}";

    private final String jira = RunningHost.jira();
    private final String origin = URI.create(jira).resolve("/").toString().replaceAll("/$", "");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertNoLeak(String what, Reply reply) {
        String body = reply.body().toLowerCase(Locale.ROOT);
        assertFalse(what + ": " + reply, body.contains("exception") || body.contains("\tat ") || body.contains(".java:"));
        assertFalse(what + ": " + reply, body.contains("jetty") || body.contains("powered by"));
        assertTrue(what + ": no Server header", reply.headers().firstValue("Server").isEmpty());
    }

    @Test
    public void postWithoutContentTypeIsRefusedAsXsrf() {
        // POST is no operation of the contract: only the answer is checked (a refusal)
        Reply reply = SecurityHttp.send(Contract.Check.RESPONSE, "POST", jira + "/rest/mandate/1.0/decisions/DEMO-2", "alice", Map.of(), bytes(DECISION));
        assertEquals(reply.toString(), 403, reply.status());
        assertTrue(reply.toString(), reply.body().contains("XSRF"));
    }

    @Test
    public void browserWriteFromAForeignOriginIsRefused() {
        String url = jira + "/rest/mandate/1.0/decisions/DEMO-18";
        String before = SecurityHttp.get(url, "alice").body();
        Reply reply = SecurityHttp.send("PUT", url, "alice",
                Map.of("Content-Type", "application/json", "User-Agent", CHROME, "Origin", "https://evil.example"), bytes(DECISION));
        assertEquals(reply.toString(), 403, reply.status());
        assertEquals("nothing was written", before, SecurityHttp.get(url, "alice").body());
    }

    @Test
    public void browserWriteFromThisSitePasses() {
        // the write reaches the resource (its own validation answers, naming the field) instead of the XSRF
        // filter's 403; an invalid body keeps the shared sample data untouched for the other tests
        Reply reply = SecurityHttp.send(Contract.Check.RESPONSE, "PUT", jira + "/rest/mandate/1.0/decisions/DEMO-3", "alice",
                Map.of("Content-Type", "application/json", "User-Agent", CHROME, "Origin", origin),
                bytes("{\"status\":\"NOT_A_STATUS\"}"));
        assertEquals(reply.toString(), 400, reply.status());
        assertTrue(reply.toString(), reply.body().contains("\"status\""));
    }

    @Test
    public void errorPagesShowNoTraceAndNoVersion() {
        Map<String, Reply> replies = Map.of(
                "unknown page", SecurityHttp.html(jira + "/no/such/page", null),
                "unknown REST resource", SecurityHttp.uncheckedGet(jira + "/rest/mandate/1.0/nothing", "alice"),
                "wrong method", SecurityHttp.send(Contract.Check.RESPONSE, "POST", jira + "/rest/mandate/1.0/decisions/DEMO-1", "alice",
                        Map.of("Content-Type", "application/json"), bytes(DECISION)),
                "admin page, anonymous, odd characters", SecurityHttp.html(jira + "/plugins/servlet/mandate/admin?x=%7C%22%7B%7D%5E", null),
                "admin page, non-admin", SecurityHttp.html(jira + "/plugins/servlet/mandate/admin", "bob"));
        replies.forEach(HostHardeningIT::assertNoLeak);
    }

    @Test
    public void rawIllegalCharactersInTheQueryGetNoTrace() throws Exception {
        URI base = URI.create(jira);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /jira/plugins/servlet/mandate/admin?q=|\"{}^ HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            assertFalse(raw, raw.contains("exception") || raw.contains(".java:") || raw.contains("jetty") || raw.contains("\nserver:"));
        }
    }

    @Test
    public void pagesAndAnswersCarryTheAntiFramingHeaders() {
        for (Reply reply : List.of(SecurityHttp.html(jira + "/browse/DEMO-1", "alice"), SecurityHttp.html(jira + "/login.jsp", null),
                SecurityHttp.get(jira + "/rest/mandate/1.0/decisions/DEMO-1", "alice"))) {
            assertEquals(reply.toString(), "SAMEORIGIN", reply.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(reply.toString(), "frame-ancestors 'self'", reply.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals(reply.toString(), "nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    public void loginSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(jira + "/login.jsp"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("os_username=alice&os_password=alice")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(cookie, cookie.toLowerCase(Locale.ROOT).contains("httponly"));
        assertTrue(cookie, cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"));
    }
}
