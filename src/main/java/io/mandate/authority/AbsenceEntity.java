package io.mandate.authority;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** A person's away period (table AO_xxxxxx_ABSENCE); days inclusive, ISO dates in the product's time zone. */
@Preload
@Table("ABSENCE")
public interface AbsenceEntity extends Entity {

    @NotNull
    @Indexed
    String getUserKey();
    void setUserKey(String userKey);

    @NotNull
    @StringLength(10)
    String getFromDate();
    void setFromDate(String fromDate);

    @NotNull
    @StringLength(10)
    String getToDate();
    void setToDate(String toDate);

    @StringLength(StringLength.UNLIMITED)
    String getNote();
    void setNote(String note);
}
