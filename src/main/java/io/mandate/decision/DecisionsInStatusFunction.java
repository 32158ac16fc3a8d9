package io.mandate.decision;

import io.mandate.platform.HostComponents;

import javax.inject.Inject;

/** JQL {@code issue in decisionsInStatus(DECIDED)}: issues whose decision has that status. */
public class DecisionsInStatusFunction extends DecisionJqlFunction {
    @Inject
    public DecisionsInStatusFunction(DecisionSearch search, HostComponents host) {
        super(DecisionSearch.Criterion.IN_STATUS, search, host);
    }
}
