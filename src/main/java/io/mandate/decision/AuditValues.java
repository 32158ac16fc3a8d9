package io.mandate.decision;

import io.mandate.platform.Principal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the audit trail writes people (value format {@link #FORMAT_USER_KEYS}): by user key, which
 * survives a rename, as Jira's own change history does. A driver or approver is the bare key;
 * contributors a JSON array of keys; informed a JSON array of {@code {"type":"user","key"}} and
 * {@code {"type":"group","name"}}, so no user or group name can be mistaken for a separator or
 * for the other kind. Other fields are plain text.
 */
final class AuditValues {

    /** {@code AUDIT.VALUE_FORMAT} of entries whose people are user keys (every entry since model version 1). */
    static final int FORMAT_USER_KEYS = 1;

    static final Set<String> PEOPLE_FIELDS = Set.of("driver", "approver", "contributors", "informed");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditValues() {
    }

    static String userKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        keys.forEach(array::add);
        return array.toString();
    }

    static String informed(List<Principal> informed) {
        if (informed.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (Principal i : informed) {
            if (i.type() == Principal.Type.USER) {
                array.addObject().put("type", "user").put("key", i.id());
            } else {
                array.addObject().put("type", "group").put("name", i.id());
            }
        }
        return array.toString();
    }

    /** The keys of a stored contributors value; a value that is not a JSON array is taken as one key. */
    static List<String> readUserKeys(String value) {
        List<String> keys = new ArrayList<>();
        JsonNode array = parseArray(value);
        if (array == null) {
            keys.add(value);
            return keys;
        }
        array.forEach(n -> keys.add(n.asText()));
        return keys;
    }

    /** The entries of a stored informed value; a value that is not a JSON array is taken as one user key. */
    static List<Principal> readInformed(String value) {
        List<Principal> informed = new ArrayList<>();
        JsonNode array = parseArray(value);
        if (array == null) {
            informed.add(new Principal(Principal.Type.USER, value));
            return informed;
        }
        for (JsonNode n : array) {
            if ("group".equals(n.path("type").asText())) {
                informed.add(new Principal(Principal.Type.GROUP, n.path("name").asText()));
            } else {
                informed.add(new Principal(Principal.Type.USER, n.path("key").asText()));
            }
        }
        return informed;
    }

    private static JsonNode parseArray(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isArray() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
