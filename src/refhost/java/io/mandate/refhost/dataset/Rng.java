package io.mandate.refhost.dataset;

import java.util.SplittableRandom;

/**
 * Seeded randomness, one independent stream per row: the values of row {@code index} of stream {@code stream} are a
 * function of the seed alone, not of what was drawn before, so the generator can visit rows in any order (or twice)
 * and still write the same dataset.
 */
final class Rng {

    /** What a stream of random values is for; the ordinal is part of each row's seed. */
    enum Stream { USER, TEAM, PROJECT, DOMAIN, GRANT, ABSENCE, ISSUE, DECISION_PLAN, DECISION, ORDER, EXTRAS, PLACEMENT }

    private Rng() {
    }

    static SplittableRandom of(long seed, Stream stream, long index) {
        return new SplittableRandom(mix(mix(seed) ^ mix(stream.ordinal() + 0x51ED2701L) ^ (index * 0x9E3779B97F4A7C15L)));
    }

    /** A random integer in [from, to], both inclusive. */
    static int between(SplittableRandom random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** MurmurHash3's 64-bit finaliser: neighbouring seeds and indexes give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** A seeded Fisher–Yates permutation of 0..n-1. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
