package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import io.mandate.platform.RequestUri;
import io.mandate.platform.WebResourceKeys;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Mandate administration page in Jira ({@code /plugins/servlet/mandate/admin}), linked from
 * Jira's admin menu: how many decisions are recorded, per status — on issues the administrator may browse (issue
 * security binds administrators too, so a hidden issue's decision is not counted). Administrators only: anonymous
 * callers are sent to the login page, logged-in non-administrators get 403. Domains and grants have
 * their own page, linked from here ({@code io.mandate.authority.MatrixAdminServlet}).
 */
public class DecisionAdminServlet extends HttpServlet {

    private final UserManager users;
    private final LoginUriProvider login;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final PageBuilderService pageBuilder;
    private final DecisionService decisions;
    private final io.mandate.platform.UnavailablePage unavailable;

    @Inject
    public DecisionAdminServlet(@ComponentImport UserManager users, @ComponentImport LoginUriProvider login,
                                @ComponentImport TemplateRenderer templates, @ComponentImport I18nResolver i18n,
                                @ComponentImport PageBuilderService pageBuilder,
                                DecisionService decisions) {
        this.users = users;
        this.login = login;
        this.templates = templates;
        this.i18n = i18n;
        this.pageBuilder = pageBuilder;
        this.decisions = decisions;
        this.unavailable = new io.mandate.platform.UnavailablePage(templates, i18n);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(login.getLoginUri(RequestUri.of(request)).toASCIIString());
            return;
        }
        if (!users.isAdmin(user)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Mandate administration is for administrators.");
            return;
        }
        unavailable.orNotice(response, "mandate.admin.title", "atl.admin", () -> render(request, response));
    }

    private void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // only what the administrator may browse: issue security binds administrators too
        Map<DecisionStatus, Long> byStatus = decisions.countByStatus();
        Map<String, Object> context = new HashMap<>();
        context.put("i18n", new io.mandate.platform.TemplateTexts(i18n));
        context.put("contextPath", request.getContextPath());
        context.put("decisionCount", byStatus.values().stream().mapToLong(Long::longValue).sum());
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (DecisionStatus status : DecisionStatus.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", status.name());
            row.put("label", i18n.getText("mandate.decision.status." + status.name()));
            row.put("count", byStatus.getOrDefault(status, 0L));
            rows.add(row);
        }
        context.put("statusRows", rows);
        // the page's scripts and styles: in Jira nothing asks for a plugin's web-resource contexts on a plugin servlet
        // page, so the servlet requires its own modules; the decorator writes them into the page's <head>
        pageBuilder.assembler().resources().requireWebResource(WebResourceKeys.STYLES);
        response.setContentType("text/html;charset=UTF-8");
        templates.render("templates/decision/admin.vm", context, response.getWriter());
    }
}
