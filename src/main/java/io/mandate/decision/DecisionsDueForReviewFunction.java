package io.mandate.decision;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;

/**
 * JQL {@code issue in decisionsDueForReview()}: issues whose decision is DECIDED and whose review date is before today
 * (in the product's time zone), so the decision should be looked at again.
 */
public class DecisionsDueForReviewFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsDueForReviewFunction(DecisionSearch search, @ComponentImport I18nResolver i18n) {
        super(DecisionSearch.Criterion.DUE_FOR_REVIEW, search, i18n);
    }
}
