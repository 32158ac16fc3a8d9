package io.mandate.decision.upgrade.v0;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The revision table as model version 0 had it (git f736016^). Frozen: part of the model-0 schema
 * ({@link ModelV0}); never follow the live entity.
 */
@Table("REVISION")
public interface RevisionV0 extends Entity {

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
