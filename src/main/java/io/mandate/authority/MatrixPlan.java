package io.mandate.authority;

import io.mandate.platform.Principal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What replacing the grants of some domains does, grant by grant (the CSV import; docs/rest-api.md, "Matrix CSV").
 * A wanted grant with the same content as a current one is <em>unchanged</em> (it keeps its id and version);
 * otherwise, one with the same holder as a current grant left over is a <em>change</em> of that grant (it keeps
 * its id, the version goes up, the audit trail shows the fields that differ); the remaining wanted grants are
 * <em>added</em> and the remaining current ones <em>removed</em>. Pairs are taken in the order of the file and of
 * the current grants (oldest first), so a holder with two grants in a domain is matched one to one.
 */
public record MatrixPlan(Map<String, Domain> domains) {

    /** One changed grant: as it is, and as it will be (with the id and version of {@code before}). */
    public record Change(Grant before, Grant after) {
    }

    /** The plan for one domain. */
    public record Domain(List<Grant> unchanged, List<Change> changed, List<Grant> added, List<Grant> removed) {
        public Domain {
            unchanged = List.copyOf(unchanged);
            changed = List.copyOf(changed);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    public MatrixPlan {
        domains = java.util.Collections.unmodifiableMap(new TreeMap<>(domains));
    }

    /**
     * The plan for the domains of {@code wanted}, each compared with its {@code current} grants (missing = none).
     * Domains only in {@code current} are not touched.
     */
    public static MatrixPlan of(Map<String, List<Grant>> current, Map<String, List<Grant>> wanted) {
        Map<String, Domain> plans = new TreeMap<>();
        wanted.forEach((key, grants) -> plans.put(key, plan(current.getOrDefault(key, List.of()), grants)));
        return new MatrixPlan(plans);
    }

    /**
     * One domain's pairing, in time linear in its grants (a domain may get thousands of lines): the current grants are
     * indexed by content and by holder, each index keeping them oldest first, and one taken is marked so.
     */
    private static Domain plan(List<Grant> current, List<Grant> wanted) {
        boolean[] taken = new boolean[current.size()];
        Map<Grant.Content, ArrayDeque<Integer>> byContent = new HashMap<>();
        Map<Principal, ArrayDeque<Integer>> byHolder = new HashMap<>();
        for (int i = 0; i < current.size(); i++) {
            byContent.computeIfAbsent(current.get(i).content(), k -> new ArrayDeque<>()).add(i);
            byHolder.computeIfAbsent(current.get(i).holder(), k -> new ArrayDeque<>()).add(i);
        }
        List<Grant> rest = new ArrayList<>();
        List<Grant> unchanged = new ArrayList<>();
        for (Grant w : wanted) {
            Integer same = firstLeft(byContent.get(w.content()), taken);
            if (same != null) {
                taken[same] = true;
                unchanged.add(current.get(same));
            } else {
                rest.add(w);
            }
        }
        List<Change> changed = new ArrayList<>();
        List<Grant> added = new ArrayList<>();
        for (Grant w : rest) {
            Integer sameHolder = firstLeft(byHolder.get(w.holder()), taken);
            if (sameHolder != null) {
                taken[sameHolder] = true;
                Grant before = current.get(sameHolder);
                changed.add(new Change(before, w.withId(before.id(), before.version())));
            } else {
                added.add(w);
            }
        }
        List<Grant> left = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (!taken[i]) {
                left.add(current.get(i));
            }
        }
        return new Domain(unchanged, changed, added, left);
    }

    /** The oldest current grant of the queue not taken yet (taken ones are dropped on the way), or null. */
    private static Integer firstLeft(ArrayDeque<Integer> queue, boolean[] taken) {
        if (queue == null) {
            return null;
        }
        while (!queue.isEmpty() && taken[queue.peekFirst()]) {
            queue.pollFirst();
        }
        return queue.peekFirst();
    }

    public int added() {
        return domains.values().stream().mapToInt(d -> d.added().size()).sum();
    }

    public int changed() {
        return domains.values().stream().mapToInt(d -> d.changed().size()).sum();
    }

    public int removed() {
        return domains.values().stream().mapToInt(d -> d.removed().size()).sum();
    }

    public int unchanged() {
        return domains.values().stream().mapToInt(d -> d.unchanged().size()).sum();
    }

    /** Whether applying it would write anything. */
    public boolean hasChanges() {
        return added() + changed() + removed() > 0;
    }

    /** The domain keys, sorted. */
    public List<String> domainKeys() {
        return List.copyOf(domains.keySet());
    }
}
