package io.mandate.accountability;

import java.util.Arrays;
import java.util.Collection;

/**
 * Product brief, <b>Gini</b> of authority load: over the population P (see {@link Load#perPerson}), with
 * x<sub>i</sub> the load of person i (0 allowed),
 * <pre>G = Σ<sub>i</sub> Σ<sub>j</sub> |x<sub>i</sub> − x<sub>j</sub>| / (2·n²·mean(x)); 0 when n = 0 or all x are 0.</pre>
 * 0 is an even spread; (n − 1)/n, its largest value, is one person carrying all the load.
 *
 * <p>Computed in O(n log n) rather than over n² pairs: with x sorted ascending and i counted from 1,
 * Σ<sub>i</sub> Σ<sub>j</sub> |x<sub>i</sub> − x<sub>j</sub>| = 2·Σ<sub>i</sub> (2i − n − 1)·x<sub>(i)</sub>
 * (the i-th smallest value is larger than the i − 1 before it and smaller than the n − i after it). That sum is
 * exact integer arithmetic; and as 2·n²·mean = 2·n·total, G is one division of two integers.
 *
 * @param sumOfAbsoluteDifferences Σ<sub>i</sub> Σ<sub>j</sub> |x<sub>i</sub> − x<sub>j</sub>| over all ordered pairs
 * @param n                        the population's size
 * @param total                    Σ x<sub>i</sub>
 */
public record Gini(long sumOfAbsoluteDifferences, long n, long total) {

    /** The Gini of the loads (each ≥ 0). */
    public static Gini of(long... loads) {
        long[] x = loads.clone();
        Arrays.sort(x);
        if (x.length > 0 && x[0] < 0) {
            throw new IllegalArgumentException("a load is never negative: " + x[0]);
        }
        long n = x.length;
        long weighted = 0;
        long total = 0;
        for (int i = 1; i <= n; i++) {
            weighted = Math.addExact(weighted, Math.multiplyExact(2L * i - n - 1, x[i - 1]));
            total = Math.addExact(total, x[i - 1]);
        }
        return new Gini(Math.multiplyExact(2L, weighted), n, total);
    }

    public static Gini of(Collection<Long> loads) {
        return of(loads.stream().mapToLong(Long::longValue).toArray());
    }

    /** G itself: Σ Σ |x<sub>i</sub> − x<sub>j</sub>| / (2·n·total), 0 when n = 0 or the total is 0. */
    public double value() {
        if (n == 0 || total == 0) {
            return 0.0;
        }
        return sumOfAbsoluteDifferences / (2.0 * n * total);
    }

    /** Product brief, <b>distribution index</b>: 1 − Gini (1 is an even spread). */
    public double distributionIndex() {
        return 1.0 - value();
    }
}
