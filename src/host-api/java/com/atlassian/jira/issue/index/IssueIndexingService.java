// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/index/IssueIndexingService.html
// (@InjectableComponent @PublicApi; "void reIndex(Issue issue) — Reindex an issue"). Only the member the plugin calls.
// unverified: the throws clause (declared as IndexException, checked, as in Jira's source of the 7.x line);
// the plugin catches Exception around the call, which compiles whether or not it is thrown.
package com.atlassian.jira.issue.index;

import com.atlassian.jira.issue.Issue;

/** Jira's service that keeps the search index of issues up to date. */
public interface IssueIndexingService {

    void reIndex(Issue issue) throws IndexException;
}
