// Checked against the decompiled atlassian-audit-api source of com.atlassian.audit.entity.ChangedValue (code corpus)
// and the atlassian-audit 1.12.1 javadoc: public class; static Builder fromI18nKeys(String i18nKey) (the
// String constructors are deprecated since 1.7.0); Builder.from(String), to(String), build(); getters getI18nKey()
// (@Nonnull), getFrom(), getTo() (@Nullable: no value before / after). Not declared: getKey() (the translation),
// Builder.withKeyTranslation, equals/hashCode.
package com.atlassian.audit.entity;

import java.util.Objects;

/** One field's change in an audit event: the field as an i18n key, its value before and after. */
public class ChangedValue {

    private final String i18nKey;
    private final String from;
    private final String to;

    public ChangedValue(Builder builder) {
        this.i18nKey = Objects.requireNonNull(builder.i18nKey);
        this.from = builder.from;
        this.to = builder.to;
    }

    public static Builder fromI18nKeys(String i18nKey) {
        return new Builder(i18nKey);
    }

    public String getI18nKey() {
        return i18nKey;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public static class Builder {
        private final String i18nKey;
        private String from;
        private String to;

        public Builder(String i18nKey) {
            this.i18nKey = Objects.requireNonNull(i18nKey);
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public ChangedValue build() {
            return new ChangedValue(this);
        }
    }
}
