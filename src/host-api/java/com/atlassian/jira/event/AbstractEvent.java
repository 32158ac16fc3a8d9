// Checked against https://docs.atlassian.com/jira/7.0.8/com/atlassian/jira/event/user/UserEvent.html ("extends AbstractEvent";
// inherited members getParams, getTime; protected fields params, time) and the Jira source of AbstractProjectEvent
// ("extends AbstractEvent implements ProjectRelatedEvent"). unverified: AbstractEvent's own page was not retrieved;
// its two constructors are declared as the subclasses call them.
package com.atlassian.jira.event;

import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** The base of Jira's events: a creation time and listener parameters. */
public abstract class AbstractEvent implements JiraEvent {
    protected final Date time;
    protected final Map<String, Object> params;

    public AbstractEvent() {
        this(Collections.emptyMap());
    }

    public AbstractEvent(Map<String, Object> parameters) {
        this.time = new Date();
        this.params = parameters == null ? new HashMap<>() : new HashMap<>(parameters);
    }

    @Override
    public Map<String, Object> getParams() {
        return params;
    }

    @Override
    public Date getTime() {
        return time;
    }
}
