package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.confluence.RenderContext;
import io.mandate.refhost.confluence.ViewRenderer;
import io.mandate.refhost.world.HostPage;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Confluence's page view ({@code /pages/viewpage.action?pageId=ID}): the page's storage format rendered for the
 * viewer by {@link ViewRenderer} — each {@code <ac:structured-macro>} through the plugin's xhtml-macro of that name or
 * Confluence's own, an unknown macro as Confluence's placeholder. Needs view permission on the space.
 */
public final class ConfluencePageServlet extends HttpServlet {

    private final ProductNode node;
    private final ViewRenderer renderer;

    public ConfluencePageServlet(ProductNode node) {
        this.node = node;
        this.renderer = ViewRenderer.forConfluence(node);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        Optional<HostPage> page = Optional.empty();
        try {
            page = node.world().page(Long.parseLong(String.valueOf(request.getParameter("pageId"))));
        } catch (NumberFormatException ignored) {
            // not found below
        }
        if (page.isEmpty() || !node.world().canViewSpace(user, page.get().spaceKey())) {
            Page.message(response, node, 404, "Page not found", "The page you are looking for does not exist or you do not have permission to view it.");
            return;
        }
        String body = "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                + "<h1 id=\"title-text\">" + escape(page.get().title()) + "</h1><div id=\"main-content\" class=\"wiki-content\">"
                + render(page.get()) + "</div></section></div></div>";
        Page.write(response, node, page.get().title(), body, List.of("viewcontent", "page"));
    }

    /** The page's view for the user of the current request. */
    String render(HostPage page) {
        return renderer.render(new RenderContext(page, RequestContext.current().username(), node.product().contextPath()));
    }
}
