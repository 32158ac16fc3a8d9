// Checked against https://docs.atlassian.com/jira/7.0.6/com/atlassian/jira/issue/IssueManager.html
// and https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/managers/RequestCachingIssueManager.html
// The real getIssueObject methods declare "throws DataAccessException" (unchecked, com.atlassian.jira.exception); omitted.
// unverified: Jira 10 page itself not retrieved.
package com.atlassian.jira.issue;

/** Jira's service for looking up issues by key or id. */
public interface IssueManager {
    MutableIssue getIssueObject(Long id);

    MutableIssue getIssueObject(String key);

    MutableIssue getIssueByCurrentKey(String key);
}
