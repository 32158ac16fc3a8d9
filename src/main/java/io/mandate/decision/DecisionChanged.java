package io.mandate.decision;

import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;

import java.util.Optional;

/**
 * Published after a change to an issue's decision has committed (created, replaced or deleted):
 * what drives the re-index, and what other plugins may listen to (notifications are queued by the write itself).
 *
 * @param before the decision before the change; empty when it was created
 * @param after  the decision after the change; empty when it was deleted
 */
public record DecisionChanged(IssueRef issue, Optional<Decision> before, Optional<Decision> after, Person author) {

    public boolean deleted() {
        return after.isEmpty();
    }
}
