package io.mandate.authority;

import io.mandate.platform.Person;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the matrix's answers write people and groups: a user as {@code {"key","name","displayName","state"}} (with
 * {@code "type":"user"} first where a holder may be either), a group as {@code {"type":"group","name"}} — maps, so
 * a group carries no empty user members.
 */
final class PeopleJson {

    private PeopleJson() {
    }

    static Map<String, String> user(Person p) {
        if (p == null) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("key", p.key());
        m.put("name", p.name());
        m.put("displayName", p.displayName());
        m.put("state", p.state().jsonName());
        return m;
    }

    static Map<String, String> holder(Person user, String group) {
        Map<String, String> m = new LinkedHashMap<>();
        if (user != null) {
            m.put("type", "user");
            m.putAll(user(user));
        } else {
            m.put("type", "group");
            m.put("name", group);
        }
        return m;
    }
}
