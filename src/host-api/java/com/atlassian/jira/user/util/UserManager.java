// Review 2026-11-24: checked against public implementations of com.atlassian.jira.user.util.UserManager in Jira's own
// source (code corpus: DefaultUserManager / MockUserManager, "@Override public ApplicationUser getUserByKey(@Nullable
// String userKey)" and "getUserByName(@Nullable String userName)"); no checked exceptions.
// unverified: the Jira 10 UserManager javadoc page itself was not retrieved.
package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

/** Jira's service for looking up users by username or user key. */
public interface UserManager {
    ApplicationUser getUserByName(String userName);

    ApplicationUser getUserByKey(String userKey);
}
