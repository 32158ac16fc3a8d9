// Checked against https://docs.atlassian.com/atlassian-confluence/5.9.1/com/atlassian/confluence/security/package-use.html
// ("Permission: Enumeration of all possible permission types for use with the PermissionManager") and the decompiled
// Confluence 8.7.2 source (code corpus): an abstract Serializable class with a private constructor and the constants
// VIEW, EDIT, SET_PERMISSIONS, REMOVE, EXPORT, ADMINISTER. Only VIEW is declared (the plugin uses it); the abstract
// members checkAgainst(PermissionDelegate, User, Object) and isMutative() are left out: the plugin never subclasses it
// (it cannot: the constructor is private).
package com.atlassian.confluence.security;

import java.io.Serializable;

/** A kind of permission to check with the {@link PermissionManager}. */
public abstract class Permission implements Serializable {

    public static final Permission VIEW = new Permission("VIEW") {
    };

    private final String name;

    private Permission(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
