package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.HostSpace;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/** The products' start pages: Jira lists the projects and issues you can browse, Confluence the spaces and pages. */
public final class HomeServlet extends HttpServlet {

    private final ProductNode node;

    public HomeServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        String ctx = node.product().contextPath();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        StringBuilder body = new StringBuilder("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">");
        if (node.product() == ProductNode.Product.JIRA) {
            body.append("<h1>Issues</h1>");
            for (HostProject p : node.world().projects()) {
                if (!node.world().hasProjectPermission(user, p.key(), "BROWSE_PROJECTS")) {
                    continue;
                }
                body.append("<h2 id=\"project-").append(escape(p.key())).append("\">").append(escape(p.name())).append(" (")
                        .append(escape(p.key())).append(")</h2><table class=\"aui\"><tbody>");
                for (HostIssue i : node.world().issuesOfProject(p.key())) {
                    body.append("<tr><td><a class=\"issue-link\" href=\"").append(ctx).append("/browse/").append(escape(i.key()))
                            .append("\">").append(escape(i.key())).append("</a></td><td>").append(escape(i.summary()))
                            .append("</td><td>").append(escape(i.issueType())).append("</td></tr>");
                }
                body.append("</tbody></table>");
            }
        } else {
            body.append("<h1>Spaces</h1>");
            for (HostSpace s : node.world().spaces()) {
                if (!node.world().canViewSpace(user, s.key())) {
                    continue;
                }
                body.append("<h2>").append(escape(s.name())).append(" (").append(escape(s.key())).append(")</h2><ul>");
                for (HostPage p : node.world().pagesOfSpace(s.key())) {
                    body.append("<li><a class=\"page-link\" href=\"").append(ctx).append("/pages/viewpage.action?pageId=")
                            .append(p.id()).append("\">").append(escape(p.title())).append("</a></li>");
                }
                body.append("</ul>");
            }
        }
        body.append("</section></div></div>");
        Page.write(response, node, node.product() == ProductNode.Product.JIRA ? "Issues" : "Spaces", body.toString(), List.of());
    }
}
