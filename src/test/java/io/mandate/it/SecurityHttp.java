package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.Contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * HTTP for the security tests (access, fuzz, XSS set-up): raw bytes and any header, Basic auth as a
 * sample user (password = username, or "user:password"), redirects never followed, and a count of
 * every request sent so a test can report how much it tried.
 */
final class SecurityHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * Bodies above this are sent the way curl sends them, reading the answer while still writing
     * (RawHttp): a host that refuses a body by its declared length answers at once and closes the
     * connection, and java.net.http, still writing, would report a broken pipe instead of the answer.
     */
    static final int LARGE_BODY = 64 * 1024;

    /** Every request sent through this class in this JVM. */
    static final AtomicInteger SENT = new AtomicInteger();

    private SecurityHttp() {
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        boolean isJson() {
            return contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
        }

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        String location() {
            return headers.firstValue("Location").orElse("");
        }

        @Override
        public String toString() {
            String shown = body.length() > 400 ? body.substring(0, 400) + "…(" + body.length() + " chars)" : body;
            return status + " " + contentType() + " " + shown;
        }
    }

    static Reply send(String method, String url, String user, Map<String, String> headers, byte[] body) {
        return send(Contract.Check.FULL, method, url, user, headers, body);
    }

    /**
     * Sends the request and holds the exchange against the REST contract ({@link Contract}) as {@code check} says:
     * the fuzz tests' requests are outside the contract on purpose and have only their answers checked.
     */
    static Reply send(Contract.Check check, String method, String url, String user, Map<String, String> headers, byte[] body) {
        Reply reply = exchange(method, url, user, headers, body);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":" + user;
            sent.put("Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        }
        sent.put("Accept", List.of("application/json"));
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (value != null) {
                    sent.put(name, List.of(value));
                }
            });
        }
        Contract.check(check, new Contract.Exchange(method, URI.create(url), sent, body, reply.status(), reply.headers().map(), reply.body()));
        return reply;
    }

    private static Reply exchange(String method, String url, String user, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":" + user;
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        if (headers != null) {
            all.putAll(headers);
        }
        all.forEach((name, value) -> {
            if (value != null) {
                b.header(name, value);
            }
        });
        SENT.incrementAndGet();
        if (body != null && body.length > LARGE_BODY) {
            Map<String, String> raw = new LinkedHashMap<>(all);
            raw.values().removeIf(java.util.Objects::isNull);
            RawHttp.Answer a = RawHttp.send(url, method, user, raw, body);
            Map<String, List<String>> answered = new LinkedHashMap<>();
            a.headers().forEach((name, value) -> answered.put(name, List.of(value)));
            return new Reply(a.status(), a.body(), java.net.http.HttpHeaders.of(answered, (n, v) -> true));
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET outside the contract on purpose (a parameter out of range, an id that is no number): the answer is checked. */
    static Reply uncheckedGet(String url, String user) {
        return send(Contract.Check.RESPONSE, "GET", url, user, null, null);
    }

    /** A PUT outside the contract on purpose (a required field left out, a malformed body): the answer is checked. */
    static Reply uncheckedPutJson(String url, String user, String json) {
        return send(Contract.Check.RESPONSE, "PUT", url, user, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply get(String url, String user) {
        return send("GET", url, user, null, null);
    }

    static Reply delete(String url, String user) {
        return send("DELETE", url, user, null, null);
    }

    static Reply putJson(String url, String user, String json) {
        return send("PUT", url, user, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(String url, String user) {
        return send("GET", url, user, Map.of("Accept", "text/html"), null);
    }

    /** One path segment or query value, percent-encoded (spaces as %20, so it also works in paths). */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The contract's error shape: {"message": string, "errors": object}. */
    static JsonNode assertErrorShape(String what, Reply reply) {
        assertTrue(what + ": an error must be JSON: " + reply, reply.isJson());
        JsonNode body = reply.json();
        if (body == null || !body.isObject()) {
            fail(what + ": the error body is not a JSON object: " + reply);
        }
        assertTrue(what + ": \"message\" must be a non-empty string: " + reply,
                body.path("message").isTextual() && !body.path("message").asText().isBlank());
        assertTrue(what + ": \"errors\" must be an object: " + reply, body.path("errors").isObject());
        return body;
    }

    /**
     * What every answer of a Jira-like server keeps to itself and what it always says: no server name or
     * version, no stack trace or exception text, and the anti-framing headers.
     */
    static void assertNothingLeaks(String what, Reply reply) {
        String body = reply.body().toLowerCase(java.util.Locale.ROOT);
        assertTrue(what + ": no Server header: " + reply, reply.headers().firstValue("Server").isEmpty());
        assertTrue(what + ": no stack trace: " + reply, !body.contains("exception") && !body.contains(".java:"));
        assertTrue(what + ": no server version: " + reply, !body.contains("jetty"));
        assertTrue(what + ": anti-framing header: " + reply,
                reply.headers().firstValue("X-Frame-Options").orElse("").equals("SAMEORIGIN"));
    }
}
