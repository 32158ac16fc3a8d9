package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsApprovedBy(username)}: issues whose decision that user approves. */
public class DecisionsApprovedByFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsApprovedByFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.APPROVED_BY, search, i18n);
    }
}
