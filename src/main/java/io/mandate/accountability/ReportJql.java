package io.mandate.accountability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JQL that lists exactly the issues of one of the report's lists, for the page's "view in issue search" links.
 * Built from Mandate's JQL functions, which apply the report's own definitions, joined with AND (the only join the
 * reference host's search knows; Jira's too):
 *
 * <table>
 *   <tr><th>list</th><th>criterion</th></tr>
 *   <tr><td>overdue</td><td>{@code issue in decisionsOverdue()}</td></tr>
 *   <tr><td>violations</td><td>{@code issue in decisionsWithViolation()}</td></tr>
 *   <tr><td>consultation gaps</td><td>{@code issue in decisionsWithConsultationGap()} and not DECIDED, DEFERRED or
 *       REVERSED — the report lists open decisions only</td></tr>
 *   <tr><td>due for review</td><td>{@code issue in decisionsDueForReview()}</td></tr>
 *   <tr><td>a person's load</td><td>{@code issue in decisionsApprovedBy(name)}</td></tr>
 * </table>
 *
 * and the scope: {@code project = KEY}, {@code issue in decisionsInDomain(KEY)} (one domain: the same stored domain
 * the report's domain scope reads), nothing for the whole instance. Where the functions cannot say it — "unowned"
 * (no function finds a decision without an approver), several domains and a group (they would need OR) — the JQL
 * names the listed keys, {@code key in (DEMO-1, DEMO-4)}, up to {@link #MAX_KEYS}; a longer list gets no link
 * rather than an address a proxy may cut off.
 */
public final class ReportJql {

    /** The most keys a {@code key in (…)} query names. */
    public static final int MAX_KEYS = 100;

    private static final List<String> CLOSED = List.of("DECIDED", "DEFERRED", "REVERSED");

    private ReportJql() {
    }

    /**
     * The JQL of an issue list of the report ({@code unowned}, {@code overdue}, {@code violations},
     * {@code consultationGaps}, {@code dueForReview}); empty when the list is empty or too long to name.
     */
    public static Optional<String> ofList(PageScope scope, String list, List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<String> criteria = switch (list) {
            case "overdue" -> List.of("issue in decisionsOverdue()");
            case "violations" -> List.of("issue in decisionsWithViolation()");
            case "consultationGaps" -> {
                List<String> c = new ArrayList<>(List.of("issue in decisionsWithConsultationGap()"));
                CLOSED.forEach(s -> c.add("issue not in decisionsInStatus(" + s + ")"));
                yield c;
            }
            case "dueForReview" -> List.of("issue in decisionsDueForReview()");
            case "unowned" -> List.of();
            default -> throw new IllegalArgumentException("no such list: " + list);
        };
        Optional<List<String>> restriction = restriction(scope);
        if (criteria.isEmpty() || restriction.isEmpty()) {
            return keys(keys);
        }
        List<String> clauses = new ArrayList<>(restriction.get());
        clauses.addAll(criteria);
        return Optional.of(String.join(" AND ", clauses) + " ORDER BY key");
    }

    /**
     * The JQL of one person's load (the decisions of the scope they approve); empty where the scope has no JQL
     * (several domains, a group) — the load table then links nothing.
     */
    public static Optional<String> ofLoad(PageScope scope, String username) {
        Optional<List<String>> restriction = restriction(scope);
        if (restriction.isEmpty()) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>(restriction.get());
        clauses.add("issue in decisionsApprovedBy(" + literal(username) + ")");
        return Optional.of(String.join(" AND ", clauses) + " ORDER BY key");
    }

    /** The clauses of the scope (none for the instance); empty where JQL joined by AND cannot say it. */
    private static Optional<List<String>> restriction(PageScope scope) {
        return switch (scope.kind()) {
            case "project" -> Optional.of(List.of("project = " + literal(scope.projectKey())));
            case "domain" -> scope.domainKeys().size() == 1
                    ? Optional.of(List.of("issue in decisionsInDomain(" + literal(scope.domainKeys().get(0)) + ")"))
                    : Optional.empty();
            case "all" -> Optional.of(List.of());
            default -> Optional.empty();
        };
    }

    private static Optional<String> keys(List<String> keys) {
        if (keys.size() > MAX_KEYS) {
            return Optional.empty();
        }
        return Optional.of("key in (" + String.join(", ", keys.stream().map(ReportJql::literal).toList()) + ") ORDER BY key");
    }

    /**
     * A JQL value: as it is when it is a plain word (letters, digits, {@code _ . - @}), else in double quotes with
     * {@code "} and {@code \} escaped — a username or key cannot end the clause or start another.
     */
    static String literal(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_.-@".indexOf(c) >= 0)
                && !isReserved(value)) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** JQL's words that cannot be a bare value. */
    private static boolean isReserved(String value) {
        return List.of("and", "or", "not", "in", "is", "empty", "null", "order", "by").contains(value.toLowerCase(java.util.Locale.ROOT));
    }
}
