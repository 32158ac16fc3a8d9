package io.mandate.accountability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Product brief, <b>cycle time</b>: for DECIDED decisions in scope, days from the decision's creation to
 * decidedAt; median and 90th percentile (nearest-rank).
 *
 * <p>Taken here:
 * <ul>
 *   <li><b>Days are whole calendar days in the product's time zone</b>: the number of midnights between the day of
 *       creation and the day of decision ({@link #days}) — created and decided on the same day is 0, on the next
 *       day 1, whatever the hours. The same days as "overdue" and due dates, the same answer on every node, and
 *       the integers the contract shows. A decidedAt before the creation (an imported history) counts as 0.</li>
 *   <li><b>Nearest rank</b>: the p-th percentile of N sorted values is the value at rank ⌈p/100 · N⌉ (1-based).
 *       The median is p = 50: for an even N that is rank N/2, the <em>lower</em> of the two middle values, never
 *       their mean (4 values 1, 2, 3, 10 → median 2, p90 rank ⌈3.6⌉ = 4 → 10).</li>
 *   <li>Without DECIDED decisions, median and p90 are null (there is no time to report; 0 would claim same-day
 *       decisions).</li>
 * </ul>
 *
 * @param decided how many DECIDED decisions were measured
 * @param median  the nearest-rank median in days; null when none were measured
 * @param p90     the nearest-rank 90th percentile in days; null when none were measured
 */
public record CycleTime(long decided, Long median, Long p90) {

    /** Whole calendar days in {@code zone} from {@code created} to {@code decidedAt}; never below 0. */
    public static long days(Instant created, Instant decidedAt, ZoneId zone) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(created, zone), LocalDate.ofInstant(decidedAt, zone));
        return Math.max(0, days);
    }

    /** The 1-based nearest rank of the p-th percentile among n values: ⌈p·n/100⌉, at least 1. */
    public static long nearestRank(int p, long n) {
        return Math.max(1, (Math.multiplyExact((long) p, n) + 99) / 100);
    }

    /**
     * Cycle times collected one decision at a time as a histogram (days → how many): its size is the number of
     * distinct day counts, bounded by the age of the data in days, not by the number of decisions.
     */
    public static final class Histogram {
        private final TreeMap<Long, Long> counts = new TreeMap<>();
        private long n;

        public void add(long days) {
            if (days < 0) {
                throw new IllegalArgumentException("days are never negative: " + days);
            }
            counts.merge(days, 1L, Long::sum);
            n++;
        }

        public CycleTime cycleTime() {
            if (n == 0) {
                return new CycleTime(0, null, null);
            }
            return new CycleTime(n, atRank(nearestRank(50, n)), atRank(nearestRank(90, n)));
        }

        private long atRank(long rank) {
            long seen = 0;
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                seen += e.getValue();
                if (seen >= rank) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + n);
        }
    }
}
