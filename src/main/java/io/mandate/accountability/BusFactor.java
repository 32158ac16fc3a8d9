package io.mandate.accountability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    /**
     * The bus factor of the scope's domains (each domain once; a repeated key is counted once).
     *
     * <p>A person still in the running covers exactly the domains they may approve in — each of those is covered while
     * they are in it — so their count never changes as others are removed: the greedy order is the people by the
     * number of their domains (most first, then lower username), and only the domains left uncovered need keeping track
     * of. One pass over the approvers instead of one per removal (at the enterprise size a group grant makes thousands
     * of approvers in a domain).
     */
    public static BusFactor of(Collection<DomainCoverage> scopeDomains) {
        Map<String, Set<String>> approversOf = new TreeMap<>();
        for (DomainCoverage d : scopeDomains) {
            approversOf.computeIfAbsent(d.domainKey(), k -> new HashSet<>()).addAll(d.approvers());
        }
        int domains = approversOf.size();
        Map<String, List<String>> domainsOf = new HashMap<>();
        Map<String, Integer> left = new HashMap<>();
        long uncovered = 0;
        for (Map.Entry<String, Set<String>> e : approversOf.entrySet()) {
            left.put(e.getKey(), e.getValue().size());
            if (e.getValue().isEmpty()) {
                uncovered++;
            }
            e.getValue().forEach(p -> domainsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(e.getKey()));
        }
        List<String> order = new ArrayList<>(domainsOf.keySet());
        order.sort(Comparator.<String>comparingInt(p -> domainsOf.get(p).size()).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> removed = new ArrayList<>();
        // With at least one domain, "more than half uncovered" is reached before the approvers run out.
        for (int i = 0; 2 * uncovered <= domains && domains > 0; i++) {
            String person = order.get(i);
            for (String domain : domainsOf.get(person)) {
                if (left.merge(domain, -1, Integer::sum) == 0) {
                    uncovered++;
                }
            }
            removed.add(person);
        }
        return new BusFactor(removed.size(), removed);
    }
}
