package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.audit.RefAuditService;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * {@code /plugins/servlet/audit}: the product's advanced audit log, newest first, for administrators — the
 * page Jira (Administration → System → Audit log) and Confluence (General configuration → Audit log) serve
 * from the audit plugin. Category, summary and field names are i18n keys translated in the reader's language
 * through the plugins' bundles (a key no bundle knows shows as the key). Every value is escaped: object names
 * and changed values carry what users typed.
 */
public final class AuditLogServlet extends HttpServlet {

    public static final String PATH = "/plugins/servlet/audit";
    static final int PAGE_SIZE = 200;

    private final ProductNode node;

    public AuditLogServlet(ProductNode node) {
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
            Page.message(response, node, 403, "Audit log", "You must be an administrator to see this page.");
            return;
        }
        List<RefAuditService.Event> events = node.audit().newestFirst(PAGE_SIZE);
        StringBuilder html = new StringBuilder("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<section class=\"aui-page-panel-content\"><h1>Audit log</h1>"
                + "<p>What apps and the product wrote to the audit log, newest first (at most " + PAGE_SIZE
                + "). Times are UTC.</p>");
        if (events.isEmpty()) {
            html.append("<p id=\"audit-empty\">Nothing has been audited yet.</p>");
        } else {
            html.append("<table class=\"aui\" id=\"audit-log\"><thead><tr><th>Date</th><th>Author</th><th>Category</th>"
                    + "<th>Summary</th><th>Affected objects</th><th>Changed values</th></tr></thead><tbody>");
            for (RefAuditService.Event e : events) {
                html.append("<tr class=\"audit-event\" data-id=\"").append(e.id()).append("\" data-action=\"")
                        .append(escape(e.actionKey())).append("\"><td class=\"audit-time\">")
                        .append(escape(e.time().toString()))
                        .append("</td><td class=\"audit-author\">").append(escape(e.author()))
                        .append("</td><td class=\"audit-category\">").append(escape(text(e.categoryKey())))
                        .append("</td><td class=\"audit-summary\">").append(escape(text(e.actionKey())))
                        .append("</td><td class=\"audit-objects\"><ul>");
                for (RefAuditService.Resource r : e.affectedObjects()) {
                    html.append("<li class=\"audit-object\" data-type=\"").append(escape(r.type()))
                            .append("\" data-object-id=\"").append(escape(r.id() == null ? "" : r.id())).append("\">")
                            .append(escape(r.name())).append(" <span class=\"aui-lozenge aui-lozenge-subtle\">")
                            .append(escape(r.type())).append("</span></li>");
                }
                html.append("</ul></td><td class=\"audit-changes\"><ul>");
                for (RefAuditService.Change c : e.changedValues()) {
                    html.append("<li class=\"audit-change\"><span class=\"audit-field\">").append(escape(text(c.i18nKey())))
                            .append("</span>: <span class=\"audit-from\">").append(escape(value(c.from())))
                            .append("</span> \u2192 <span class=\"audit-to\">").append(escape(value(c.to())))
                            .append("</span></li>");
                }
                html.append("</ul></td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section></div></div>");
        Page.write(response, node, "Audit log", html.toString(), List.of());
    }

    private String text(String key) {
        return key == null ? "" : node.i18n().getText(key);
    }

    private static String value(String v) {
        return v == null ? "\u2014" : v;
    }
}
