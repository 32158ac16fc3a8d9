package io.mandate.authority;

import io.mandate.platform.Principal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One cell of the authority matrix (product brief, "Authority grant"): the holder (a user by key, a group
 * by name) holds {@code level} in the domain. Optional: a backup who stands in while the holder is away,
 * a mentee who shadows the holder, a validity window (inclusive dates in the product's time zone), a note.
 *
 * @param id      0 for a grant not stored yet
 * @param version the optimistic lock, as for decisions
 */
public record Grant(long id, String domainKey, Principal holder, Level level, String backupKey, String menteeKey,
                    LocalDate validFrom, LocalDate validTo, String note, int version) implements Serializable {

    public Grant {
        Objects.requireNonNull(domainKey, "domainKey");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(level, "level");
    }

    /** Whether the grant counts on that day: outside its validity window a grant is ignored. */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public Grant withId(long newId, int newVersion) {
        return new Grant(newId, domainKey, holder, level, backupKey, menteeKey, validFrom, validTo, note, newVersion);
    }

    /** The same cell content, ignoring id and version: what the CSV import compares. */
    public boolean sameContent(Grant other) {
        return content().equals(other.content());
    }

    /**
     * The cell content as a value, equal for two grants exactly when {@link #sameContent} holds: what the CSV import's
     * plan indexes the current grants by (a domain may get thousands of lines).
     */
    public Content content() {
        return new Content(domainKey, holder, level, backupKey, menteeKey, validFrom, validTo,
                note == null || note.isBlank() ? null : note);
    }

    /** A grant without id and version, a blank note as none. */
    public record Content(String domainKey, Principal holder, Level level, String backupKey, String menteeKey,
                          LocalDate validFrom, LocalDate validTo, String note) {
    }
}
