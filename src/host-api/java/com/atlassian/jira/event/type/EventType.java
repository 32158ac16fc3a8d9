// Checked against https://docs.atlassian.com/jira/7.0.8/com/atlassian/jira/event/type/EventType.html (static Long fields)
// and the Jira source's values (ISSUE_CREATED_ID = 1L, ISSUE_UPDATED_ID = 2L, ISSUE_DELETED_ID = 8L, ISSUE_MOVED_ID = 9L).
// Only the ids the host fires are declared; the constructors and instance members are left out.
package com.atlassian.jira.event.type;

/** Jira's event types; the ids are stored in Jira's database and never change. */
public class EventType {
    public static final Long ISSUE_CREATED_ID = 1L;
    public static final Long ISSUE_UPDATED_ID = 2L;
    public static final Long ISSUE_DELETED_ID = 8L;
    public static final Long ISSUE_MOVED_ID = 9L;

    private EventType() {
    }
}
