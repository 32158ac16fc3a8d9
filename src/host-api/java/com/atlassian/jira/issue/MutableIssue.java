// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/Issue.html and the IssueManager page (getIssueObject returns MutableIssue).
// Setters of the real interface are not declared (never used by the plugin, never implemented by it).
package com.atlassian.jira.issue;

/** An issue whose fields can be changed before being stored. */
public interface MutableIssue extends Issue {
}
