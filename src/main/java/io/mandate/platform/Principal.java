package io.mandate.platform;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A user or a group, as one value: who is informed of a decision, who holds a grant. A user is kept
 * by its stable key (a rename does not lose it), a group by its name (groups cannot be renamed in
 * Jira or Confluence).
 */
public record Principal(Type type, String id) implements Serializable {

    public enum Type {
        USER, GROUP;

        /** The name in JSON and CSV: {@code user} or {@code group}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Principal user(String userKey) {
        return new Principal(Type.USER, userKey);
    }

    public static Principal group(String groupName) {
        return new Principal(Type.GROUP, groupName);
    }

    public boolean isUser() {
        return type == Type.USER;
    }
}
