package io.mandate.decision;

import java.time.Instant;

/** One line of a decision's audit trail: who changed which field when, from what to what. */
public record AuditEntry(String issueKey, String authorKey, Instant changedAt, String field,
                         String oldValue, String newValue) {
}
