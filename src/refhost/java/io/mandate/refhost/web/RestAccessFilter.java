package io.mandate.refhost.web;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.plugins.rest.api.security.annotation.SystemAdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Platform 7's REST access rules: the method's annotation wins over the class's; no annotation
 * means {@code @LicensedOnly} (logged-in, licensed users). Anonymous → 401, not allowed → 403.
 */
public final class RestAccessFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    private final World world;

    public RestAccessFilter(World world) {
        this.world = world;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Class<? extends Annotation> rule = rule(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (rule == UnrestrictedAccess.class || rule == AnonymousSiteAccess.class) {
            return; // this host never enables anonymous site access, but these rules need no login
        }
        String user = RequestContext.current().username();
        if (user == null) {
            request.abortWith(error(401, "You are not logged in."));
            return;
        }
        boolean licensed = world.userByName(user).map(HostUser::active).orElse(false);
        if (!licensed) {
            request.abortWith(error(403, "You do not have a licence for this product."));
        } else if (rule == AdminOnly.class && !world.isAdmin(user)) {
            request.abortWith(error(403, "Administrators only."));
        } else if (rule == SystemAdminOnly.class && !world.isSystemAdmin(user)) {
            request.abortWith(error(403, "System administrators only."));
        }
    }

    static Class<? extends Annotation> rule(Method method, Class<?> type) {
        for (java.lang.reflect.AnnotatedElement element : new java.lang.reflect.AnnotatedElement[]{method, type}) {
            if (element == null) {
                continue;
            }
            for (Class<? extends Annotation> a : java.util.List.of(UnrestrictedAccess.class, AnonymousSiteAccess.class,
                    LicensedOnly.class, AdminOnly.class, SystemAdminOnly.class)) {
                if (element.isAnnotationPresent(a)) {
                    return a;
                }
            }
        }
        return LicensedOnly.class;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("message", message, "errors", Map.of())).build();
    }
}
