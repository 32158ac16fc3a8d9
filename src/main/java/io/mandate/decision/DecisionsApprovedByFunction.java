package io.mandate.decision;

import io.mandate.platform.HostComponents;

import javax.inject.Inject;

/** JQL {@code issue in decisionsApprovedBy(username)}: issues whose decision that user approves. */
public class DecisionsApprovedByFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsApprovedByFunction(DecisionSearch search, HostComponents host) {
        super(DecisionSearch.Criterion.APPROVED_BY, search, host);
    }
}
