package io.mandate.testing;

import io.mandate.platform.ProductClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves on by hand: the product's clock for the plugin and a {@link Clock} for the reference host's
 * scheduler, both reading the same instant. For retries, backoff and schedules, without sleeping.
 */
public final class SteppingClock extends Clock implements ProductClock {

    private volatile Instant now;
    private final ZoneId zone;

    public SteppingClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public static SteppingClock utc(Instant start) {
        return new SteppingClock(start, ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant to) {
        now = to;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new SteppingClock(now, other);
    }
}
