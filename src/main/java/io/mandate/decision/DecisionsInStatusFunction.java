package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsInStatus(DECIDED)}: issues whose decision has that status. */
public class DecisionsInStatusFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsInStatusFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.IN_STATUS, search, i18n);
    }
}
