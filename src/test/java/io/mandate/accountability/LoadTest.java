package io.mandate.accountability;

import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;

/** Load per person over the population P, its order, and the top share. */
public class LoadTest {

    @Test
    public void thePopulationIsTheApproversOfDecisionsAndThoseWhoMayApproveWithZero() {
        // approvers of decisions: alice 3, bob 1 (bob may no longer approve anywhere: still in P);
        // may approve in a scope domain: bob, carol → carol is in P with 0
        assertEquals(List.of(new Load("alice", 3), new Load("bob", 1), new Load("carol", 0)),
                Load.perPerson(Map.of("alice", 3L, "bob", 1L), Set.of("bob", "carol")));
    }

    @Test
    public void equalLoadsAreListedByUsername() {
        assertEquals(List.of(new Load("alice", 2), new Load("bob", 2), new Load("carol", 0), new Load("dave", 0)),
                Load.perPerson(Map.of("bob", 2L, "alice", 2L), Set.of("dave", "carol")));
    }

    @Test
    public void topShareIsTheLargestLoadOverTheTotal() {
        // 3 / (3 + 1 + 0) = 0.75
        assertEquals(0.75, Load.topShare(List.of(new Load("alice", 3), new Load("bob", 1), new Load("carol", 0))), 1e-12);
    }

    @Test
    public void topShareOfOnePersonIsOne() {
        assertEquals(1.0, Load.topShare(List.of(new Load("alice", 5))), 0.0);
    }

    @Test
    public void topShareIsZeroWhenNobodyApprovedAnything() {
        assertEquals(0.0, Load.topShare(List.of(new Load("alice", 0), new Load("bob", 0))), 0.0);
        assertEquals(0.0, Load.topShare(List.of()), 0.0);
    }

    @Test
    public void theGiniOfLoadsCountsTheZeros() {
        // x = 3, 1, 0: |3−1| + |3−0| + |1−0| = 6 per order, ΣΣ = 12; n = 3, total 4: G = 12 / (2·3·4) = 0.5
        assertEquals(0.5, Load.gini(List.of(new Load("alice", 3), new Load("bob", 1), new Load("carol", 0))).value(), 1e-12);
    }
}
