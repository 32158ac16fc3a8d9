package io.mandate.accountability;

import io.mandate.decision.DecisionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the metrics need of one decision of the scope, one row of the streamed input. The caller has already
 * applied the scope (project / domains / group / all) and the caller's browse permission (issue security
 * included): every fact fed to the {@link AccountabilityAccumulator} counts.
 *
 * @param issueKey        the issue's key now, as the report lists it
 * @param projectKey      the issue's project key now: issue lists are sorted by it, then by {@code issueNumber}
 * @param issueNumber     the number in the issue key ({@code DEMO-12} → 12), so DEMO-9 sorts before DEMO-10
 * @param approverName    the approver's username; null when the decision has none
 * @param driverName      the driver's username or null; no metric uses it — it is here for the group scope
 *                        ("decisions whose approver or driver is a member of the group"), which the caller applies
 * @param created         when the decision was created (its first save; cycle time and the trend's month count from it)
 * @param decidedAt       when it became DECIDED; null otherwise
 * @param dueDate         the due date (a calendar day in the product's time zone) or null
 * @param domainKey       the decision's domain (set by hand, else the one the rules give the issue now) or null
 * @param violation       the decision has an authority violation (the approver may not approve in its domain)
 * @param consultationGap the decision has a consultation gap
 * @param reviewDate      the day the decision should be looked at again (a calendar day in the product's time zone)
 *                        or null
 */
public record DecisionFacts(String issueKey, String projectKey, long issueNumber, DecisionStatus status,
                            String approverName, String driverName, Instant created, Instant decidedAt,
                            LocalDate dueDate, String domainKey, boolean violation, boolean consultationGap,
                            LocalDate reviewDate) {

    public DecisionFacts {
        Objects.requireNonNull(issueKey, "issueKey");
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }

    /** A decision without a review date. */
    public DecisionFacts(String issueKey, String projectKey, long issueNumber, DecisionStatus status,
                         String approverName, String driverName, Instant created, Instant decidedAt,
                         LocalDate dueDate, String domainKey, boolean violation, boolean consultationGap) {
        this(issueKey, projectKey, issueNumber, status, approverName, driverName, created, decidedAt, dueDate, domainKey,
                violation, consultationGap, null);
    }

    /**
     * Issue 8, <b>due for review</b>: a DECIDED decision whose review date is before today (the host's time zone) —
     * the same rule as {@code Decision.isDueForReview}, the decision check and the JQL function
     * {@code decisionsDueForReview()}.
     */
    public boolean isDueForReview(LocalDate today) {
        return status == DecisionStatus.DECIDED && reviewDate != null && reviewDate.isBefore(today);
    }

    /** Product brief: "Open" = OPEN or IN_PROGRESS. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** Product brief, <b>overdue</b>: open decisions whose dueDate is before today (the host's time zone). */
    public boolean isOverdue(LocalDate today) {
        return isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    /** Product brief, <b>unowned</b>: open decisions with no approver. */
    public boolean isUnowned() {
        return isOpen() && approverName == null;
    }
}
