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
 * domains an issue's scope rules give it. An issue can only match a domain that names its project or names no project
 * at all, so a match looks at those few rather than every domain — at the enterprise size (1,000 domains) the issue
 * view and each decision of a report would otherwise test a thousand scopes. Immutable; one is cached per node
 * ({@link AuthorityService}) and replaced when a domain changes.
 */
final class DomainIndex {

    static final DomainIndex EMPTY = new DomainIndex(List.of());

    private final List<Domain> all;
    private final Map<String, Domain> byKey = new HashMap<>();
    /** Lower-case project key → the domains whose scope names the project. */
    private final Map<String, List<Domain>> byProject = new HashMap<>();
    /** The domains whose scope names no project (any project's issue may match them). */
    private final List<Domain> anyProject = new ArrayList<>();

    /** @param domains every domain, in key order */
    DomainIndex(List<Domain> domains) {
        this.all = List.copyOf(domains);
        for (Domain d : all) {
            byKey.put(d.key(), d);
            if (d.scope().projects().isEmpty()) {
                if (d.scope().specificity() > 0) {
                    anyProject.add(d);
                }
            } else {
                d.scope().projects().stream().map(DomainScope::lower).distinct()
                        .forEach(p -> byProject.computeIfAbsent(p, k -> new ArrayList<>()).add(d));
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

    /** Which domain the scope rules give the issue (one, a tie, or none). */
    DomainMatch match(IssueRef issue) {
        return DomainMatch.of(issue, candidates(issue), Domain::key, Domain::scope);
    }

    /** The domains that could match the issue: those naming its project (in any case), then those naming none. */
    List<Domain> candidates(IssueRef issue) {
        List<Domain> named = issue.projectKey() == null ? List.of() : byProject.getOrDefault(DomainScope.lower(issue.projectKey()), List.of());
        if (anyProject.isEmpty()) {
            return named;
        }
        List<Domain> candidates = new ArrayList<>(named.size() + anyProject.size());
        candidates.addAll(named);
        candidates.addAll(anyProject);
        return candidates;
    }
}
