package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * One accepted write of a decision (table AO_xxxxxx_REVISION). Its unique key
 * "decision row id:version" is the optimistic lock the database enforces: of two writers that read
 * the same version, only one can insert the next revision; the other's whole transaction fails
 * and is reported as stale (409). Works alike on every database AO supports.
 */
@Table("REVISION")
public interface RevisionEntity extends Entity {

    @NotNull
    @Unique
    String getRevisionKey();
    void setRevisionKey(String revisionKey);

    @NotNull
    @Indexed
    int getDecisionId();
    void setDecisionId(int decisionId);

    @NotNull
    int getVersion();
    void setVersion(int version);

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String authorKey);

    @NotNull
    Date getChangedAt();
    void setChangedAt(Date changedAt);
}
