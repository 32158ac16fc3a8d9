package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The decision an issue carries, as stored (table AO_xxxxxx_DECISION). People are stored by their
 * stable user key, never by username, so renames do not break ownership. Contributors and
 * informed are rows of {@link ParticipantEntity}.
 */
@Preload
@Table("DECISION")
public interface DecisionEntity extends Entity {

    @NotNull
    @Unique
    long getIssueId();
    void setIssueId(long issueId);

    /**
     * The id of the issue's project, the filter of lists and JQL functions. Null only in rows written before
     * the column existed; those are resolved through the issue id (and filled on the next write or listing).
     */
    @Indexed
    Long getProjectId();
    void setProjectId(Long projectId);

    /** The key at the last write, for the audit trail; never used to find the issue (keys move and get reused). */
    @NotNull
    @Indexed
    String getIssueKey();
    void setIssueKey(String issueKey);

    /** The project key at the last write; display only, like {@link #getIssueKey()}. */
    @NotNull
    @Indexed
    String getProjectKey();
    void setProjectKey(String projectKey);

    /** The number in the issue key (DEMO-12 → 12), so lists sort DEMO-2 before DEMO-10. */
    @NotNull
    long getIssueNumber();
    void setIssueNumber(long issueNumber);

    @NotNull
    @Indexed
    String getStatus();
    void setStatus(String status);

    @Indexed
    String getDriverKey();
    void setDriverKey(String driverKey);

    @Indexed
    String getApproverKey();
    void setApproverKey(String approverKey);

    /** ISO date (YYYY-MM-DD): compares as text and carries no time zone to get wrong. */
    @Indexed
    @StringLength(10)
    String getDueDate();
    void setDueDate(String dueDate);

    /**
     * The day the decision should be reviewed again, ISO (YYYY-MM-DD) like {@link #getDueDate()}; null for none
     * (and in rows written before the column existed). Indexed for {@code decisionsDueForReview()} and the list filter.
     */
    @Indexed
    @StringLength(10)
    String getReviewDate();
    void setReviewDate(String reviewDate);

    @StringLength(StringLength.UNLIMITED)
    String getOutcome();
    void setOutcome(String outcome);

    /**
     * The decision's domain as of its last save: set by hand when {@link #getDomainByHand()} is true, else the one
     * the scope rules gave the issue then (null for none or a tie). What the list filter {@code domain=} and the
     * count of decisions in a domain read.
     */
    @Indexed
    String getDomainKey();
    void setDomainKey(String domainKey);

    /**
     * Whether the domain was set by hand. Null in rows written before the column existed: not by hand (those rows
     * could hold no domain, as none existed before the matrix).
     */
    Boolean getDomainByHand();
    void setDomainByHand(Boolean domainByHand);

    Date getDecidedAt();
    void setDecidedAt(Date decidedAt);

    @NotNull
    Date getCreatedAt();
    void setCreatedAt(Date createdAt);

    @NotNull
    Date getUpdatedAt();
    void setUpdatedAt(Date updatedAt);

    @NotNull
    int getVersion();
    void setVersion(int version);
}
