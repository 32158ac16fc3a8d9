package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.CustomFields;
import io.mandate.refhost.jira.JqlSupport;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostUser;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few Jira REST calls scripts and tests need, with Jira's paths and shapes:
 * {@code GET /rest/api/2/myself}, {@code /issue/{key}}, {@code /search?jql=…} (the JQL subset of
 * {@link JqlSupport}, including the plugin's JQL functions and custom fields); the writing calls are {@link JiraRestWrites}.
 * {@code GET /myself} and {@code GET /issue/{key}} go through Jersey ({@link JiraRestResource}), as in Jira.
 */
public final class JiraRestApiServlet extends HttpServlet {

    private final ProductNode node;
    private final CustomFields customFields;
    private final JqlSupport jqlSupport;
    private final JiraRestWrites writes;

    /** {@code GET /myself} and {@code GET /issue/{key}}: Jersey, as in Jira ({@link JiraRestResource}). */
    private final org.glassfish.jersey.servlet.ServletContainer jersey;

    public JiraRestApiServlet(ProductNode node) {
        this.node = node;
        this.customFields = new CustomFields(node);
        this.jqlSupport = new JqlSupport(node, customFields);
        this.writes = new JiraRestWrites(node);
        this.jersey = JiraRestResource.container(node, this);
    }

    @Override
    public void init(javax.servlet.ServletConfig config) throws javax.servlet.ServletException {
        super.init(config);
        jersey.init(config);
    }

    @Override
    public void destroy() {
        jersey.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws javax.servlet.ServletException, IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if ("GET".equals(request.getMethod()) && (path.equals("/myself")
                || (path.startsWith("/issue/") && path.indexOf('/', "/issue/".length()) < 0))) {
            jersey.service(request, response);
        } else {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (user == null) {
            Json.error(response, 401, "You are not logged in.");
            return;
        }
        if (path.equals("/myself")) {
            Json.write(response, 200, user(node.world().userByName(user).orElseThrow()));
        } else if (path.startsWith("/issue/")) {
            String key = path.substring("/issue/".length());
            var issue = node.world().issue(key)
                    .filter(i -> node.world().canBrowseIssue(user, i));
            if (issue.isEmpty()) {
                Json.write(response, 404, Map.of("errorMessages", List.of("Issue does not exist or you do not have permission to see it."), "errors", Map.of()));
            } else {
                Json.write(response, 200, issue(issue.get(), request));
            }
        } else if (path.equals("/search")) {
            search(request, response, user);
        } else {
            Json.write(response, 404, Map.of("errorMessages", List.of("No such resource."), "errors", Map.of()));
        }
    }

    /** Creating and deleting issues and projects, updating projects: {@link JiraRestWrites}. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writes.handle("POST", request, response, RequestContext.current().username());
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writes.handle("PUT", request, response, RequestContext.current().username());
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writes.handle("DELETE", request, response, RequestContext.current().username());
    }

    private void search(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        String jql = request.getParameter("jql") == null ? "" : request.getParameter("jql");
        int startAt = intParam(request, "startAt", 0);
        int maxResults = Math.min(intParam(request, "maxResults", 50), 1000);
        List<HostIssue> all;
        try {
            all = jqlSupport.search(jql, user);
        } catch (JqlSupport.JqlException e) {
            Json.write(response, 400, Map.of("errorMessages", e.messages(), "errors", Map.of()));
            return;
        }
        List<Object> page = new ArrayList<>();
        for (int i = startAt; i < Math.min(all.size(), startAt + maxResults); i++) {
            page.add(issue(all.get(i), request));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startAt", startAt);
        body.put("maxResults", maxResults);
        body.put("total", all.size());
        body.put("issues", page);
        Json.write(response, 200, body);
    }

    private static int intParam(HttpServletRequest request, String name, int fallback) {
        try {
            return request.getParameter(name) == null ? fallback : Math.max(0, Integer.parseInt(request.getParameter(name)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    Map<String, Object> issue(HostIssue i, HttpServletRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("summary", i.summary());
        fields.put("description", i.description());
        fields.put("issuetype", Map.of("name", i.issueType()));
        fields.put("project", Map.of("key", i.projectKey()));
        fields.put("status", Map.of("name", i.status()));
        fields.put("components", i.components().stream().map(c -> Map.of("name", c)).toList());
        fields.put("labels", i.labels());
        fields.put("reporter", i.reporter() == null ? null : node.world().userByName(i.reporter()).map(this::user).orElse(null));
        fields.put("assignee", i.assignee() == null ? null : node.world().userByName(i.assignee()).map(this::user).orElse(null));
        node.world().securityLevelOf(i).ifPresent(level ->
                fields.put("security", Map.of("id", String.valueOf(level.id()), "name", level.name())));
        fields.put("created", i.created().toString());
        fields.put("updated", i.updated().toString());
        fields.putAll(customFields.restValues(node.jira().issue(i))); // the issue read once, as Jira's resource does
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", String.valueOf(i.id()));
        body.put("key", i.key());
        body.put("self", request.getContextPath() + "/rest/api/2/issue/" + i.id());
        body.put("fields", fields);
        return body;
    }

    Map<String, Object> user(HostUser u) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", u.key());
        body.put("name", u.username());
        body.put("displayName", u.displayName());
        body.put("emailAddress", u.email());
        body.put("active", u.active());
        return body;
    }
}
