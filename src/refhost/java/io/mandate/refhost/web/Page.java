package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/** The host's page chrome: AUI header with the product, navigation and the user menu. */
public final class Page {

    private Page() {
    }

    public static void write(HttpServletResponse response, ProductNode node, String title, String bodyHtml,
                             List<String> webResourceContexts) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(html(node, title, bodyHtml, webResourceContexts));
    }

    /**
     * The page in the product's chrome.
     *
     * @param webResourceContexts the web-resource contexts the host itself requests for this kind of page (the
     *                            issue view: {@code jira.view.issue}); a plugin's own pages request theirs through
     *                            the {@link RefPageBuilderService} while they render
     */
    public static String html(ProductNode node, String title, String bodyHtml, List<String> webResourceContexts) {
        String ctx = node.product().contextPath();
        String user = RequestContext.current().username();
        boolean jira = node.product() == ProductNode.Product.JIRA;
        StringBuilder head = new StringBuilder();
        // as Jira and Confluence do: scripts find the context path here (AJS.contextPath())
        head.append("<meta name=\"ajs-context-path\" content=\"").append(escape(ctx)).append("\">");
        head.append("<link rel=\"stylesheet\" href=\"").append(ctx).append("/static/aui/aui-prototyping.css\">");
        head.append("<script src=\"").append(ctx).append("/static/jquery/jquery.min.js\"></script>");
        head.append("<script src=\"").append(ctx).append("/static/aui/aui-prototyping.js\"></script>");
        // the plugin's web resources: the contexts this host page asks for (as Jira's issue view asks for
        // jira.view.issue) and whatever the request required through the PageBuilderService
        PluginDescriptor plugin = node.plugin().descriptor();
        head.append(PageResources.tags(ctx, plugin,
                PageResources.resolve(plugin, webResourceContexts, RequestContext.current().pageResources().required())));
        String productName = jira ? "Jira" : "Confluence";
        String nav = jira
                ? "<li><a href=\"" + ctx + "/issues/\">Issues</a></li><li><a id=\"admin-menu-link\" href=\"" + ctx + "/secure/admin\">Administration</a></li>"
                : "<li><a href=\"" + ctx + "/\">Spaces</a></li><li><a id=\"admin-menu-link\" href=\"" + ctx + "/admin/console.action\">General configuration</a></li>";
        String userHtml = user == null
                ? "<li><a id=\"login-link\" href=\"" + ctx + "/login.jsp\">Log in</a></li>"
                : "<li><a id=\"header-details-user-fullname\" data-username=\"" + escape(user) + "\" href=\"" + ctx + "/\">"
                  + escape(node.world().userByName(user).map(u -> u.displayName()).orElse(user))
                  + "</a></li><li><a id=\"log-out\" href=\"" + ctx + "/logout\">Log out</a></li>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + " - " + productName
                + "</title>" + head + "</head><body class=\"aui-page-fixed\"><div id=\"page\">"
                + "<header id=\"header\" role=\"banner\"><nav class=\"aui-header\" role=\"navigation\"><div class=\"aui-header-inner\">"
                + "<div class=\"aui-header-primary\"><span id=\"logo\" class=\"aui-header-logo aui-header-logo-textonly\"><a href=\"" + ctx + "/\">"
                + "<span class=\"aui-header-logo-device\">" + productName + " · Mandate reference host</span></a></span><ul class=\"aui-nav\">" + nav + "</ul></div>"
                + "<div class=\"aui-header-secondary\"><ul class=\"aui-nav\">" + userHtml + "</ul></div>"
                + "</div></nav></header><section id=\"content\" role=\"main\">" + bodyHtml + "</section>"
                + "<footer id=\"footer\" role=\"contentinfo\"><section class=\"footer-body\">Mandate reference host — not an Atlassian product</section></footer>"
                + "</div></body></html>";
    }

    /** A simple message page (errors, empty states) inside the chrome. */
    public static void message(HttpServletResponse response, ProductNode node, int status, String title, String message)
            throws IOException {
        response.setStatus(status);
        write(response, node, title, "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<h1>" + escape(title) + "</h1><div class=\"aui-message aui-message-warning\"><p>" + escape(message)
                + "</p></div></section></div></div>", List.of());
    }

    /** Sends an anonymous visitor to the login page, which brings them back to this page afterwards. */
    public static void sendToLogin(javax.servlet.http.HttpServletRequest request, HttpServletResponse response, ProductNode node)
            throws IOException {
        String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(node.product().contextPath() + "/login.jsp?os_destination="
                + java.net.URLEncoder.encode(here, java.nio.charset.StandardCharsets.UTF_8));
    }
}
