package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.IssueLifecycle;
import io.mandate.refhost.world.HostProject;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;
import static io.mandate.refhost.web.IssueActionServlet.hidden;
import static io.mandate.refhost.web.IssueActionServlet.panel;

/**
 * Jira's project administration, as much as the host models ({@code /secure/admin/projects}, Jira administrators
 * only): create a project, change its key or name, delete it — forms with the session's XSRF token, the checks
 * and events of {@link IssueLifecycle}.
 */
public final class ProjectAdminServlet extends HttpServlet {

    private final ProductNode node;

    public ProjectAdminServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        if (!node.world().isAdmin(user)) {
            Page.message(response, node, 403, "Administrator access", "You must be an administrator to see this page.");
            return;
        }
        String action = node.product().contextPath() + "/secure/admin/projects";
        String token = FormToken.hiddenInput(request);
        StringBuilder rows = new StringBuilder();
        for (HostProject p : node.world().projects()) {
            rows.append("<tr data-project-key=\"").append(escape(p.key())).append("\"><td>").append(escape(p.key()))
                    .append("</td><td>").append(escape(p.name())).append("</td><td>").append(escape(p.lead())).append("</td><td>")
                    .append("<form class=\"aui\" method=\"post\" action=\"").append(action).append("\">").append(token)
                    .append(hidden("action", "update")).append(hidden("key", p.key()))
                    .append("<input class=\"text short-field\" name=\"newKey\" aria-label=\"New key\" value=\"").append(escape(p.key())).append("\">")
                    .append("<input class=\"text\" name=\"name\" aria-label=\"Name\" value=\"").append(escape(p.name())).append("\">")
                    .append("<input class=\"aui-button\" type=\"submit\" value=\"Save\"></form>")
                    .append("<form class=\"aui\" method=\"post\" action=\"").append(action).append("\">").append(token)
                    .append(hidden("action", "delete")).append(hidden("key", p.key()))
                    .append("<input class=\"aui-button\" type=\"submit\" value=\"Delete\"></form></td></tr>");
        }
        String body = panel("<h1>Projects</h1><table class=\"aui\" id=\"projects\"><thead><tr><th>Key</th><th>Name</th><th>Lead</th>"
                + "<th>Actions</th></tr></thead><tbody>" + rows + "</tbody></table>"
                + "<h2>Create project</h2><form class=\"aui\" id=\"create-project-form\" method=\"post\" action=\"" + action + "\">" + token
                + hidden("action", "create")
                + "<div class=\"field-group\"><label for=\"project-key\">Key</label><input class=\"text\" id=\"project-key\" name=\"key\"></div>"
                + "<div class=\"field-group\"><label for=\"project-name\">Name</label><input class=\"text\" id=\"project-name\" name=\"name\"></div>"
                + "<div class=\"field-group\"><label for=\"project-lead\">Lead</label><input class=\"text\" id=\"project-lead\" name=\"lead\"></div>"
                + "<div class=\"buttons-container\"><input class=\"aui-button aui-button-primary\" type=\"submit\" value=\"Create\"></div></form>");
        Page.write(response, node, "Projects", body, List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        if (!FormToken.isValid(request)) {
            Page.message(response, node, 403, "XSRF Security Token Missing",
                    "The form was not sent with this session's security token; nothing was changed. Go back, reload and try again.");
            return;
        }
        IssueLifecycle lifecycle = node.jira().lifecycle();
        String key = request.getParameter("key");
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "create" -> lifecycle.createProject(user, key, request.getParameter("name"), request.getParameter("lead"));
                case "update" -> lifecycle.updateProject(user, key, request.getParameter("newKey"), request.getParameter("name"));
                case "delete" -> lifecycle.deleteProject(user, key);
                default -> {
                    Page.message(response, node, 400, "Unknown action", "Choose Create, Save or Delete.");
                    return;
                }
            }
            response.sendRedirect(node.product().contextPath() + "/secure/admin/projects");
        } catch (IssueLifecycle.Refused e) {
            Page.message(response, node, e.status(), "Cannot change the project", e.getMessage());
        }
    }
}
