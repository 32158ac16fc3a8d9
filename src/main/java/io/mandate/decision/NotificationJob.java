package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.Entities;
import io.mandate.platform.Mailer;
import io.mandate.platform.ProductClock;
import io.mandate.platform.ScheduledJob;
import io.mandate.platform.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends what the writes queued, every minute, on one node of the cluster at a time (docs/design/notifications.md):
 * first each due {@link Notice} becomes its mail (recipients resolved and texts rendered now, coalesced by the quiet
 * period), then each due message is claimed, handed to the product's mail queue and marked sent. A failed step is
 * tried again later with {@link Backoff#MAIL}; nothing is held in memory between runs.
 *
 * <p>Never twice: a message is sent only under a claim of its try that the database gives one node
 * ({@link NotificationQueue#claim}), and marked sent right after. The one gap: a node that stops between handing a
 * message to the host and marking it sent leaves a claim without a mark; after {@link #ABANDONED_AFTER} the try counts
 * as failed and the message is sent again — at least once, never silently lost.
 */
@JiraComponent
public class NotificationJob extends ScheduledJob {

    static final String NAME = "notifications";
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** How many notices and messages one run takes on; the rest wait for the next run (a bounded run, as DC asks). */
    static final int BATCH = 1_000;
    /** A claimed try not marked after this long was abandoned by a node that stopped while sending. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(NotificationJob.class);

    private final NotificationQueue queue;
    private final DecisionNotifier notifier;
    private final Mailer mailer;
    private final ProductClock clock;

    @Inject
    public NotificationJob(ScheduledJobs jobs, NotificationQueue queue, DecisionNotifier notifier, Mailer mailer,
                           ProductClock clock) {
        super(jobs, NAME, INTERVAL);
        this.queue = queue;
        this.notifier = notifier;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(int noticesQueued, int noticesCoalesced, int noticesFailed, int sent, int failed, int abandoned) {
        @Override
        public String toString() {
            return "notices: " + noticesQueued + " turned into mail, " + noticesCoalesced + " coalesced, " + noticesFailed
                    + " failed; mail: " + sent + " sent, " + failed + " failed, " + abandoned + " abandoned tries released";
        }
    }

    @Override
    public String run() {
        return send().toString();
    }

    /** One run: the due notices become mail, then the due mail is sent. */
    public Result send() {
        Instant now = clock.now();
        int queued = 0;
        int coalesced = 0;
        int noticesFailed = 0;
        for (Notice notice : queue.dueNotices(now, BATCH)) {
            try {
                List<OutgoingMail> mails = notifier.mailsFor(notice);
                if (queue.expand(notice, DecisionNotifier.quietClaimKey(notice), mails, now) == NotificationQueue.Expansion.QUEUED) {
                    queued++;
                } else {
                    coalesced++;
                    LOG.info("Decision {} is {} again within {} minutes; its people were told already", notice.issueKey(),
                            notice.status(), DecisionNotifier.QUIET_PERIOD.toMinutes());
                }
            } catch (RuntimeException e) {
                if (Entities.isConstraintViolation(e) || Entities.isConcurrencyConflict(e)) {
                    continue; // another node took this notice's claim at the same moment; the next run sees it
                }
                noticesFailed++;
                int attempts = notice.attempts() + 1;
                Optional<Instant> next = Backoff.MAIL.after(attempts, now);
                queue.noticeFailed(notice.id(), attempts, next.orElse(null), e.toString());
                LOG.warn("Decision {} is {}, but its notifications could not be prepared (try {}){}", notice.issueKey(),
                        notice.status(), attempts, next.map(t -> "; next try at " + t).orElse("; giving up"), e);
            }
        }
        int sent = 0;
        int failed = 0;
        int abandoned = 0;
        for (OutgoingMail mail : queue.dueMails(now, BATCH)) {
            int attempt = mail.attempts() + 1;
            if (!queue.claim(mail.id(), attempt, now)) {
                if (releaseIfAbandoned(mail, attempt, now)) {
                    abandoned++;
                }
                continue;
            }
            try {
                mailer.send(mail.toAddress(), mail.subject(), mail.body());
            } catch (RuntimeException e) {
                failed++;
                Optional<Instant> next = Backoff.MAIL.after(attempt, now);
                queue.failed(mail.id(), attempt, next.orElse(null), e.toString());
                LOG.warn("The {} to {} could not be queued (try {}): {}{}", mail.kind(), mail.toAddress(), attempt, e,
                        next.map(t -> "; next try at " + t).orElse("; giving up"));
                continue;
            }
            // a stop exactly here is the one way to send a message twice: see the class comment
            queue.sent(mail.id(), attempt, now);
            sent++;
        }
        queue.prune(now);
        Result result = new Result(queued, coalesced, noticesFailed, sent, failed, abandoned);
        if (queued + coalesced + noticesFailed + sent + failed + abandoned > 0) {
            LOG.info("Notifications: {}", result);
        }
        return result;
    }

    /** A try claimed long ago and never marked: the node stopped while sending; counts as failed, to be tried again now. */
    private boolean releaseIfAbandoned(OutgoingMail mail, int attempt, Instant now) {
        Optional<Instant> claimedAt = queue.claimedAt(mail.id(), attempt);
        if (claimedAt.isEmpty() || claimedAt.get().isAfter(now.minus(ABANDONED_AFTER))) {
            return false; // another node is sending it right now
        }
        queue.failed(mail.id(), attempt, now, "try " + attempt + " was claimed at " + claimedAt.get()
                + " by a node that stopped before marking it; it may have been sent");
        LOG.warn("The {} to {}: try {} was abandoned by a node that stopped while sending; it is sent again (it may arrive twice)",
                mail.kind(), mail.toAddress(), attempt);
        return true;
    }
}
