package io.mandate.charter;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * One field of one change to a charter (table AO_xxxxxx_CHARTER_AUDIT): who (by user key), when, which team, the
 * field, before and after. Members are written as {@code userKey=role} lines, so a rename does not rewrite history.
 */
@Preload
@Table("CHARTER_AUDIT")
public interface CharterAuditEntity extends Entity {

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String authorKey);

    @NotNull
    @Indexed
    Date getChangedAt();
    void setChangedAt(Date changedAt);

    @NotNull
    @Indexed
    @StringLength(20)
    String getTeamKey();
    void setTeamKey(String teamKey);

    /** name, space, purpose, members or domains. */
    @NotNull
    @StringLength(20)
    String getField();
    void setField(String field);

    @StringLength(StringLength.UNLIMITED)
    String getBeforeValue();
    void setBeforeValue(String beforeValue);

    @StringLength(StringLength.UNLIMITED)
    String getAfterValue();
    void setAfterValue(String afterValue);
}
