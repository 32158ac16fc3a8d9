package io.mandate.accountability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Product brief, <b>authority bus factor</b>: the smallest number of people whose removal leaves more than half of
 * the scope's domains with nobody who may approve. Greedy: repeatedly remove the person who may approve in the
 * most still-covered domains (ties: lower username first) until more than half are uncovered; report the count
 * and the names in removal order. Domains with no approver at all count as uncovered from the start; if that is
 * already more than half, the bus factor is 0.
 *
 * <p>Taken here: the greedy answer <em>is</em> the metric (the exact minimum is a set-cover problem; the greedy
 * one can exceed it, and the report says what it computed). "More than half" of m domains is 2·uncovered &gt; m.
 * "Lower username" is {@link String#compareTo} (Jira usernames are lower case). A scope without domains has bus
 * factor 0 and nobody in it: no removal can leave more than half of nothing uncovered, and there is nothing to
 * stall.
 *
 * @param value  how many people the greedy removal took
 * @param people their usernames, in removal order
 */
public record BusFactor(int value, List<String> people) {

    public BusFactor {
        people = List.copyOf(people);
        if (value != people.size()) {
            throw new IllegalArgumentException("the value is the number of people removed");
        }
    }

    /** The bus factor of the scope's domains (each domain once; a repeated key is counted once). */
    public static BusFactor of(Collection<DomainCoverage> scopeDomains) {
        Map<String, Set<String>> remaining = new TreeMap<>();
        for (DomainCoverage d : scopeDomains) {
            remaining.computeIfAbsent(d.domainKey(), k -> new HashSet<>()).addAll(d.approvers());
        }
        int domains = remaining.size();
        List<String> removed = new ArrayList<>();
        while (2 * uncovered(remaining) <= domains && domains > 0) {
            // Every domain still covered is counted for each of its remaining approvers; TreeMap + strict '>'
            // keeps the lower username on a tie.
            Map<String, Integer> covering = new TreeMap<>();
            for (Set<String> approvers : remaining.values()) {
                approvers.forEach(p -> covering.merge(p, 1, Integer::sum));
            }
            String next = null;
            int most = 0;
            for (Map.Entry<String, Integer> e : covering.entrySet()) {
                if (e.getValue() > most) {
                    next = e.getKey();
                    most = e.getValue();
                }
            }
            // With at least one domain, "more than half uncovered" is reached before the approvers run out.
            String person = next;
            remaining.values().forEach(approvers -> approvers.remove(person));
            removed.add(person);
        }
        return new BusFactor(removed.size(), removed);
    }

    private static long uncovered(Map<String, Set<String>> remaining) {
        return remaining.values().stream().filter(Set::isEmpty).count();
    }
}
