package io.mandate.authority;

import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.JsonBody;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;

/**
 * REST: {@code /rest/mandate/1.0/grants/{grantId}} — one grant (REST contract). GET for everyone logged in;
 * PUT and DELETE for Jira administrators and the administrators of every project in the grant's domain's scope.
 * An id that is not a whole number (ASCII digits, at most 18) names no grant: 404, like an unknown one.
 */
@Path("/grants")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {

    private final AuthorityService authority;

    @Inject
    public GrantResource(AuthorityService authority) {
        this.authority = authority;
    }

    @GET
    @Path("{grantId}")
    public GrantJson get(@PathParam("grantId") String grantId) {
        return GrantJson.of(authority.requireGrant(id(grantId)), authority::person);
    }

    /** Replaces the grant; {@code version} required (409 when stale); the domain stays the grant's. */
    @PUT
    @Path("{grantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GrantJson update(@PathParam("grantId") String grantId,
                            @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body) {
        long id = id(grantId);
        authority.requireGrant(id);
        return GrantJson.of(authority.updateGrant(id, JsonBody.read(body, contentLength)), authority::person);
    }

    @DELETE
    @Path("{grantId}")
    public Response delete(@PathParam("grantId") String grantId) {
        authority.deleteGrant(id(grantId));
        return Response.noContent().build();
    }

    /** The id of the path, for a logged-in caller (401 first); 404 when it cannot be an id. */
    private long id(String grantId) {
        authority.caller();
        if (grantId == null || !grantId.matches("[0-9]{1,9}")) {
            throw ApiException.notFound(Message.of("mandate.error.grant.notFound", shown(grantId)));
        }
        return Long.parseLong(grantId);
    }

    /** At most 40 characters of what the caller sent, for the message. */
    static String shown(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
