package io.mandate.decision;

import io.mandate.platform.People;

import io.mandate.platform.Principal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A decision as the caller sent it (REST contract, "Decision input"), read field by field so
 * that every wrong field is named at once. Unknown fields are rejected rather than ignored:
 * a typo must not silently drop a change.
 */
public record DecisionInput(DecisionStatus status, String driver, String approver, List<String> contributors,
                            List<People.Named> informed, LocalDate dueDate, LocalDate reviewDate, String outcome,
                            String domain, Integer version) {

    /** Input without a review date. */
    public DecisionInput(DecisionStatus status, String driver, String approver, List<String> contributors,
                         List<People.Named> informed, LocalDate dueDate, String outcome, String domain, Integer version) {
        this(status, driver, approver, contributors, informed, dueDate, null, outcome, domain, version);
    }

    static final int MAX_NAME = JsonFields.MAX_NAME;
    private static final Set<String> FIELDS = Set.of("status", "driver", "approver", "contributors", "informed",
            "dueDate", "reviewDate", "outcome", "domain", "version");

    /** Reads the body; problems go into {@code errors} (field → message), the rest is returned. */
    public static DecisionInput read(ObjectNode body, Map<String, Message> errors) {
        JsonFields.rejectUnknown(body, FIELDS, errors);
        DecisionStatus status = null;
        String statusText = text(body, "status", errors);
        if (statusText != null) {
            status = DecisionStatus.parse(statusText).orElse(null);
            if (status == null) {
                errors.put("status", Message.of("mandate.error.status.values"));
            }
        }
        String driver = name(body, "driver", errors);
        String approver = name(body, "approver", errors);
        List<String> contributors = names(body, "contributors", errors);
        List<People.Named> informed = informed(body, errors);
        LocalDate due = date(body, "dueDate", errors);
        // YYYY-MM-DD exactly, like dueDate; null or absent = no review date. It may be set in any status (it applies
        // once the decision is DECIDED) and may lie before the decision was made (then it is due for review at once)
        LocalDate review = date(body, "reviewDate", errors);
        String outcome = text(body, "outcome", errors);
        if (outcome != null && outcome.length() > DecisionService.MAX_OUTCOME) {
            errors.put("outcome", Message.of("mandate.error.maxChars", DecisionService.MAX_OUTCOME));
        }
        String domain = name(body, "domain", errors);
        Integer version = JsonFields.version(body, errors);
        return new DecisionInput(status, driver, approver, contributors, informed, due, review, outcome, domain, version);
    }

    private static String text(ObjectNode body, String field, Map<String, Message> errors) {
        return JsonFields.text(body, field, errors);
    }

    private static String name(ObjectNode body, String field, Map<String, Message> errors) {
        return JsonFields.name(body, field, errors);
    }

    private static List<String> names(ObjectNode body, String field, Map<String, Message> errors) {
        return JsonFields.names(body, field, DecisionService.MAX_PEOPLE, "mandate.error.usernames",
                "mandate.error.username.entry", errors);
    }

    private static List<People.Named> informed(ObjectNode body, Map<String, Message> errors) {
        JsonNode node = body.get("informed");
        List<People.Named> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray() || node.size() > DecisionService.MAX_PEOPLE) {
            errors.put("informed", Message.of("mandate.error.informed.list", DecisionService.MAX_PEOPLE));
            return result;
        }
        for (JsonNode item : node) {
            JsonNode type = item.get("type");
            JsonNode name = item.get("name");
            if (!item.isObject() || type == null || !type.isTextual() || name == null || !name.isTextual()
                    || name.textValue().isBlank() || name.textValue().length() > MAX_NAME
                    || name.textValue().indexOf('\0') >= 0) {
                errors.put("informed", Message.of("mandate.error.informed.entry"));
                return List.of();
            }
            String t = type.textValue().toLowerCase(Locale.ROOT);
            if (!t.equals("user") && !t.equals("group")) {
                errors.put("informed", Message.of("mandate.error.informed.type", type.textValue()));
                return List.of();
            }
            result.add(new People.Named(t.equals("user") ? Principal.Type.USER : Principal.Type.GROUP, name.textValue().trim()));
        }
        return result;
    }

    private static LocalDate date(ObjectNode body, String field, Map<String, Message> errors) {
        return JsonFields.date(body, field, errors);
    }
}
