// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/Issue.html (getComponents() returns Collection<ProjectComponent>, getAssignee() ApplicationUser).
// The real interface extends OfBizValueWrapper, IssueContext, WithId, WithKey; those supertypes are omitted
// (getId()/getKey() are declared here directly). unverified: Jira 10 page itself not retrieved.
package com.atlassian.jira.issue;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Collection;
import java.util.Set;

/** A Jira issue as read by plugins. */
public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    Project getProjectObject();

    Long getProjectId();

    IssueType getIssueType();

    Collection<ProjectComponent> getComponents();

    Set<Label> getLabels();

    ApplicationUser getAssignee();

    ApplicationUser getReporter();
}
