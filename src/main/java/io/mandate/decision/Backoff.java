package io.mandate.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed try is made again: after {@code first}, doubling with every failure up to {@code max}, until
 * {@code attempts} tries have failed, then never (the row stays, with its last error, for an administrator to see).
 */
record Backoff(Duration first, Duration max, int attempts) {

    /** For mail and notices: 1, 2, 4, … minutes, at most an hour apart; ten tries (about four and a half hours). */
    static final Backoff MAIL = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 10);

    /** When to try again after the {@code failed}-th try failed at {@code now}; empty when that was the last try. */
    Optional<Instant> after(int failed, Instant now) {
        if (failed >= attempts) {
            return Optional.empty();
        }
        Duration delay = first;
        for (int i = 1; i < failed && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(now.plus(delay.compareTo(max) > 0 ? max : delay));
    }
}
