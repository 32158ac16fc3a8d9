package io.mandate.decision;

import io.mandate.platform.HostComponents;

import javax.inject.Inject;

/** JQL {@code issue in decisionsOverdue()}: issues whose decision is still open and past its due date. */
public class DecisionsOverdueFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsOverdueFunction(DecisionSearch search, HostComponents host) {
        super(DecisionSearch.Criterion.OVERDUE, search, host);
    }
}
