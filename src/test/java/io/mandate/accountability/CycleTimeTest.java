package io.mandate.accountability;

import org.junit.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.Assert.assertEquals;

/** Cycle time in whole calendar days of the product's time zone; median and p90 by nearest rank. */
public class CycleTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static CycleTime of(long... days) {
        CycleTime.Histogram h = new CycleTime.Histogram();
        for (long d : days) {
            h.add(d);
        }
        return h.cycleTime();
    }

    @Test
    public void daysAreCalendarDaysOfTheProductTimeZone() {
        // 22:30 UTC on 1 March is 23:30 in Berlin (1 March); 23:10 UTC is 00:10 on 2 March in Berlin:
        // one midnight in Berlin, none in UTC
        Instant created = Instant.parse("2026-03-01T22:30:00Z");
        Instant decided = Instant.parse("2026-03-01T23:10:00Z");
        assertEquals(1, CycleTime.days(created, decided, BERLIN));
        assertEquals(0, CycleTime.days(created, decided, ZoneOffset.UTC));
    }

    @Test
    public void theSameDayIsZeroWhateverTheHours() {
        assertEquals(0, CycleTime.days(Instant.parse("2026-03-02T00:01:00Z"), Instant.parse("2026-03-02T21:59:00Z"), ZoneOffset.UTC));
    }

    @Test
    public void aDecisionBeforeItsCreationCountsAsZero() {
        assertEquals(0, CycleTime.days(Instant.parse("2026-03-05T10:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    public void nearestRankIsTheCeilingOfPTimesNOverHundred() {
        assertEquals(2, CycleTime.nearestRank(50, 4));  // ⌈2⌉
        assertEquals(3, CycleTime.nearestRank(50, 5));  // ⌈2.5⌉
        assertEquals(4, CycleTime.nearestRank(90, 4));  // ⌈3.6⌉
        assertEquals(9, CycleTime.nearestRank(90, 10)); // ⌈9⌉
        assertEquals(6, CycleTime.nearestRank(90, 6));  // ⌈5.4⌉: up, not rounded to 5
        assertEquals(1, CycleTime.nearestRank(50, 1));
        assertEquals(1, CycleTime.nearestRank(90, 1));
    }

    @Test
    public void theMedianOfAnEvenCountIsTheLowerMiddle() {
        // sorted 1, 2, 3, 10: median rank 2 → 2 (not 2.5); p90 rank ⌈3.6⌉ = 4 → 10
        assertEquals(new CycleTime(4, 2L, 10L), of(10, 1, 3, 2));
    }

    @Test
    public void tenValues() {
        // 1..10: median rank 5 → 5; p90 rank 9 → 9
        assertEquals(new CycleTime(10, 5L, 9L), of(7, 1, 10, 2, 9, 3, 8, 4, 6, 5));
    }

    @Test
    public void theP90RankRoundsUp() {
        // 1..6: median rank 3 → 3; p90 rank ⌈5.4⌉ = 6 → 6 (rounding would give rank 5)
        assertEquals(new CycleTime(6, 3L, 6L), of(6, 5, 4, 3, 2, 1));
    }

    @Test
    public void repeatedValues() {
        // 2, 2, 2, 7: median rank 2 → 2; p90 rank 4 → 7
        assertEquals(new CycleTime(4, 2L, 7L), of(2, 7, 2, 2));
    }

    @Test
    public void oneDecisionIsItsOwnMedianAndP90() {
        assertEquals(new CycleTime(1, 5L, 5L), of(5));
    }

    @Test
    public void noDecidedDecisionsHaveNoCycleTime() {
        assertEquals(new CycleTime(0, null, null), of());
    }
}
