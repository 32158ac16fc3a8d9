// Checked against https://docs.atlassian.com/software/jira/docs/api/6.4.5/com/atlassian/jira/JiraDataType.html
// (interface: Collection<String> asStrings(), boolean matches(JiraDataType)); unchanged in the 10.7.0 listing of
// JiraDataTypes (https://docs.atlassian.com/software/jira/docs/api/10.7.0/com/atlassian/jira/JiraDataTypes.html).
package com.atlassian.jira;

import java.util.Collection;

/** The kind of value a field holds or a JQL function produces (issue, user, date, ...). */
public interface JiraDataType {
    Collection<String> asStrings();

    boolean matches(JiraDataType otherType);
}
