package io.mandate.charter;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One decision domain a team decides in (table AO_xxxxxx_CHARTER_DOMAIN), by key: the domains live in Jira, so this
 * is a reference the charter keeps, checked for its form only.
 */
@Preload
@Table("CHARTER_DOMAIN")
public interface CharterDomainEntity extends Entity {

    @NotNull
    @Indexed
    int getCharterId();
    void setCharterId(int charterId);

    @NotNull
    @StringLength(20)
    String getDomainKey();
    void setDomainKey(String domainKey);

    @NotNull
    int getPosition();
    void setPosition(int position);
}
