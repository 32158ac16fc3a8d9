package io.mandate.accountability;

import io.mandate.authority.EffectiveAuthority;
import io.mandate.authority.Grant;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The effective level (1–7) of every person in one domain today: the row of the domain × person heat map. The
 * same people and the same day as the report's coverage ({@link DomainCoverage#of}): the grants valid today, a user
 * grant for its active holder, a group grant for each of the group's active members, and a backup standing in for
 * an away holder at the holder's level; a person's level is the highest of these (product brief, "Effective
 * authority"). Unlike the coverage, every level counts here, not only those that may approve — the heat map shows
 * who is consulted and told as well.
 */
public final class CoverageLevels {

    private CoverageLevels() {
    }

    /**
     * Username → effective level number, sorted by username; a person without a level in the domain is absent.
     *
     * @param nameOfKey     username of a user key; null for an unknown or inactive user, who then holds nothing
     * @param memberNamesOf the usernames of a group's active members (the host's nested groups included)
     */
    public static Map<String, Integer> of(EffectiveAuthority authority, Function<String, String> nameOfKey,
                                          Function<String, ? extends Collection<String>> memberNamesOf) {
        Map<String, Integer> levels = new TreeMap<>();
        for (Grant g : authority.validGrants()) {
            int level = g.level().number();
            if (g.holder().isUser()) {
                String name = nameOfKey.apply(g.holder().id());
                if (name != null) {
                    levels.merge(name, level, Math::max);
                }
            } else {
                memberNamesOf.apply(g.holder().id()).forEach(m -> levels.merge(m, level, Math::max));
            }
        }
        for (EffectiveAuthority.StandIn s : authority.standIns()) {
            String name = nameOfKey.apply(s.backupKey());
            if (name != null) {
                levels.merge(name, s.grant().level().number(), Math::max);
            }
        }
        return levels;
    }
}
