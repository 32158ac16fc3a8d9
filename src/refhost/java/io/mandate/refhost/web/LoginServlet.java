package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/** The login form ({@code /login.jsp}, as in Jira) and {@code /logout}. */
public final class LoginServlet extends HttpServlet {

    private final ProductNode node;

    public LoginServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/logout")) {
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            response.sendRedirect(node.product().contextPath() + "/login.jsp");
            return;
        }
        form(response, request.getParameter("os_destination"), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("os_username");
        String password = request.getParameter("os_password");
        String destination = request.getParameter("os_destination");
        if (username == null || password == null || !node.world().checkPassword(username, password)) {
            response.setStatus(401);
            form(response, destination, "Sorry, your username and password are incorrect - please try again.");
            return;
        }
        request.getSession(true).setAttribute(AuthFilter.SESSION_USER, username);
        request.changeSessionId();
        response.sendRedirect(safeDestination(destination));
    }

    /** Only paths inside this product: never an open redirect to another site. */
    private String safeDestination(String destination) {
        String ctx = node.product().contextPath();
        if (destination == null || destination.isBlank()) {
            return ctx + "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(destination);
            String path = uri.getRawPath();
            if (path != null && path.startsWith(ctx + "/") && !path.startsWith("//")) {
                return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        return ctx + "/";
    }

    private void form(HttpServletResponse response, String destination, String error) throws IOException {
        String ctx = node.product().contextPath();
        String body = "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<h1>Log in</h1>"
                + (error == null ? "" : "<div class=\"aui-message aui-message-error\" id=\"login-error\"><p>" + escape(error) + "</p></div>")
                + "<form class=\"aui\" id=\"login-form\" method=\"post\" action=\"" + ctx + "/login.jsp\">"
                + "<div class=\"field-group\"><label for=\"login-form-username\">Username</label>"
                + "<input class=\"text\" type=\"text\" id=\"login-form-username\" name=\"os_username\" autofocus autocomplete=\"username\"></div>"
                + "<div class=\"field-group\"><label for=\"login-form-password\">Password</label>"
                + "<input class=\"text\" type=\"password\" id=\"login-form-password\" name=\"os_password\" autocomplete=\"current-password\"></div>"
                + "<input type=\"hidden\" name=\"os_destination\" value=\"" + escape(destination == null ? "" : destination) + "\">"
                + "<div class=\"buttons-container\"><div class=\"buttons\"><input class=\"aui-button aui-button-primary\" type=\"submit\" id=\"login-form-submit\" value=\"Log in\"></div></div>"
                + "</form><p>Sample organisation: admin/admin, alice/alice, bob/bob … (docs/sample-org.md)</p></section></div></div>";
        Page.write(response, node, "Log in", body, List.of());
    }
}
