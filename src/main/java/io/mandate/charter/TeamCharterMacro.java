package io.mandate.charter;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import io.mandate.platform.PageFragments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mandate-team-charter} macro (parameter {@code team}, no body): the team's charter from Confluence's
 * store — purpose, members with roles — and, from the linked Jira as the viewing user, the team's decision rights
 * and open decisions. A charter the viewer may not see is "no charter", exactly like a missing one; whatever Jira
 * cannot give is a plain notice beside the charter, never an error (docs/user-guide/charters.md).
 */
public class TeamCharterMacro implements Macro {

    private static final Logger LOG = LoggerFactory.getLogger(TeamCharterMacro.class);
    static final String TEMPLATE = "templates/charter/team-charter.vm";

    private final CharterService charters;
    private final TeamDecisions decisions;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final ApplicationProperties application;
    private final PageBuilderService pageBuilder;

    @Inject
    public TeamCharterMacro(CharterService charters, TeamDecisions decisions, @ComponentImport TemplateRenderer templates,
                            @ComponentImport I18nResolver i18n, @ComponentImport ApplicationProperties application,
                            @ComponentImport PageBuilderService pageBuilder) {
        this.charters = charters;
        this.decisions = decisions;
        this.templates = templates;
        this.i18n = i18n;
        this.application = application;
        this.pageBuilder = pageBuilder;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException {
        String team = parameters == null || parameters.get("team") == null ? null : parameters.get("team").trim().toUpperCase(Locale.ROOT);
        CharterMacroView view = new CharterMacroView((key, args) -> i18n.getText(key, (Serializable[]) args), charters::person);
        Optional<Charter> charter = team == null || team.isEmpty() ? Optional.empty() : charters.visible(team);
        Map<String, Object> model;
        if (charter.isEmpty()) {
            boolean loggedIn = charters.currentUser().isPresent();
            model = view.missing(team, loggedIn && team != null && CharterInput.TEAM_KEY.matcher(team).matches() ? editorUrl(team) : null);
        } else {
            Charter c = charter.get();
            model = view.charter(c, charters.spaceName(c.spaceKey()).orElse(c.spaceKey()), jira(c), charters.canEdit(c) ? editorUrl(c.teamKey()) : null);
        }
        try {
            return PageFragments.render(templates, i18n, pageBuilder, TEMPLATE, "charter", model);
        } catch (IOException e) {
            throw new MacroExecutionException(e);
        }
    }

    /** Jira's part; the reader never throws, and a surprise in its answer must not cost the viewer the charter. */
    private TeamDecisionData jira(Charter c) {
        try {
            return decisions.forCurrentUser(c.domains());
        } catch (RuntimeException e) {
            LOG.warn("The decision data of team {} could not be read from Jira", c.teamKey(), e);
            return new TeamDecisionData(c.domains().stream().map(TeamDecisionData.DomainRights::unknown).toList(), List.of(), 0,
                    List.of(JiraNotice.of(JiraNotice.UNREADABLE)), false, null);
        }
    }

    private String editorUrl(String teamKey) {
        return application.getBaseUrl(UrlMode.RELATIVE) + CharterEditorServlet.PATH + "?team="
                + URLEncoder.encode(teamKey, StandardCharsets.UTF_8);
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
