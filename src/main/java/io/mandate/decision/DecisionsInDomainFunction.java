package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsInDomain(ARCH)}: issues whose decision is recorded in that domain (the domain key stored with the decision: set by hand, or the one the scope rules gave it when it was saved). */
public class DecisionsInDomainFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsInDomainFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.IN_DOMAIN, search, i18n);
    }
}
