package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.World;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Jira's project sidebar (the project-centric view, Jira 7 and later): the project's name and key, its summary page
 * ({@code /projects/KEY}), and the plugins' web-items of the {@code jira.project.sidebar.plugins.navigation}
 * web-section in weight order, with the web-fragment context Jira gives them — {@code $projectKey} and
 * {@code $project.key} (the key as it is), {@code $pathEncodedProjectKey} and {@code $queryEncodedProjectKey} —
 * filled into their links. Every label and link is HTML-escaped. Shown only to someone who may browse the project,
 * as Jira shows the sidebar only on pages of a project the user can see.
 *
 * <p>Two places draw it: the project's own page ({@link ProjectPageServlet}) and the decorator around a plugin servlet
 * page whose HTML names its project with {@code <meta name="projectKey" content="KEY">} and does not ask for the admin
 * decorator ({@link PluginServletDispatcher}) — how Jira's decorators learn the project of a page (Jira's own project
 * pages carry that meta tag too).
 */
public final class ProjectSidebar {

    /** The web-section of the plugins' project pages. */
    public static final String SECTION = "jira.project.sidebar.plugins.navigation";

    private static final Pattern PROJECT_META = Pattern.compile(
            "(?is)<meta\\s+name=\"projectKey\"\\s+content=\"([^\"]*)\"\\s*/?>");

    private ProjectSidebar() {
    }

    /** The project key a page's HTML names in {@code <meta name="projectKey">}, unescaped; empty when there is none. */
    static Optional<String> projectKeyOf(String html) {
        Matcher m = PROJECT_META.matcher(html);
        return m.find() ? Optional.of(org.jsoup.parser.Parser.unescapeEntities(m.group(1).trim(), true)) : Optional.empty();
    }

    /** The project, if it exists and the user may browse it. */
    static Optional<HostProject> browsable(ProductNode node, String user, String key) {
        if (user == null || key == null || key.isBlank()) {
            return Optional.empty();
        }
        return node.world().project(key).filter(p -> node.world().hasProjectPermission(user, p.key(), World.BROWSE_PROJECTS));
    }

    /**
     * The page's content beside the project's sidebar, in AUI's page panel.
     *
     * @param currentUri the path and query of the page shown, so its own item is marked selected
     */
    static String around(ProductNode node, HostProject project, String currentUri, String contentHtml) {
        return "<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\"><div class=\"aui-page-panel-nav\">"
                + nav(node, project, currentUri) + "</div><section class=\"aui-page-panel-content\">" + contentHtml
                + "</section></div></div>";
    }

    /** The sidebar itself. */
    static String nav(ProductNode node, HostProject project, String currentUri) {
        String ctx = node.product().contextPath();
        String summary = ctx + "/projects/" + pathEncode(project.key());
        StringBuilder nav = new StringBuilder("<nav class=\"aui-navgroup aui-navgroup-vertical\" id=\"project-sidebar\" aria-label=\"")
                .append(escape(project.name())).append("\" data-project-key=\"").append(escape(project.key())).append("\">")
                .append("<div class=\"aui-navgroup-inner\"><div class=\"aui-nav-heading\" id=\"project-sidebar-header\"><strong>")
                .append(escape(project.name())).append("</strong> <span class=\"project-sidebar-key\">").append(escape(project.key()))
                .append("</span></div><ul class=\"aui-nav\">")
                .append(item("project-sidebar-summary", summary, "Summary", summary.equals(currentUri)))
                .append("</ul>");
        List<PluginDescriptor.WebItem> items = node.plugin().descriptor().webItems().stream()
                .filter(i -> i.section().equals(SECTION))
                .sorted(Comparator.comparingInt(PluginDescriptor.WebItem::weight)).toList();
        if (!items.isEmpty()) {
            nav.append("<ul class=\"aui-nav\" data-section=\"").append(escape(SECTION)).append("\">");
            for (PluginDescriptor.WebItem i : items) {
                String link = ctx + link(i.link(), project.key());
                String label = i.labelKey() == null ? i.key() : node.i18n().getText(i.labelKey());
                nav.append(item(i.linkId() == null ? i.key() : i.linkId(), link, label, link.equals(currentUri)));
            }
            nav.append("</ul>");
        }
        return nav.append("</div></nav>").toString();
    }

    /** A web-item's link with the project context filled in, as Jira renders it (not yet HTML-escaped). */
    static String link(String link, String projectKey) {
        if (link == null) {
            return "";
        }
        String path = pathEncode(projectKey);
        String query = URLEncoder.encode(projectKey, StandardCharsets.UTF_8);
        return link.replace("${pathEncodedProjectKey}", path).replace("$pathEncodedProjectKey", path)
                .replace("${queryEncodedProjectKey}", query).replace("$queryEncodedProjectKey", query)
                .replace("${project.key}", projectKey).replace("$project.key", projectKey)
                .replace("${projectKey}", projectKey).replace("$projectKey", projectKey);
    }

    private static String item(String id, String href, String label, boolean selected) {
        return "<li" + (selected ? " class=\"aui-nav-selected\"" : "") + "><a id=\"" + escape(id) + "\" href=\"" + escape(href)
                + "\"" + (selected ? " aria-current=\"page\"" : "") + ">" + escape(label) + "</a></li>";
    }

    private static String pathEncode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
