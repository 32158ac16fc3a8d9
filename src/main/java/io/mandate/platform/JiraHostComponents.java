package io.mandate.platform;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.index.IssueIndexingService;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport;

import javax.inject.Inject;

/** The Jira-only host services the plugin imports; this component exists only inside Jira. */
@JiraComponent
public class JiraHostComponents {

    private final IssueManager issueManager;
    private final PermissionManager permissionManager;
    private final UserManager jiraUserManager;
    private final MailQueue mailQueue;
    private final GroupManager groupManager;
    private final IssueIndexingService indexing;

    @Inject
    public JiraHostComponents(@JiraImport IssueManager issueManager,
                              @JiraImport PermissionManager permissionManager,
                              @JiraImport UserManager jiraUserManager,
                              @JiraImport MailQueue mailQueue,
                              @JiraImport GroupManager groupManager,
                              @JiraImport IssueIndexingService indexing) {
        this.issueManager = issueManager;
        this.permissionManager = permissionManager;
        this.jiraUserManager = jiraUserManager;
        this.mailQueue = mailQueue;
        this.groupManager = groupManager;
        this.indexing = indexing;
    }

    public IssueManager issueManager() {
        return issueManager;
    }

    public PermissionManager permissionManager() {
        return permissionManager;
    }

    public UserManager userManager() {
        return jiraUserManager;
    }

    public MailQueue mailQueue() {
        return mailQueue;
    }

    public GroupManager groupManager() {
        return groupManager;
    }

    public IssueIndexingService indexing() {
        return indexing;
    }
}
