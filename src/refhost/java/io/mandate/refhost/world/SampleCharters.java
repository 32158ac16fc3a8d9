package io.mandate.refhost.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * The sample organisation's two team charters (docs/sample-org.md, "Team charters"): the platform team and the
 * operations team, both in the TEAM space, whose pages hold the charter and report macros of these teams.
 *
 * <p>Charters are the plugin's data (Confluence's AO tables), so, like {@link SampleMatrix} for the matrix, the host
 * makes them through the plugin's own REST API on the Confluence side after the plugin has started:
 * {@code PUT /rest/mandate/1.0/charters/{teamKey}} as {@code admin}, with the contract's charter JSON. It runs on the
 * start that seeded the sample organisation and only while the TEAM space has no charter, so a restart or a second
 * node never adds them twice. A plugin without the charter REST API (it answers 404) has nothing to seed: the start
 * goes on with a warning.
 */
public final class SampleCharters {

    private static final Logger LOG = Logger.getLogger(SampleCharters.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/mandate/1.0";
    /** The space both sample charters live in. */
    public static final String SPACE = "TEAM";

    /** What the seeding did. */
    public enum Outcome { SEEDED, CHARTERS_NOT_EMPTY, NO_CHARTER_API }

    /** A member of a team and the role they have in it. */
    public record Member(String name, String role) {
    }

    /** A charter as the contract has it (without {@code version}: these create). */
    public record Charter(String teamKey, String name, String space, String purpose, List<Member> members, List<String> domains) {

        public Charter {
            members = List.copyOf(members);
            domains = List.copyOf(domains);
        }

        /** The contract's JSON: {@code {"teamKey","name","space","purpose","members":[{"name","role"}],"domains":[…]}}. */
        public String json() {
            ObjectNode node = JSON.createObjectNode();
            node.put("teamKey", teamKey).put("name", name).put("space", space).put("purpose", purpose);
            ArrayNode people = node.putArray("members");
            members.forEach(m -> people.addObject().put("name", m.name()).put("role", m.role()));
            ArrayNode keys = node.putArray("domains");
            domains.forEach(keys::add);
            return node.toString();
        }
    }

    private SampleCharters() {
    }

    /** The sample charters, in the order they are made. */
    public static List<Charter> charters() {
        return List.of(
                new Charter("PLATFORM", "Platform team", SPACE,
                        "Keep the shared platform — runtime, build pipeline, developer tooling — fast, safe and boring,"
                                + " so that product teams ship without waiting for us.",
                        List.of(new Member("alice", "Tech lead"), new Member("carol", "Engineer"),
                                new Member("dave", "Engineer"), new Member("grace", "Engineer")),
                        List.of("ARCH", "RELEASE")),
                new Charter("OPS_TEAM", "Operations team", SPACE,
                        "Keep production running: the databases, the network and the on-call rota, and the money they cost.",
                        List.of(new Member("erin", "Head of operations"), new Member("bob", "On-call lead")),
                        List.of("CHANGE", "SPEND")));
    }

    /** One REST call of the seeding. */
    public record Call(String method, String path, String json) {
    }

    /** The calls that make the sample charters, in order. */
    public static List<Call> calls() {
        return charters().stream().map(c -> new Call("PUT", API + "/charters/" + c.teamKey(), c.json())).toList();
    }

    /**
     * Makes the sample charters through the plugin's REST API at {@code confluenceBaseUrl}
     * (e.g. {@code http://127.0.0.1:2990/confluence}) as {@code admin}, when the TEAM space has none.
     *
     * @throws IllegalStateException when a call is refused: the sample and the plugin disagree, a bug to fix
     */
    public static Outcome seed(String confluenceBaseUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Call list = new Call("GET", API + "/charters?space=" + SPACE, null);
        SampleMatrix.Response existing = send(client, confluenceBaseUrl, list);
        if (existing.status() == 404) {
            LOG.warning("Sample charters not seeded: the plugin has no charter REST resource (" + list.path() + " is 404)");
            return Outcome.NO_CHARTER_API;
        }
        if (existing.status() != 200) {
            throw new IllegalStateException("Sample charters: GET " + list.path() + " answered " + existing.status() + ": " + existing.body());
        }
        if (count(existing.body()) > 0) {
            return Outcome.CHARTERS_NOT_EMPTY;
        }
        for (Call call : calls()) {
            SampleMatrix.Response r = send(client, confluenceBaseUrl, call);
            if (r.status() == 404) {
                LOG.warning("Sample charters not seeded: " + call.method() + " " + call.path() + " is 404 (no charter REST resource)");
                return Outcome.NO_CHARTER_API;
            }
            if (r.status() != 200 && r.status() != 201) {
                throw new IllegalStateException("Sample charters: " + call.method() + " " + call.path() + " " + call.json()
                        + " answered " + r.status() + ": " + r.body());
            }
        }
        LOG.info(() -> "Sample charters seeded: " + calls().size() + " REST calls");
        return Outcome.SEEDED;
    }

    /** How many charters a {@code GET /charters} answer holds: a JSON array, or a page with {@code total} or {@code values}. */
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
            throw new IllegalStateException("Sample charters: GET " + API + "/charters is neither a list nor a page: " + body);
        } catch (IOException e) {
            throw new IllegalStateException("Sample charters: GET " + API + "/charters is not JSON: " + body, e);
        }
    }

    private static SampleMatrix.Response send(HttpClient client, String baseUrl, Call call) {
        return SampleMatrix.sendAsAdmin(client, baseUrl, new SampleMatrix.Call(call.method(), call.path(), call.json()), "Sample charters");
    }
}
