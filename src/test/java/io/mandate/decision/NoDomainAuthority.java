package io.mandate.decision;

import io.mandate.platform.IssueRef;

import java.util.List;
import java.util.Optional;

/**
 * Test double: {@link DecisionAuthority} without an authority matrix — no domain exists, so no decision can
 * violate one, and nobody beyond the decision's own people is notified. (The plugin wires the authority
 * capability's MatrixDecisionAuthority.)
 */
public class NoDomainAuthority implements DecisionAuthority {

    @Override
    public Optional<String> domainOf(IssueRef issue) {
        return Optional.empty();
    }

    @Override
    public boolean domainExists(String domainKey) {
        return false;
    }

    @Override
    public Checks checks(Decision decision, IssueRef issue) {
        return Checks.NONE;
    }

    @Override
    public List<String> alsoToNotify(Decision decision, IssueRef issue) {
        return List.of();
    }
}
