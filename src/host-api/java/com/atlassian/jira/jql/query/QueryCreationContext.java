// Checked against https://docs.atlassian.com/jira/server/com/atlassian/jira/jql/query/QueryCreationContext.html
// (@PublicApi interface: getApplicationUser(), getDeterminedProjects(), getQueryUser() and getUser() (deprecated),
// isSecurityOverriden()). The deprecated getters are omitted.
package com.atlassian.jira.jql.query;

import com.atlassian.jira.user.ApplicationUser;

import java.util.Set;

/** Who performs a search (null = anonymous) and whether security checks are skipped. */
public interface QueryCreationContext {
    ApplicationUser getApplicationUser();

    Set<String> getDeterminedProjects();

    boolean isSecurityOverriden();
}
