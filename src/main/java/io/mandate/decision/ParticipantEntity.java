package io.mandate.decision;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** A contributor or an informed user or group of one decision (table AO_xxxxxx_PARTICIPANT). */
@Preload
@Table("PARTICIPANT")
public interface ParticipantEntity extends Entity {

    @NotNull
    @Indexed
    int getDecisionId();
    void setDecisionId(int decisionId);

    /** CONTRIBUTOR or INFORMED. */
    @NotNull
    String getRole();
    void setRole(String role);

    /** USER (ref = user key) or GROUP (ref = group name). */
    @NotNull
    String getKind();
    void setKind(String kind);

    @NotNull
    @Indexed
    String getRef();
    void setRef(String ref);

    /** Keeps the order people were listed in. */
    @NotNull
    int getPosition();
    void setPosition(int position);
}
