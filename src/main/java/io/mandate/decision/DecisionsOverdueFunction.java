package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsOverdue()}: issues whose decision is still open and past its due date. */
public class DecisionsOverdueFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsOverdueFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.OVERDUE, search, i18n);
    }
}
