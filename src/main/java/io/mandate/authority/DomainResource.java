package io.mandate.authority;

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
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST: {@code /rest/mandate/1.0/domains} — decision domains, their grants and their audit trail (REST contract,
 * "Jira side"). No access annotation: Platform 7 admits logged-in users only; who may change what is decided
 * per call by {@link AuthorityService} (Jira administrators every domain, a project administrator a domain whose
 * scope names only projects they administer). Lists are paged like every list of the API.
 */
@Path("/domains")
@Produces(MediaType.APPLICATION_JSON)
public class DomainResource {

    private final AuthorityService authority;

    @Inject
    public DomainResource(AuthorityService authority) {
        this.authority = authority;
    }

    /** {@code GET /domains?startAt=&maxResults=}: every domain, by key. */
    @GET
    public Page<DomainJson> list(@QueryParam("startAt") String startAt, @QueryParam("maxResults") String maxResults) {
        authority.caller();
        return page(authority.domains().stream().map(DomainJson::of).toList(), startAt, maxResults);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body,
                           @Context UriInfo uri) {
        authority.caller();
        Domain created = authority.createDomain(JsonBody.read(body, contentLength));
        return Response.created(uri.getBaseUriBuilder().path("domains").path(created.key()).build())
                .entity(DomainJson.of(created)).build();
    }

    @GET
    @Path("{domainKey}")
    public DomainJson get(@PathParam("domainKey") String domainKey) {
        return DomainJson.of(authority.requireDomain(domainKey));
    }

    /** Replaces name, description and scope; {@code version} required (409 when stale). */
    @PUT
    @Path("{domainKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DomainJson update(@PathParam("domainKey") String domainKey,
                             @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body) {
        authority.requireDomain(domainKey);
        return DomainJson.of(authority.updateDomain(domainKey, JsonBody.read(body, contentLength)));
    }

    /** 204; 409 naming how many decisions are recorded in the domain. */
    @DELETE
    @Path("{domainKey}")
    public Response delete(@PathParam("domainKey") String domainKey) {
        authority.deleteDomain(domainKey);
        return Response.noContent().build();
    }

    /** The changes to the domain and its grants, newest first (at most 500). */
    @GET
    @Path("{domainKey}/history")
    public List<MatrixChangeJson> history(@PathParam("domainKey") String domainKey) {
        return authority.history(domainKey).stream().map(c -> MatrixChangeJson.of(c, authority::person)).toList();
    }

    /** {@code GET /domains/{domainKey}/grants?startAt=&maxResults=}: strongest first, then by id. */
    @GET
    @Path("{domainKey}/grants")
    public Page<GrantJson> grants(@PathParam("domainKey") String domainKey, @QueryParam("startAt") String startAt,
                                  @QueryParam("maxResults") String maxResults) {
        Domain domain = authority.requireDomain(domainKey);
        List<Grant> grants = authority.grants(domain.key()).stream()
                .sorted(java.util.Comparator.comparing(Grant::level).reversed().thenComparingLong(Grant::id)).toList();
        Page<Grant> page = page(grants, startAt, maxResults);
        return page.withValues(page.values().stream().map(g -> GrantJson.of(g, authority::person)).toList());
    }

    @POST
    @Path("{domainKey}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addGrant(@PathParam("domainKey") String domainKey,
                             @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body,
                             @Context UriInfo uri) {
        authority.requireDomain(domainKey);
        Grant saved = authority.addGrant(domainKey, JsonBody.read(body, contentLength));
        return Response.created(uri.getBaseUriBuilder().path("grants").path(String.valueOf(saved.id())).build())
                .entity(GrantJson.of(saved, authority::person)).build();
    }

    // ---- paging over an in-memory list (the matrix's lists come from the cluster caches) --------------------

    private static PageRequest request(String startAt, String maxResults) {
        Map<String, Message> errors = new LinkedHashMap<>();
        PageRequest request = PageRequest.parse(startAt, maxResults, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return request;
    }

    static <T> Page<T> page(List<T> all, String startAt, String maxResults) {
        PageRequest request = request(startAt, maxResults);
        return Page.of(request, all.size(), slice(all, request));
    }

    private static <T> List<T> slice(List<T> all, PageRequest request) {
        if (request.countOnly() || request.startAt() >= all.size()) {
            return List.of();
        }
        return all.subList(request.startAt(), Math.min(all.size(), request.startAt() + request.maxResults()));
    }
}
