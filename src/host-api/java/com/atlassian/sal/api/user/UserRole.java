// Checked against usages of com.atlassian.sal.api.user.UserRole (USER, ADMIN, SYSADMIN) in public plugin sources;
// unverified: Atlassian doc page for UserRole not found, so the declaration order and completeness of constants is unverified.
package com.atlassian.sal.api.user;

/** The role a login page should ask for: ordinary user, administrator or system administrator. */
public enum UserRole {
    USER,
    ADMIN,
    SYSADMIN
}
