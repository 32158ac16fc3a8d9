// unverified: JiraAuthenticationContext page not retrieved; getLoggedInUser() -> ApplicationUser and isLoggedInUser()
// are the Jira 7+ signatures seen in public plugin code.
package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;

/** Jira's per-request view of the logged-in user. */
public interface JiraAuthenticationContext {
    ApplicationUser getLoggedInUser();

    boolean isLoggedInUser();
}
