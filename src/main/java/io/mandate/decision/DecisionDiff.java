package io.mandate.decision;

import io.mandate.platform.Person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns "before" and "after" of a decision into audit entries, one per changed field. People are
 * written by user key ({@link AuditValues}); the history shows their current names.
 */
final class DecisionDiff {

    private DecisionDiff() {
    }

    static List<AuditEntry> between(Optional<Decision> before, Decision after, Person author, Instant at) {
        List<AuditEntry> entries = new ArrayList<>();
        Decision b = before.orElse(null);
        add(entries, after, author, at, "status", b == null ? null : b.status().name(), after.status().name());
        add(entries, after, author, at, "driver", b == null ? null : b.driverKey(), after.driverKey());
        add(entries, after, author, at, "approver", b == null ? null : b.approverKey(), after.approverKey());
        add(entries, after, author, at, "contributors", b == null ? null : AuditValues.userKeys(b.contributorKeys()),
                AuditValues.userKeys(after.contributorKeys()));
        add(entries, after, author, at, "informed", b == null ? null : AuditValues.informed(b.informed()),
                AuditValues.informed(after.informed()));
        add(entries, after, author, at, "dueDate", b == null || b.dueDate() == null ? null : b.dueDate().toString(),
                after.dueDate() == null ? null : after.dueDate().toString());
        add(entries, after, author, at, "reviewDate", b == null || b.reviewDate() == null ? null : b.reviewDate().toString(),
                after.reviewDate() == null ? null : after.reviewDate().toString());
        add(entries, after, author, at, "outcome", b == null ? null : b.outcome(), after.outcome());
        // the domain someone chose: set by hand, or none (derived by the rules, which is not a change of the decision);
        // so clearing a by-hand domain is audited as a domain change, and a derived one moving with the rules is not
        add(entries, after, author, at, "domain", b == null ? null : byHand(b), byHand(after));
        return entries;
    }

    private static void add(List<AuditEntry> entries, Decision d, Person author, Instant at, String field,
                            String before, String after) {
        String old = emptyToNull(before);
        String now = emptyToNull(after);
        if (!Objects.equals(old, now)) {
            entries.add(new AuditEntry(d.issueKey(), author.key(), at, field, old, now));
        }
    }

    private static String byHand(Decision d) {
        return d.domainSetByHand() ? d.domain() : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
