package io.mandate.decision;

import io.mandate.platform.Principal;

import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/**
 * A decision as the REST contract shows it. Dates are written as text here, so the JSON does not
 * depend on how the host's JSON library is configured for java.time.
 */
public record DecisionJson(String issueKey, String summary, String status, UserJson driver, UserJson approver,
                           List<UserJson> contributors, List<InformedJson> informed, String dueDate,
                           String reviewDate, String outcome, String domain, boolean domainSetByHand, String decidedAt, String created, String updated,
                           int version, Map<String, Boolean> checks) {

    /**
     * A user in output: {"key","name","displayName","state"}; {@code state} is active, inactive or deleted (a user the
     * host no longer knows, shown by the stored key in all three names).
     */
    public record UserJson(String key, String name, String displayName, String state) {
        public static UserJson of(Person p) {
            return new UserJson(p.key(), p.name(), p.displayName(), p.state().jsonName());
        }
    }

    /** An informed user or group in output: {"type","name"}. */
    public record InformedJson(String type, String name) {
    }

    /**
     * The decision as output; {@code d} in its current domain (DecisionService#withCurrentDomain). {@code checks} are the authority matrix's verdict, to which "overdue" and "dueForReview" are added. */
    public static DecisionJson of(Decision d, IssueRef issue, Function<String, Optional<Person>> personOfKey, LocalDate today,
                                  DecisionAuthority.Checks checks) {
        Function<String, UserJson> user = key -> key == null ? null
                : UserJson.of(personOfKey.apply(key).orElseGet(() -> Person.deleted(key)));
        // the issue's current key, never the one stored at the last write: issues move and projects get re-keyed
        return new DecisionJson(issue.key(), issue.summary(), d.status().name(), user.apply(d.driverKey()),
                user.apply(d.approverKey()),
                d.contributorKeys().stream().map(user).toList(),
                d.informed().stream().map(i -> new InformedJson(i.type().jsonName(),
                        i.type() == Principal.Type.USER ? user.apply(i.id()).name() : i.id())).toList(),
                d.dueDate() == null ? null : d.dueDate().toString(),
                d.reviewDate() == null ? null : d.reviewDate().toString(), d.outcome(), d.domain(),
                d.domainSetByHand(), text(d.decidedAt()), text(d.created()), text(d.updated()), d.version(),
                checks(d, today, checks));
    }

    /** In the contract's order: authorityViolation, consultationGap, overdue, dueForReview. */
    private static Map<String, Boolean> checks(Decision d, LocalDate today, DecisionAuthority.Checks checks) {
        Map<String, Boolean> result = new java.util.LinkedHashMap<>();
        result.put("authorityViolation", checks.authorityViolation());
        result.put("consultationGap", checks.consultationGap());
        result.put("overdue", d.isOverdue(today));
        result.put("dueForReview", d.isDueForReview(today));
        return java.util.Collections.unmodifiableMap(result);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
