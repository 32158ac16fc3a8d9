package io.mandate.refhost.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.IssueLifecycle;
import io.mandate.refhost.world.HostIssue;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * REFERENCE-HOST ONLY — not a Jira API. Jira moves issues only through its "Move" wizard, it has no REST call
 * for it; tests and scripts move an issue here with {@code POST /rest/refhost/1.0/issue/{key}/move}
 * {@code {"project":"KEY"}} → 200 {@code {"id","key"}}, under the same checks and with the same
 * {@code ISSUE_MOVED} event as the host's Move page ({@link IssueLifecycle#moveIssue}).
 */
public final class RefhostMoveServlet extends HttpServlet {

    private final ProductNode node;

    public RefhostMoveServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (user == null) {
            Json.write(response, 401, Map.of("errorMessages", List.of("You are not logged in."), "errors", Map.of()));
            return;
        }
        if (!path.startsWith("/") || !path.endsWith("/move") || path.length() <= "//move".length()) {
            Json.write(response, 404, Map.of("errorMessages", List.of("No such resource."), "errors", Map.of()));
            return;
        }
        String key = path.substring(1, path.length() - "/move".length());
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.getInputStream().readNBytes(64 * 1024));
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("project").isTextual()) {
            Json.write(response, 400, Map.of("errorMessages", List.of(), "errors", Map.of("project", "The target project key is required.")));
            return;
        }
        try {
            HostIssue moved = node.jira().lifecycle().moveIssue(user, key, body.get("project").asText());
            Json.write(response, 200, Map.of("id", String.valueOf(moved.id()), "key", moved.key()));
        } catch (IssueLifecycle.Refused e) {
            Json.write(response, e.status(), Map.of("errorMessages", e.field() == null ? List.of(e.getMessage()) : List.of(),
                    "errors", e.field() == null ? Map.of() : Map.of(e.field(), e.getMessage())));
        }
    }
}
