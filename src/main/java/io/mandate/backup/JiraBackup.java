package io.mandate.backup;

import io.mandate.authority.AbsenceEntity;
import io.mandate.authority.DomainEntity;
import io.mandate.authority.DomainScopeEntity;
import io.mandate.authority.GrantEntity;
import io.mandate.authority.MatrixAuditEntity;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.platform.backup.BackupFile;
import io.mandate.platform.backup.BackupTable;

import java.util.List;

/**
 * What a backup of Mandate in Jira holds: the decisions with their participants and revisions (the optimistic lock's
 * rows), the decisions' audit trail, the domains with their scope rules, the grants, the absences and the matrix's audit
 * trail — every row of every one of these tables. Not in it: the notification claims (AO_…_NOTIFIED) and whatever
 * notifications wait to be sent — pending notifications are not backed up (a restored instance sends nothing for
 * changes made before the backup); and nothing of Jira's own (issues, users, groups), which Jira's backup holds.
 */
public final class JiraBackup {

    /** The sections in the file's order: a row's references point to sections before it. */
    public static final BackupFile FILE = new BackupFile("jira", List.of(
            BackupTable.of("decisions", DecisionEntity.class),
            BackupTable.of("participants", ParticipantEntity.class),
            BackupTable.of("revisions", RevisionEntity.class),
            BackupTable.of("decisionAudit", AuditEntity.class),
            BackupTable.of("domains", DomainEntity.class),
            BackupTable.of("domainScopes", DomainScopeEntity.class),
            BackupTable.of("grants", GrantEntity.class),
            BackupTable.of("absences", AbsenceEntity.class),
            BackupTable.of("matrixAudit", MatrixAuditEntity.class)));

    private JiraBackup() {
    }
}
