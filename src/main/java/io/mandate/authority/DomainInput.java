package io.mandate.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A domain as the caller sent it (REST contract, "Domain"), every wrong field named at once. */
public record DomainInput(String key, String name, String description, DomainScope scope, Integer version) {

    /** 2–20 of A–Z 0–9 _, starting with a letter. */
    static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_SCOPE_VALUES = 100;
    private static final Set<String> FIELDS = Set.of("key", "name", "description", "scope", "version");
    private static final Set<String> SCOPE_FIELDS = Set.of("projects", "issueTypes", "components", "labels", "spaces");

    public static DomainInput read(ObjectNode body, Map<String, Message> errors) {
        JsonFields.rejectUnknown(body, FIELDS, errors);
        String key = JsonFields.name(body, "key", errors);
        if (key != null && !KEY.matcher(key).matches()) {
            errors.put("key", Message.of("mandate.error.domain.key", key));
        }
        String name = JsonFields.name(body, "name", errors);
        if (name == null && !errors.containsKey("name")) {
            errors.put("name", Message.of("mandate.error.required"));
        }
        String description = JsonFields.text(body, "description", MAX_DESCRIPTION, errors);
        DomainScope scope = scope(body, errors);
        return new DomainInput(key, name, description, scope, JsonFields.version(body, errors));
    }

    private static DomainScope scope(ObjectNode body, Map<String, Message> errors) {
        JsonNode node = body.get("scope");
        DomainScope none = new DomainScope(List.of(), List.of(), List.of(), List.of(), List.of());
        if (node == null || node.isNull()) {
            return none;
        }
        if (!node.isObject()) {
            errors.put("scope", Message.of("mandate.error.scope.object"));
            return none;
        }
        ObjectNode scope = (ObjectNode) node;
        for (var it = scope.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SCOPE_FIELDS.contains(field)) {
                errors.put("scope." + field, Message.of("mandate.error.field.unknown"));
            }
        }
        List<String> projects = values(scope, "projects", errors).stream().map(p -> p.toUpperCase(Locale.ROOT)).distinct().toList();
        return new DomainScope(projects, values(scope, "issueTypes", errors), values(scope, "components", errors),
                values(scope, "labels", errors), values(scope, "spaces", errors).stream().map(p -> p.toUpperCase(Locale.ROOT)).distinct().toList());
    }

    private static List<String> values(ObjectNode scope, String field, Map<String, Message> errors) {
        Map<String, Message> own = new java.util.LinkedHashMap<>();
        List<String> values = JsonFields.names(scope, field, MAX_SCOPE_VALUES, "mandate.error.scope.list", "mandate.error.scope.entry", own);
        own.forEach((f, m) -> errors.put("scope." + f, m));
        return values.stream().distinct().toList();
    }
}
