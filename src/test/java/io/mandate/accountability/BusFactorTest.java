package io.mandate.accountability;

import io.mandate.accountability.DomainCoverage.ApprovingGrant;
import org.junit.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;

/** The greedy authority bus factor of the product brief, each case computed by hand in its comment. */
public class BusFactorTest {

    /** A domain in which exactly these people may approve (each through a direct grant). */
    private static DomainCoverage domain(String key, String... approvers) {
        return new DomainCoverage(key, Arrays.stream(approvers).map(a -> ApprovingGrant.user(a, null)).toList());
    }

    private static BusFactor busFactor(DomainCoverage... domains) {
        return BusFactor.of(List.of(domains));
    }

    @Test
    public void aScopeWithoutDomainsHasBusFactorZero() {
        assertEquals(new BusFactor(0, List.of()), busFactor());
    }

    @Test
    public void onePersonInOneDomainIsOne() {
        // m = 1, uncovered 0: 2·0 ≤ 1 → remove alice → uncovered 1: 2·1 > 1, stop
        assertEquals(new BusFactor(1, List.of("alice")), busFactor(domain("ARCH", "alice")));
    }

    @Test
    public void moreThanHalfUncoveredFromTheStartIsZero() {
        // m = 3, HIRING and SPEND have nobody: 2·2 = 4 > 3 already
        assertEquals(new BusFactor(0, List.of()), busFactor(domain("ARCH", "alice"), domain("HIRING"), domain("SPEND")));
    }

    @Test
    public void exactlyHalfUncoveredIsNotEnough() {
        // m = 4, HIRING and SPEND uncovered: 2·2 = 4 ≤ 4, go on. ARCH {alice}, RELEASE {bob, carol}: each covers 1
        // → tie, alice first → ARCH uncovered: 2·3 = 6 > 4, stop
        assertEquals(new BusFactor(1, List.of("alice")),
                busFactor(domain("ARCH", "alice"), domain("RELEASE", "carol", "bob"), domain("HIRING"), domain("SPEND")));
    }

    @Test
    public void aTieGoesToTheLowerUsername() {
        // m = 3. A {bob, carol}, B {bob, carol}, C {dave}: bob 2, carol 2, dave 1 → bob (lower) → nothing uncovered
        // (carol still covers A and B): 0 ≤ 3. carol 2, dave 1 → carol → A, B uncovered: 2·2 > 3, stop
        assertEquals(new BusFactor(2, List.of("bob", "carol")),
                busFactor(domain("A", "carol", "bob"), domain("B", "bob", "carol"), domain("C", "dave")));
    }

    @Test
    public void theMostCoveringPersonGoesFirst() {
        // m = 5. D1 {alice, bob}, D2 {alice}, D3 {alice}, D4 {bob}, D5 {carol}: alice 3, bob 2, carol 1 → alice:
        // D2, D3 uncovered (D1 keeps bob): 2·2 = 4 ≤ 5. Still covered D1 {bob}, D4 {bob}, D5 {carol}: bob 2 →
        // bob: D1, D4 uncovered: 2·4 > 5, stop
        assertEquals(new BusFactor(2, List.of("alice", "bob")), busFactor(domain("D1", "alice", "bob"),
                domain("D2", "alice"), domain("D3", "alice"), domain("D4", "bob"), domain("D5", "carol")));
    }

    @Test
    public void coveringCountsOnlyStillCoveredDomains() {
        // m = 5. D1 {alice, carol}, D2 {alice, carol}, D3 {alice, dave}, D4 {bob}, D5 {bob}.
        // alice 3, bob 2, carol 2, dave 1 → alice: nothing uncovered. carol 2, bob 2, dave 1 → bob (tie, lower):
        // D4, D5 uncovered: 2·2 = 4 ≤ 5. carol 2, dave 1 → carol: D1, D2 uncovered: 2·4 > 5, stop
        assertEquals(new BusFactor(3, List.of("alice", "bob", "carol")), busFactor(domain("D1", "alice", "carol"),
                domain("D2", "alice", "carol"), domain("D3", "alice", "dave"), domain("D4", "bob"), domain("D5", "bob")));
    }

    @Test
    public void groupMembersAreRemovedOneByOne() {
        // ARCH through the group leads {alice, erin}: m = 1; alice and erin cover 1 each → alice, ARCH still
        // covered (erin) → erin → uncovered: 2·1 > 1
        DomainCoverage arch = new DomainCoverage("ARCH", List.of(ApprovingGrant.group("leads", List.of("erin", "alice"))));
        assertEquals(new BusFactor(2, List.of("alice", "erin")), busFactor(arch));
    }

    @Test
    public void aStandInCountsAsSomeoneWhoMayApprove() {
        // ARCH: alice (away) and bob standing in for her; RELEASE: carol. m = 2: bob 1, alice 1, carol 1 → alice,
        // ARCH covered by bob: 0 ≤ 2 → bob: ARCH uncovered, 2·1 = 2 ≤ 2 → carol: 2·2 > 2
        DomainCoverage arch = new DomainCoverage("ARCH", List.of(ApprovingGrant.user("alice", "bob")), java.util.Set.of("bob"));
        assertEquals(new BusFactor(3, List.of("alice", "bob", "carol")), busFactor(arch, domain("RELEASE", "carol")));
    }

    @Test
    public void theOnePassOrderIsTheGreedyRemovalStepByStep() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 500; round++) {
            List<DomainCoverage> domains = new java.util.ArrayList<>();
            int count = random.nextInt(12);
            for (int d = 0; d < count; d++) {
                List<String> approvers = new java.util.ArrayList<>();
                for (int p = 0; p < 8; p++) {
                    if (random.nextInt(3) == 0) {
                        approvers.add("u" + p);
                    }
                }
                domains.add(domain("D" + random.nextInt(10), approvers.toArray(String[]::new)));
            }
            assertEquals(domains.toString(), stepByStep(domains), BusFactor.of(domains));
        }
    }

    /** The brief's definition as written: recount who covers the most still-covered domains after every removal. */
    private static BusFactor stepByStep(List<DomainCoverage> scopeDomains) {
        java.util.Map<String, java.util.Set<String>> remaining = new java.util.TreeMap<>();
        for (DomainCoverage d : scopeDomains) {
            remaining.computeIfAbsent(d.domainKey(), k -> new java.util.HashSet<>()).addAll(d.approvers());
        }
        int domains = remaining.size();
        List<String> removed = new java.util.ArrayList<>();
        while (2 * remaining.values().stream().filter(java.util.Set::isEmpty).count() <= domains && domains > 0) {
            java.util.Map<String, Integer> covering = new java.util.TreeMap<>();
            for (java.util.Set<String> approvers : remaining.values()) {
                approvers.forEach(p -> covering.merge(p, 1, Integer::sum));
            }
            String next = null;
            int most = 0;
            for (java.util.Map.Entry<String, Integer> e : covering.entrySet()) {
                if (e.getValue() > most) {
                    next = e.getKey();
                    most = e.getValue();
                }
            }
            String person = next;
            remaining.values().forEach(approvers -> approvers.remove(person));
            removed.add(person);
        }
        return new BusFactor(removed.size(), removed);
    }
}
