package io.mandate.refhost.web;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.world.HostPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Confluence's page view ({@code /pages/viewpage.action?pageId=ID}): renders the page's storage
 * format, running each {@code <ac:structured-macro>} through the plugin's xhtml-macro of that name
 * (an unknown macro is shown as such, as Confluence does). Needs view permission on the space.
 */
public final class ConfluencePageServlet extends HttpServlet {

    private final ProductNode node;

    public ConfluencePageServlet(ProductNode node) {
        this.node = node;
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

    String render(HostPage page) {
        Document doc = Jsoup.parse("<root>" + page.body() + "</root>", "", Parser.xmlParser());
        for (Element macro : doc.select("ac|structured-macro")) {
            String name = macro.attr("ac:name");
            Map<String, String> params = new LinkedHashMap<>();
            for (Element p : macro.select("> ac|parameter")) {
                params.put(p.attr("ac:name"), p.text());
            }
            Element bodyElement = macro.selectFirst("> ac|plain-text-body, > ac|rich-text-body");
            String macroBody = bodyElement == null ? "" : bodyElement.html();
            macro.before(runMacro(name, params, macroBody));
            macro.remove();
        }
        return doc.selectFirst("root").html();
    }

    private String runMacro(String name, Map<String, String> params, String body) {
        for (PluginDescriptor.XhtmlMacro m : node.plugin().descriptor().macros()) {
            if (m.name().equals(name)) {
                Macro macro = node.plugin().moduleObject(m.className(), Macro.class);
                try {
                    return macro.execute(params, body, new ConversionContext() {
                        @Override
                        public String getOutputType() {
                            return "display";
                        }
                    });
                } catch (MacroExecutionException e) {
                    return "<div class=\"aui-message aui-message-error\"><p>" + escape("Error rendering macro '" + name + "': "
                            + e.getMessage()) + "</p></div>";
                }
            }
        }
        return "<div class=\"aui-message aui-message-warning unknown-macro\"><p>" + escape("Unknown macro: '" + name + "'") + "</p></div>";
    }
}
