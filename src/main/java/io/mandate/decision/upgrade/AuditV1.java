package io.mandate.decision.upgrade;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * Frozen copy of the audit table at model version 1 (AO_xxxxxx_AUDIT), for
 * {@link AuditUserKeysUpgradeTask} only: it must never follow later changes of the live entity, so
 * the task migrates and reads the table as it was when the task was written.
 */
@Preload
@Table("AUDIT")
public interface AuditV1 extends Entity {

    @NotNull
    @Indexed
    long getIssueId();
    void setIssueId(long issueId);

    @NotNull
    String getIssueKey();
    void setIssueKey(String issueKey);

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String authorKey);

    @NotNull
    Date getChangedAt();
    void setChangedAt(Date changedAt);

    @NotNull
    String getField();
    void setField(String field);

    @StringLength(StringLength.UNLIMITED)
    String getOldValue();
    void setOldValue(String oldValue);

    @StringLength(StringLength.UNLIMITED)
    String getNewValue();
    void setNewValue(String newValue);

    /** Null on rows of model version 0 (people as usernames); 1 once people are user keys. */
    Integer getValueFormat();
    void setValueFormat(Integer valueFormat);
}
