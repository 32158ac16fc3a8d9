package io.mandate.charter;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import io.mandate.platform.PageFragments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mandate-accountability-report} macro (one of the parameters {@code project}, {@code domain} or
 * {@code team}; no body): the accountability report of that scope — numbers, the lists that need attention, the
 * three charts — read from the linked Jira as the viewing user, so only decisions the viewer may browse count. A
 * team's scope is the domains its charter lists, and a charter the viewer may not see is "no charter". Whatever Jira
 * cannot give is a plain notice, never an error (docs/user-guide/charters.md).
 */
public class AccountabilityReportMacro implements Macro {

    private static final Logger LOG = LoggerFactory.getLogger(AccountabilityReportMacro.class);
    static final String TEMPLATE = "templates/charter/accountability-report.vm";

    private final CharterService charters;
    private final LinkedReports reports;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final PageBuilderService pageBuilder;

    @Inject
    public AccountabilityReportMacro(CharterService charters, LinkedReports reports, @ComponentImport TemplateRenderer templates,
                                     @ComponentImport I18nResolver i18n, @ComponentImport PageBuilderService pageBuilder) {
        this.charters = charters;
        this.reports = reports;
        this.templates = templates;
        this.i18n = i18n;
        this.pageBuilder = pageBuilder;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException {
        CharterMacroView.Texts texts = (key, args) -> i18n.getText(key, (Serializable[]) args);
        ReportMacroView view = new ReportMacroView(texts);
        ReportMacroScope.Parsed parsed = ReportMacroScope.parse(parameters);
        Map<String, Object> model;
        if (parsed.problem() != null) {
            model = view.problem(parsed.problem().key(), parsed.problem().args());
        } else if (charters.currentUser().isEmpty()) {
            // Jira's reports are for logged-in users: nothing to ask Jira for an anonymous viewer
            model = view.problem("mandate.error.login.report", List.of());
        } else {
            model = report(parsed.scope(), view, texts);
        }
        try {
            return PageFragments.render(templates, i18n, pageBuilder, TEMPLATE, "report", model);
        } catch (IOException e) {
            throw new MacroExecutionException(e);
        }
    }

    private Map<String, Object> report(ReportMacroScope scope, ReportMacroView view, CharterMacroView.Texts texts) {
        ReportMacroScope.JiraScope jira;
        String label;
        switch (scope.kind()) {
            case PROJECT -> {
                jira = scope.jira();
                label = texts.get("mandate.report.scope.project", scope.value());
            }
            case DOMAIN -> {
                jira = scope.jira();
                label = texts.get("mandate.report.scope.domains", String.join(", ", ReportMacroScope.keys(scope.value())));
            }
            default -> {
                Optional<Charter> charter = charters.visible(scope.value());
                if (charter.isEmpty()) {
                    return view.problem("mandate.charter.macro.none", List.of(scope.value()));
                }
                if (charter.get().domains().isEmpty()) {
                    return view.problem("mandate.report.macro.noDomains", List.of(charter.get().name()));
                }
                jira = ReportMacroScope.ofDomains(charter.get().domains());
                label = texts.get("mandate.report.macro.scope.team", charter.get().name(), String.join(", ", charter.get().domains()));
            }
        }
        return view.report(label, jira, read(jira), idPrefix(scope));
    }

    /** The element ids of one macro on the page: its scope (keys only: {@link ReportMacroScope} checked them), commas as {@code _}. */
    static String idPrefix(ReportMacroScope scope) {
        return ("mandate-report-" + scope.kind().name().toLowerCase(Locale.ROOT) + "-" + scope.value()).replace(',', '_');
    }

    /** Jira's part; the reader never throws, and a surprise in its answer must not cost the viewer the page. */
    private LinkedReport read(ReportMacroScope.JiraScope jira) {
        try {
            return reports.forCurrentUser(jira);
        } catch (RuntimeException e) {
            LOG.warn("The accountability report of {}={} could not be read from Jira", jira.parameter(), jira.value(), e);
            return LinkedReport.unavailable(JiraNotice.of(JiraNotice.REPORT + "unreadable"), null);
        }
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
