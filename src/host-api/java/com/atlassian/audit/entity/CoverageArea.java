// Checked against https://docs.atlassian.com/atlassian-audit/1.12.1/apidocs/com/atlassian/audit/entity/CoverageArea.html
// (enum constants in declaration order: AUDIT_LOG, GLOBAL_CONFIG_AND_ADMINISTRATION, USER_MANAGEMENT, PERMISSIONS,
// LOCAL_CONFIG_AND_ADMINISTRATION, SECURITY, END_USER_ACTIVITY, ECOSYSTEM) and the decompiled source of its users
// (Atlassian's personal-access-tokens plugin: CoverageArea.SECURITY). Declared: only the constant Mandate uses
// (constants are referenced by name, so the others' absence changes nothing the plugin compiles to).
package com.atlassian.audit.entity;

/** The product area an audit event belongs to; admins set a coverage level per area. */
public enum CoverageArea {
    PERMISSIONS
}
