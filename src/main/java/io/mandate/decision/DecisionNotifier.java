package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Links;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;

import javax.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells people when a decision becomes DECIDED or REVERSED (product brief: the informed "are told of the outcome"): the
 * informed users, the members of informed groups, the contributors and the people the authority matrix adds, each once,
 * by mail in their own language. Never the person who made the change, never an inactive user, never someone without an
 * e-mail address, never someone who may not browse the issue.
 *
 * <p>The write only queues a {@link Notice} (in its own transaction, {@link DecisionStore#save}); this class is what the
 * notification job ({@link NotificationJob}) asks, later and off the request thread, whom a notice reaches and what they
 * read. So group members are looked up, permissions checked and texts rendered once per notice in the background, and
 * a PUT costs the same whatever the size of the informed groups.
 */
@JiraComponent
public class DecisionNotifier {

    /**
     * Repeat notifications are coalesced: within one quiet period a decision's people hear of each
     * status at most once, so toggling DECIDED and REVERSED cannot flood a whole group.
     */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(15);

    private final UserDirectory users;
    private final GroupDirectory groups;
    private final Texts texts;
    private final Links links;
    private final IssueAccess issues;

    @Inject
    public DecisionNotifier(UserDirectory users, GroupDirectory groups, Texts texts, Links links, IssueAccess issues) {
        this.users = users;
        this.groups = groups;
        this.texts = texts;
        this.links = links;
        this.issues = issues;
    }

    /** Someone who receives a notification, at the address it goes to, and the issue as they may see it now. */
    public record Recipient(Person person, String emailAddress, IssueRef issue) {
    }

    /**
     * Whether a save moved the decision into DECIDED or REVERSED. Creating a decision that is already
     * DECIDED counts; an edit that leaves it DECIDED (a corrected outcome) does not.
     */
    public static boolean isNotifiable(Optional<DecisionStatus> before, DecisionStatus after) {
        boolean notifying = after == DecisionStatus.DECIDED || after == DecisionStatus.REVERSED;
        return notifying && before.map(b -> b != after).orElse(true);
    }

    /**
     * The key of the notice's quiet-period claim: the issue, the new status and the period of the write (not of the
     * job's run, so a job that runs late coalesces exactly as one that runs at once).
     */
    static String quietClaimKey(Notice notice) {
        return notice.issueId() + ":" + notice.status().name() + ":" + notice.queuedAt().toEpochMilli() / QUIET_PERIOD.toMillis();
    }

    /** The messages a notice becomes: one per recipient, in their language; none when the issue is gone. */
    public List<OutgoingMail> mailsFor(Notice notice) {
        Person author = users.byKey(notice.authorKey()).orElse(Person.deleted(notice.authorKey()));
        List<OutgoingMail> mails = new ArrayList<>();
        for (Recipient recipient : recipients(notice, author)) {
            Locale locale = Optional.ofNullable(users.locale(recipient.person())).orElse(Locale.ENGLISH);
            mails.add(OutgoingMail.of(OutgoingMail.Kind.NOTIFICATION, notice.issueId(), recipient.person().key(),
                    recipient.emailAddress(), subject(recipient.issue(), notice.status(), locale),
                    body(recipient.issue(), notice, author, locale)));
        }
        return mails;
    }

    /**
     * Who is told of the notice: de-duplicated by person and by address, in the order informed (users, and group members
     * as the host lists them now), then contributors, then the people the authority matrix added; only people who may
     * browse the issue now (judged by id: keys move and get reused), as Jira's own notification schemes do.
     */
    public List<Recipient> recipients(Notice notice, Person author) {
        Map<String, Person> candidates = new LinkedHashMap<>();
        for (Principal informed : notice.informed()) {
            if (informed.type() == Principal.Type.USER) {
                users.byKey(informed.id()).ifPresent(p -> candidates.putIfAbsent(p.key(), p));
            } else {
                groups.membersOf(informed.id()).forEach(p -> candidates.putIfAbsent(p.key(), p));
            }
        }
        for (String contributorKey : notice.contributorKeys()) {
            users.byKey(contributorKey).ifPresent(p -> candidates.putIfAbsent(p.key(), p));
        }
        for (String userKey : notice.alsoToNotify()) {
            users.byKey(userKey).ifPresent(p -> candidates.putIfAbsent(p.key(), p));
        }
        List<Recipient> recipients = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (Person person : candidates.values()) {
            if (person.key().equals(author.key()) || !users.isActive(person)) {
                continue;
            }
            Optional<IssueRef> issue = issues.browsable(notice.issueId(), Optional.of(person));
            if (issue.isEmpty()) {
                continue;
            }
            Optional<String> address = users.emailAddress(person);
            if (address.isPresent() && addresses.add(address.get().toLowerCase(Locale.ROOT))) {
                recipients.add(new Recipient(person, address.get(), issue.get()));
            }
        }
        return recipients;
    }

    String subject(IssueRef issue, DecisionStatus status, Locale locale) {
        // a summary is one line in Jira; a line break here would start a new mail header
        return MailText.oneLine(texts.get(locale, "mandate.notify.subject." + status.name(), issue.key(), issue.summary()));
    }

    String body(IssueRef issue, Notice notice, Person author, Locale locale) {
        String none = texts.get(locale, "mandate.none");
        String status = texts.get(locale, "mandate.decision.status." + notice.status().name());
        String approver = Optional.ofNullable(notice.approverKey()).flatMap(users::byKey)
                .map(Person::displayName).orElse(none);
        String outcome = notice.outcome() == null ? none : notice.outcome();
        return String.join("\n",
                texts.get(locale, "mandate.notify.body.intro", author.displayName(), issue.key(), status),
                "",
                texts.get(locale, "mandate.notify.body.issue", issue.key(), MailText.oneLine(issue.summary())),
                texts.get(locale, "mandate.notify.body.status", status),
                texts.get(locale, "mandate.notify.body.outcome", outcome),
                texts.get(locale, "mandate.notify.body.approver", approver),
                texts.get(locale, "mandate.notify.body.changedBy", author.displayName()),
                "",
                texts.get(locale, "mandate.notify.body.link", links.issue(issue.key())),
                "",
                texts.get(locale, "mandate.notify.body.why"));
    }
}
