package io.mandate.refhost.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * The sample organisation's authority matrix (docs/sample-org.md, "Decision domains and grants"): five decision
 * domains with fifteen grants to users and groups, one backup with a mentee, one grant that ends, one absence — so the
 * matrix, the authority panel and the checks on decisions show something on the first start.
 *
 * <p>The matrix is the plugin's data (its AO tables), not the host's, so the host does not write it: after the
 * plugin has started, the reference host makes it through the plugin's own REST API, as an administrator would
 * ({@code POST /domains}, {@code POST /domains/{key}/grants}, {@code POST /absences}). Mandate itself never seeds
 * anything; a real Jira starts with an empty matrix. It runs on the start that seeded the host's sample
 * organisation (a fresh data folder) and only while the matrix is empty, so a restart on an existing data folder —
 * or a second node of a cluster — never adds it twice. The content is fixed, except the absence, which starts on
 * the day of the first start (in the product's time zone) so that a stand-in is visible then.
 */
public final class SampleMatrix {

    private static final Logger LOG = Logger.getLogger(SampleMatrix.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/mandate/1.0";

    /** The day the release manager's grant ends (inclusive). */
    public static final LocalDate RELEASE_MANAGER_UNTIL = LocalDate.of(2027, 6, 30);
    /** How long alice's absence lasts, from the first start on (days, inclusive). */
    public static final int ABSENCE_DAYS = 14;

    /** One REST call of the seeding, as the contract has it. */
    public record Call(String method, String path, String json) {
    }

    /** What the seeding did. */
    public enum Outcome { SEEDED, MATRIX_NOT_EMPTY, NO_MATRIX_API }

    private SampleMatrix() {
    }

    /** The REST calls that make the sample matrix, in order; {@code firstDay} is the day of the first start. */
    public static List<Call> calls(LocalDate firstDay) {
        List<Call> calls = new ArrayList<>();
        domain(calls, "ARCH", "Architecture", "Choices that are expensive to reverse: data stores, frameworks, service boundaries.",
                "\"projects\":[\"DEMO\"],\"components\":[\"Backend\",\"Infrastructure\"],\"labels\":[\"architecture\"]");
        grant(calls, "ARCH", "user", "alice", "INQUIRE", "dave", "grace", null, "Tech lead; Grace shadows her architecture calls");
        grant(calls, "ARCH", "group", "leads", "AGREE", null, null, null, "The leads decide architecture together with the tech lead");
        grant(calls, "ARCH", "group", "developers", "CONSULT", null, null, null, null);
        grant(calls, "ARCH", "group", "operations", "TELL", null, null, null, null);

        domain(calls, "RELEASE", "Release go/no-go", "Whether a release ships, and when.",
                "\"projects\":[\"DEMO\"],\"labels\":[\"release\"]");
        grant(calls, "RELEASE", "user", "erin", "ADVISE", "bob", null, RELEASE_MANAGER_UNTIL, "Release manager until the Q3 re-organisation");
        grant(calls, "RELEASE", "group", "leads", "AGREE", null, null, null, null);
        grant(calls, "RELEASE", "group", "operations", "CONSULT", null, null, null, "Operations runs the rollout");
        grant(calls, "RELEASE", "group", "developers", "TELL", null, null, null, null);

        domain(calls, "CHANGE", "Production changes", "Changes to the production databases and network.",
                "\"projects\":[\"OPS\"],\"issueTypes\":[\"Change\"],\"components\":[\"Databases\",\"Network\"]");
        grant(calls, "CHANGE", "user", "erin", "DELEGATE", null, null, null, "Head of operations");
        grant(calls, "CHANGE", "user", "bob", "ADVISE", "erin", null, null, "On-call lead");
        grant(calls, "CHANGE", "group", "developers", "CONSULT", null, null, null, null);

        domain(calls, "SPEND", "Spend under 10k", "Purchases and running costs below 10,000 EUR a year.",
                "\"projects\":[\"DEMO\",\"OPS\"],\"labels\":[\"cost\"]");
        grant(calls, "SPEND", "group", "leads", "ADVISE", null, null, null, "Team leads approve spend below 10k");
        grant(calls, "SPEND", "user", "frank", "CONSULT", null, null, null, "Finance is consulted on every spend");

        domain(calls, "HIRING", "Hiring", "Who joins, at which level.",
                "\"projects\":[\"HR\"],\"issueTypes\":[\"Hiring\"]");
        grant(calls, "HIRING", "user", "heidi", "DELEGATE", "erin", null, null, "Head of people");
        grant(calls, "HIRING", "group", "hr-team", "CONSULT", null, null, null, "Only the HR team may see HR issues");

        calls.add(new Call("POST", API + "/absences", "{\"user\":\"alice\",\"from\":\"" + firstDay + "\",\"to\":\""
                + firstDay.plusDays(ABSENCE_DAYS - 1) + "\",\"note\":\"Parental leave\"}"));
        return calls;
    }

    private static void domain(List<Call> calls, String key, String name, String description, String scope) {
        calls.add(new Call("POST", API + "/domains", "{\"key\":\"" + key + "\",\"name\":\"" + name + "\",\"description\":\""
                + description + "\",\"scope\":{" + scope + "}}"));
    }

    private static void grant(List<Call> calls, String domain, String type, String holder, String level, String backup,
                              String mentee, LocalDate validTo, String note) {
        StringBuilder json = new StringBuilder("{\"holder\":{\"type\":\"").append(type).append("\",\"name\":\"").append(holder)
                .append("\"},\"level\":\"").append(level).append('"');
        if (backup != null) {
            json.append(",\"backup\":\"").append(backup).append('"');
        }
        if (mentee != null) {
            json.append(",\"mentee\":\"").append(mentee).append('"');
        }
        if (validTo != null) {
            json.append(",\"validTo\":\"").append(validTo).append('"');
        }
        if (note != null) {
            json.append(",\"note\":\"").append(note).append('"');
        }
        calls.add(new Call("POST", API + "/domains/" + domain + "/grants", json.append('}').toString()));
    }

    /**
     * Makes the sample matrix through the plugin's REST API at {@code jiraBaseUrl} (e.g. {@code http://127.0.0.1:2990/jira})
     * as {@code admin}, when the matrix is empty. A plugin build without the matrix REST API has nothing to seed.
     *
     * @throws IllegalStateException when a call is refused: the sample and the plugin disagree, a bug to fix
     */
    public static Outcome seed(String jiraBaseUrl, LocalDate firstDay) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Response domains = send(client, jiraBaseUrl, new Call("GET", API + "/domains", null));
        if (domains.status() == 404) {
            LOG.warning("Sample matrix not seeded: the plugin has no domains REST resource (" + API + "/domains is 404)");
            return Outcome.NO_MATRIX_API;
        }
        if (domains.status() != 200) {
            throw new IllegalStateException("Sample matrix: GET " + API + "/domains answered " + domains.status() + ": " + domains.body());
        }
        if (count(domains.body()) > 0) {
            return Outcome.MATRIX_NOT_EMPTY;
        }
        for (Call call : calls(firstDay)) {
            Response r = send(client, jiraBaseUrl, call);
            if (r.status() != 201) {
                throw new IllegalStateException("Sample matrix: " + call.method() + " " + call.path() + " " + call.json()
                        + " answered " + r.status() + ": " + r.body());
            }
        }
        LOG.info(() -> "Sample matrix seeded: " + calls(firstDay).size() + " REST calls");
        return Outcome.SEEDED;
    }

    /** How many domains a {@code GET /domains} answer holds: a JSON array, or a page with {@code total} or {@code values}. */
    static int count(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node.isArray()) {
                return node.size();
            }
            if (node.has("total")) {
                return node.get("total").asInt();
            }
            if (node.has("values") && node.get("values").isArray()) {
                return node.get("values").size();
            }
            throw new IllegalStateException("Sample matrix: GET " + API + "/domains is neither a list nor a page: " + body);
        } catch (IOException e) {
            throw new IllegalStateException("Sample matrix: GET " + API + "/domains is not JSON: " + body, e);
        }
    }

    /** An answer to one of the samples' REST calls. */
    record Response(int status, String body) {
    }

    private static Response send(HttpClient client, String jiraBaseUrl, Call call) {
        return sendAsAdmin(client, jiraBaseUrl, call, "Sample matrix");
    }

    /**
     * One REST call of a sample's seeding as {@code admin} (password = username), JSON in and out; {@code what} names
     * the sample in the error of a call that could not be made. Shared by the matrix, decisions and charters.
     */
    static Response sendAsAdmin(HttpClient client, String baseUrl, Call call, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + call.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (call.json() == null) {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(call.method(), HttpRequest.BodyPublishers.ofString(call.json(), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + call.method() + " " + call.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
