package io.mandate.testing;

import io.mandate.refhost.RefHost;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;

/**
 * The reference host with the built plugin jar and a fresh sample organisation (a new, empty
 * data folder), on a free port. Started once per test JVM and shared by the integration tests. It starts without
 * the sample decisions ({@code SampleDecisions}): the tests write their own decisions on the sample issues;
 * SampleDecisionsIT starts a host of its own with them.
 */
public final class RunningHost {

    private static RefHost host;

    private RunningHost() {
    }

    public static synchronized RefHost get() {
        if (host == null) {
            try {
                File data = Files.createTempDirectory("mandate-it").toFile();
                File jar = new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar"));
                host = RefHost.start(new RefHost.Settings(0, data, System.getProperty("mandate.db.url"),
                        System.getProperty("mandate.db.user", "postgres"), System.getProperty("mandate.db.password", ""),
                        jar, new File("target/aui")), false);
            } catch (Exception e) {
                throw new IllegalStateException("The reference host did not start: " + e.getMessage(), e);
            }
            RefHost started = host;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
        }
        return host;
    }

    public static String jira() {
        return get().baseUrl() + "/jira";
    }

    public static String confluence() {
        return get().baseUrl() + "/confluence";
    }

    /** The job that sends Mandate's queued notifications and mail (the plugin's {@code NotificationJob}). */
    public static final String NOTIFICATION_JOB = "io.mandate.notifications";
    /** The job that queues the weekly digest of overdue decisions (the plugin's {@code OverdueDigest}). */
    public static final String DIGEST_JOB = "io.mandate.overdue-digest";

    /**
     * Runs one of Jira's scheduled jobs now, through the reference host's scheduler ({@code POST
     * /rest/refhost/1.0/scheduler/jobs/{id}/run}, as admin), and returns the runner's message once it has finished — a run
     * under way on the host's own schedule finishes first. What a test wrote for a job to handle (a notification) is
     * handled when this returns: nobody sleeps.
     */
    public static String runJiraJob(String jobId) {
        Http.Reply reply = Http.send("POST", jira() + "/rest/refhost/1.0/scheduler/jobs/" + jobId + "/run", "admin",
                "application/json", "{}");
        if (reply.status() != 200 || !reply.body().contains("\"outcome\":\"SUCCESS\"")) {
            throw new AssertionError("job " + jobId + " did not run: " + reply.status() + " " + reply.body());
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body()).path("message").asText();
        } catch (IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }

    /**
     * A small HTTP client for REST tests: Basic auth as the sample user (password = username). Every call to the
     * Mandate API ({@code /rest/mandate/1.0/**}) is held against the REST contract ({@link Contract}): a request or
     * an answer that leaves docs/openapi.yaml fails the test where it was sent. A request outside the contract on
     * purpose goes through {@link #unchecked()}, which checks the answer only.
     */
    public static final class Http {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private static final Http CHECKED = new Http(Contract.Check.FULL);
        private static final Http UNCHECKED = new Http(Contract.Check.RESPONSE);

        private final Contract.Check check;

        private Http(Contract.Check check) {
            this.check = check;
        }

        public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        }

        /**
         * For requests a test sends outside the contract on purpose (a malformed body, a parameter out of range):
         * only the answer is checked — it must be what the contract says a refusal is.
         */
        public static Http unchecked() {
            return UNCHECKED;
        }

        public static Reply send(String method, String url, String user, String contentType, String body) {
            return CHECKED.exchange(method, url, user, contentType, body);
        }

        public static Reply get(String url, String user) {
            return send("GET", url, user, null, null);
        }

        public static Reply putJson(String url, String user, String json) {
            return send("PUT", url, user, "application/json", json);
        }

        /** {@link #send} with this client's check. */
        public Reply exchange(String method, String url, String user, String contentType, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (user != null) {
                String password = user.contains(":") ? "" : user;
                String credentials = user.contains(":") ? user : user + ":" + password;
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.header("Accept", "application/json");
            HttpRequest request = b.build();
            Reply reply;
            try {
                HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                reply = new Reply(r.statusCode(), r.body(), r.headers());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Contract.check(check, new Contract.Exchange(method, request.uri(), request.headers().map(),
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), reply.status(), reply.headers().map(), reply.body()));
            return reply;
        }

        /** {@link #get} with this client's check. */
        public Reply read(String url, String user) {
            return exchange("GET", url, user, null, null);
        }

        /** {@link #putJson} with this client's check. */
        public Reply put(String url, String user, String json) {
            return exchange("PUT", url, user, "application/json", json);
        }
    }
}
