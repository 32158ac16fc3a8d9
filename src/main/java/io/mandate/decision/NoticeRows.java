package io.mandate.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.Entities;
import io.mandate.platform.Principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The one place that knows how a {@link Notice} is kept in a {@link NoticeEntity} row: written by the decision's write, read by the job. */
final class NoticeRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticeRows() {
    }

    /** Inserts the notice; called inside the transaction of the write that queues it. */
    static void insert(Entities entities, Notice notice) {
        Map<String, Object> values = new HashMap<>();
        values.put("ISSUE_ID", notice.issueId());
        values.put("ISSUE_KEY", notice.issueKey());
        values.put("STATUS", notice.status().name());
        values.put("AUTHOR_KEY", notice.authorKey());
        values.put("APPROVER_KEY", notice.approverKey());
        values.put("OUTCOME", notice.outcome());
        values.put("PEOPLE", people(notice));
        values.put("DECISION_VERSION", notice.decisionVersion());
        values.put("QUEUED_AT", Date.from(notice.queuedAt()));
        values.put("ATTEMPTS", 0);
        values.put("NEXT_ATTEMPT_AT", Date.from(notice.queuedAt()));
        entities.create(NoticeEntity.class, values);
    }

    static Notice read(NoticeEntity row) {
        JsonNode people = parse(row.getPeople());
        List<Principal> informed = new ArrayList<>();
        for (JsonNode p : people.path("informed")) {
            informed.add(new Principal(Principal.Type.valueOf(p.path("type").asText()), p.path("id").asText()));
        }
        return new Notice(row.getID(), row.getIssueId(), row.getIssueKey(), DecisionStatus.valueOf(row.getStatus()),
                row.getAuthorKey(), row.getApproverKey(), row.getOutcome(), strings(people.path("contributors")), informed,
                strings(people.path("alsoToNotify")), row.getDecisionVersion(), row.getQueuedAt().toInstant(), row.getAttempts());
    }

    private static String people(Notice notice) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode contributors = json.putArray("contributors");
        notice.contributorKeys().forEach(contributors::add);
        ArrayNode informed = json.putArray("informed");
        notice.informed().forEach(p -> informed.addObject().put("type", p.type().name()).put("id", p.id()));
        ArrayNode also = json.putArray("alsoToNotify");
        notice.alsoToNotify().forEach(also::add);
        return json.toString();
    }

    private static JsonNode parse(String people) {
        try {
            return people == null ? JSON.createObjectNode() : JSON.readTree(people);
        } catch (IOException e) {
            throw new UncheckedIOException("A queued notice's people cannot be read", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
