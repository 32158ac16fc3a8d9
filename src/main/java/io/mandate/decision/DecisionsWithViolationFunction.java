package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsWithViolation()}: issues whose decision's approver lacks the authority to approve in its domain (the matrix's {@code checks.authorityViolation}). */
public class DecisionsWithViolationFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsWithViolationFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.WITH_VIOLATION, search, i18n);
    }
}
