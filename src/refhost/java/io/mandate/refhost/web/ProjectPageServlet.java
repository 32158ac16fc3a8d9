package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.world.HostProject;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Jira's project page in the project-centric view ({@code /projects/KEY}, Jira Data Center's address): a small
 * summary of the project — name, key, lead, how many of its issues the user sees, a link to them in the issue
 * search — beside the project's sidebar ({@link ProjectSidebar}) with the plugins' project pages. Anonymous visitors
 * go to the login page; a project that does not exist or that the user may not browse is the same 404, as in Jira.
 */
public final class ProjectPageServlet extends HttpServlet {

    private final ProductNode node;

    public ProjectPageServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String key = path.replaceFirst("^/", "").split("/", 2)[0];
        Optional<HostProject> project = ProjectSidebar.browsable(node, user, key);
        if (project.isEmpty()) {
            Page.message(response, node, 404, "Project not found",
                    "The project you are trying to view does not exist or you do not have permission to view it.");
            return;
        }
        HostProject p = project.get();
        String ctx = node.product().contextPath();
        long visible = node.world().issuesOfProject(p.key()).stream().filter(i -> node.world().canBrowseIssue(user, i)).count();
        String lead = node.world().userByName(p.lead()).map(u -> u.displayName()).orElse(p.lead());
        String search = ctx + "/issues/?jql=" + URLEncoder.encode("project = " + p.key(), StandardCharsets.UTF_8).replace("+", "%20");
        String content = "<header class=\"aui-page-header\"><div class=\"aui-page-header-main\"><h1 id=\"project-name\">"
                + escape(p.name()) + "</h1></div></header>"
                + "<table class=\"aui\" id=\"project-summary\"><tbody>"
                + "<tr><th>Key</th><td id=\"project-key\">" + escape(p.key()) + "</td></tr>"
                + "<tr><th>Lead</th><td id=\"project-lead\">" + escape(lead) + "</td></tr>"
                + "<tr><th>Issues</th><td><a id=\"project-issues\" href=\"" + escape(search) + "\">" + visible + "</a></td></tr>"
                + "</tbody></table>";
        String uri = request.getRequestURI();
        Page.write(response, node, p.name(), ProjectSidebar.around(node, p, uri, content), List.of());
    }
}
