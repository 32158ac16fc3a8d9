package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/** JQL {@code issue in decisionsWithConsultationGap()}: issues whose decision misses someone who must be consulted in its domain (the matrix's {@code checks.consultationGap}). */
public class DecisionsWithConsultationGapFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsWithConsultationGapFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.WITH_CONSULTATION_GAP, search, i18n);
    }
}
