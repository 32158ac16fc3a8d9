package io.mandate.decision;

import io.mandate.platform.IssueRef;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.JsonBody;

import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * REST: {@code /rest/mandate/1.0/decisions/{issueKey}} (REST contract, "Jira side"). No access
 * annotation, so Platform 7 admits licensed (logged-in) users only; the issue permissions are
 * checked per call by {@link DecisionService}.
 */
@Path("/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;

    @Inject
    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** {@code GET /decisions?project=&domain=&approver=&driver=&status=&overdue=true&startAt=&maxResults=}. */
    @GET
    public PageJson<DecisionJson> list(@QueryParam("project") String project, @QueryParam("domain") String domain,
                                       @QueryParam("approver") String approver, @QueryParam("driver") String driver,
                                       @QueryParam("status") String status, @QueryParam("overdue") String overdue,
                                       @QueryParam("startAt") String startAt, @QueryParam("maxResults") String maxResults) {
        DecisionPage page = decisions.list(new DecisionService.ListFilter(project, domain, approver, driver, status,
                overdue, startAt, maxResults));
        java.time.LocalDate today = decisions.today();
        List<DecisionJson> values = page.values().stream()
                .map(d -> decisions.issueOf(d).map(issue -> DecisionJson.of(d, issue, decisions::person, today,
                        decisions.checks(d, issue))))
                .flatMap(java.util.Optional::stream)
                .toList();
        return new PageJson<>(page.startAt(), page.maxResults(), page.total(), values);
    }

    /** The contract's page shape: {"startAt","maxResults","total","values"}. */
    public record PageJson<T>(int startAt, int maxResults, int total, List<T> values) {
    }

    @GET
    @Path("{issueKey}")
    public DecisionJson get(@PathParam("issueKey") String issueKey) {
        IssueRef issue = decisions.browsableIssue(issueKey);
        Decision decision = decisions.find(issue)
                .orElseThrow(() -> ApiException.notFound(io.mandate.platform.rest.Message.of("mandate.error.decision.none", issue.key())));
        return DecisionJson.of(decision, issue, decisions::person, decisions.today(), decisions.checks(decision, issue));
    }

    /**
     * The body is taken as bytes and read as UTF-8, the only encoding of JSON (RFC 8259; the
     * contract says UTF-8): a {@code charset} parameter is ignored, as RFC 8259 tells recipients to,
     * so an unknown one ({@code charset=nope}) cannot make the host's String reader fail with a 500.
     */
    @PUT
    @Path("{issueKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionJson put(@PathParam("issueKey") String issueKey, byte[] body) {
        Decision saved = decisions.put(issueKey, JsonBody.parseObject(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        IssueRef issue = decisions.browsableIssue(issueKey);
        return DecisionJson.of(saved, issue, decisions::person, decisions.today(), decisions.checks(saved, issue));
    }

    @DELETE
    @Path("{issueKey}")
    public Response delete(@PathParam("issueKey") String issueKey, @QueryParam("version") String version) {
        Integer expected = null;
        if (version != null) {
            // ASCII digits only (Integer.valueOf would also read other scripts' digits), within int range
            if (!version.matches("[0-9]{1,10}") || Long.parseLong(version) > Integer.MAX_VALUE) {
                throw ApiException.invalid("version", io.mandate.platform.rest.Message.of("mandate.error.version.format"));
            }
            expected = Integer.valueOf(version);
        }
        decisions.delete(issueKey, expected);
        return Response.noContent().build();
    }

    /** Newest first; people as they are called now (stored by key, see {@link AuditEntryJson}). */
    @GET
    @Path("{issueKey}/history")
    public List<AuditEntryJson> history(@PathParam("issueKey") String issueKey) {
        return decisions.history(issueKey).stream().map(e -> AuditEntryJson.of(e, decisions::person)).toList();
    }
}
