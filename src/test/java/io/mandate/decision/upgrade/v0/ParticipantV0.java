package io.mandate.decision.upgrade.v0;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * The participant table as model version 0 had it (git f736016^). Frozen: part of the model-0 schema
 * ({@link ModelV0}); never follow the live entity.
 */
@Preload
@Table("PARTICIPANT")
public interface ParticipantV0 extends Entity {

    @NotNull
    @Indexed
    int getDecisionId();
    void setDecisionId(int decisionId);

    @NotNull
    String getRole();
    void setRole(String role);

    @NotNull
    String getKind();
    void setKind(String kind);

    @NotNull
    @Indexed
    String getRef();
    void setRef(String ref);

    @NotNull
    int getPosition();
    void setPosition(int position);
}
