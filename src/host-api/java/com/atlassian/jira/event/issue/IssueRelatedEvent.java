// Checked against the Jira source com/atlassian/jira/event/issue/IssueRelatedEvent.java (@PublicApi, since 5.2.6):
// interface IssueRelatedEvent extends JiraEvent { Issue getIssue(); }
package com.atlassian.jira.event.issue;

import com.atlassian.jira.event.JiraEvent;
import com.atlassian.jira.issue.Issue;

/** An event about an issue. */
public interface IssueRelatedEvent extends JiraEvent {
    Issue getIssue();
}
