package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which domain an issue falls in by the scope rules: the matching domains of the highest
 * specificity. One of them is the issue's domain; two or more are a tie, which is returned and shown
 * as such — never one picked silently; none means the issue is in no domain.
 *
 * @param winners the keys of the most specific matching domains, sorted; empty when none matches
 */
public record DomainMatch(List<String> winners, int specificity) {

    public static final DomainMatch NONE = new DomainMatch(List.of(), 0);

    public DomainMatch {
        winners = List.copyOf(winners);
    }

    /** The scope rules applied to an issue over every domain (key → scope); {@link DomainIndex} does it with an index. */
    public static DomainMatch of(IssueRef issue, Map<String, DomainScope> domains) {
        int best = domains.values().stream().filter(s -> s.matches(issue)).mapToInt(DomainScope::specificity).max().orElse(0);
        if (best == 0) {
            return NONE;
        }
        List<String> winners = domains.entrySet().stream()
                .filter(e -> e.getValue().matches(issue) && e.getValue().specificity() == best)
                .map(Map.Entry::getKey)
                .sorted(Comparator.naturalOrder())
                .toList();
        return new DomainMatch(winners, best);
    }

    public boolean isTie() {
        return winners.size() > 1;
    }

    /** The issue's domain when exactly one domain wins; empty for none and for a tie. */
    public Optional<String> domain() {
        return winners.size() == 1 ? Optional.of(winners.get(0)) : Optional.empty();
    }
}
