package io.mandate.refhost.web;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.plugins.rest.api.security.annotation.SystemAdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

/** Platform 7's REST access rules as the reference host reads them from a resource. */
public class RestAccessFilterTest {

    static class Unannotated {
        public void get() {
        }
    }

    @AdminOnly
    static class AdminResource {
        public void get() {
        }

        @UnrestrictedAccess
        public void health() {
        }

        @SystemAdminOnly
        public void purge() {
        }
    }

    private static Class<?> rule(Class<?> type, String method) throws Exception {
        return RestAccessFilter.rule(type.getMethod(method), type);
    }

    @Test
    public void anUnannotatedResourceIsForLicensedUsers() throws Exception {
        assertEquals(LicensedOnly.class, rule(Unannotated.class, "get"));
    }

    @Test
    public void theClassAnnotationAppliesToItsMethods() throws Exception {
        assertEquals(AdminOnly.class, rule(AdminResource.class, "get"));
    }

    @Test
    public void aMethodAnnotationWinsOverTheClassAnnotation() throws Exception {
        assertEquals(UnrestrictedAccess.class, rule(AdminResource.class, "health"));
        assertEquals(SystemAdminOnly.class, rule(AdminResource.class, "purge"));
    }
}
