package io.mandate.charter;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** One member of a charter with their role (table AO_xxxxxx_CHARTER_MEMBER); people by user key, so renames do not break it. */
@Preload
@Table("CHARTER_MEMBER")
public interface CharterMemberEntity extends Entity {

    @NotNull
    @Indexed
    int getCharterId();
    void setCharterId(int charterId);

    @NotNull
    String getUserKey();
    void setUserKey(String userKey);

    /** Free text, e.g. "Tech lead"; null when none was given. */
    String getMemberRole();
    void setMemberRole(String memberRole);

    /** Keeps the order the members were given in. */
    @NotNull
    int getPosition();
    void setPosition(int position);
}
