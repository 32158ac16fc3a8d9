package io.mandate.architecture.planted.decision;

import io.mandate.architecture.planted.authority.Grants;

/** Planted violation: decision names a class of authority (and closes a cycle with it). */
public class UsesGrants {
    public int count(Grants grants) {
        return grants.size();
    }
}
