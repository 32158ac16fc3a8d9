// Checked against the Jira source com/atlassian/jira/security/plugin/ProjectPermissionKey.java (public final class).
// The real class also has a deprecated ProjectPermissionKey(int permissionId) constructor; omitted.
package com.atlassian.jira.security.plugin;

import java.util.Objects;

/** Key of a permission that applies to projects. */
public final class ProjectPermissionKey {
    private final String permissionKey;

    public ProjectPermissionKey(String permissionKey) {
        this.permissionKey = Objects.requireNonNull(permissionKey);
    }

    public String permissionKey() {
        return permissionKey;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        return permissionKey.equals(((ProjectPermissionKey) o).permissionKey);
    }

    @Override
    public int hashCode() {
        return permissionKey.hashCode();
    }

    @Override
    public String toString() {
        return permissionKey;
    }
}
