package io.mandate.authority;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One cell of the authority matrix (table AO_xxxxxx_AUTH_GRANT; GRANT alone is an SQL keyword). Dates are
 * ISO {@code YYYY-MM-DD} strings: a grant's validity is a calendar date in the product's time zone, not an
 * instant, and ISO strings compare in date order on every database.
 */
@Preload
@Table("AUTH_GRANT")
public interface GrantEntity extends Entity {

    /** A domain's key never changes, so grants name it directly: a domain's grants are one indexed read. */
    @NotNull
    @Indexed
    @StringLength(20)
    String getDomainKey();
    void setDomainKey(String domainKey);

    /** USER or GROUP. */
    @NotNull
    @StringLength(10)
    String getHolderType();
    void setHolderType(String holderType);

    /** The user's key or the group's name. */
    @NotNull
    @Indexed
    String getHolder();
    void setHolder(String holder);

    /** 1 (TELL) to 7 (DELEGATE); LEVEL alone is reserved in some databases. */
    @NotNull
    int getGrantLevel();
    void setGrantLevel(int grantLevel);

    String getBackupKey();
    void setBackupKey(String backupKey);

    String getMenteeKey();
    void setMenteeKey(String menteeKey);

    @StringLength(10)
    String getValidFrom();
    void setValidFrom(String validFrom);

    @StringLength(10)
    String getValidTo();
    void setValidTo(String validTo);

    @StringLength(StringLength.UNLIMITED)
    String getNote();
    void setNote(String note);

    @NotNull
    int getVersion();
    void setVersion(int version);
}
