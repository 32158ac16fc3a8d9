// Checked against https://docs.atlassian.com/jira/7.0.6/com/atlassian/jira/issue/IssueManager.html
// and https://docs.atlassian.com/jira/server/com/atlassian/jira/issue/managers/RequestCachingIssueManager.html
// The real getIssueObject methods declare "throws DataAccessException" (unchecked, com.atlassian.jira.exception); omitted.
// unverified: Jira 10 page itself not retrieved.
// getIssueObjects: checked 2026-12-03 against Jira's public source of com/atlassian/jira/issue/IssueManager.java
// (code corpus): "List<Issue> getIssueObjects(Collection<Long> ids)" — issues in the order of the ids given,
// ids not found missing from the list (no nulls); DefaultIssueManager reads them in batched OR queries.
package com.atlassian.jira.issue;

import java.util.Collection;
import java.util.List;

/** Jira's service for looking up issues by key or id. */
public interface IssueManager {
    MutableIssue getIssueObject(Long id);

    MutableIssue getIssueObject(String key);

    MutableIssue getIssueByCurrentKey(String key);

    /** Checked: "Get issues with the following ids. The issues are sorted in the order that the ids were given in." */
    List<Issue> getIssueObjects(Collection<Long> ids);
}
