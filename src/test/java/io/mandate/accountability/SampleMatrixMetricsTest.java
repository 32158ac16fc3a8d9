package io.mandate.accountability;

import io.mandate.authority.EffectiveAuthority;
import io.mandate.authority.Grant;
import io.mandate.authority.Level;
import io.mandate.platform.Principal;
import org.junit.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;

/**
 * The worked example of docs/user-guide/accountability.md: the sample organisation's matrix (docs/sample-org.md,
 * "Decision domains and grants", only the grants at ADVISE and above matter here) turned into coverage through
 * {@link EffectiveAuthority} as the report's caller will — group leads expanded, erin's RELEASE grant expiring
 * after 2027-06-30, alice's absence putting dave in for her — and the single points of failure and bus factor on
 * three days.
 */
public class SampleMatrixMetricsTest {

    private static final Map<String, List<String>> MEMBERS = Map.of("leads", List.of("alice", "erin"));
    private static long ids;

    private static Grant user(String domain, String user, Level level, String backup, LocalDate validTo) {
        return new Grant(++ids, domain, Principal.user(user), level, backup, null, null, validTo, null, 1);
    }

    /** The approving grants of the sample matrix (user keys = usernames here, for brevity). */
    private static final List<Grant> GRANTS = List.of(
            user("ARCH", "alice", Level.INQUIRE, "dave", null),
            user("RELEASE", "erin", Level.ADVISE, "bob", LocalDate.of(2027, 6, 30)),
            user("CHANGE", "erin", Level.DELEGATE, null, null),
            user("CHANGE", "bob", Level.ADVISE, "erin", null),
            new Grant(++ids, "SPEND", Principal.group("leads"), Level.ADVISE, null, null, null, null, null, 1),
            user("HIRING", "heidi", Level.DELEGATE, "erin", null));

    private static List<DomainCoverage> coverage(LocalDate day, Function<String, Optional<LocalDate>> awayUntil) {
        List<DomainCoverage> all = new ArrayList<>();
        for (String domain : List.of("ARCH", "RELEASE", "CHANGE", "SPEND", "HIRING")) {
            List<Grant> grants = GRANTS.stream().filter(g -> g.domainKey().equals(domain)).toList();
            all.add(DomainCoverage.of(new EffectiveAuthority(domain, grants, day, awayUntil, k -> true), Function.identity(),
                    g -> MEMBERS.getOrDefault(g, List.of())));
        }
        return all;
    }

    private static final Function<String, Optional<LocalDate>> NOBODY_AWAY = u -> Optional.empty();

    /** The sample matrix's AGREE grants (docs/sample-org.md): leads co-decide architecture and releases. */
    private static final List<Grant> AGREE_GRANTS = List.of(
            new Grant(++ids, "ARCH", Principal.group("leads"), Level.AGREE, null, null, null, null, null, 1),
            new Grant(++ids, "RELEASE", Principal.group("leads"), Level.AGREE, null, null, null, null, null, 1));

    /** The what-if's input on a day, nobody away (the what-if says who is). */
    private static List<WhatIf.Domain> whatIfDomains(LocalDate day) {
        List<WhatIf.Domain> all = new ArrayList<>();
        for (String domain : List.of("ARCH", "RELEASE", "CHANGE", "SPEND", "HIRING")) {
            List<Grant> grants = new ArrayList<>(GRANTS);
            grants.addAll(AGREE_GRANTS);
            grants.removeIf(g -> !g.domainKey().equals(domain));
            all.add(WhatIf.Domain.of(new EffectiveAuthority(domain, grants, day, NOBODY_AWAY, k -> true), Function.identity(),
                    g -> MEMBERS.getOrDefault(g, List.of())));
        }
        return all;
    }

    @Test
    public void whatIfErinTheMostLoadedApproverIsAway() {
        // erin approves in RELEASE, CHANGE, SPEND (most domains). Away: RELEASE only through her backup bob;
        // CHANGE keeps bob, SPEND alice (leads); ARCH loses its co-decider erin (leads AGREE; alice approves there)
        List<WhatIf.Domain> scope = whatIfDomains(LocalDate.of(2027, 3, 1));
        assertEquals(new WhatIfReport(List.of("erin"), List.of(), List.of(),
                        Map.of("RELEASE", List.of(new WhatIfReport.StandIn("erin", "bob"))), Map.of("ARCH", List.of("erin")),
                        List.of()),
                WhatIf.of(scope, List.of("erin"), List.of()));
        // erin and alice away: SPEND stalls (leads has nobody left); dave keeps ARCH, bob RELEASE;
        // RELEASE also loses its co-decider alice
        assertEquals(new WhatIfReport(List.of("alice", "erin"), List.of(), List.of("SPEND"),
                        Map.of("ARCH", List.of(new WhatIfReport.StandIn("alice", "dave")),
                                "RELEASE", List.of(new WhatIfReport.StandIn("erin", "bob"))),
                        Map.of("ARCH", List.of("erin"), "RELEASE", List.of("alice")), List.of()),
                WhatIf.of(scope, List.of("alice", "erin"), List.of()));
        // after erin's RELEASE grant ends, RELEASE is already uncovered: not stalled by anyone's absence
        assertEquals(List.of("RELEASE"), WhatIf.of(whatIfDomains(LocalDate.of(2027, 7, 1)), List.of("erin"), List.of())
                .alreadyUncovered());
    }

    @Test
    public void onAnOrdinaryDayEveryDomainHasABackupAndTheBusFactorIsTwo() {
        // ARCH {alice} backup dave, RELEASE {erin} backup bob, CHANGE {erin, bob}, SPEND {alice, erin} (leads),
        // HIRING {heidi} backup erin → no single point of failure.
        // m = 5: erin covers 3 (RELEASE, CHANGE, SPEND), alice 2, bob 1, heidi 1 → erin: RELEASE uncovered, 2·1 ≤ 5;
        // alice 2 (ARCH, SPEND), bob 1, heidi 1 → alice: ARCH, SPEND uncovered, 2·3 > 5 → 2 (erin, alice)
        List<DomainCoverage> c = coverage(LocalDate.of(2027, 3, 1), NOBODY_AWAY);
        assertEquals(List.of(), SinglePointsOfFailure.of(c));
        assertEquals(new BusFactor(2, List.of("erin", "alice")), BusFactor.of(c));
    }

    @Test
    public void afterErinsReleaseGrantExpiresReleaseIsUncovered() {
        // 2027-07-01: RELEASE has nobody (uncovered from the start; not a single point: nobody is one).
        // m = 5, u = 1: alice 2 (ARCH, SPEND), erin 2 (CHANGE, SPEND), bob 1, heidi 1 → tie, alice first:
        // ARCH uncovered, 2·2 ≤ 5; erin 2, bob 1, heidi 1 → erin: SPEND uncovered, 2·3 > 5 → 2 (alice, erin)
        List<DomainCoverage> c = coverage(LocalDate.of(2027, 7, 1), NOBODY_AWAY);
        assertEquals(List.of(), c.get(1).approvers().stream().toList());
        assertEquals(List.of(), SinglePointsOfFailure.of(c));
        assertEquals(new BusFactor(2, List.of("alice", "erin")), BusFactor.of(c));
    }

    @Test
    public void whileAliceIsAwayDaveStandsInAndCountsAsAnApprover() {
        // alice away: ARCH {alice, dave}. erin 3 → erin: RELEASE uncovered, 2·1 ≤ 5; alice 2 (ARCH, SPEND), bob 1,
        // dave 1, heidi 1 → alice: SPEND uncovered (ARCH keeps dave), 2·2 ≤ 5; bob 1, dave 1, heidi 1 → bob
        // (lowest name): CHANGE uncovered, 2·3 > 5 → 3 (erin, alice, bob)
        LocalDate day = LocalDate.of(2027, 3, 1);
        List<DomainCoverage> c = coverage(day, u -> u.equals("alice") ? Optional.of(day.plusDays(13)) : Optional.empty());
        assertEquals(List.of("alice", "dave"), c.get(0).approvers().stream().toList());
        assertEquals(new BusFactor(3, List.of("erin", "alice", "bob")), BusFactor.of(c));
    }
}
