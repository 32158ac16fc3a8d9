package io.mandate.decision;

import io.mandate.platform.HostComponents;

import javax.inject.Inject;

/** JQL {@code issue in decisionsDrivenBy(username)}: issues whose decision that user drives. */
public class DecisionsDrivenByFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsDrivenByFunction(DecisionSearch search, HostComponents host) {
        super(DecisionSearch.Criterion.DRIVEN_BY, search, host);
    }
}
