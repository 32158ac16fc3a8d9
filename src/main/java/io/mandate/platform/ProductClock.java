package io.mandate.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The product's "now" and "today". Today is the date in the product's default time zone (an
 * administrator's setting, the same on every cluster node), not the JVM's: "overdue" means "due
 * before today", and two nodes in different OS time zones must agree on it.
 */
public interface ProductClock {

    Instant now();

    ZoneId zone();

    default LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }
}
