package io.mandate.platform;

import com.atlassian.jira.issue.IssueManager;
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

    @Inject
    public JiraHostComponents(@JiraImport IssueManager issueManager,
                              @JiraImport PermissionManager permissionManager,
                              @JiraImport UserManager jiraUserManager) {
        this.issueManager = issueManager;
        this.permissionManager = permissionManager;
        this.jiraUserManager = jiraUserManager;
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
}
