package io.mandate.accountability;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import io.mandate.authority.AuthorityService;
import io.mandate.authority.Domain;
import io.mandate.platform.RequestUri;
import io.mandate.platform.TemplateTexts;
import io.mandate.platform.WebResourceKeys;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accountability report pages in Jira: {@code /plugins/servlet/mandate/report} with {@code ?project=KEY} (linked
 * from the project's sidebar), {@code ?domain=K1,K2} or {@code ?group=NAME}, and without a scope the whole instance
 * (linked from Mandate's section of the admin menu); {@code /plugins/servlet/mandate/report.csv?table=NAME&…} is
 * one of its tables as CSV ({@link ReportTables}, {@link ReportCsv}).
 *
 * <p>Access as {@code GET /reports/accountability}: logged in (anonymous visitors go to the login page), only the
 * decisions the viewer may browse count; an unknown project (or one the viewer may not browse), domain or group,
 * or two kinds of scope, is the page with an error naming the parameter and status 400. The whole instance is for
 * Jira administrators only (403 otherwise). The CSV answers with the same checks, as plain-text errors.
 */
public class ReportServlet extends HttpServlet {

    private final UserManager users;
    private final LoginUriProvider login;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final PageBuilderService pageBuilder;
    private final AccountabilityService reports;
    private final WhatIfService whatIfs;
    private final AuthorityService authority;
    private final io.mandate.platform.UnavailablePage unavailable;

    @Inject
    public ReportServlet(@ComponentImport UserManager users, @ComponentImport LoginUriProvider login,
                         @ComponentImport TemplateRenderer templates, @ComponentImport I18nResolver i18n,
                         @ComponentImport PageBuilderService pageBuilder,
                         AccountabilityService reports, WhatIfService whatIfs, AuthorityService authority) {
        this.users = users;
        this.login = login;
        this.templates = templates;
        this.i18n = i18n;
        this.pageBuilder = pageBuilder;
        this.reports = reports;
        this.whatIfs = whatIfs;
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
        boolean admin = users.isAdmin(user);
        boolean csv = request.getRequestURI().endsWith(".csv");
        if (csv) {
            unavailable.orPlainNotice(response, () -> answer(request, response, admin, true));
        } else {
            unavailable.orNotice(response, "mandate.report.title", "atl.general", () -> answer(request, response, admin, false));
        }
    }

    /** The page or the CSV; a database that does not answer is left to {@link io.mandate.platform.UnavailablePage}. */
    private void answer(HttpServletRequest request, HttpServletResponse response, boolean admin, boolean csv) throws IOException {
        PageScope scope;
        Optional<Refusal> refusal = Optional.empty();
        try {
            scope = PageScope.of(request.getParameterValues("project"), request.getParameterValues("domain"),
                    request.getParameterValues("group"));
        } catch (ApiException e) {
            scope = PageScope.all();
            refusal = Optional.of(Refusal.of(e));
        }
        if (refusal.isEmpty() && scope.isAll() && !admin) {
            refusal = Optional.of(new Refusal(HttpServletResponse.SC_FORBIDDEN, "", Message.of("mandate.report.error.adminOnly")));
        }
        AccountabilityService.ScopedReport scoped = null;
        if (refusal.isEmpty()) {
            try {
                scoped = reports.reportWithCoverage(scope.scope());
            } catch (ApiException e) {
                if (ApiException.isUnavailable(e)) {
                    throw e;
                }
                if (e.status() == HttpServletResponse.SC_UNAUTHORIZED) {
                    response.sendRedirect(login.getLoginUri(RequestUri.of(request)).toASCIIString());
                    return;
                }
                refusal = Optional.of(Refusal.of(e));
            }
        }
        Map<String, String> domains = new TreeMap<>();
        for (Domain d : authority.domains()) {
            domains.put(d.key(), d.name());
        }
        if (csv) {
            csv(request, response, scope, scoped, refusal, domains);
        } else {
            page(request, response, scope, scoped, refusal, admin, domains);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, PageScope scope,
                      AccountabilityService.ScopedReport scoped, Optional<Refusal> refusal, boolean admin,
                      Map<String, String> domains) throws IOException {
        ReportPage page = new ReportPage(request.getContextPath(), i18n::getText);
        Map<String, Object> context = page.frame(scope, domains, admin);
        if (refusal.isPresent()) {
            context = page.error(context, refusal.get().field(), text(refusal.get().message()));
            response.setStatus(refusal.get().status());
        } else {
            context = page.report(context, scope, scoped, domains);
            context = whatIf(request, response, page, context, scope, domains);
        }
        context.put("i18n", new TemplateTexts(i18n));
        // in Jira nothing asks for a plugin's web-resource contexts on a plugin servlet page: the servlet requires its styles
        pageBuilder.assembler().resources().requireWebResource(WebResourceKeys.STYLES);
        response.setContentType("text/html;charset=UTF-8");
        templates.render("templates/accountability/report.vm", context, response.getWriter());
    }

    /**
     * The what-if part of the page: the form, and — when the viewer named who is away ({@code absent}) — its answer,
     * or a message naming the field (the page then answers 400, like the REST resource).
     */
    private Map<String, Object> whatIf(HttpServletRequest request, HttpServletResponse response, ReportPage page,
                                       Map<String, Object> context, PageScope scope, Map<String, String> domains) {
        String absent = request.getParameter("absent");
        if (absent == null || absent.isBlank()) {
            return page.whatIf(context, scope, "", Optional.empty(), domains);
        }
        try {
            WhatIfService.Answer answer = whatIfs.whatIf(scope.scope(), absent, null, null);
            return page.whatIf(context, scope, absent, Optional.of(answer.report()), domains);
        } catch (ApiException e) {
            if (ApiException.isUnavailable(e)) {
                throw e;
            }
            Refusal r = Refusal.of(e);
            response.setStatus(r.status());
            Map<String, Object> c = page.whatIf(context, scope, absent, Optional.empty(), domains);
            c.put("whatIfError", text(r.message()));
            return c;
        }
    }

    private void csv(HttpServletRequest request, HttpServletResponse response, PageScope scope,
                     AccountabilityService.ScopedReport scoped, Optional<Refusal> refusal, Map<String, String> domains)
            throws IOException {
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            plain(response, r.status(), (r.field().isEmpty() ? "" : r.field() + ": ") + text(r.message()));
            return;
        }
        String name = request.getParameter("table");
        Optional<ReportTables.Table> table = ReportTables.of(name, scoped.report(), scoped.coverage(), domains);
        if (table.isEmpty()) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "table: " + text(Message.of("mandate.report.error.table",
                    name == null ? "" : name, String.join(", ", ReportTables.NAMES))));
            return;
        }
        byte[] body = ReportCsv.of(table.get().header(), table.get().rows()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(table.get().name(), scope) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** {@code mandate-load-DEMO.csv}: the table and the scope, reduced to characters every file system takes. */
    static String fileName(String table, PageScope scope) {
        String what = scope.isAll() ? "all" : String.join("-", scope.values());
        return ("mandate-" + table + "-" + what).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }

    private String text(Message m) {
        return i18n.getText(m.key(), m.arguments());
    }

    /** Why there is no report: the status, the parameter it names ("" for none) and the message. */
    private record Refusal(int status, String field, Message message) {
        static Refusal of(ApiException e) {
            Map.Entry<String, Message> first = e.errorMessages().entrySet().stream().findFirst().orElse(null);
            return first == null ? new Refusal(e.status(), "", e.message())
                    : new Refusal(e.status(), first.getKey(), first.getValue());
        }
    }
}
