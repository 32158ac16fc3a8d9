package io.mandate.authority;

import java.util.ArrayList;
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

    private static Domain plan(List<Grant> current, List<Grant> wanted) {
        List<Grant> left = new ArrayList<>(current);
        List<Grant> rest = new ArrayList<>();
        List<Grant> unchanged = new ArrayList<>();
        for (Grant w : wanted) {
            Grant same = left.stream().filter(w::sameContent).findFirst().orElse(null);
            if (same != null) {
                left.remove(same);
                unchanged.add(same);
            } else {
                rest.add(w);
            }
        }
        List<Change> changed = new ArrayList<>();
        List<Grant> added = new ArrayList<>();
        for (Grant w : rest) {
            Grant sameHolder = left.stream().filter(c -> c.holder().equals(w.holder())).findFirst().orElse(null);
            if (sameHolder != null) {
                left.remove(sameHolder);
                changed.add(new Change(sameHolder, w.withId(sameHolder.id(), sameHolder.version())));
            } else {
                added.add(w);
            }
        }
        return new Domain(unchanged, changed, added, left);
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
