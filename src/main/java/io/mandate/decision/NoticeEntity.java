package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A decision's people are still to be told of its new outcome (table AO_xxxxxx_NOTICE): written in the transaction of
 * the write that made the decision DECIDED or REVERSED, so a write that rolls back leaves none, and read by the
 * notification job, which turns it into one {@link MailEntity} per recipient and deletes it. It holds the decision as it
 * was at the write (outcome, approver, the people to tell), not a reference to what it is when the job runs. The people
 * are a short JSON document ({@link NoticeRows}): principals and user keys, never group members, so the row is the
 * same size for a group of one and a group of thousands.
 */
@Table("NOTICE")
public interface NoticeEntity extends Entity {

    @NotNull
    @Indexed
    long getIssueId();
    void setIssueId(long issueId);

    @NotNull
    String getIssueKey();
    void setIssueKey(String issueKey);

    @NotNull
    String getStatus();
    void setStatus(String status);

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String authorKey);

    String getApproverKey();
    void setApproverKey(String approverKey);

    @StringLength(StringLength.UNLIMITED)
    String getOutcome();
    void setOutcome(String outcome);

    /** {@code {"contributors":[key…],"informed":[{"type","id"}…],"alsoToNotify":[key…]}} */
    @StringLength(StringLength.UNLIMITED)
    String getPeople();
    void setPeople(String people);

    @NotNull
    int getDecisionVersion();
    void setDecisionVersion(int decisionVersion);

    @NotNull
    Date getQueuedAt();
    void setQueuedAt(Date queuedAt);

    @NotNull
    int getAttempts();
    void setAttempts(int attempts);

    /** When the job may try it (again); null once it has given up. */
    @Indexed
    Date getNextAttemptAt();
    void setNextAttemptAt(Date nextAttemptAt);

    String getLastError();
    void setLastError(String lastError);
}
