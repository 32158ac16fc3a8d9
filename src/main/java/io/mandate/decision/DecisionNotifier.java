package io.mandate.decision;

import io.mandate.platform.Principal;

import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Links;
import io.mandate.platform.Mailer;
import io.mandate.platform.Person;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.ProductClock;

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
 * Tells people when a decision becomes DECIDED or REVERSED (product brief: the informed "are told
 * of the outcome"): the informed users, the members of informed groups and the contributors, each
 * once, by mail in their own language. Never the person who made the change, never an inactive
 * user, never someone without an e-mail address.
 */
@JiraComponent
public class DecisionNotifier {

    /**
     * Repeat notifications are coalesced: within one quiet period a decision's people hear of each
     * status at most once, so toggling DECIDED and REVERSED cannot flood a whole group.
     */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(DecisionNotifier.class);

    private final UserDirectory users;
    private final GroupDirectory groups;
    private final Mailer mailer;
    private final Texts texts;
    private final Links links;
    private final IssueAccess issues;
    private final DecisionAuthority authority;
    private final DecisionStore store;
    private final ProductClock clock;

    @Inject
    public DecisionNotifier(UserDirectory users, GroupDirectory groups, Mailer mailer, Texts texts, Links links,
                            IssueAccess issues, DecisionAuthority authority, DecisionStore store, ProductClock clock) {
        this.issues = issues;
        this.authority = authority;
        this.store = store;
        this.clock = clock;
        this.users = users;
        this.groups = groups;
        this.mailer = mailer;
        this.texts = texts;
        this.links = links;
    }

    /** Someone who receives a notification, at the address it goes to. */
    public record Recipient(Person person, String emailAddress) {
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
     * Called once the save has committed. Queues one message per recipient; a message the host refuses
     * is logged and the others still go out.
     *
     * @return the recipients whose message was queued (empty when the save was no transition)
     */
    public List<Recipient> decisionSaved(IssueRef issue, Optional<DecisionStatus> before, Decision saved, Person author) {
        if (!isNotifiable(before, saved.status())) {
            return List.of();
        }
        if (!store.claimNotification(saved.issueId(), saved.status(), clock.now(), QUIET_PERIOD)) {
            LOG.info("Decision {} is {} again within {} minutes; its people were told already", issue.key(),
                    saved.status(), QUIET_PERIOD.toMinutes());
            return List.of();
        }
        List<Recipient> queued = new ArrayList<>();
        for (Recipient recipient : recipients(saved, issue, author)) {
            Locale locale = Optional.ofNullable(users.locale(recipient.person())).orElse(Locale.ENGLISH);
            try {
                mailer.send(recipient.emailAddress(), subject(issue, saved, locale), body(issue, saved, author, locale));
                queued.add(recipient);
            } catch (RuntimeException e) {
                LOG.warn("Decision {} is {}, but the notification to {} could not be queued: {}",
                        issue.key(), saved.status(), recipient.person().name(), e.toString());
            }
        }
        LOG.debug("Decision {} is {}: notified {} people", issue.key(), saved.status(), queued.size());
        return queued;
    }

    /**
     * Who is told about this decision: de-duplicated by person and by address, in the order informed
     * (users, and group members as Jira lists them), then contributors; only people who may browse
     * the issue.
     */
    public List<Recipient> recipients(Decision decision, IssueRef issue, Person author) {
        Map<String, Person> candidates = new LinkedHashMap<>();
        for (Principal informed : decision.informed()) {
            if (informed.type() == Principal.Type.USER) {
                users.byKey(informed.id()).ifPresent(p -> candidates.putIfAbsent(p.key(), p));
            } else {
                groups.membersOf(informed.id()).forEach(p -> candidates.putIfAbsent(p.key(), p));
            }
        }
        for (String contributorKey : decision.contributorKeys()) {
            users.byKey(contributorKey).ifPresent(p -> candidates.putIfAbsent(p.key(), p));
        }
        // the authority matrix may name more people (the mentees of the approver's grant)
        for (String userKey : authority.alsoToNotify(decision, issue)) {
            users.byKey(userKey).ifPresent(p -> candidates.putIfAbsent(p.key(), p));
        }
        List<Recipient> recipients = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (Person person : candidates.values()) {
            if (person.key().equals(author.key()) || !users.isActive(person)) {
                continue;
            }
            // as Jira's own notification schemes: nobody hears of an issue they may not browse
            if (issues.browsable(decision.issueId(), Optional.of(person)).isEmpty()) { // by id: keys move and get reused
                continue;
            }
            Optional<String> address = users.emailAddress(person);
            if (address.isPresent() && addresses.add(address.get().toLowerCase(Locale.ROOT))) {
                recipients.add(new Recipient(person, address.get()));
            }
        }
        return recipients;
    }

    String subject(IssueRef issue, Decision decision, Locale locale) {
        // a summary is one line in Jira; a line break here would start a new mail header
        return oneLine(texts.get(locale, "mandate.notify.subject." + decision.status().name(), issue.key(), issue.summary()));
    }

    String body(IssueRef issue, Decision decision, Person author, Locale locale) {
        String none = texts.get(locale, "mandate.none");
        String status = texts.get(locale, "mandate.decision.status." + decision.status().name());
        String approver = Optional.ofNullable(decision.approverKey()).flatMap(users::byKey)
                .map(Person::displayName).orElse(none);
        String outcome = decision.outcome() == null ? none : decision.outcome();
        return String.join("\n",
                texts.get(locale, "mandate.notify.body.intro", author.displayName(), issue.key(), status),
                "",
                texts.get(locale, "mandate.notify.body.issue", issue.key(), issue.summary()),
                texts.get(locale, "mandate.notify.body.status", status),
                texts.get(locale, "mandate.notify.body.outcome", outcome),
                texts.get(locale, "mandate.notify.body.approver", approver),
                texts.get(locale, "mandate.notify.body.changedBy", author.displayName()),
                "",
                texts.get(locale, "mandate.notify.body.link", links.issue(issue.key())),
                "",
                texts.get(locale, "mandate.notify.body.why"));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
