// unverified: Jira UserManager page not retrieved; getUserByName(String) and getUserByKey(String) returning ApplicationUser
// are the Jira 7+ signatures seen in public plugin code.
package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

/** Jira's service for looking up users by username or user key. */
public interface UserManager {
    ApplicationUser getUserByName(String userName);

    ApplicationUser getUserByKey(String userKey);
}
