// Checked against https://docs.atlassian.com/jira/7.0.0/com/atlassian/jira/user/ApplicationUser.html
// and https://docs.atlassian.com/jira/server/com/atlassian/jira/user/DelegatingApplicationUser.html (Long getId()).
// The real interface extends Principal, WithId, WithKey; WithId/WithKey are omitted (getId()/getKey() declared here).
package com.atlassian.jira.user;

import java.security.Principal;

/** A Jira user, identified by a key that survives renames. */
public interface ApplicationUser extends Principal {
    String getKey();

    String getUsername();

    @Override
    String getName();

    String getDisplayName();

    String getEmailAddress();

    boolean isActive();

    Long getId();
}
