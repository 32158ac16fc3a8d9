package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsDrivenBy(username)}: issues whose decision that user drives. */
public class DecisionsDrivenByFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsDrivenByFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.DRIVEN_BY, search, i18n);
    }
}
