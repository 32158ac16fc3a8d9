package io.mandate.decision;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.CalculatedCFType;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.platform.PersonLabel;
import io.mandate.platform.TemplateTexts;
import io.mandate.platform.rest.ApiException;

import javax.inject.Inject;
import java.util.Map;

/**
 * Custom field type "Decision owner": the approver of the issue's decision, read from Mandate's
 * store (nothing is stored by Jira), so issue views, columns and the searcher can show it. Empty
 * when the issue has no decision or the decision has no approver yet — and when Mandate's data cannot be read just now
 * (the database does not answer), so that the issue view still renders.
 *
 * <p>An approver Jira has deactivated shows as the panel shows them ({@link PersonLabel}): "Ivy Inactive (inactive)",
 * in the viewer's language — the templates get Mandate's own texts as {@code $mandateTexts} ({@link #TEXTS}). An
 * approver Jira has deleted is no user any more ({@code getUserByKey} answers null), so the field has no value and
 * Jira hides it; the decision panel shows that approver by the stored key.
 */
public class DecisionOwnerField extends CalculatedCFType<ApplicationUser, ApplicationUser> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DecisionOwnerField.class);

    /**
     * The name of Mandate's texts in the field's templates. Not {@code i18n}: Jira puts its own I18nHelper there, and
     * a template may call only allowlisted methods, which for a plugin are its own classes' ({@link TemplateTexts}).
     */
    public static final String TEXTS = "mandateTexts";

    private final DecisionStore store;
    private final UserManager users;
    private final I18nResolver i18n;

    @Inject
    public DecisionOwnerField(DecisionStore store, @JiraImport UserManager users, @ComponentImport I18nResolver i18n) {
        this.store = store;
        this.users = users;
        this.i18n = i18n;
    }

    /** What the view templates add to Jira's parameters: Mandate's texts, to mark a deactivated approver. */
    @Override
    public Map<String, Object> getVelocityParameters(Issue issue, CustomField field, FieldLayoutItem fieldLayoutItem) {
        Map<String, Object> parameters = super.getVelocityParameters(issue, field, fieldLayoutItem);
        parameters.put(TEXTS, new TemplateTexts(i18n));
        return parameters;
    }

    @Override
    public ApplicationUser getValueFromIssue(CustomField field, Issue issue) {
        if (issue == null || issue.getId() == null) {
            return null; // an issue being created has no decision yet
        }
        try {
            return store.approverKey(issue.getId()).map(users::getUserByKey).orElse(null);
        } catch (RuntimeException e) {
            if (!ApiException.isUnavailable(e)) {
                throw e;
            }
            // the database does not answer: the field shows nothing rather than break the whole issue view
            LOG.warn("The decision owner of {} could not be read", issue.getKey(), e);
            return null;
        }
    }

    /** The username, as Jira's user fields write users in text (searches, imports, change history). */
    @Override
    public String getStringFromSingularObject(ApplicationUser user) {
        return user == null ? null : user.getUsername();
    }

    @Override
    public ApplicationUser getSingularObjectFromString(String username) throws FieldValidationException {
        if (username == null || username.isBlank()) {
            return null;
        }
        ApplicationUser user = users.getUserByName(username.trim());
        if (user == null) {
            throw new FieldValidationException("No user " + username.trim());
        }
        return user;
    }
}
