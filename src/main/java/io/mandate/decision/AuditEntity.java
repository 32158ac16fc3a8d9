package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * One change to one field of a decision (table AO_xxxxxx_AUDIT). Keyed by issue id, not by the
 * decision row, so the trail outlives a deleted decision. People in the values are user keys
 * ({@link AuditValues}); {@code VALUE_FORMAT} says so, and is null only on rows written before
 * model version 1, which the upgrade task {@code io.mandate.decision.upgrade.AuditUserKeysUpgradeTask}
 * converts. Its frozen copy of this table must change whenever this interface does.
 */
@Preload
@Table("AUDIT")
public interface AuditEntity extends Entity {

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

    Integer getValueFormat();
    void setValueFormat(Integer valueFormat);
}
