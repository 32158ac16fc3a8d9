package io.mandate.charter;

import java.time.Instant;

/**
 * One field of one change to a charter, as its audit trail keeps it: who (user key), when, which team, the field
 * (name, space, purpose, members, domains) and its value before and after (null for "none").
 */
public record CharterChange(String authorKey, Instant changedAt, String teamKey, String field, String before, String after) {
}
