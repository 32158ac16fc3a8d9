package io.mandate.charter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.platform.JiraAnswer;
import io.mandate.platform.JiraPath;
import io.mandate.platform.LinkedJira;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link LinkedJira} for unit tests: answers by path (the path as sent, with its query), or with one answer for
 * everything, and records what was asked. A path it has no answer for is a 404, as Jira would answer it.
 */
final class FakeJira implements LinkedJira {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JiraAnswer> answers = new LinkedHashMap<>();
    private Function<String, JiraAnswer> everything;
    final List<String> asked = new ArrayList<>();
    private URI displayUrl = URI.create("https://jira.example.com");
    /** Runs before each answer (a test's clock moves here). */
    Runnable onRequest = () -> { };

    FakeJira answer(String path, String json) {
        try {
            answers.put(path, new JiraAnswer.Json(JSON.readTree(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeJira answer(String path, JiraAnswer answer) {
        answers.put(path, answer);
        return this;
    }

    /** Every request gets this answer (Jira down, not linked, …). */
    FakeJira always(JiraAnswer answer) {
        everything = path -> answer;
        return this;
    }

    FakeJira noDisplayUrl() {
        displayUrl = null;
        return this;
    }

    @Override
    public JiraAnswer get(JiraPath path) {
        asked.add(path.toString());
        onRequest.run();
        if (everything != null) {
            return everything.apply(path.toString());
        }
        return answers.getOrDefault(path.toString(), new JiraAnswer.ErrorStatus(404));
    }

    @Override
    public Optional<URI> displayUrl() {
        return Optional.ofNullable(displayUrl);
    }

    // ---- the sample answers of Mandate's Jira REST API ---------------------------------------------------------

    static final String DOMAINS = "/rest/mandate/1.0/domains?maxResults=1000";

    static String grantsPath(String key) {
        return "/rest/mandate/1.0/domains/" + key + "/grants?maxResults=1000";
    }

    static String decisionsPath(String key, String status) {
        return "/rest/mandate/1.0/decisions?domain=" + key + "&status=" + status + "&maxResults=" + JiraTeamReader.DECISIONS_PER_DOMAIN;
    }

    static String page(String... values) {
        return "{\"startAt\":0,\"maxResults\":1000,\"total\":" + values.length + ",\"values\":[" + String.join(",", values) + "]}";
    }

    static String domain(String key, String name) {
        return "{\"key\":\"" + key + "\",\"name\":\"" + name + "\",\"description\":null,\"scope\":{},\"version\":1}";
    }

    static String userGrant(String domain, String name, String displayName, int level, String backup, String validFrom, String validTo) {
        return "{\"id\":1,\"domain\":\"" + domain + "\",\"holder\":{\"type\":\"user\",\"name\":\"" + name + "\",\"displayName\":\""
                + displayName + "\"},\"level\":" + level + ",\"levelName\":\"X\",\"backup\":" + quoted(backup) + ",\"mentee\":null,"
                + "\"validFrom\":" + quoted(validFrom) + ",\"validTo\":" + quoted(validTo) + ",\"note\":null,\"version\":1}";
    }

    /** A user grant whose holder Jira's Mandate reports as {@code state} (inactive, deleted: then the name is the key). */
    static String userGrant(String domain, String name, String displayName, int level, String state) {
        return userGrant(domain, name, displayName, level, null, null, null)
                .replace("\"displayName\":\"" + displayName + "\"}", "\"displayName\":\"" + displayName + "\",\"state\":\"" + state + "\"}");
    }

    /** A decision whose approver Jira's Mandate reports as {@code state}. */
    static String decision(String issueKey, String summary, String approverDisplayName, String approverState) {
        return decision(issueKey, summary, "IN_PROGRESS", approverDisplayName, null, false)
                .replace("\"displayName\":\"" + approverDisplayName + "\"}",
                        "\"displayName\":\"" + approverDisplayName + "\",\"state\":\"" + approverState + "\"}");
    }

    static String groupGrant(String domain, String group, int level) {
        return "{\"id\":2,\"domain\":\"" + domain + "\",\"holder\":{\"type\":\"group\",\"name\":\"" + group + "\"},\"level\":" + level
                + ",\"levelName\":\"X\",\"backup\":null,\"mentee\":null,\"validFrom\":null,\"validTo\":null,\"note\":null,\"version\":1}";
    }

    static String decision(String issueKey, String summary, String status, String approverDisplayName, String dueDate, boolean overdue) {
        return "{\"issueKey\":\"" + issueKey + "\",\"summary\":\"" + summary + "\",\"status\":\"" + status + "\",\"driver\":null,"
                + "\"approver\":" + (approverDisplayName == null ? "null" : "{\"key\":\"k\",\"name\":\"n\",\"displayName\":\"" + approverDisplayName + "\"}")
                + ",\"dueDate\":" + quoted(dueDate) + ",\"domain\":\"X\",\"checks\":{\"authorityViolation\":false,\"consultationGap\":false,\"overdue\":"
                + overdue + "},\"version\":1}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
