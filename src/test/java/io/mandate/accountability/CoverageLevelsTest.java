package io.mandate.accountability;

import io.mandate.authority.EffectiveAuthority;
import io.mandate.authority.Grant;
import io.mandate.authority.Level;
import io.mandate.platform.Principal;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;

/**
 * One row of the heat map: each person's effective level in a domain today, from the same {@link EffectiveAuthority}
 * as the report's coverage — groups expanded to active members, inactive users left out, expired and future grants
 * ignored, a stand-in at the holder's level, the highest level winning.
 */
public class CoverageLevelsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Map<String, String> NAMES = Map.of("k-alice", "alice", "k-bob", "bob", "k-carol", "carol",
            "k-dave", "dave", "k-erin", "erin");
    private static final Function<String, String> NAME_OF_KEY = NAMES::get; // k-ivan (inactive) → null
    private static final Function<String, List<String>> MEMBERS_OF =
            g -> g.equals("leads") ? List.of("alice", "erin") : g.equals("developers") ? List.of("carol", "dave") : List.of();

    private static long ids;

    private static Grant grant(Principal holder, Level level, String backupKey, LocalDate from, LocalDate to) {
        return new Grant(++ids, "ARCH", holder, level, backupKey, null, from, to, null, 1);
    }

    private static Map<String, Integer> levels(Function<String, Optional<LocalDate>> awayUntil, Grant... grants) {
        return CoverageLevels.of(new EffectiveAuthority("ARCH", List.of(grants), TODAY, awayUntil, k -> true), NAME_OF_KEY, MEMBERS_OF);
    }

    @Test
    public void theHighestOfOwnAndGroupGrantsPerPersonSortedByName() {
        // alice INQUIRE (6) herself and AGREE (4) through leads → 6; erin 4 through leads; developers CONSULT (3):
        // carol and dave 3; bob TELL (1)
        Map<String, Integer> m = levels(k -> Optional.empty(),
                grant(Principal.user("k-alice"), Level.INQUIRE, null, null, null),
                grant(Principal.group("leads"), Level.AGREE, null, null, null),
                grant(Principal.group("developers"), Level.CONSULT, null, null, null),
                grant(Principal.user("k-bob"), Level.TELL, null, null, null));
        assertEquals(Map.of("alice", 6, "bob", 1, "carol", 3, "dave", 3, "erin", 4), m);
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), List.copyOf(m.keySet()));
    }

    @Test
    public void expiredFutureAndInactiveHoldersGiveNothing() {
        // carol's DELEGATE ended yesterday, dave's starts tomorrow, ivan is inactive: only bob (5) is left
        Map<String, Integer> m = levels(k -> Optional.empty(),
                grant(Principal.user("k-carol"), Level.DELEGATE, null, null, TODAY.minusDays(1)),
                grant(Principal.user("k-dave"), Level.DELEGATE, null, TODAY.plusDays(1), null),
                grant(Principal.user("k-ivan"), Level.DELEGATE, null, null, null),
                grant(Principal.user("k-bob"), Level.ADVISE, null, null, TODAY));
        assertEquals(Map.of("bob", 5), m);
    }

    @Test
    public void theBackupOfAnAwayHolderStandsInAtTheHoldersLevelAndTheHolderKeepsTheirs() {
        // alice (INQUIRE, backup dave) is away; dave holds CONSULT through developers → 6 while standing in
        Map<String, Integer> m = levels(k -> k.equals("k-alice") ? Optional.of(TODAY.plusDays(3)) : Optional.empty(),
                grant(Principal.user("k-alice"), Level.INQUIRE, "k-dave", null, null),
                grant(Principal.group("developers"), Level.CONSULT, null, null, null));
        assertEquals(Map.of("alice", 6, "carol", 3, "dave", 6), m);
    }

    @Test
    public void aDomainWithoutValidGrantsHasNobody() {
        assertEquals(Map.of(), levels(k -> Optional.empty()));
    }
}
