package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * A claim that only one node may hold (table AO_xxxxxx_MAIL_CLAIM): the database's unique key on {@code claimKey}
 * refuses the second insert, whatever the isolation level and whether or not the cluster lock held. Keys:
 * {@code send:<mail id>:<attempt>} (this node makes that try of that message) and {@code digest:<ISO week>} (the
 * week's overdue digest was queued).
 */
@Table("MAIL_CLAIM")
public interface MailClaimEntity extends Entity {

    @NotNull
    @Unique
    String getClaimKey();
    void setClaimKey(String claimKey);

    @NotNull
    @Indexed
    Date getClaimedAt();
    void setClaimedAt(Date claimedAt);
}
