package io.mandate.architecture.planted.platform;

import io.mandate.architecture.planted.decision.UsesGrants;

/** Planted violation: platform depends on a capability. */
public class KnowsDecision {
    public Object decision() {
        return new UsesGrants();
    }
}
