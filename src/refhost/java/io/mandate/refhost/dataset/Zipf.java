package io.mandate.refhost.dataset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: the few at the top get most of the
 * draws, as a few heavy approvers carry most decisions in a real organisation.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("Zipf over nothing");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += weight(rank, exponent);
            cumulative[rank] = sum;
        }
    }

    static double weight(int rank, double exponent) {
        return 1.0 / Math.pow(rank + 1, exponent);
    }

    int sample(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, u);
        int rank = at >= 0 ? at + 1 : -at - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
