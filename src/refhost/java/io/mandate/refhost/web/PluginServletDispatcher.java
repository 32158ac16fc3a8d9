package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.world.HostProject;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /plugins/servlet/*}: hands the request to the plugin servlet module whose url-pattern
 * matches, and decorates an HTML answer that asks for it ({@code <meta name="decorator">}) with
 * the product's chrome, as Jira's SiteMesh does; a page that names its project ({@code <meta name="projectKey">},
 * not an admin page) also gets the project's sidebar ({@link ProjectSidebar}). The decorator asks for no
 * web-resource context of its own: the page gets the plugin's scripts and styles that the servlet required through the {@code PageBuilderService}
 * while it rendered (as in Jira, where nothing requests a plugin's contexts on a plugin servlet page).
 */
public final class PluginServletDispatcher extends HttpServlet {

    private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
    private static final Pattern BODY = Pattern.compile("(?is)<body[^>]*>(.*)</body>");
    private static final Pattern ADMIN_DECORATOR = Pattern.compile("(?is)<meta\\s+name=\"decorator\"\\s+content=\"(admin|atl\\.admin)\"");

    private final ProductNode node;

    public PluginServletDispatcher(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        for (PluginDescriptor.Servlet module : node.plugin().descriptor().servlets()) {
            for (String pattern : module.urlPatterns()) {
                if (matches(pattern, path)) {
                    HttpServlet servlet = servlet(module);
                    Capture capture = new Capture(response);
                    servlet.service(request, capture);
                    capture.finish(request, response);
                    return;
                }
            }
        }
        Page.message(response, node, 404, "Not found", "No plugin servlet answers " + path);
    }

    private HttpServlet servlet(PluginDescriptor.Servlet module) throws ServletException {
        HttpServlet servlet = node.plugin().moduleObject(module.className(), HttpServlet.class);
        synchronized (servlet) {
            if (servlet.getServletConfig() == null) {
                ServletContext context = getServletContext();
                servlet.init(new ServletConfig() {
                    @Override
                    public String getServletName() {
                        return module.key();
                    }

                    @Override
                    public ServletContext getServletContext() {
                        return context;
                    }

                    @Override
                    public String getInitParameter(String name) {
                        return null;
                    }

                    @Override
                    public Enumeration<String> getInitParameterNames() {
                        return Collections.emptyEnumeration();
                    }
                });
            }
        }
        return servlet;
    }

    static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return path.equals(base) || path.startsWith(base + "/");
        }
        return pattern.equals(path);
    }

    /** Buffers the servlet's writer output so it can be decorated. */
    private final class Capture extends HttpServletResponseWrapper {
        private final CharArrayWriter buffer = new CharArrayWriter();
        private final PrintWriter writer = new PrintWriter(buffer);

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        void finish(HttpServletRequest request, HttpServletResponse response) throws IOException {
            writer.flush();
            if (response.isCommitted() || buffer.size() == 0) {
                return;
            }
            String html = buffer.toString();
            if (html.contains("name=\"decorator\"")) {
                Matcher title = TITLE.matcher(html);
                Matcher body = BODY.matcher(html);
                String inner = body.find() ? body.group(1) : html;
                // a page that names its project (and is not a project settings page) gets the project's sidebar
                Optional<HostProject> project = ADMIN_DECORATOR.matcher(html).find()
                        ? Optional.empty()
                        : ProjectSidebar.projectKeyOf(html).flatMap(k -> ProjectSidebar.browsable(node, RequestContext.current().username(), k));
                String content = project.isPresent()
                        ? ProjectSidebar.around(node, project.get(), request.getRequestURI()
                                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()), inner)
                        : "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><section class=\"aui-page-panel-content\">"
                        + inner + "</section></div></div>";
                html = Page.html(node, title.find() ? org.jsoup.parser.Parser.unescapeEntities(title.group(1).trim(), false) : "Mandate",
                        content, List.of());
            }
            response.getWriter().write(html);
        }
    }
}
