package io.mandate.charter;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A team charter (table AO_xxxxxx_CHARTER), in Confluence's database; its members and domains are
 * {@link CharterMemberEntity} and {@link CharterDomainEntity} rows.
 */
@Preload
@Table("CHARTER")
public interface CharterEntity extends Entity {

    /** 2–20 of A–Z 0–9 _ (REST contract). */
    @NotNull
    @Unique
    @StringLength(20)
    String getTeamKey();
    void setTeamKey(String teamKey);

    @NotNull
    String getName();
    void setName(String name);

    /** The key of the space the charter lives in: its permissions are the charter's. */
    @NotNull
    @Indexed
    String getSpaceKey();
    void setSpaceKey(String spaceKey);

    @StringLength(StringLength.UNLIMITED)
    String getPurpose();
    void setPurpose(String purpose);

    @NotNull
    int getVersion();
    void setVersion(int version);

    /**
     * Raised first thing by every write to the charter: the row lock this takes serialises the writers of one
     * charter on every database and node, so the version check made after it sees what is committed.
     */
    @NotNull
    int getWriteLock();
    void setWriteLock(int writeLock);
}
