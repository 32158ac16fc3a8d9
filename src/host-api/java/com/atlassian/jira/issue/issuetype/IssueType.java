// unverified: checked only against the Issue page https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/Issue.html;
// IssueType itself (extends IssueConstant; getId() is a String) was not retrieved.
package com.atlassian.jira.issue.issuetype;

/** The type of an issue (Bug, Task, ...). */
public interface IssueType {
    String getId();

    String getName();
}
