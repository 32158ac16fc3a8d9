package io.mandate.refhost.dataset;

import java.util.SplittableRandom;

/**
 * What each decision's story is made of, planned for all decisions before any is written, so their audit entries
 * add up to exactly the dataset's number. Every decision costs three entries at creation (status, driver, approver)
 * plus its status path (IN_PROGRESS 1; DECIDED 2, status and outcome; DEFERRED 1; REVERSED 3) plus one per optional
 * feature it has (a due date, contributors, informed, a review date, a domain set by hand). The features' chances are
 * scaled so the expected total meets the budget; the few entries left over or missing are then made up exactly: by
 * dropping features (and, only if that is not enough, taking decisions back along their status path), or by giving
 * decisions extra edits (a due date moved, another approver, a step through IN_PROGRESS, an outcome reworded).
 */
final class DecisionBudget {

    static final byte OPEN = 0;
    static final byte IN_PROGRESS = 1;
    static final byte DECIDED = 2;
    static final byte DEFERRED = 3;
    static final byte REVERSED = 4;
    static final String[] STATUS_NAMES = {"OPEN", "IN_PROGRESS", "DECIDED", "DEFERRED", "REVERSED"};
    private static final int[] STATUS_COST = {0, 1, 2, 1, 3};
    private static final double[] STATUS_SHARE = {0.30, 0.20, 0.40, 0.05, 0.05};

    static final int DUE = 1;
    static final int CONTRIBUTORS = 2;
    static final int INFORMED = 4;
    static final int REVIEW = 8;
    static final int DOMAIN_BY_HAND = 16;
    private static final int[] FEATURES = {DUE, CONTRIBUTORS, INFORMED, REVIEW, DOMAIN_BY_HAND};
    private static final double[] FEATURE_CHANCE = {0.75, 0.50, 0.30, 0.45, 0.03};
    private static final int MAX_EXTRAS = 100;

    private final byte[] status;
    private final byte[] features;
    private final byte[] extras;

    private DecisionBudget(byte[] status, byte[] features, byte[] extras) {
        this.status = status;
        this.features = features;
        this.extras = extras;
    }

    static DecisionBudget plan(DatasetSpec spec, long seed) {
        int n = spec.decisions();
        byte[] status = new byte[n];
        byte[] features = new byte[n];
        byte[] extras = new byte[n];
        double statusCost = 0;
        double decidedShare = STATUS_SHARE[DECIDED] + STATUS_SHARE[REVERSED];
        for (int s = 0; s < STATUS_COST.length; s++) {
            statusCost += STATUS_SHARE[s] * STATUS_COST[s];
        }
        double optional = 0;
        for (int f = 0; f < FEATURES.length; f++) {
            optional += FEATURE_CHANCE[f] * (FEATURES[f] == REVIEW ? decidedShare : 1);
        }
        double perDecision = n == 0 ? 0 : (double) spec.auditEntries() / n;
        double scale = Math.max(0, Math.min(1, (perDecision - DatasetSpec.MIN_AUDIT_PER_DECISION - statusCost) / optional));
        long total = 0;
        for (int k = 0; k < n; k++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.DECISION_PLAN, k);
            double u = r.nextDouble();
            byte s = 0;
            for (double acc = STATUS_SHARE[0]; u >= acc && s < STATUS_SHARE.length - 1; acc += STATUS_SHARE[++s]) {
                // walks to the status whose share holds u
            }
            status[k] = s;
            int bits = 0;
            for (int f = 0; f < FEATURES.length; f++) {
                boolean applies = FEATURES[f] != REVIEW || s == DECIDED || s == REVERSED;
                if (applies && r.nextDouble() < FEATURE_CHANCE[f] * scale) {
                    bits |= FEATURES[f];
                }
            }
            features[k] = (byte) bits;
            total += cost(s, bits, 0);
        }
        DecisionBudget budget = new DecisionBudget(status, features, extras);
        budget.fit(spec.auditEntries() - total, seed);
        return budget;
    }

    /** Makes the entries add up: removes {@code -difference} (dropping features, then status steps) or adds {@code difference}. */
    private void fit(long difference, long seed) {
        int n = status.length;
        if (n == 0) {
            return;
        }
        int[] order = Rng.permutation(n, Rng.of(seed, Rng.Stream.ORDER, 4));
        for (int pass = 0; difference < 0 && pass < FEATURES.length; pass++) {
            for (int i = 0; i < n && difference < 0; i++) {
                int k = order[i];
                int bits = features[k];
                if (bits != 0) {
                    features[k] = (byte) (bits & (bits - 1)); // drops the lowest feature it has
                    difference++;
                }
            }
        }
        while (difference < 0) {
            boolean stepped = false;
            for (int i = 0; i < n && difference < 0; i++) {
                int k = order[i];
                byte back = switch (status[k]) {
                    case REVERSED -> DECIDED;
                    case DECIDED -> IN_PROGRESS;
                    case IN_PROGRESS, DEFERRED -> OPEN;
                    default -> -1;
                };
                if (back >= 0) {
                    status[k] = back;
                    difference++;
                    stepped = true;
                }
            }
            if (!stepped) {
                throw new DatasetException("Too few audit entries for the decisions: at least "
                        + DatasetSpec.MIN_AUDIT_PER_DECISION + " each");
            }
        }
        SplittableRandom r = Rng.of(seed, Rng.Stream.EXTRAS, 0);
        while (difference > 0) {
            int k = r.nextInt(n);
            if (extras[k] < MAX_EXTRAS) {
                extras[k]++;
                difference--;
            }
        }
    }

    static int cost(byte status, int features, int extras) {
        return DatasetSpec.MIN_AUDIT_PER_DECISION + STATUS_COST[status] + Integer.bitCount(features) + extras;
    }

    byte status(int decision) {
        return status[decision];
    }

    int features(int decision) {
        return features[decision];
    }

    int extras(int decision) {
        return extras[decision];
    }
}
