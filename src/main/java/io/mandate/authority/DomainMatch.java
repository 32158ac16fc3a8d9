package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /** The scope rules applied to an issue over every domain (key → scope). */
    public static DomainMatch of(IssueRef issue, Map<String, DomainScope> domains) {
        return of(issue, domains.entrySet(), Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The scope rules applied to an issue over the candidate domains (those that could match it: {@link DomainIndex}
     * leaves out the ones naming other projects). One pass, no stream: asked for every decision of a report.
     */
    static <D> DomainMatch of(IssueRef issue, Iterable<D> candidates, Function<D, String> key, Function<D, DomainScope> scope) {
        int best = 0;
        List<String> winners = new ArrayList<>(2);
        for (D d : candidates) {
            DomainScope s = scope.apply(d);
            if (s.matches(issue)) {
                int specificity = s.specificity();
                if (specificity > best) {
                    best = specificity;
                    winners.clear();
                }
                if (specificity == best) {
                    winners.add(key.apply(d));
                }
            }
        }
        if (best == 0) {
            return NONE;
        }
        winners.sort(Comparator.naturalOrder());
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
