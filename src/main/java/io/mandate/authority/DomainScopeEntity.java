package io.mandate.authority;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** One value of one dimension of a domain's scope (table AO_xxxxxx_DOMAIN_SCOPE). */
@Preload
@Table("DOMAIN_SCOPE")
public interface DomainScopeEntity extends Entity {

    @NotNull
    @Indexed
    int getDomainId();
    void setDomainId(int domainId);

    /** PROJECT, ISSUE_TYPE, COMPONENT, LABEL or SPACE. */
    @NotNull
    String getDimension();
    void setDimension(String dimension);

    @NotNull
    String getScopeValue();
    void setScopeValue(String scopeValue);

    /** Keeps the order the values were given in. */
    @NotNull
    int getPosition();
    void setPosition(int position);
}
