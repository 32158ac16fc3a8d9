package io.mandate.refhost.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.IssueLifecycle;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostProject;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writing calls of Jira's REST API the host answers, with Jira's paths, bodies and status codes:
 * <ul>
 *     <li>{@code POST /rest/api/2/issue} {@code {"fields":{"project":{"key"},"summary","issuetype":{"name"},"security":{"id"}}}} → 201 {@code {"id","key","self"}};</li>
 *     <li>{@code DELETE /rest/api/2/issue/{key}} → 204;</li>
 *     <li>{@code POST /rest/api/2/project} {@code {"key","name","lead"}} → 201 {@code {"self","id","key"}};</li>
 *     <li>{@code PUT /rest/api/2/project/{key}} {@code {"key","name"}} (only what is given changes) → 201 with the project;</li>
 *     <li>{@code DELETE /rest/api/2/project/{key}} → 204;</li>
 *     <li>{@code DELETE /rest/api/2/user?username=} → 204 (Jira administrators; 400 for a project's lead, 404 for no such
 *         user): the user is gone, their key is never given again ({@code WorldChanges#deleteUser});</li>
 *     <li>{@code DELETE /rest/api/2/group?groupname=} → 204 (Jira administrators; 404 for no such group).</li>
 * </ul>
 * Deactivating a user has no call in Jira's REST API (Jira's Edit user form does it); tests use
 * {@code WorldChanges#setUserActive}.
 * Errors in Jira's shape {@code {"errorMessages":[…],"errors":{field: message}}}: 400 invalid, 401 anonymous,
 * 403 not allowed, 404 not found or not visible. Checks and events: {@link IssueLifecycle}.
 */
final class JiraRestWrites {

    private static final int MAX_BODY = 64 * 1024;

    private final ProductNode node;

    JiraRestWrites(ProductNode node) {
        this.node = node;
    }

    void handle(String method, HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (user == null) {
            Json.write(response, 401, error("You are not logged in.", Map.of()));
            return;
        }
        IssueLifecycle lifecycle = node.jira().lifecycle();
        String ctx = request.getContextPath();
        try {
            if (method.equals("POST") && path.equals("/issue")) {
                JsonNode fields = body(request).path("fields");
                Long level = fields.path("security").hasNonNull("id") ? parseLong(fields.path("security").get("id").asText()) : null;
                HostIssue issue = lifecycle.createIssue(user, text(fields.path("project"), "key"), text(fields, "summary"),
                        text(fields.path("issuetype"), "name"), level);
                Json.write(response, 201, Map.of("id", String.valueOf(issue.id()), "key", issue.key(),
                        "self", ctx + "/rest/api/2/issue/" + issue.id()));
            } else if (method.equals("DELETE") && path.startsWith("/issue/")) {
                lifecycle.deleteIssue(user, path.substring("/issue/".length()));
                response.setStatus(204);
            } else if (method.equals("POST") && path.equals("/project")) {
                JsonNode body = body(request);
                HostProject project = lifecycle.createProject(user, text(body, "key"), text(body, "name"), text(body, "lead"));
                Json.write(response, 201, Map.of("self", ctx + "/rest/api/2/project/" + project.id(),
                        "id", project.id(), "key", project.key()));
            } else if (method.equals("PUT") && path.startsWith("/project/")) {
                JsonNode body = body(request);
                HostProject project = lifecycle.updateProject(user, path.substring("/project/".length()),
                        text(body, "key"), text(body, "name"));
                Json.write(response, 201, project(project, ctx));
            } else if (method.equals("DELETE") && path.startsWith("/project/")) {
                lifecycle.deleteProject(user, path.substring("/project/".length()));
                response.setStatus(204);
            } else if (method.equals("DELETE") && (path.equals("/user") || path.equals("/group"))) {
                boolean group = path.equals("/group");
                String name = request.getParameter(group ? "groupname" : "username");
                if (!node.world().isAdmin(user)) {
                    Json.write(response, 403, error("You do not have the permission to delete users and groups.", Map.of()));
                } else if (name == null || name.isBlank()) {
                    throw new BadRequest("The " + (group ? "groupname" : "username") + " parameter is required.");
                } else if (group ? !node.world().groupExists(name) : node.world().userByName(name).isEmpty()) {
                    Json.write(response, 404, error("No " + (group ? "group" : "user") + " " + name + ".", Map.of()));
                } else {
                    try {
                        if (group) {
                            node.world().changes().deleteGroup(name);
                        } else {
                            node.world().changes().deleteUser(name);
                        }
                        response.setStatus(204);
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest(e.getMessage().substring(e.getMessage().indexOf(':') + 1).trim());
                    }
                }
            } else {
                Json.write(response, 404, error("No such resource.", Map.of()));
            }
        } catch (IssueLifecycle.Refused e) {
            Json.write(response, e.status(), e.field() == null ? error(e.getMessage(), Map.of())
                    : error(null, Map.of(e.field(), e.getMessage())));
        } catch (BadRequest e) {
            Json.write(response, 400, error(e.getMessage(), Map.of()));
        }
    }

    static Map<String, Object> project(HostProject p, String ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("self", ctx + "/rest/api/2/project/" + p.id());
        body.put("id", String.valueOf(p.id()));
        body.put("key", p.key());
        body.put("name", p.name());
        body.put("lead", Map.of("name", p.lead()));
        return body;
    }

    private static Map<String, Object> error(String message, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessages", message == null ? List.of() : List.of(message));
        body.put("errors", errors);
        return body;
    }

    /** The JSON body, read with a bound so a huge body cannot exhaust the heap. */
    private static JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new BadRequest("The request body is too large.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new BadRequest("The request body must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("The request body is not valid JSON.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long parseLong(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("Security level id must be a number.");
        }
    }

    /** Malformed input, before any rule is checked. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
