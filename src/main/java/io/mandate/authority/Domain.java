package io.mandate.authority;

import java.util.Objects;

/** A decision domain as an immutable value (product brief, "Decision domain"). */
public record Domain(String key, String name, String description, DomainScope scope, int version) implements java.io.Serializable {

    public Domain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
    }
}
