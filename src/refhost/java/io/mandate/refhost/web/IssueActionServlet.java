package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.IssueLifecycle;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.World;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * The issue's "More" actions ({@code /secure/issue-action?key=KEY}): Delete and Move, each a form with the
 * session's XSRF token ({@link FormToken}), under Jira's checks ({@link IssueLifecycle}). An issue the user
 * cannot see is the same 404 page as a missing one.
 */
public final class IssueActionServlet extends HttpServlet {

    private final ProductNode node;

    public IssueActionServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        World world = node.world();
        HostIssue issue = world.issue(request.getParameter("key")).filter(i -> world.canBrowseIssue(user, i)).orElse(null);
        if (issue == null) {
            notFound(response);
            return;
        }
        String ctx = node.product().contextPath();
        StringBuilder targets = new StringBuilder();
        for (HostProject p : world.projects()) {
            if (!p.key().equals(issue.projectKey()) && world.hasProjectPermission(user, p.key(), World.CREATE_ISSUES)) {
                targets.append("<option value=\"").append(escape(p.key())).append("\">").append(escape(p.key() + " — " + p.name())).append("</option>");
            }
        }
        String token = FormToken.hiddenInput(request);
        String body = panel("<h1>" + escape(issue.key() + ": " + issue.summary()) + "</h1>"
                + "<h2>Move</h2><form class=\"aui\" id=\"move-issue-form\" method=\"post\" action=\"" + ctx + "/secure/issue-action\">"
                + token + hidden("key", issue.key()) + hidden("action", "move")
                + "<div class=\"field-group\"><label for=\"move-target\">Target project</label><select class=\"select\" id=\"move-target\" name=\"project\">"
                + targets + "</select></div><div class=\"buttons-container\"><input class=\"aui-button\" type=\"submit\" id=\"move-issue-submit\" value=\"Move\"></div></form>"
                + "<h2>Delete</h2><form class=\"aui\" id=\"delete-issue-form\" method=\"post\" action=\"" + ctx + "/secure/issue-action\">"
                + token + hidden("key", issue.key()) + hidden("action", "delete")
                + "<p>Deleting an issue removes it for good.</p><div class=\"buttons-container\"><input class=\"aui-button\" type=\"submit\" id=\"delete-issue-submit\" value=\"Delete\"></div></form>");
        Page.write(response, node, issue.key() + " actions", body, List.of());
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
        String ctx = node.product().contextPath();
        String key = request.getParameter("key");
        try {
            if ("delete".equals(request.getParameter("action"))) {
                node.jira().lifecycle().deleteIssue(user, key);
                response.sendRedirect(ctx + "/issues/");
            } else if ("move".equals(request.getParameter("action"))) {
                HostIssue moved = node.jira().lifecycle().moveIssue(user, key, request.getParameter("project"));
                response.sendRedirect(ctx + "/browse/" + URLEncoder.encode(moved.key(), StandardCharsets.UTF_8));
            } else {
                Page.message(response, node, 400, "Unknown action", "Choose Move or Delete.");
            }
        } catch (IssueLifecycle.Refused e) {
            if (e.status() == 404) {
                notFound(response);
            } else {
                Page.message(response, node, e.status(), e.status() == 403 ? "Not allowed" : "Cannot do that", e.getMessage());
            }
        }
    }

    private void notFound(HttpServletResponse response) throws IOException {
        Page.message(response, node, 404, "Issue does not exist",
                "The issue you are trying to view does not exist or you do not have permission to view it.");
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value == null ? "" : value) + "\">";
    }

    static String panel(String html) {
        return "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + html + "</section></div></div>";
    }
}
