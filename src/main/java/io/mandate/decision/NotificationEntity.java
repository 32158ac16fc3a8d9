package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * That a decision's people were told of one status in one quiet period (table AO_xxxxxx_NOTIFIED). The
 * unique key "issue id:status:period" lets exactly one node, once, claim the right to notify: the
 * database refuses the second claim, so repeat notifications are coalesced cluster-wide.
 */
@Table("NOTIFIED")
public interface NotificationEntity extends Entity {

    @NotNull
    @Unique
    String getClaimKey();
    void setClaimKey(String claimKey);

    @NotNull
    @Indexed
    long getIssueId();
    void setIssueId(long issueId);

    @NotNull
    String getStatus();
    void setStatus(String status);

    @NotNull
    @Indexed
    Date getSentAt();
    void setSentAt(Date sentAt);
}
