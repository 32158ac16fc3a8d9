// Checked against the decompiled atlassian-audit-api source of com.atlassian.audit.entity.AuditType (code corpus) and
// https://docs.atlassian.com/atlassian-audit/1.12.1/apidocs/com/atlassian/audit/entity/AuditType.html:
// public class; static Builder fromI18nKeys(CoverageArea area, CoverageLevel level, String categoryI18nKey,
// String actionI18nKey) (since 1.7.0; the String constructor is deprecated); getters getArea(), getLevel(),
// getCategoryI18nKey(), getActionI18nKey(); nested public static class Builder with build(). Declared: only what
// Mandate calls (fromI18nKeys, build) and what the reference host reads (the four getters). The real Builder's
// constructors are private.
package com.atlassian.audit.entity;

/** Area, level, category and action (as i18n keys) of an audit event. */
public class AuditType {

    private final CoverageArea area;
    private final CoverageLevel level;
    private final String categoryI18nKey;
    private final String actionI18nKey;

    private AuditType(Builder builder) {
        this.area = java.util.Objects.requireNonNull(builder.area);
        this.level = java.util.Objects.requireNonNull(builder.level);
        this.categoryI18nKey = java.util.Objects.requireNonNull(builder.categoryI18nKey);
        this.actionI18nKey = java.util.Objects.requireNonNull(builder.actionI18nKey);
    }

    public static Builder fromI18nKeys(CoverageArea area, CoverageLevel level, String categoryI18nKey, String actionI18nKey) {
        return new Builder(area, level, categoryI18nKey, actionI18nKey);
    }

    public CoverageArea getArea() {
        return area;
    }

    public CoverageLevel getLevel() {
        return level;
    }

    public String getCategoryI18nKey() {
        return categoryI18nKey;
    }

    public String getActionI18nKey() {
        return actionI18nKey;
    }

    public static class Builder {
        private final CoverageArea area;
        private final CoverageLevel level;
        private final String categoryI18nKey;
        private final String actionI18nKey;

        private Builder(CoverageArea area, CoverageLevel level, String categoryI18nKey, String actionI18nKey) {
            this.area = java.util.Objects.requireNonNull(area);
            this.level = java.util.Objects.requireNonNull(level);
            this.categoryI18nKey = java.util.Objects.requireNonNull(categoryI18nKey);
            this.actionI18nKey = java.util.Objects.requireNonNull(actionI18nKey);
        }

        public AuditType build() {
            return new AuditType(this);
        }
    }
}
