package io.mandate.authority;

import io.mandate.platform.Page;
import io.mandate.platform.PageRequest;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.JsonBody;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REST: {@code /rest/mandate/1.0/absences} — people's away periods, during which the backups of their grants
 * stand in. Everyone logged in reads; a person records and removes their own, an administrator anyone's.
 */
@Path("/absences")
@Produces(MediaType.APPLICATION_JSON)
public class AbsenceResource {

    private final AuthorityService authority;

    @Inject
    public AbsenceResource(AuthorityService authority) {
        this.authority = authority;
    }

    /**
     * {@code GET /absences?user=&from=&to=&startAt=&maxResults=}: the absences that share at least one day with
     * the window (either end open), of one user or everyone, earliest first; paged.
     */
    @GET
    public Page<AbsenceJson> list(@QueryParam("user") String user, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("startAt") String startAt,
                                  @QueryParam("maxResults") String maxResults) {
        authority.caller();
        Map<String, Message> errors = new LinkedHashMap<>();
        if (user != null && user.length() > JsonFields.MAX_NAME) {
            errors.put("user", Message.of("mandate.error.maxChars", JsonFields.MAX_NAME));
            user = null;
        }
        LocalDate fromDate = JsonFields.date("from", from, errors);
        LocalDate toDate = JsonFields.date("to", to, errors);
        PageRequest request = PageRequest.parse(startAt, maxResults, errors);
        AbsenceStore.Found found = authority.findAbsences(user, fromDate, toDate, request.startAt(),
                request.maxResults(), errors);
        return Page.of(request, found.total(), found.values().stream().map(a -> AbsenceJson.of(a, authority::person)).toList());
    }

    /** {@code {"user","from","to","note"}}; {@code user} defaults to the caller; 201 + Location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body,
                           @Context UriInfo uri) {
        authority.caller();
        Absence saved = authority.addAbsence(JsonBody.read(body, contentLength));
        return Response.created(uri.getBaseUriBuilder().path("absences").path(String.valueOf(saved.id())).build())
                .entity(AbsenceJson.of(saved, authority::person)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        authority.caller();
        if (id == null || !id.matches("[0-9]{1,9}")) {
            throw ApiException.notFound(Message.of("mandate.error.absence.notFound", GrantResource.shown(id)));
        }
        authority.deleteAbsence(Long.parseLong(id));
        return Response.noContent().build();
    }
}
