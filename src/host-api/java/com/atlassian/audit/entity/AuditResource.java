// Checked against the decompiled atlassian-audit-api source of com.atlassian.audit.entity.AuditResource (code corpus;
// the same calls in Atlassian's personal-access-tokens plugin: AuditResource.builder(name, type).id(key).build()) and
// the atlassian-audit 1.12.1 javadoc (package com.atlassian.audit.entity, "a resource affected by an auditing event").
// public class; static Builder builder(String name, String type); Builder.id(String), build() (name and type must not
// be null); getters getName(), getType() (@Nonnull), getId() (@Nullable). Not declared: uri, Builder.name/type/uri,
// equals/hashCode (the real class has them; the reference host does not compare resources).
package com.atlassian.audit.entity;

import java.util.Objects;

/** An object an audit event affected: its name as admins read it, its type and its id. */
public class AuditResource {

    private final String name;
    private final String type;
    private final String id;

    private AuditResource(Builder builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.id = builder.id;
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getId() {
        return id;
    }

    public static class Builder {
        private final String name;
        private final String type;
        private String id;

        private Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public AuditResource build() {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            return new AuditResource(this);
        }
    }
}
