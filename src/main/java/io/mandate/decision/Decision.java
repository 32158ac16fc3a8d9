package io.mandate.decision;

import io.mandate.platform.Principal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The decision an issue carries, as an immutable value. People are user keys; the REST and view
 * layers turn them into names. {@code version} is the optimistic lock: every accepted write adds one.
 * The issue is {@code issueId} (and its project {@code projectId}, 0 when not known yet for a row written
 * before project ids were stored); {@code issueKey} and {@code projectKey} are the keys at the last write,
 * kept for the audit trail and never used to find the issue — show the issue's current key instead.
 */
public record Decision(long issueId, long projectId, String issueKey, String projectKey, DecisionStatus status,
                       String driverKey, String approverKey, List<String> contributorKeys,
                       List<Principal> informed, LocalDate dueDate, String outcome, String domain,
                       Instant decidedAt, Instant created, Instant updated, int version) {

    public Decision {
        contributorKeys = List.copyOf(contributorKeys);
        informed = List.copyOf(informed);
    }

    /** Open (OPEN or IN_PROGRESS) and due before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }
}
