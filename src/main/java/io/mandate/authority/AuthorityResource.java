package io.mandate.authority;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * REST: {@code GET /rest/mandate/1.0/authority/{issueKey}} — the issue's domain (or the tie of domains) and who
 * holds which authority there today, for anyone who may browse the issue; 404 otherwise (an issue you cannot see
 * answers like one that does not exist). The facts are {@link IssueAuthority}'s, shared with the authority panel.
 */
@Path("/authority")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorityResource {

    private final AuthorityService authority;

    @Inject
    public AuthorityResource(AuthorityService authority) {
        this.authority = authority;
    }

    @GET
    @Path("{issueKey}")
    public IssueAuthorityJson get(@PathParam("issueKey") String issueKey) {
        return IssueAuthorityJson.of(IssueAuthority.of(authority.browsableIssue(issueKey), authority));
    }
}
