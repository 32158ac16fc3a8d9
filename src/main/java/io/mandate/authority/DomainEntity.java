package io.mandate.authority;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** A decision domain (table AO_xxxxxx_DOMAIN); its scope rules are {@link DomainScopeEntity} rows. */
@Preload
@Table("DOMAIN")
public interface DomainEntity extends Entity {

    /** 2–20 of A–Z 0–9 _, starting with a letter (REST contract). */
    @NotNull
    @Unique
    @StringLength(20)
    String getDomainKey();
    void setDomainKey(String domainKey);

    @NotNull
    String getName();
    void setName(String name);

    @StringLength(StringLength.UNLIMITED)
    String getDescription();
    void setDescription(String description);

    @NotNull
    int getVersion();
    void setVersion(int version);

    /**
     * Raised by every write to the domain's grants, first thing in its transaction: the row lock this takes
     * serialises the writers of one domain's grants on every database and cluster node, so a grant edit and a
     * CSV import of the same domain never interleave, and a version check made after it is sound. It is the lock, not
     * a count: under Jira's READ COMMITTED transactions a writer that queued for the lock writes the value it read
     * before it queued, plus one, so the value may count fewer writes than were made (ConcurrentGrantEditsTest);
     * nothing reads it.
     */
    @NotNull
    int getGrantsRevision();
    void setGrantsRevision(int grantsRevision);
}
