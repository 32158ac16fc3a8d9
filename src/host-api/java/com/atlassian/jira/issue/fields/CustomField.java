// Checked against the CustomFieldType page (https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/CustomFieldType.html),
// which passes com.atlassian.jira.issue.fields.CustomField to getValueFromIssue. unverified: the CustomField page
// itself; getId() ("customfield_10000"), getIdAsLong() and getName() are the members seen in public plugin code.
// The real interface extends NavigableField, HideableField, ... and has many more members, all omitted.
package com.atlassian.jira.issue.fields;

/** A custom field instance (an administrator created it from a custom field type). */
public interface CustomField {
    String getId();

    Long getIdAsLong();

    String getName();
}
