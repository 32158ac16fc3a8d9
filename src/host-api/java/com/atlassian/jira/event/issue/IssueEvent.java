// Checked against https://docs.atlassian.com/jira/server/com/atlassian/jira/event/issue/IssueEvent.html
// (@PublicApi public final class IssueEvent extends AbstractEvent implements IssueRelatedEvent) and public listeners
// (getEventTypeId() Long compared with EventType.ISSUE_*_ID, getIssue(), getUser()). Only the constructor
// (Issue, Map, ApplicationUser, Long) of the page's several is declared; comment, worklog and change log are left out.
// unverified: that exact constructor on the Jira 10 page.
package com.atlassian.jira.event.issue;

import com.atlassian.jira.event.AbstractEvent;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Map;

/** An issue was created, moved, deleted, …: {@link #getEventTypeId()} says which ({@code EventType.ISSUE_*_ID}). */
public final class IssueEvent extends AbstractEvent implements IssueRelatedEvent {
    private final Issue issue;
    private final ApplicationUser user;
    private final Long eventTypeId;

    public IssueEvent(Issue issue, Map<String, Object> params, ApplicationUser user, Long eventTypeId) {
        super(params);
        this.issue = issue;
        this.user = user;
        this.eventTypeId = eventTypeId;
    }

    @Override
    public Issue getIssue() {
        return issue;
    }

    /** Who made the change (null for the system or an anonymous user). */
    public ApplicationUser getUser() {
        return user;
    }

    public Long getEventTypeId() {
        return eventTypeId;
    }
}
