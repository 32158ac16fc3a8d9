package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** A domain with its scope's rules, names lower-cased once. */
    private record Rule(Domain domain, DomainScope.Rule scope) {
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
            Rule rule = new Rule(d, d.scope().rule());
            if (d.scope().projects().isEmpty()) {
                if (rule.scope().specificity() > 0) {
                    anyProject.add(rule);
                }
            } else {
                rule.scope().projects().forEach(p -> byProject.computeIfAbsent(p, k -> new ArrayList<>()).add(rule));
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
        int best = 0;
        List<String> winners = new ArrayList<>(2);
        DomainScope.Facts facts = DomainScope.Facts.of(issue);
        for (List<Rule> rules : List.of(named(facts.project()), anyProject)) {
            for (Rule rule : rules) {
                int specificity = rule.scope().specificity();
                if (specificity >= best && rule.scope().matches(facts)) {
                    if (specificity > best) {
                        best = specificity;
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
        named(issue.projectKey() == null ? null : DomainScope.lower(issue.projectKey())).forEach(r -> candidates.add(r.domain()));
        anyProject.forEach(r -> candidates.add(r.domain()));
        return candidates;
    }

    /** The rules of the domains that name the project (its key lower-cased; null for none). */
    private List<Rule> named(String lowerProjectKey) {
        return lowerProjectKey == null ? List.of() : byProject.getOrDefault(lowerProjectKey, List.of());
    }
}
