package io.mandate.authority;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * One field of one change to the authority matrix or to absences (table AO_xxxxxx_MATRIX_AUDIT): who,
 * when, what (object type and id), before and after. People are stored by user key.
 */
@Preload
@Table("MATRIX_AUDIT")
public interface MatrixAuditEntity extends Entity {

    @NotNull
    String getAuthorKey();
    void setAuthorKey(String authorKey);

    @NotNull
    @Indexed
    Date getChangedAt();
    void setChangedAt(Date changedAt);

    /** domain, grant or absence. */
    @NotNull
    @StringLength(20)
    String getObjectType();
    void setObjectType(String objectType);

    /** The domain key, grant id or absence id. */
    @NotNull
    @Indexed
    String getObjectId();
    void setObjectId(String objectId);

    /** The domain key the change belongs to (for a domain's history); null for absences. */
    @Indexed
    @StringLength(20)
    String getDomainKey();
    void setDomainKey(String domainKey);

    @NotNull
    @StringLength(40)
    String getField();
    void setField(String field);

    @StringLength(StringLength.UNLIMITED)
    String getBeforeValue();
    void setBeforeValue(String beforeValue);

    @StringLength(StringLength.UNLIMITED)
    String getAfterValue();
    void setAfterValue(String afterValue);
}
