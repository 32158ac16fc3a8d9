package io.mandate.charter;

import io.mandate.platform.Page;
import io.mandate.platform.PageRequest;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST in Confluence: {@code /rest/mandate/1.0/charters} — team charters (REST contract, "Confluence side"). No
 * access annotation: Platform 7 admits logged-in users only; the space each charter lives in decides the rest
 * ({@link CharterService}).
 */
@Path("/charters")
@Produces(MediaType.APPLICATION_JSON)
public class CharterResource {

    private final CharterService charters;

    @Inject
    public CharterResource(CharterService charters) {
        this.charters = charters;
    }

    /** {@code GET /charters?space=&startAt=&maxResults=}: the charters the caller may see, by team key. */
    @GET
    public Page<CharterJson> list(@QueryParam("space") String space, @QueryParam("startAt") String startAt,
                                  @QueryParam("maxResults") String maxResults) {
        charters.caller();
        Map<String, Message> errors = new LinkedHashMap<>();
        PageRequest request = PageRequest.parse(startAt, maxResults, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<Charter> all = charters.list(space);
        List<Charter> slice = request.countOnly() || request.startAt() >= all.size() ? List.of()
                : all.subList(request.startAt(), Math.min(all.size(), request.startAt() + request.maxResults()));
        return Page.of(request, all.size(), slice.stream().map(this::json).toList());
    }

    @GET
    @Path("{teamKey}")
    public CharterJson get(@PathParam("teamKey") String teamKey) {
        return json(charters.require(teamKey));
    }

    /** Creates or replaces; {@code version} required when replacing (409 when stale). */
    @PUT
    @Path("{teamKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CharterJson put(@PathParam("teamKey") String teamKey,
                           @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body) {
        charters.caller();
        return json(charters.put(teamKey, JsonBody.read(body, contentLength)));
    }

    /** Removes the charter (audited); 204. With {@code ?version=} only that version (409 when stale). */
    @DELETE
    @Path("{teamKey}")
    public Response delete(@PathParam("teamKey") String teamKey, @QueryParam("version") String version) {
        charters.delete(teamKey, version);
        return Response.noContent().build();
    }

    private CharterJson json(Charter c) {
        return CharterJson.of(c, charters::nameOf);
    }
}
