package io.mandate.authority;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person's away period (product brief, "Absence"): from and to inclusive, in the product's time zone.
 * While it lasts, the backups of the person's grants stand in for them.
 */
public record Absence(long id, String userKey, LocalDate from, LocalDate to, String note) implements Serializable {

    public Absence {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether the absence shares at least one day with the window (either end open when null). */
    public boolean overlaps(LocalDate windowFrom, LocalDate windowTo) {
        return (windowTo == null || !from.isAfter(windowTo)) && (windowFrom == null || !to.isBefore(windowFrom));
    }
}
