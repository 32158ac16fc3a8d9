package io.mandate.charter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A charter as the caller sent it (REST contract, "Charter"), its form checked and every wrong field named at once.
 * Whether the space and the members exist is the service's question.
 *
 * @param members usernames with roles, as given (duplicates are the service's to name)
 */
public record CharterInput(String teamKey, String name, String space, String purpose, List<MemberInput> members,
                           List<String> domains, Integer version) {

    /** 2–20 of A–Z 0–9 _ (product brief: the team key). */
    static final Pattern TEAM_KEY = Pattern.compile("[A-Z0-9_]{2,20}");
    /** The form of Jira's domain keys: 2–20 of A–Z 0–9 _, starting with a letter. */
    static final Pattern DOMAIN_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    static final int MAX_PURPOSE = 10_000;
    static final int MAX_ROLE = 100;
    static final int MAX_MEMBERS = 200;
    static final int MAX_DOMAINS = 100;
    private static final Set<String> FIELDS = Set.of("teamKey", "name", "space", "purpose", "members", "domains", "version");
    private static final Set<String> MEMBER_FIELDS = Set.of("name", "role");

    /** One member as sent: a username and a role (null when none). */
    public record MemberInput(String name, String role) {
    }

    public static CharterInput read(ObjectNode body, Map<String, Message> errors) {
        JsonFields.rejectUnknown(body, FIELDS, errors);
        String teamKey = JsonFields.name(body, "teamKey", errors);
        String name = JsonFields.name(body, "name", errors);
        if (name == null && !errors.containsKey("name")) {
            errors.put("name", Message.of("mandate.error.required"));
        }
        String space = JsonFields.name(body, "space", errors);
        if (space == null && !errors.containsKey("space")) {
            errors.put("space", Message.of("mandate.error.required"));
        }
        String purpose = JsonFields.text(body, "purpose", MAX_PURPOSE, errors);
        return new CharterInput(teamKey, name, space, purpose, members(body, errors), domains(body, errors),
                JsonFields.version(body, errors));
    }

    private static List<MemberInput> members(ObjectNode body, Map<String, Message> errors) {
        JsonNode node = body.get("members");
        List<MemberInput> members = new ArrayList<>();
        if (node == null || node.isNull()) {
            return members;
        }
        if (!node.isArray() || node.size() > MAX_MEMBERS) {
            errors.put("members", Message.of("mandate.error.charter.members.list", MAX_MEMBERS));
            return List.of();
        }
        for (JsonNode item : node) {
            if (!item.isObject()) {
                errors.put("members", Message.of("mandate.error.charter.members.entry"));
                return List.of();
            }
            Map<String, Message> own = new java.util.LinkedHashMap<>();
            ObjectNode member = (ObjectNode) item;
            JsonFields.rejectUnknown(member, MEMBER_FIELDS, own);
            String username = JsonFields.name(member, "name", own);
            String role = JsonFields.text(member, "role", MAX_ROLE, own);
            if (own.containsKey("role")) {
                errors.put("members", Message.of("mandate.error.charter.members.role", MAX_ROLE));
                return List.of();
            }
            if (!own.isEmpty() || username == null) {
                errors.put("members", Message.of("mandate.error.charter.members.entry"));
                return List.of();
            }
            members.add(new MemberInput(username, role == null ? null : role.strip()));
        }
        return members;
    }

    private static List<String> domains(ObjectNode body, Map<String, Message> errors) {
        List<String> given = JsonFields.names(body, "domains", MAX_DOMAINS, "mandate.error.charter.domains.list",
                "mandate.error.charter.domains.entry", errors);
        Set<String> keys = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String key : given) {
            String upper = key.toUpperCase(Locale.ROOT);
            if (DOMAIN_KEY.matcher(upper).matches()) {
                keys.add(upper);
            } else {
                bad.add(key);
            }
        }
        if (!bad.isEmpty()) {
            errors.put("domains", Message.of("mandate.error.charter.domains.key", String.join(", ", bad)));
            return List.of();
        }
        return List.copyOf(keys);
    }
}
