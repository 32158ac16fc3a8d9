package io.mandate.decision;

import io.mandate.platform.IssueRef;
import io.mandate.platform.Page;
import io.mandate.platform.Person;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.JsonBody;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /** {@code GET /decisions?project=&domain=&approver=&driver=&status=&overdue=true&dueForReview=true&startAt=&maxResults=}. */
    @GET
    public Page<DecisionJson> list(@QueryParam("project") String project, @QueryParam("domain") String domain,
                                       @QueryParam("approver") String approver, @QueryParam("driver") String driver,
                                       @QueryParam("status") String status, @QueryParam("overdue") String overdue,
                                       @QueryParam("dueForReview") String dueForReview,
                                       @QueryParam("startAt") String startAt, @QueryParam("maxResults") String maxResults) {
        Page<DecisionService.Listed> page = decisions.listWithIssues(new DecisionService.ListFilter(project, domain,
                approver, driver, status, overdue, dueForReview, startAt, maxResults));
        java.time.LocalDate today = decisions.today();
        // the issues were judged for this caller by the list a moment ago (in bulk): not looked up again per row;
        // each person once per request, however many rows name them
        Function<String, Optional<Person>> person = once(decisions::person);
        List<DecisionJson> values = page.values().stream()
                .map(l -> json(decisions.withCurrentDomain(l.decision(), l.issue()), l.issue(), today, person))
                .toList();
        return page.withValues(values);
    }

    /** The decision in its current domain with the matrix's checks: from caches, no statement per decision. */
    private DecisionJson json(Decision current, IssueRef issue, java.time.LocalDate today) {
        return json(current, issue, today, once(decisions::person));
    }

    private DecisionJson json(Decision current, IssueRef issue, java.time.LocalDate today, Function<String, Optional<Person>> person) {
        return DecisionJson.of(current, issue, person, today, decisions.checks(current, issue));
    }

    /** A lookup that asks once per key for this request only (nothing kept beyond it: no state in the JVM between requests). */
    static <T> Function<String, T> once(Function<String, T> lookup) {
        Map<String, T> seen = new HashMap<>();
        return key -> {
            T known = seen.get(key);
            if (known == null && !seen.containsKey(key)) {
                known = lookup.apply(key);
                seen.put(key, known);
            }
            return known;
        };
    }

    @GET
    @Path("{issueKey}")
    public DecisionJson get(@PathParam("issueKey") String issueKey) {
        IssueRef issue = decisions.browsableIssue(issueKey);
        Decision decision = decisions.find(issue)
                .orElseThrow(() -> ApiException.notFound(io.mandate.platform.rest.Message.of("mandate.error.decision.none", issue.key())));
        return json(decision, issue, decisions.today());
    }

    /**
     * The body is taken as the raw stream and read by {@link JsonBody}: the size limit holds while
     * reading (a declared Content-Length over it is refused before anything is read), and it is
     * decoded as strict UTF-8 whatever {@code charset} is named, as RFC 8259 tells recipients to.
     */
    @PUT
    @Path("{issueKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionJson put(@PathParam("issueKey") String issueKey,
                            @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body) {
        com.fasterxml.jackson.databind.node.ObjectNode json = JsonBody.read(body, contentLength); // 413 before anything else
        // once: the write, its permission checks and the answer use the same lookup
        io.mandate.platform.IssueAccess.Editable editable = decisions.editableIssue(issueKey);
        IssueRef issue = editable.issue();
        Decision saved = decisions.put(editable, json);
        // a save that changed nothing returns the stored decision: show its domain as the rules give it now
        return json(decisions.withCurrentDomain(saved, issue), issue, decisions.today());
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
        Function<String, Optional<Person>> person = once(decisions::person);
        return decisions.history(issueKey).stream().map(e -> AuditEntryJson.of(e, person)).toList();
    }
}
