package io.mandate.platform;

import java.util.Objects;

/** A user as the capabilities see one: host-neutral, immutable, safe to cache and to serialise. */
public record Person(String key, String name, String displayName) implements java.io.Serializable {
    public Person {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** A stored user key the host no longer knows, shown by its key (the audit trail and grants outlive users). */
    public static Person unknown(String userKey) {
        return new Person(userKey, userKey, userKey);
    }
}
