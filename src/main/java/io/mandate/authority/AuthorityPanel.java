package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.decision.DecisionService;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.ShownIssue;
import io.mandate.platform.TemplateTexts;
import io.mandate.platform.rest.ApiException;

import javax.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authority panel in the issue view's right column, beside the decision panel: who holds which authority over
 * the issue ({@link AuthorityPanelView}). Reads the decision through the decisions' cluster cache (the decision
 * panel reads the same entry) and the matrix through its caches, so the two panels together cost at most the
 * decision's two statements when its cache entry is cold, and none when warm (AuthorityPanelStatementsTest). When
 * Mandate's data cannot be read (the database does not answer) the panel is a short notice instead.
 */
public class AuthorityPanel implements ContextProvider {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthorityPanel.class);

    private final AuthorityService authority;
    private final DecisionService decisions;
    private final I18nResolver i18n;

    @Inject
    public AuthorityPanel(AuthorityService authority, DecisionService decisions, @ComponentImport I18nResolver i18n) {
        this.authority = authority;
        this.decisions = decisions;
        this.i18n = i18n;
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> result = new HashMap<>(context);
        result.put("i18n", new TemplateTexts(i18n));
        result.put("authority", null);
        Optional<ShownIssue> shown = ShownIssue.of(context.get("issue"));
        if (shown.isEmpty()) {
            return result;
        }
        // the issue the view shows, judged as it is: not looked up again by key (the decision panel does the same)
        Optional<IssueRef> visible = decisions.visibleIssue(shown.get());
        if (visible.isEmpty()) {
            return result; // Jira shows the view only to people who may browse the issue; render nothing rather than fail
        }
        IssueRef issue = visible.get();
        AuthorityPanelView view = new AuthorityPanelView(authority, (key, args) -> i18n.getText(key, (java.io.Serializable[]) args));
        try {
            result.put("authority", view.build(issue, decisions.find(issue), authority.currentUser().map(Person::key)));
        } catch (RuntimeException e) {
            if (!ApiException.isUnavailable(e)) {
                throw e;
            }
            // the database does not answer: a short notice in the panel, and the rest of the issue view still renders
            LOG.warn("The authority panel of {} could not read Mandate's data", issue.key(), e);
            result.put("unavailable", true);
        }
        return result;
    }
}
