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
 *
 * <p>{@code domain} is the authority domain: set by hand ({@code domainSetByHand}: someone who may edit the decision
 * chose it, and it stays until they clear it), or the one the scope rules give the issue. As stored, a derived
 * domain is the one of the last save; {@link DecisionService#withCurrentDomain} replaces it by the one the rules
 * give the issue now, which is what every read shows.
 *
 * <p>{@code reviewDate} is the day the decision should be looked at again (optional). It may be set in any status and
 * applies once the decision is DECIDED ({@link #isDueForReview}); a review date before the decision was made is
 * allowed (a decision recorded late, or one meant to be revisited at once) and is simply due for review at once.
 */
public record Decision(long issueId, long projectId, String issueKey, String projectKey, DecisionStatus status,
                       String driverKey, String approverKey, List<String> contributorKeys,
                       List<Principal> informed, LocalDate dueDate, LocalDate reviewDate, String outcome, String domain,
                       boolean domainSetByHand, Instant decidedAt, Instant created, Instant updated, int version) {

    public Decision {
        contributorKeys = List.copyOf(contributorKeys);
        informed = List.copyOf(informed);
    }

    /** A decision without a review date. */
    public Decision(long issueId, long projectId, String issueKey, String projectKey, DecisionStatus status,
                    String driverKey, String approverKey, List<String> contributorKeys,
                    List<Principal> informed, LocalDate dueDate, String outcome, String domain,
                    boolean domainSetByHand, Instant decidedAt, Instant created, Instant updated, int version) {
        this(issueId, projectId, issueKey, projectKey, status, driverKey, approverKey, contributorKeys, informed, dueDate,
                null, outcome, domain, domainSetByHand, decidedAt, created, updated, version);
    }

    /** A decision whose domain, if any, was derived by the rules (not set by hand), without a review date. */
    public Decision(long issueId, long projectId, String issueKey, String projectKey, DecisionStatus status,
                    String driverKey, String approverKey, List<String> contributorKeys,
                    List<Principal> informed, LocalDate dueDate, String outcome, String domain,
                    Instant decidedAt, Instant created, Instant updated, int version) {
        this(issueId, projectId, issueKey, projectKey, status, driverKey, approverKey, contributorKeys, informed, dueDate,
                null, outcome, domain, false, decidedAt, created, updated, version);
    }

    /** The same decision in another domain (nothing else changes, not even the version). */
    public Decision withDomain(String newDomain, boolean setByHand) {
        return new Decision(issueId, projectId, issueKey, projectKey, status, driverKey, approverKey, contributorKeys,
                informed, dueDate, reviewDate, outcome, newDomain, setByHand, decidedAt, created, updated, version);
    }

    /** Open (OPEN or IN_PROGRESS) and due before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    /**
     * DECIDED and its review date is before {@code today} (strictly, like {@link #isOverdue}): the decision was made
     * and the day to look at it again has passed. A decision in any other status is never due for review.
     */
    public boolean isDueForReview(LocalDate today) {
        return status == DecisionStatus.DECIDED && reviewDate != null && reviewDate.isBefore(today);
    }
}
