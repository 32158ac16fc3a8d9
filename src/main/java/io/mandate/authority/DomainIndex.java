package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every domain with its scope, indexed for what is asked per issue and per decision: the domain of a key, and the
 * domains an issue's scope rules give it ({@link DomainScope#matches}, {@link DomainMatch}). An issue can only match a
 * domain that names its project or names no project at all, so a match tests those few rather than every domain — at
 * the enterprise size (1,000 domains) the issue view and each decision of a report would otherwise test a thousand
 * scopes — and each scope's names are lower-cased once here, not on every test. Immutable; one is cached per node
 * ({@link AuthorityService}) and replaced when a domain changes.
 */
final class DomainIndex {

    static final DomainIndex EMPTY = new DomainIndex(List.of());

    /** A domain's scope, ready to test: its issue types and components lower-cased (Jira ignores their case). */
    private record Rule(Domain domain, Set<String> issueTypes, Set<String> components, List<String> labels, int specificity) {

        static Rule of(Domain d) {
            DomainScope s = d.scope();
            return new Rule(d, lower(s.issueTypes()), lower(s.components()), s.labels(), s.specificity());
        }

        /** Whether the issue matches, its project already known to match. */
        boolean matches(String issueType, Set<String> components, List<String> labels) {
            if (!issueTypes.isEmpty() && (issueType == null || !issueTypes.contains(issueType))) {
                return false;
            }
            if (!this.components.isEmpty() && java.util.Collections.disjoint(this.components, components)) {
                return false;
            }
            if (!this.labels.isEmpty()) {
                for (String label : this.labels) {
                    if (labels.contains(label)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }
    }

    private final List<Domain> all;
    private final Map<String, Domain> byKey = new HashMap<>();
    /** Lower-case project key → the rules of the domains whose scope names the project. */
    private final Map<String, List<Rule>> byProject = new HashMap<>();
    /** The rules of the domains whose scope names no project (any project's issue may match them). */
    private final List<Rule> anyProject = new ArrayList<>();

    /** @param domains every domain, in key order */
    DomainIndex(List<Domain> domains) {
        this.all = List.copyOf(domains);
        for (Domain d : all) {
            byKey.put(d.key(), d);
            Rule rule = Rule.of(d);
            if (d.scope().projects().isEmpty()) {
                if (rule.specificity() > 0) {
                    anyProject.add(rule);
                }
            } else {
                lower(d.scope().projects()).forEach(p -> byProject.computeIfAbsent(p, k -> new ArrayList<>()).add(rule));
            }
        }
    }

    /** Every domain, by key. */
    List<Domain> all() {
        return all;
    }

    /** The domain of the key as stored (upper case). */
    Optional<Domain> get(String key) {
        return Optional.ofNullable(byKey.get(key.trim().toUpperCase(Locale.ROOT)));
    }

    /** Which domain the scope rules give the issue (one, a tie, or none): the most specific matches. */
    DomainMatch match(IssueRef issue) {
        String issueType = issue.issueType() == null ? null : DomainScope.lower(issue.issueType());
        Set<String> components = issue.components().isEmpty() ? Set.of() : lower(issue.components());
        int best = 0;
        List<String> winners = new ArrayList<>(2);
        for (List<Rule> rules : List.of(named(issue), anyProject)) {
            for (Rule rule : rules) {
                if (rule.specificity() >= best && rule.matches(issueType, components, issue.labels())) {
                    if (rule.specificity() > best) {
                        best = rule.specificity();
                        winners.clear();
                    }
                    winners.add(rule.domain().key());
                }
            }
        }
        if (best == 0) {
            return DomainMatch.NONE;
        }
        winners.sort(null);
        return new DomainMatch(winners, best);
    }

    /** The domains that could match the issue: those naming its project (in any case), then those naming none. */
    List<Domain> candidates(IssueRef issue) {
        List<Domain> candidates = new ArrayList<>();
        named(issue).forEach(r -> candidates.add(r.domain()));
        anyProject.forEach(r -> candidates.add(r.domain()));
        return candidates;
    }

    private List<Rule> named(IssueRef issue) {
        return issue.projectKey() == null ? List.of() : byProject.getOrDefault(DomainScope.lower(issue.projectKey()), List.of());
    }

    private static Set<String> lower(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(DomainScope.lower(n)));
        return lower;
    }
}
