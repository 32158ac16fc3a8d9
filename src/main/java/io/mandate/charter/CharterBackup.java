package io.mandate.charter;

import io.mandate.platform.backup.BackupFile;
import io.mandate.platform.backup.BackupTable;

import java.util.List;

/**
 * What a backup of Mandate in Confluence holds: the team charters with their members and domains, and the charters'
 * audit trail — every row of these tables. Nothing of Confluence's own (spaces, pages, users), which Confluence's
 * site backup holds, and nothing of Jira's: the domains a charter names are kept as keys.
 */
public final class CharterBackup {

    /** The sections in the file's order: a row's references point to sections before it. */
    public static final BackupFile FILE = new BackupFile("confluence", List.of(
            BackupTable.of("charters", CharterEntity.class),
            BackupTable.of("charterMembers", CharterMemberEntity.class),
            BackupTable.of("charterDomains", CharterDomainEntity.class),
            BackupTable.of("charterAudit", CharterAuditEntity.class)));

    private CharterBackup() {
    }
}
