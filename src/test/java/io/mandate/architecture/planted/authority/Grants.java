package io.mandate.architecture.planted.authority;

import io.mandate.architecture.planted.decision.UsesGrants;

/** Planted: authority uses decision, and decision uses authority — a package cycle. */
public class Grants {
    public int size() {
        return new UsesGrants().hashCode() > 0 ? 1 : 0;
    }
}
