package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import io.mandate.platform.Person;
import io.mandate.platform.RequestUri;
import io.mandate.platform.TemplateTexts;
import io.mandate.platform.WebResourceKeys;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authority matrix page in Jira ({@code /plugins/servlet/mandate/matrix}), linked from the Mandate section
 * of Jira's admin menu and from each project's settings ({@code ?project=KEY}). One page of domains × holders
 * ({@link MatrixPage}), filtered and paged on the server; the dialogs of {@code web/matrix-admin.js} change
 * domains and grants through the REST API, which checks every change again.
 *
 * <p>Jira administrators see and change every domain; a project administrator sees the domains of the projects
 * they administer. Anyone else logged in gets 403; anonymous visitors go to the login page.
 */
public class MatrixAdminServlet extends HttpServlet {

    private static final int MAX_FILTER = 200;

    private final UserManager users;
    private final LoginUriProvider login;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final PageBuilderService pageBuilder;
    private final AuthorityService authority;
    private final io.mandate.platform.UnavailablePage unavailable;

    @Inject
    public MatrixAdminServlet(@ComponentImport UserManager users, @ComponentImport LoginUriProvider login,
                              @ComponentImport TemplateRenderer templates, @ComponentImport I18nResolver i18n,
                              @ComponentImport PageBuilderService pageBuilder,
                              AuthorityService authority) {
        this.users = users;
        this.login = login;
        this.templates = templates;
        this.i18n = i18n;
        this.pageBuilder = pageBuilder;
        this.authority = authority;
        this.unavailable = new io.mandate.platform.UnavailablePage(templates, i18n);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(login.getLoginUri(RequestUri.of(request)).toASCIIString());
            return;
        }
        unavailable.orNotice(response, "mandate.matrix.title", "atl.admin", () -> render(request, response, user));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, UserKey user) throws IOException {
        Optional<Person> viewer = authority.person(user.getStringValue());
        boolean admin = viewer.map(authority::isAdmin).orElse(false);
        Set<String> administered = viewer.isEmpty() || admin ? Set.of() : authority.administeredProjects(viewer.get());
        if (viewer.isEmpty() || !admin && administered.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The authority matrix is for administrators and project administrators.");
            return;
        }
        MatrixPage.Filter filter = new MatrixPage.Filter(param(request, "project"), param(request, "q"),
                param(request, "person"), number(request.getParameter("startAt")));
        MatrixPage page = MatrixPage.build(authority, viewer.get(), filter, (key, arg) -> i18n.getText(key, arg));
        // grants that give nobody authority: to groups the host has deleted (every domain the viewer sees), and to
        // people it has deactivated or deleted (this page's)
        List<String> warnings = new ArrayList<>();
        MatrixPage.deletedGroups(authority, viewer.get())
                .forEach((group, grants) -> warnings.add(i18n.getText("mandate.matrix.deletedGroup", group, grants)));
        if (!page.inactiveHolders().isEmpty()) {
            warnings.add(i18n.getText("mandate.matrix.inactiveHolders", String.join("; ", page.inactiveHolders())));
        }

        Map<String, Object> context = new HashMap<>();
        context.put("i18n", new TemplateTexts(i18n));
        context.put("admin", admin);
        context.put("contextPath", request.getContextPath());
        context.put("canCreate", admin || !administered.isEmpty());
        context.put("administered", String.join(", ", administered));
        context.put("project", nullToEmpty(filter.project()));
        // the project-settings link opens the page for one project: shown in that project's administration chrome
        // when the viewer administers it (as Jira's own project pages and Application Links' project links page do)
        boolean projectPage = filter.project() != null && (admin || administered.contains(filter.project()));
        context.put("projectContext", projectPage ? filter.project() : "");
        context.put("q", nullToEmpty(filter.text()));
        context.put("person", nullToEmpty(filter.person()));
        context.put("filtered", filter.project() != null || filter.text() != null || filter.person() != null);
        context.put("rows", page.rows());
        context.put("columns", page.columns());
        context.put("hiddenColumns", page.hiddenColumns() > 0
                ? i18n.getText("mandate.matrix.moreHolders", page.hiddenColumns(), MatrixPage.MAX_COLUMNS) : "");
        context.put("warnings", warnings);
        context.put("unknownPerson", page.unknownPerson()
                ? i18n.getText("mandate.matrix.filter.unknownPerson", filter.person()) : "");
        context.put("total", page.total());
        context.put("range", page.total() == 0 ? i18n.getText("mandate.matrix.empty")
                : i18n.getText("mandate.matrix.range", page.startAt() + 1, page.startAt() + page.rows().size(), page.total()));
        context.put("previous", page.startAt() > 0 ? query(filter, page.startAt() - MatrixPage.PAGE_SIZE) : "");
        context.put("next", page.startAt() + MatrixPage.PAGE_SIZE < page.total() ? query(filter, page.startAt() + MatrixPage.PAGE_SIZE) : "");
        context.put("levels", levels());
        // the page's scripts and styles: in Jira nothing asks for a plugin's web-resource contexts on a plugin servlet
        // page, so the servlet requires its own modules; the decorator writes them into the page's <head>
        pageBuilder.assembler().resources().requireWebResource(WebResourceKeys.STYLES).requireWebResource(WebResourceKeys.MATRIX_ADMIN);
        response.setContentType("text/html;charset=UTF-8");
        templates.render("templates/authority/matrix.vm", context, response.getWriter());
    }

    /** The seven levels for the legend and the level select: number, name, meaning, whether it may approve. */
    private List<Map<String, Object>> levels() {
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", String.valueOf(level.number()));
            m.put("name", level.name());
            m.put("meaning", i18n.getText("mandate.level." + level.name() + ".meaning"));
            m.put("mayApprove", level.mayApprove());
            levels.add(m);
        }
        return levels;
    }

    /** The page's own address with the filters and another start, as a relative query. */
    static String query(MatrixPage.Filter filter, int startAt) {
        StringBuilder q = new StringBuilder("?");
        append(q, "project", filter.project());
        append(q, "q", filter.text());
        append(q, "person", filter.person());
        q.append("startAt=").append(Math.max(0, startAt));
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? null : value.length() > MAX_FILTER ? value.substring(0, MAX_FILTER) : value;
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
