package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.world.HostIssue;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jira's own REST resources {@code GET /rest/api/2/myself} and {@code GET /rest/api/2/issue/{key}}, served through
 * Jersey as Jira serves its REST API (Atlassian REST on Jersey, JSON by Jackson) — so a plugin's resource and the
 * host's are measured through the same stack (issue 10: "/myself" is the benchmark's baseline). Same paths, statuses
 * and shapes as before; the other calls of {@code /rest/api/2} stay with {@link JiraRestApiServlet}.
 */
@Path("/")
public final class JiraRestResource {

    private static final String JSON = "application/json;charset=UTF-8";

    private final ProductNode node;
    private final JiraRestApiServlet shapes;

    JiraRestResource(ProductNode node, JiraRestApiServlet shapes) {
        this.node = node;
        this.shapes = shapes;
    }

    /** The Jersey application of these resources, mounted by {@link JiraRestApiServlet} at {@code /rest/api/2/*}. */
    static ServletContainer container(ProductNode node, JiraRestApiServlet shapes) {
        ResourceConfig config = new ResourceConfig();
        config.register(new JiraRestResource(node, shapes));
        config.register(JacksonFeature.class);
        config.register(new PluginRest.UnexpectedErrorMapper());
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        return new ServletContainer(config);
    }

    @GET
    @Path("myself")
    public Response myself() {
        String user = RequestContext.current().username();
        if (user == null) {
            return notLoggedIn();
        }
        return Response.ok(shapes.user(node.world().userByName(user).orElseThrow()), JSON).build();
    }

    @GET
    @Path("issue/{key}")
    public Response issue(@PathParam("key") String key, @Context HttpServletRequest request) {
        String user = RequestContext.current().username();
        if (user == null) {
            return notLoggedIn();
        }
        Optional<HostIssue> issue = node.world().issue(key).filter(i -> node.world().canBrowseIssue(user, i));
        if (issue.isEmpty()) {
            return Response.status(404).type(JSON).entity(Map.of("errorMessages",
                    List.of("Issue does not exist or you do not have permission to see it."), "errors", Map.of())).build();
        }
        return Response.ok(shapes.issue(issue.get(), request), JSON).build();
    }

    private static Response notLoggedIn() {
        return Response.status(401).type(JSON).entity(Map.of("message", "You are not logged in.", "errors", Map.of())).build();
    }
}
