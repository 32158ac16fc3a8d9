package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Static files: AUI and jQuery from the npm packages ({@code /static/aui/...}, {@code /static/jquery/...}) and the plugin's declared
 * web-resource files ({@code /download/resources/<plugin>:<module>/<name>}). Nothing else of the
 * plugin jar is served.
 */
public final class StaticServlet extends HttpServlet {

    private final ProductNode node;
    private final Path auiDist;
    private final Path jqueryDist;

    public StaticServlet(ProductNode node, File auiDir) {
        this.node = node;
        this.auiDist = auiDir.toPath().resolve("node_modules/@atlassian/aui/dist/aui").normalize();
        this.jqueryDist = auiDir.toPath().resolve("node_modules/jquery/dist").normalize();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean jquery = request.getServletPath().equals("/static/jquery");
        if (jquery || request.getServletPath().equals("/static/aui")) {
            // aui-prototyping.js expects the global jQuery that Jira and Confluence load before it
            Path dist = jquery ? jqueryDist : auiDist;
            Path file = dist.resolve(path.replaceFirst("^/+", "")).normalize();
            if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
                response.sendError(404);
                return;
            }
            response.setContentType(type(file.toString()));
            response.setHeader("Cache-Control", "max-age=3600");
            Files.copy(file, response.getOutputStream());
            return;
        }
        // /download/resources/<pluginKey>:<moduleKey>/<name>
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        String prefix = node.plugin().descriptor().key() + ":";
        if (parts.length == 2 && parts[0].startsWith(prefix)) {
            String module = parts[0].substring(prefix.length());
            for (PluginDescriptor.WebResource r : node.plugin().descriptor().webResources()) {
                if (!r.key().equals(module)) {
                    continue;
                }
                for (PluginDescriptor.Resource res : r.resources()) {
                    if (res.name().equals(parts[1])) {
                        try (InputStream in = node.plugin().classLoader().getResourceAsStream(res.location())) {
                            if (in != null) {
                                response.setContentType(type(res.name()));
                                in.transferTo(response.getOutputStream());
                                return;
                            }
                        }
                    }
                }
            }
        }
        response.sendError(404);
    }

    private static String type(String name) {
        if (name.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (name.endsWith(".js")) {
            return "application/javascript;charset=UTF-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".woff2")) {
            return "font/woff2";
        }
        if (name.endsWith(".woff")) {
            return "font/woff";
        }
        return "application/octet-stream";
    }
}
