// Checked against https://docs.atlassian.com/software/jira/docs/api/10.7.0/com/atlassian/jira/JiraDataTypes.html and
// https://docs.atlassian.com/software/jira/docs/api/7.0.0-m01/com/atlassian/jira/JiraDataTypes.html (final class,
// public constructor, static final JiraDataType ISSUE, USER, ... ALL). Only the constants Mandate uses are declared.
// unverified: the Java types behind each constant (ISSUE = Issue, USER = ApplicationUser, ALL = Object are assumed).
package com.atlassian.jira;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

/** The known data types. */
public final class JiraDataTypes {
    /** Defines the core JIRA data types. */
    public static final JiraDataType ISSUE = new JiraDataTypeImpl(Issue.class);
    public static final JiraDataType USER = new JiraDataTypeImpl(ApplicationUser.class);
    public static final JiraDataType ALL = new JiraDataTypeImpl(Object.class);

    public JiraDataTypes() {
    }
}
