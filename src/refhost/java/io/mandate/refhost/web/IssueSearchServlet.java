package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.jira.CustomFields;
import io.mandate.refhost.jira.JqlSupport;
import io.mandate.refhost.world.HostIssue;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Jira's issue search page ({@code /issues/?jql=…}, the address Jira Data Center's issue navigator has): the issues
 * the query finds that the user may browse, as a table of keys (linked to the issue view), summaries and types — the
 * same JQL and the same results as {@code /rest/api/2/search} ({@link JqlSupport}). A query Jira would refuse shows
 * its messages. Without {@code jql} it is the host's start page, as before ({@link HomeServlet}).
 */
public final class IssueSearchServlet extends HttpServlet {

    private final ProductNode node;
    private final HomeServlet home;
    private final JqlSupport jql;

    public IssueSearchServlet(ProductNode node) {
        this.node = node;
        this.home = new HomeServlet(node);
        this.jql = new JqlSupport(node, new CustomFields(node));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String query = request.getParameter("jql");
        String user = RequestContext.current().username();
        if (query == null || user == null) {
            home.service(request, response);
            return;
        }
        String ctx = node.product().contextPath();
        StringBuilder body = new StringBuilder("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<h1>Search</h1><form class=\"aui\" method=\"get\" action=\"" + ctx + "/issues/\"><label for=\"jql\">JQL</label> "
                + "<input class=\"text long-field\" type=\"text\" id=\"jql\" name=\"jql\" value=\"" + escape(query) + "\"> "
                + "<button class=\"aui-button\" type=\"submit\">Search</button></form>");
        int status = 200;
        try {
            List<HostIssue> found = jql.search(query, user);
            body.append("<p id=\"search-count\">").append(found.size()).append(found.size() == 1 ? " issue" : " issues")
                    .append("</p><table class=\"aui\" id=\"issuetable\"><tbody>");
            for (HostIssue i : found) {
                body.append("<tr class=\"issuerow\" data-issuekey=\"").append(escape(i.key())).append("\"><td><a class=\"issue-link\" href=\"")
                        .append(ctx).append("/browse/").append(escape(i.key())).append("\">").append(escape(i.key())).append("</a></td><td>")
                        .append(escape(i.summary())).append("</td><td>").append(escape(i.issueType())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        } catch (JqlSupport.JqlException e) {
            status = 400;
            body.append("<div class=\"aui-message aui-message-error\" id=\"search-error\">");
            e.messages().forEach(m -> body.append("<p>").append(escape(m)).append("</p>"));
            body.append("</div>");
        }
        body.append("</section></div></div>");
        response.setStatus(status);
        Page.write(response, node, "Search", body.toString(), List.of());
    }
}
