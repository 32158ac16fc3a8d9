package io.mandate.decision;

import java.time.Instant;

/**
 * One plain-text message for one address, rendered in its reader's language, as it waits in the queue
 * ({@link MailEntity}).
 *
 * @param id       the queue row's id; 0 for a message not queued yet
 * @param issueId  the issue a notification is about; null for a digest
 * @param attempts how many tries were made so far
 */
public record OutgoingMail(long id, Kind kind, Long issueId, String recipientKey, String toAddress, String subject,
                           String body, int attempts) {

    /** What the message is. */
    public enum Kind {
        /** A decision became DECIDED or REVERSED. */
        NOTIFICATION,
        /** The weekly list of a person's overdue decisions. */
        DIGEST
    }

    /** A message to queue. */
    public static OutgoingMail of(Kind kind, Long issueId, String recipientKey, String toAddress, String subject, String body) {
        return new OutgoingMail(0, kind, issueId, recipientKey, toAddress, subject, body, 0);
    }
}
