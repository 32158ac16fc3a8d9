// Checked against https://docs.atlassian.com/atlassian-audit/1.12.1/apidocs/com/atlassian/audit/entity/CoverageArea.html
// (enum constants in declaration order: AUDIT_LOG, GLOBAL_CONFIG_AND_ADMINISTRATION, USER_MANAGEMENT, PERMISSIONS,
// LOCAL_CONFIG_AND_ADMINISTRATION, SECURITY, END_USER_ACTIVITY, ECOSYSTEM) and the decompiled source of its users
// (Atlassian's personal-access-tokens plugin: CoverageArea.SECURITY). The constants are the enum's whole shape;
// all are declared so ordinal() and values() match the real enum.
package com.atlassian.audit.entity;

/** The product area an audit event belongs to; admins set a coverage level per area. */
public enum CoverageArea {
    AUDIT_LOG,
    GLOBAL_CONFIG_AND_ADMINISTRATION,
    USER_MANAGEMENT,
    PERMISSIONS,
    LOCAL_CONFIG_AND_ADMINISTRATION,
    SECURITY,
    END_USER_ACTIVITY,
    ECOSYSTEM
}
