package io.mandate.refhost.applinks;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.web.FormToken;
import io.mandate.refhost.web.Page;
import io.mandate.refhost.web.RequestContext;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Confluence's "Authorise access to Jira" page ({@link RefApplicationLinks#AUTHORISE_PATH}): where a user lets the
 * link act for them, as the OAuth consent screen does in a real pair. Logged-in users only; the form carries a token
 * bound to the session, and the user is sent back only to a page inside Confluence.
 */
public final class AuthoriseLinkServlet extends HttpServlet {


    private final ProductNode node;

    public AuthoriseLinkServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        if (node.applinks().target().isEmpty()) {
            Page.message(response, node, 404, "No link to Jira", "Confluence has no application link to Jira.");
            return;
        }
        String back = safeReturn(request.getParameter("redirectUrl"));
        String state = node.applinks().isAuthorised(user)
                ? "<p id=\"applink-state\">You have already allowed this.</p>" : "";
        String body = "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<h1>Authorise access to Jira</h1>"
                + "<p>Mandate in Confluence wants to read Jira as <strong>" + escape(user) + "</strong>: it sees what you may see in Jira, nothing more.</p>"
                + state
                + "<form id=\"applink-authorise\" class=\"aui\" method=\"post\">"
                + FormToken.hiddenInput(request)
                + "<input type=\"hidden\" name=\"redirectUrl\" value=\"" + escape(back) + "\">"
                + "<div class=\"buttons\"><button class=\"aui-button aui-button-primary\" name=\"approve\" value=\"true\">Allow</button> "
                + "<button class=\"aui-button\" name=\"deny\" value=\"true\">Deny</button></div></form>"
                + "</section></div></div>";
        response.setHeader("Cache-Control", "no-store");
        Page.write(response, node, "Authorise access to Jira", body, List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        if (!FormToken.isValid(request)) {
            Page.message(response, node, 403, "XSRF check failed", "Open the authorisation page again and choose Allow.");
            return;
        }
        if (node.applinks().target().isEmpty()) {
            Page.message(response, node, 404, "No link to Jira", "Confluence has no application link to Jira.");
            return;
        }
        if (request.getParameter("deny") == null) {
            node.applinks().authorise(user);
        }
        response.sendRedirect(safeReturn(request.getParameter("redirectUrl")));
    }

    /** A page inside Confluence (absolute URLs of this Confluence are reduced to their path); never another site. */
    private String safeReturn(String redirectUrl) {
        String ctx = node.product().contextPath();
        if (redirectUrl == null || redirectUrl.isBlank()) {
            return ctx + "/";
        }
        try {
            URI uri = URI.create(redirectUrl);
            if (uri.isAbsolute() && !redirectUrl.startsWith(node.applicationProperties()
                    .getBaseUrl(com.atlassian.sal.api.UrlMode.CANONICAL) + "/")) {
                return ctx + "/";
            }
            String path = uri.getRawPath();
            if (path != null && path.startsWith(ctx + "/") && !path.startsWith("//") && !path.contains("\\")) {
                return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: fall through to the home page
        }
        return ctx + "/";
    }
}
