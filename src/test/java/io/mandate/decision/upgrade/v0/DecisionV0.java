package io.mandate.decision.upgrade.v0;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The decision table as model version 0 had it (git f736016^, before PROJECT_ID, REVIEW_DATE and DOMAIN_BY_HAND).
 * Frozen: part of the model-0 schema ({@link ModelV0}); never follow the live entity.
 */
@Preload
@Table("DECISION")
public interface DecisionV0 extends Entity {

    @NotNull
    @Unique
    long getIssueId();
    void setIssueId(long issueId);

    @NotNull
    @Indexed
    String getIssueKey();
    void setIssueKey(String issueKey);

    @NotNull
    @Indexed
    String getProjectKey();
    void setProjectKey(String projectKey);

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

    @Indexed
    @StringLength(10)
    String getDueDate();
    void setDueDate(String dueDate);

    @StringLength(StringLength.UNLIMITED)
    String getOutcome();
    void setOutcome(String outcome);

    @Indexed
    String getDomainKey();
    void setDomainKey(String domainKey);

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
