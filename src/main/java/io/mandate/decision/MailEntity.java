package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * One message for one address, rendered in its reader's language, waiting for the notification job to hand it to the
 * product's mail queue (table AO_xxxxxx_MAIL). {@code attempts} counts the tries so far and {@code nextAttemptAt} says
 * when the next may be made (null once it was sent or given up); each try is claimed first
 * ({@link MailClaimEntity}), so no two nodes send it, and it is marked sent in a transaction of its own right after.
 * Sent rows are kept a while ({@link NotificationQueue#prune}) for the record.
 */
@Table("MAIL")
public interface MailEntity extends Entity {

    /** {@code NOTIFICATION} (a decision's outcome) or {@code DIGEST} (the weekly overdue digest). */
    @NotNull
    String getKind();
    void setKind(String kind);

    /** The issue a notification is about, so a deleted issue's unsent mail goes with it; null for a digest. */
    @Indexed
    Long getIssueId();
    void setIssueId(Long issueId);

    @NotNull
    String getRecipientKey();
    void setRecipientKey(String recipientKey);

    @NotNull
    String getToAddress();
    void setToAddress(String toAddress);

    @StringLength(StringLength.UNLIMITED)
    String getSubject();
    void setSubject(String subject);

    @StringLength(StringLength.UNLIMITED)
    String getBody();
    void setBody(String body);

    @NotNull
    Date getQueuedAt();
    void setQueuedAt(Date queuedAt);

    @NotNull
    int getAttempts();
    void setAttempts(int attempts);

    @Indexed
    Date getNextAttemptAt();
    void setNextAttemptAt(Date nextAttemptAt);

    @Indexed
    Date getSentAt();
    void setSentAt(Date sentAt);

    String getLastError();
    void setLastError(String lastError);
}
