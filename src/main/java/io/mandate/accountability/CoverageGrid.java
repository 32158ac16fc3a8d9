package io.mandate.accountability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who holds which level where, as the coverage heat map draws it: domains (rows) × people (columns), each cell the
 * person's effective level number today (1 TELL … 7 DELEGATE, {@link io.mandate.authority.Level#number()}) or 0 for
 * none. The caller resolves authority (groups expanded, the highest level of a person's grants); this is only the
 * picture's data.
 *
 * @param domains the domains, sorted (the constructor sorts them; duplicates are dropped)
 * @param people  the people by username, sorted (likewise)
 * @param levels  domain → person → level 1..7; a missing entry or 0 is no level
 */
public record CoverageGrid(List<String> domains, List<String> people, Map<String, Map<String, Integer>> levels) {

    public CoverageGrid {
        domains = domains.stream().map(d -> Objects.requireNonNull(d, "domain")).distinct().sorted().toList();
        people = people.stream().map(p -> Objects.requireNonNull(p, "person")).distinct().sorted().toList();
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        levels.forEach((domain, row) -> {
            Map<String, Integer> r = new LinkedHashMap<>();
            row.forEach((person, level) -> {
                if (level == null || level < 0 || level > 7) {
                    throw new IllegalArgumentException("a level is 0 to 7: " + level + " (" + domain + ", " + person + ")");
                }
                r.put(person, level);
            });
            copy.put(domain, Map.copyOf(r));
        });
        levels = Map.copyOf(copy);
    }

    /** The person's level in the domain: 1..7, or 0 when they hold none. */
    public int level(String domain, String person) {
        Map<String, Integer> row = levels.get(domain);
        Integer level = row == null ? null : row.get(person);
        return level == null ? 0 : level;
    }
}
