package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * The administration menu: Jira's "Manage apps" sections ({@code admin_plugins_menu}) or
 * Confluence's {@code system.admin/configuration}, with the plugins' web-sections and web-items.
 */
public final class AdminMenuServlet extends HttpServlet {

    private final ProductNode node;

    public AdminMenuServlet(ProductNode node) {
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
        if (!node.world().isAdmin(user)) {
            Page.message(response, node, 403, "Administrator access", "You must be an administrator to see this page.");
            return;
        }
        PluginDescriptor d = node.plugin().descriptor();
        StringBuilder menu = new StringBuilder("<h1>Administration</h1><nav class=\"aui-navgroup aui-navgroup-vertical\" id=\"admin-nav\"><div class=\"aui-navgroup-inner\">");
        if (node.product() == ProductNode.Product.JIRA) {
            d.webSections().stream().filter(s -> s.location().equals("admin_plugins_menu"))
                    .sorted(Comparator.comparingInt(PluginDescriptor.WebSection::weight))
                    .forEach(s -> {
                        menu.append("<div class=\"aui-nav-heading\"><strong>").append(escape(label(s.labelKey()))).append("</strong></div><ul class=\"aui-nav\">");
                        items(menu, "admin_plugins_menu/" + s.key(), ctx);
                        menu.append("</ul>");
                    });
            // the host's own page, not a plugin module: what Jira would have mailed
            menu.append("<div class=\"aui-nav-heading\"><strong>Reference host</strong></div><ul class=\"aui-nav\">")
                    .append("<li><a id=\"outbox-link\" href=\"").append(ctx).append("/secure/admin/outbox\">Outbox</a></li>")
                    .append("<li><a id=\"projects-link\" href=\"").append(ctx).append("/secure/admin/projects\">Projects</a></li>")
                    .append("<li><a id=\"audit-log-link\" href=\"").append(ctx).append(AuditLogServlet.PATH).append("\">Audit log</a></li></ul>");
        } else {
            menu.append("<div class=\"aui-nav-heading\"><strong>Configuration</strong></div><ul class=\"aui-nav\">");
            items(menu, "system.admin/configuration", ctx);
            menu.append("</ul>");
            menu.append("<div class=\"aui-nav-heading\"><strong>Reference host</strong></div><ul class=\"aui-nav\">")
                    .append("<li><a id=\"audit-log-link\" href=\"").append(ctx).append(AuditLogServlet.PATH).append("\">Audit log</a></li></ul>");
        }
        menu.append("</div></nav>");
        Page.write(response, node, "Administration", "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + menu + "</section></div></div>", List.of());
    }

    private void items(StringBuilder menu, String section, String ctx) {
        node.plugin().descriptor().webItems().stream().filter(i -> i.section().equals(section))
                .sorted(Comparator.comparingInt(PluginDescriptor.WebItem::weight))
                .forEach(i -> menu.append("<li><a id=\"").append(escape(i.linkId() == null ? i.key() : i.linkId()))
                        .append("\" href=\"").append(escape(ctx + i.link())).append("\">").append(escape(label(i.labelKey())))
                        .append("</a></li>"));
    }

    private String label(String key) {
        return key == null ? "" : node.i18n().getText(key);
    }
}
