// Checked against the decompiled atlassian-audit-api source of com.atlassian.audit.entity.AuditEvent (code corpus)
// and https://docs.atlassian.com/atlassian-audit/1.12.1/apidocs/com/atlassian/audit/entity/AuditEvent.html:
// public class; static Builder builder(AuditType type); nested public static class Builder with
// affectedObject(AuditResource), changedValue(ChangedValue), build(); getters getCategoryI18nKey(),
// getActionI18nKey() (@Nonnull), getArea() (@Nullable), getLevel(), getAffectedObjects() and getChangedValues()
// (@Nonnull, unmodifiable lists). Declared: only those. Not declared: the deprecated String builders, fromI18nKeys,
// extra attributes, the list setters, equals/hashCode. Builder(AuditType) is public, as in the real class.
package com.atlassian.audit.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** What an audited action did: its type and the objects and values it changed (author and time come from the product). */
public class AuditEvent {

    private final String categoryI18nKey;
    private final String actionI18nKey;
    private final CoverageLevel level;
    private final CoverageArea area;
    private final List<AuditResource> affectedObjects;
    private final List<ChangedValue> changedValues;

    private AuditEvent(Builder builder) {
        this.categoryI18nKey = Objects.requireNonNull(builder.categoryI18nKey);
        this.actionI18nKey = Objects.requireNonNull(builder.actionI18nKey);
        this.level = Objects.requireNonNull(builder.level);
        this.area = builder.area;
        this.affectedObjects = Collections.unmodifiableList(new ArrayList<>(builder.affectedObjects));
        this.changedValues = Collections.unmodifiableList(new ArrayList<>(builder.changedValues));
    }

    public static Builder builder(AuditType type) {
        return new Builder(type);
    }

    public String getCategoryI18nKey() {
        return categoryI18nKey;
    }

    public String getActionI18nKey() {
        return actionI18nKey;
    }

    public CoverageLevel getLevel() {
        return level;
    }

    public CoverageArea getArea() {
        return area;
    }

    public List<AuditResource> getAffectedObjects() {
        return affectedObjects;
    }

    public List<ChangedValue> getChangedValues() {
        return changedValues;
    }

    public static class Builder {
        private final String categoryI18nKey;
        private final String actionI18nKey;
        private final CoverageLevel level;
        private final CoverageArea area;
        private final List<AuditResource> affectedObjects = new ArrayList<>();
        private final List<ChangedValue> changedValues = new ArrayList<>();

        public Builder(AuditType type) {
            this.categoryI18nKey = Objects.requireNonNull(type.getCategoryI18nKey(), "categoryI18nKey");
            this.actionI18nKey = Objects.requireNonNull(type.getActionI18nKey(), "actionI18nKey");
            this.level = Objects.requireNonNull(type.getLevel(), "level");
            this.area = type.getArea();
        }

        public Builder affectedObject(AuditResource affectedObject) {
            affectedObjects.add(Objects.requireNonNull(affectedObject));
            return this;
        }

        public Builder changedValue(ChangedValue changedValue) {
            changedValues.add(Objects.requireNonNull(changedValue));
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
