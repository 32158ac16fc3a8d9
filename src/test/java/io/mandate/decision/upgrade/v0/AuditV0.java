package io.mandate.decision.upgrade.v0;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * The audit table as model version 0 had it (people as usernames, no VALUE_FORMAT), to write rows the old way.
 * Frozen: part of the model-0 schema ({@link ModelV0}); never follow the live entity.
 */
@Preload
@Table("AUDIT")
public interface AuditV0 extends Entity {

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
}
