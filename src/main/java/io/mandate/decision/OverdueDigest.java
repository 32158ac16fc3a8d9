package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Links;
import io.mandate.platform.Person;
import io.mandate.platform.ProductClock;
import io.mandate.platform.ScheduledJob;
import io.mandate.platform.ScheduledJobs;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The weekly digest of overdue decisions: one mail to each driver and approver of decisions that are still open past
 * their due date, listing those of their decisions they may still browse (an issue they cannot see is not in it, and
 * nobody gets a digest of nothing), in their language. Queued once per ISO week: the job runs every morning at
 * {@link #HOUR} in the product's time zone and the first run of a week queues the week's digest under a claim the
 * database gives once ({@link NotificationQueue#queueDigest}), so a missed Monday (the cluster was down) is made up on
 * Tuesday and a restart, a second node or a second run never sends it twice. The {@link NotificationJob} sends it.
 */
@JiraComponent
public class OverdueDigest extends ScheduledJob {

    static final String NAME = "overdue-digest";
    /** The hour of the day the job runs at, in the product's time zone. */
    static final int HOUR = 8;

    private static final Logger LOG = LoggerFactory.getLogger(OverdueDigest.class);

    private final DecisionStore store;
    private final NotificationQueue queue;
    private final UserDirectory users;
    private final IssueAccess issues;
    private final Texts texts;
    private final Links links;
    private final ProductClock clock;

    @Inject
    public OverdueDigest(ScheduledJobs jobs, DecisionStore store, NotificationQueue queue, UserDirectory users,
                         IssueAccess issues, Texts texts, Links links, ProductClock clock) {
        super(jobs, NAME, Duration.ofDays(1));
        this.store = store;
        this.queue = queue;
        this.users = users;
        this.issues = issues;
        this.texts = texts;
        this.links = links;
        this.clock = clock;
    }

    /** The next {@link #HOUR} o'clock in the product's time zone. */
    @Override
    protected Instant firstRun() {
        ZonedDateTime now = clock.now().atZone(clock.zone());
        ZonedDateTime today = now.toLocalDate().atTime(LocalTime.of(HOUR, 0)).atZone(clock.zone());
        return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    @Override
    public String run() {
        LocalDate today = clock.today();
        String week = week(today);
        if (queue.digestQueued(week)) {
            return "the digest of " + week + " was queued already";
        }
        List<OutgoingMail> mails = mailsFor(today);
        if (!queue.queueDigest(week, mails, clock.now())) {
            return "the digest of " + week + " was queued already";
        }
        LOG.info("Overdue digest of {}: {} mails queued", week, mails.size());
        return "the digest of " + week + ": " + mails.size() + " mails queued";
    }

    /** The ISO week of a day, e.g. {@code 2026-W47}: what a digest is claimed for. */
    static String week(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** One overdue decision of a person, as they may see its issue now, and what they are to it. */
    record Entry(IssueRef issue, Decision decision, Role role) {
    }

    /** What a person is to an overdue decision. */
    enum Role {
        DRIVER, APPROVER, BOTH
    }

    /**
     * The digest mails of {@code today}: per driver and approver (active, with an address) of an overdue decision, the
     * overdue decisions whose issue they may browse, most overdue first; nobody whose list would be empty.
     */
    public List<OutgoingMail> mailsFor(LocalDate today) {
        Map<String, List<Decision>> byPerson = new TreeMap<>();
        store.forEachOverdue(today, d -> {
            if (d.driverKey() != null) {
                byPerson.computeIfAbsent(d.driverKey(), k -> new ArrayList<>()).add(d);
            }
            if (d.approverKey() != null && !d.approverKey().equals(d.driverKey())) {
                byPerson.computeIfAbsent(d.approverKey(), k -> new ArrayList<>()).add(d);
            }
        });
        List<OutgoingMail> mails = new ArrayList<>();
        byPerson.forEach((key, decisions) -> {
            Optional<Person> person = users.byKey(key).filter(users::isActive);
            Optional<String> address = person.flatMap(users::emailAddress);
            if (address.isEmpty()) {
                return;
            }
            List<Entry> entries = new ArrayList<>();
            for (Decision d : decisions) {
                issues.browsable(d.issueId(), person).ifPresent(issue -> entries.add(new Entry(issue, d, role(d, key))));
            }
            if (entries.isEmpty()) {
                return;
            }
            Locale locale = Optional.ofNullable(users.locale(person.get())).orElse(Locale.ENGLISH);
            mails.add(OutgoingMail.of(OutgoingMail.Kind.DIGEST, null, key, address.get(),
                    texts.get(locale, "mandate.digest.subject", entries.size()), body(person.get(), entries, today, locale)));
        });
        return mails;
    }

    private static Role role(Decision d, String personKey) {
        boolean drives = personKey.equals(d.driverKey());
        boolean approves = personKey.equals(d.approverKey());
        return drives && approves ? Role.BOTH : drives ? Role.DRIVER : Role.APPROVER;
    }

    String body(Person person, List<Entry> entries, LocalDate today, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "mandate.digest.body.greeting", person.displayName()));
        lines.add("");
        lines.add(texts.get(locale, "mandate.digest.body.intro" + (entries.size() == 1 ? ".one" : ""), entries.size()));
        for (Entry e : entries) {
            long days = ChronoUnit.DAYS.between(e.decision().dueDate(), today);
            lines.add("");
            // summaries are one line in Jira, but a line break here would make the rest of it look like the frame
            lines.add(texts.get(locale, "mandate.digest.body.issue", e.issue().key(), MailText.oneLine(e.issue().summary())));
            lines.add(texts.get(locale, "mandate.digest.body.due" + (days == 1 ? ".one" : ""), e.decision().dueDate().toString(), days,
                    texts.get(locale, "mandate.decision.status." + e.decision().status().name()),
                    texts.get(locale, "mandate.digest.role." + e.role().name())));
            lines.add(texts.get(locale, "mandate.notify.body.link", links.issue(e.issue().key())));
        }
        lines.add("");
        lines.add(texts.get(locale, "mandate.digest.body.why"));
        return String.join("\n", lines);
    }
}
