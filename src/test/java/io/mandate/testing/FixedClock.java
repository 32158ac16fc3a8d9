package io.mandate.testing;

import io.mandate.platform.ProductClock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A product clock that stands still, for tests that depend on "today". */
public record FixedClock(Instant now, ZoneId zone) implements ProductClock {

    public static FixedClock utc(Instant now) {
        return new FixedClock(now, ZoneOffset.UTC);
    }
}
