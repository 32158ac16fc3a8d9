// Checked against the Jira source com/atlassian/jira/issue/label/Label.java (@PublicApi public final class, two constructors)
// and https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/label/LabelManager.html (Set<Label>).
package com.atlassian.jira.issue.label;

import java.util.Objects;

/** A label attached to an issue (system labels field or a labels custom field). */
public final class Label {
    private final Long id;
    private final Long issue;
    private final Long customFieldId;
    private final String label;

    public Label(Long id, Long issue, String label) {
        this(id, issue, null, label);
    }

    public Label(Long id, Long issue, Long customFieldId, String label) {
        this.id = id;
        this.issue = issue;
        this.customFieldId = customFieldId;
        this.label = Objects.requireNonNull(label, "label");
    }

    public Long getCustomFieldId() {
        return customFieldId;
    }

    public Long getId() {
        return id;
    }

    public Long getIssue() {
        return issue;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Label other = (Label) o;
        return Objects.equals(id, other.id) && Objects.equals(issue, other.issue)
                && Objects.equals(customFieldId, other.customFieldId) && label.equals(other.label);
    }

    @Override
    public int hashCode() {
        int result = id != null ? id.hashCode() : 0;
        result = 31 * result + (issue != null ? issue.hashCode() : 0);
        result = 31 * result + (customFieldId != null ? customFieldId.hashCode() : 0);
        result = 31 * result + label.hashCode();
        return result;
    }

    @Override
    public String toString() {
        return label;
    }
}
