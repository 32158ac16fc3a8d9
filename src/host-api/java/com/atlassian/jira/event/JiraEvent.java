// Checked against https://docs.atlassian.com/jira/server/com/atlassian/jira/event/JiraEvent.html
// (@PublicApi interface; getParams() Map<String,Object>, getTime() Date; known implementations IssueEvent, UserEvent).
package com.atlassian.jira.event;

import java.util.Date;
import java.util.Map;

/** An event Jira publishes through its EventPublisher. */
public interface JiraEvent {
    /** Parameters passed to listeners. */
    Map<String, Object> getParams();

    /** When the event was created. */
    Date getTime();
}
