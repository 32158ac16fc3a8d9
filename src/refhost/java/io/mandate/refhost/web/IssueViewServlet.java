package io.mandate.refhost.web;

import com.atlassian.jira.issue.MutableIssue;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.CustomFields;
import io.mandate.refhost.world.HostIssue;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Jira's issue view ({@code /browse/KEY}): the issue's fields on the left, the plugins' panels of
 * {@code atl.jira.view.issue.right.context} on the right. An issue the user cannot browse looks
 * exactly like one that does not exist.
 */
public final class IssueViewServlet extends HttpServlet {

    private final ProductNode node;
    private final CustomFields customFields;

    public IssueViewServlet(ProductNode node) {
        this.node = node;
        this.customFields = new CustomFields(node);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        String ctx = node.product().contextPath();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        String key = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        MutableIssue issue = node.jira().issueManager().getIssueObject(key);
        // the issue as read once for this request (Jira reads the issue once for its view)
        HostIssue h = issue instanceof io.mandate.refhost.jira.JiraAdapters.RefIssue read ? read.hostIssue()
                : issue == null ? null : node.world().issue(issue.getId()).orElse(null);
        if (h == null || !node.world().canBrowseIssue(user, h)) {
            Page.message(response, node, 404, "Issue does not exist",
                    "The issue you are trying to view does not exist or you do not have permission to view it.");
            return;
        }
        Map<String, Object> context = new HashMap<>();
        context.put("issue", issue);
        context.put("project", issue.getProjectObject());
        context.put("user", node.jira().authenticationContext().getLoggedInUser());
        String panels = WebPanels.render(node, "atl.jira.view.issue.right.context", context);
        String body = "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<header class=\"aui-page-header\"><div class=\"aui-page-header-main\">"
                + "<ol class=\"aui-nav aui-nav-breadcrumbs\"><li><a id=\"project-name-val\" href=\"" + ctx + "/projects/" + escape(h.projectKey()) + "\">"
                + escape(issue.getProjectObject().getName()) + "</a></li><li><a id=\"key-val\" href=\"" + ctx + "/browse/" + escape(h.key()) + "\">"
                + escape(h.key()) + "</a></li></ol><h1 id=\"summary-val\">" + escape(h.summary()) + "</h1></div>"
                + "<div class=\"aui-page-header-actions\"><a class=\"aui-button\" id=\"issue-actions-link\" href=\"" + ctx
                + "/secure/issue-action?key=" + java.net.URLEncoder.encode(h.key(), java.nio.charset.StandardCharsets.UTF_8)
                + "\">More (Move, Delete)</a></div></header>"
                + "<div class=\"mandate-issue-columns\" style=\"display:flex;gap:24px;align-items:flex-start\">"
                + "<div id=\"viewissuesidebar-left\" style=\"flex:2\"><h3>Details</h3><table class=\"aui\"><tbody>"
                + row("Type", h.issueType(), "type-val") + row("Status", h.status(), "status-val")
                + row("Components", String.join(", ", h.components()), "components-val")
                + row("Labels", String.join(", ", h.labels()), "labels-val")
                + node.world().securityLevelOf(h).map(l -> row("Security Level", l.name(), "security-val")).orElse("")
                + row("Reporter", name(h.reporter()), "reporter-val") + row("Assignee", name(h.assignee()), "assignee-val")
                + customFields.viewRows(issue)
                + "</tbody></table><h3>Description</h3><div id=\"description-val\" class=\"user-content-block\">"
                + escape(h.description() == null ? "" : h.description()) + "</div></div>"
                + "<div id=\"viewissuesidebar\" style=\"flex:1;min-width:300px\">" + panels + "</div>"
                + "</div></section></div></div>";
        Page.write(response, node, "[" + h.key() + "] " + h.summary(), body, List.of("jira.view.issue"));
    }

    private String name(String username) {
        return username == null ? "Unassigned" : node.world().userByName(username).map(u -> u.displayName()).orElse(username);
    }

    private static String row(String label, String value, String id) {
        return "<tr><th>" + escape(label) + "</th><td id=\"" + id + "\">" + escape(value == null ? "" : value) + "</td></tr>";
    }
}
