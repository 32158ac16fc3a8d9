// Checked against Atlassian's atlassian-audit-api source (com.atlassian.audit.api.AuditService, decompiled, in the
// `code` corpus: `public interface AuditService { void audit(@Nonnull AuditEvent) }`), the javadoc of Crowd 6.1's
// LoggingAuditService ("implements com.atlassian.audit.api.AuditService", `public void audit(AuditEvent)`,
// https://docs.atlassian.com/atlassian-crowd/6.1.0/com/atlassian/sal/crowd/audit/LoggingAuditService.html) and
// https://developer.atlassian.com/server/framework/atlassian-sdk/audit (Advanced Auditing in Jira from 8.8,
// Confluence from 7.5). Platform 7 ships the "auditing" module 2.0.x (Jira 10.0: 2.0.2, Confluence 9.0: 2.0.3;
// bitbucket.org/atlassian/platform-module-usage/wiki/auditing.md). @Nonnull omitted (no JSR-305 here).
package com.atlassian.audit.api;

import com.atlassian.audit.entity.AuditEvent;

/** Writes one event to the product's audit log; the product adds author, time, source and node. */
public interface AuditService {

    void audit(AuditEvent event);
}
