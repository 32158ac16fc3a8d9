package io.mandate.charter;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import io.mandate.platform.RequestUri;
import io.mandate.platform.TemplateTexts;
import io.mandate.platform.WebResourceKeys;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The charter editor in Confluence ({@code /plugins/servlet/mandate/charter?team=KEY}): a form for people who may
 * edit the charter's space (or, for a new charter, any space they choose). Saving goes through
 * {@code PUT /rest/mandate/1.0/charters/KEY} (charter-editor.js), so the REST API's validation names each field
 * beside it. Anonymous visitors go to the login page; a charter in a space the viewer may see but not edit is shown
 * read-only with why (403); one they may not see is treated as new — exactly what they would get for a team key
 * nobody uses, so the page tells nothing about hidden charters (saving it is then refused by the API).
 */
public class CharterEditorServlet extends HttpServlet {

    static final String PATH = "/plugins/servlet/mandate/charter";
    private static final String TEMPLATE = "templates/charter/editor.vm";

    private final UserManager users;
    private final LoginUriProvider login;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final PageBuilderService pageBuilder;
    private final CharterService charters;
    private final io.mandate.platform.UnavailablePage unavailable;

    @Inject
    public CharterEditorServlet(@ComponentImport UserManager users, @ComponentImport LoginUriProvider login,
                                @ComponentImport TemplateRenderer templates, @ComponentImport I18nResolver i18n,
                                @ComponentImport PageBuilderService pageBuilder, CharterService charters) {
        this.users = users;
        this.login = login;
        this.templates = templates;
        this.i18n = i18n;
        this.pageBuilder = pageBuilder;
        this.charters = charters;
        this.unavailable = new io.mandate.platform.UnavailablePage(templates, i18n);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(login.getLoginUri(RequestUri.of(request)).toASCIIString());
            return;
        }
        unavailable.orNotice(response, "mandate.charter.editor.title", "atl.general", () -> render(request, response));
    }

    private void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String team = request.getParameter("team") == null ? "" : request.getParameter("team").trim().toUpperCase(Locale.ROOT);
        Optional<Charter> charter = charters.visible(team);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("teamKey", team);
        form.put("teamKeyValid", CharterInput.TEAM_KEY.matcher(team).matches());
        form.put("exists", charter.isPresent());
        form.put("api", request.getContextPath() + "/rest/mandate/1.0/charters/");
        if (charter.isPresent()) {
            Charter c = charter.get();
            boolean editable = charters.canEdit(c);
            form.put("editable", editable);
            form.put("name", c.name());
            form.put("space", c.spaceKey());
            form.put("purpose", c.purpose() == null ? "" : c.purpose());
            form.put("domains", String.join(", ", c.domains()));
            form.put("version", String.valueOf(c.version()));
            List<Map<String, Object>> members = new ArrayList<>();
            for (Charter.Member m : c.members()) {
                Map<String, Object> row = new HashMap<>();
                row.put("name", charters.nameOf(m.userKey()));
                row.put("role", m.role() == null ? "" : m.role());
                members.add(row);
            }
            form.put("members", members);
            if (!editable) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                form.put("readOnly", i18n.getText("mandate.error.charter.readOnly", c.spaceKey()));
            }
        } else {
            form.put("editable", true);
            form.put("name", "");
            form.put("space", request.getParameter("space") == null ? "" : request.getParameter("space").trim());
            form.put("purpose", "");
            form.put("domains", "");
            form.put("version", "");
            form.put("members", List.of());
        }
        Map<String, Object> context = new HashMap<>();
        context.put("form", form);
        context.put("i18n", new TemplateTexts(i18n));
        pageBuilder.assembler().resources().requireWebResource(WebResourceKeys.STYLES);
        pageBuilder.assembler().resources().requireWebResource(WebResourceKeys.CHARTER_EDITOR);
        response.setContentType("text/html;charset=UTF-8");
        templates.render(TEMPLATE, context, response.getWriter());
    }
}
