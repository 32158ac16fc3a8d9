package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.Entities;
import net.java.ao.Query;

import javax.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database side of notifications (docs/design/notifications.md): the notices writes queue ({@link NoticeEntity},
 * written by {@link DecisionStore#save} in the write's transaction), the mail they become ({@link MailEntity}) and the
 * claims that keep every step to one node ({@link MailClaimEntity}, and {@link NotificationEntity} for the quiet
 * period). Everything here is a transaction of its own; nothing is kept in the JVM, so a restart or another node
 * carries on where this one stopped.
 */
@JiraComponent
public class NotificationQueue {

    /** How long sent mail and claims are kept, for the record and for the claims' purpose (a week's digest). */
    static final Duration RETENTION = Duration.ofDays(30);
    /** Quiet-period claims only matter within their period; they go after a day, as they always did. */
    static final Duration QUIET_CLAIM_RETENTION = Duration.ofDays(1);
    private static final int ERROR_LENGTH = 255;
    /**
     * How long marking a message (sent, or a failed try) keeps trying when the database aborts it for a concurrent
     * transaction: a mark lost after the message was handed over would send it again.
     */
    static final Duration MARK_PATIENCE = Duration.ofSeconds(30);

    private final Entities entities;

    @Inject
    public NotificationQueue(Entities entities) {
        this.entities = entities;
    }

    /** What became of a notice. */
    public enum Expansion {
        /** Its mail was queued (possibly none: nobody to tell). */
        QUEUED,
        /** Its people were told of the same status in the same quiet period already: dropped. */
        COALESCED
    }

    // ----- notices -----

    /** Notices whose (next) try is due at {@code now}, oldest first, at most {@code max}. */
    public List<Notice> dueNotices(Instant now, int max) {
        NoticeEntity[] rows = entities.find(NoticeEntity.class, Query.select()
                .where("NEXT_ATTEMPT_AT <= ?", Date.from(now)).order("ID").limit(max));
        List<Notice> notices = new ArrayList<>(rows.length);
        for (NoticeEntity row : rows) {
            notices.add(NoticeRows.read(row));
        }
        return notices;
    }

    /**
     * Turns a notice into its mail, in one transaction: when the quiet period's claim {@code quietClaimKey} is taken the
     * notice is dropped ({@link Expansion#COALESCED}); otherwise the claim is taken, the mail queued and the notice
     * deleted. Two nodes expanding the same notice at once both try to insert the claim: the database lets one commit;
     * the other's transaction fails as a whole (a constraint violation), queues nothing and finds the claim next time.
     */
    public Expansion expand(Notice notice, String quietClaimKey, List<OutgoingMail> mails, Instant now) {
        return entities.inTransaction(() -> {
            boolean claimed = entities.count(NotificationEntity.class, Query.select().where("CLAIM_KEY = ?", quietClaimKey)) > 0;
            if (!claimed) {
                Map<String, Object> claim = new HashMap<>();
                claim.put("CLAIM_KEY", quietClaimKey);
                claim.put("ISSUE_ID", notice.issueId());
                claim.put("STATUS", notice.status().name());
                claim.put("SENT_AT", Date.from(now));
                entities.create(NotificationEntity.class, claim);
                mails.forEach(mail -> insertMail(mail, now));
            }
            if (entities.deleteWithSQL(NoticeEntity.class, "ID = ?", notice.id()) != 1) {
                // another node expanded (or the issue's deletion removed) it meanwhile: undo ours
                throw new IllegalStateException("notice " + notice.id() + " is no longer queued");
            }
            return claimed ? Expansion.COALESCED : Expansion.QUEUED;
        });
    }

    /** Records a failed try to turn a notice into mail; {@code nextAttempt} null: no further try. */
    public void noticeFailed(long noticeId, int attempts, Instant nextAttempt, String error) {
        entities.inTransactionRetryingConflicts(() -> {
            for (NoticeEntity row : entities.find(NoticeEntity.class, Query.select().where("ID = ?", noticeId))) {
                row.setAttempts(attempts);
                row.setNextAttemptAt(nextAttempt == null ? null : Date.from(nextAttempt));
                row.setLastError(shorten(error));
                row.save();
            }
            return null;
        }, MARK_PATIENCE);
    }

    // ----- mail -----

    /** Mail whose (next) try is due at {@code now}, oldest first, at most {@code max}. */
    public List<OutgoingMail> dueMails(Instant now, int max) {
        MailEntity[] rows = entities.find(MailEntity.class, Query.select()
                .where("SENT_AT IS NULL AND NEXT_ATTEMPT_AT <= ?", Date.from(now)).order("ID").limit(max));
        List<OutgoingMail> mails = new ArrayList<>(rows.length);
        for (MailEntity row : rows) {
            mails.add(new OutgoingMail(row.getID(), OutgoingMail.Kind.valueOf(row.getKind()), row.getIssueId(),
                    row.getRecipientKey(), row.getToAddress(), row.getSubject(), row.getBody(), row.getAttempts()));
        }
        return mails;
    }

    /**
     * Claims try number {@code attempt} of the message for this node: true for the one claim the database accepts,
     * false when the try is claimed already (by another node, now or before it stopped: see {@link #claimedAt}).
     */
    public boolean claim(long mailId, int attempt, Instant now) {
        return insertClaim(sendClaim(mailId, attempt), now);
    }

    /** When try {@code attempt} of the message was claimed; empty when it was not. */
    public Optional<Instant> claimedAt(long mailId, int attempt) {
        MailClaimEntity[] rows = entities.find(MailClaimEntity.class,
                Query.select().where("CLAIM_KEY = ?", sendClaim(mailId, attempt)));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0].getClaimedAt().toInstant());
    }

    /** The claimed try {@code attempt} handed the message to the host: it is never tried again. */
    public void sent(long mailId, int attempt, Instant now) {
        updateMail(mailId, row -> {
            row.setAttempts(attempt);
            row.setSentAt(Date.from(now));
            row.setNextAttemptAt(null);
        });
    }

    /** Try {@code attempt} failed; {@code nextAttempt} null: no further try. */
    public void failed(long mailId, int attempt, Instant nextAttempt, String error) {
        updateMail(mailId, row -> {
            row.setAttempts(attempt);
            row.setNextAttemptAt(nextAttempt == null ? null : Date.from(nextAttempt));
            row.setLastError(shorten(error));
        });
    }

    // ----- the weekly digest -----

    /** Whether the digest of {@code week} (e.g. {@code 2026-W47}) was queued. */
    public boolean digestQueued(String week) {
        return entities.count(MailClaimEntity.class, Query.select().where("CLAIM_KEY = ?", digestClaim(week))) > 0;
    }

    /**
     * Queues the digest of {@code week} with its claim, in one transaction: true when queued; false when that week's
     * digest was queued already (by another node, or by a run before a restart), and then nothing is queued.
     */
    public boolean queueDigest(String week, List<OutgoingMail> mails, Instant now) {
        try {
            return entities.inTransaction(() -> {
                if (entities.count(MailClaimEntity.class, Query.select().where("CLAIM_KEY = ?", digestClaim(week))) > 0) {
                    return false;
                }
                createClaim(digestClaim(week), now);
                mails.forEach(mail -> insertMail(mail, now));
                return true;
            });
        } catch (RuntimeException e) {
            if (Entities.isConstraintViolation(e) || Entities.isConcurrencyConflict(e)) {
                return false; // another node's digest of the week committed first
            }
            throw e;
        }
    }

    // ----- housekeeping -----

    /** Deletes mail sent, and claims made, more than {@link #RETENTION} ago, and quiet-period claims older than a day. */
    public void prune(Instant now) {
        Date old = Date.from(now.minus(RETENTION));
        entities.deleteWithSQL(MailEntity.class, "SENT_AT < ?", old);
        entities.deleteWithSQL(MailClaimEntity.class, "CLAIMED_AT < ?", old);
        entities.deleteWithSQL(NotificationEntity.class, "SENT_AT < ?", Date.from(now.minus(QUIET_CLAIM_RETENTION)));
    }

    /** Notices not turned into mail yet, given-up ones included. */
    public int notices() {
        return entities.count(NoticeEntity.class, Query.select());
    }

    /** Mail not sent yet, given-up mail included. */
    public int unsent() {
        return entities.count(MailEntity.class, Query.select().where("SENT_AT IS NULL"));
    }

    // ----- rows -----

    private void insertMail(OutgoingMail mail, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("KIND", mail.kind().name());
        values.put("ISSUE_ID", mail.issueId());
        values.put("RECIPIENT_KEY", mail.recipientKey());
        values.put("TO_ADDRESS", mail.toAddress());
        values.put("SUBJECT", mail.subject());
        values.put("BODY", mail.body());
        values.put("QUEUED_AT", Date.from(now));
        values.put("ATTEMPTS", 0);
        values.put("NEXT_ATTEMPT_AT", Date.from(now));
        entities.create(MailEntity.class, values);
    }

    private boolean insertClaim(String key, Instant now) {
        try {
            entities.inTransaction(() -> createClaim(key, now));
            return true;
        } catch (RuntimeException e) {
            if (Entities.isConstraintViolation(e) || Entities.isConcurrencyConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private MailClaimEntity createClaim(String key, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("CLAIM_KEY", key);
        values.put("CLAIMED_AT", Date.from(now));
        return entities.create(MailClaimEntity.class, values);
    }

    /** Changes one message in a transaction of its own, tried again while it conflicts with another node's ({@link #MARK_PATIENCE}). */
    private void updateMail(long mailId, java.util.function.Consumer<MailEntity> change) {
        entities.inTransactionRetryingConflicts(() -> {
            for (MailEntity row : entities.find(MailEntity.class, Query.select().where("ID = ?", mailId))) {
                change.accept(row);
                row.save();
            }
            return null;
        }, MARK_PATIENCE);
    }

    static String sendClaim(long mailId, int attempt) {
        return "send:" + mailId + ":" + attempt;
    }

    static String digestClaim(String week) {
        return "digest:" + week;
    }

    private static String shorten(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
