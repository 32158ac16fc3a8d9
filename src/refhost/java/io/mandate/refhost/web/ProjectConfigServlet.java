package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.World;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Jira's project settings ({@code /plugins/servlet/project-config/KEY/summary}), as much as the host models: the
 * settings sidebar with the plugins' web-items of the {@code atl.jira.proj.config} web-section's groups
 * ({@code atl.jira.proj.config/projectgroup1} … {@code projectgroup4}, in weight order), their links with
 * {@code $projectKeyEncoded} (the URL-encoded project key) filled in as Jira's project-config context does.
 * Jira administrators and the project's administrators (ADMINISTER_PROJECTS) see it; others get 403, anonymous
 * visitors the login page, an unknown project 404.
 */
public final class ProjectConfigServlet extends HttpServlet {

    static final String SECTION = "atl.jira.proj.config";

    private final ProductNode node;

    public ProjectConfigServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String key = path.replaceFirst("^/", "").split("/", 2)[0];
        Optional<HostProject> project = key.isEmpty() ? Optional.empty() : node.world().project(key);
        if (project.isEmpty()) {
            Page.message(response, node, 404, "Project not found", "There is no project with the key " + key + ".");
            return;
        }
        HostProject p = project.get();
        if (!node.world().isAdmin(user) && !node.world().hasProjectPermission(user, p.key(), World.ADMINISTER_PROJECTS)) {
            Page.message(response, node, 403, "Project settings", "You do not have permission to administer this project.");
            return;
        }
        String ctx = node.product().contextPath();
        String encodedKey = URLEncoder.encode(p.key(), StandardCharsets.UTF_8);
        StringBuilder nav = new StringBuilder("<nav class=\"aui-navgroup aui-navgroup-vertical\" id=\"project-config-sidebar\" aria-label=\"Project settings\">"
                + "<div class=\"aui-navgroup-inner\"><ul class=\"aui-nav\"><li class=\"aui-nav-selected\"><a id=\"view_project_summary\" href=\""
                + ctx + "/plugins/servlet/project-config/" + escape(encodedKey) + "/summary\">Summary</a></li></ul>");
        PluginDescriptor d = node.plugin().descriptor();
        for (int group = 1; group <= 4; group++) {
            String section = SECTION + "/projectgroup" + group;
            List<PluginDescriptor.WebItem> items = d.webItems().stream().filter(i -> i.section().equals(section))
                    .sorted(Comparator.comparingInt(PluginDescriptor.WebItem::weight)).toList();
            if (items.isEmpty()) {
                continue;
            }
            nav.append("<ul class=\"aui-nav\" data-section=\"").append(escape(section)).append("\">");
            for (PluginDescriptor.WebItem i : items) {
                String link = i.link() == null ? "" : i.link().replace("$projectKeyEncoded", encodedKey)
                        .replace("${projectKeyEncoded}", encodedKey);
                nav.append("<li><a id=\"").append(escape(i.linkId() == null ? i.key() : i.linkId())).append("\" href=\"")
                        .append(escape(ctx + link)).append("\">").append(escape(node.i18n().getText(i.labelKey()))).append("</a></li>");
            }
            nav.append("</ul>");
        }
        nav.append("</div></nav>");
        String body = "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<div class=\"aui-page-panel-nav\">" + nav + "</div>"
                + "<section class=\"aui-page-panel-content\" id=\"project-config-panel\" data-project-key=\"" + escape(p.key()) + "\">"
                + "<h1>Project settings: " + escape(p.name()) + "</h1>"
                + "<table class=\"aui\"><tbody><tr><th>Key</th><td id=\"project-config-key\">" + escape(p.key()) + "</td></tr>"
                + "<tr><th>Name</th><td>" + escape(p.name()) + "</td></tr><tr><th>Lead</th><td>" + escape(p.lead()) + "</td></tr>"
                + "</tbody></table></section></div></div>";
        Page.write(response, node, "Project settings: " + p.name(), body, List.of());
    }
}
