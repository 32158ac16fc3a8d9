package io.mandate.accountability;

import io.mandate.accountability.DomainCoverage.ApprovingGrant;
import io.mandate.accountability.WhatIf.Domain;
import io.mandate.accountability.WhatIf.OpenDecision;
import io.mandate.accountability.WhatIfReport.StandIn;
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
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/**
 * The what-if on hand-designed organisations; each test writes out the whole expected {@link WhatIfReport}.
 * Notation in the comments: {@code ARCH: alice(dave) ≥5} = alice holds an approving grant in ARCH with backup dave;
 * {@code leads{alice,erin}} = a group grant expanded to its members; {@code AGREE: …} = the co-deciders.
 */
public class WhatIfTest {

    private static final List<OpenDecision> NO_DECISIONS = List.of();
    private static final Map<String, List<StandIn>> NO_BACKUPS = Map.of();
    private static final Map<String, List<String>> NO_CO_DECIDERS = Map.of();

    private static ApprovingGrant u(String holder, String backup) {
        return ApprovingGrant.user(holder, backup);
    }

    private static ApprovingGrant u(String holder) {
        return ApprovingGrant.user(holder, null);
    }

    private static ApprovingGrant g(String group, String... members) {
        return ApprovingGrant.group(group, List.of(members));
    }

    private static Domain d(String key, ApprovingGrant... approving) {
        return new Domain(key, List.of(approving), List.of());
    }

    private static Domain agree(String key, List<ApprovingGrant> approving, ApprovingGrant... agreeing) {
        return new Domain(key, approving, List.of(agreeing));
    }

    private static WhatIfReport whatIf(List<Domain> domains, String... absent) {
        return WhatIf.of(domains, List.of(absent), NO_DECISIONS);
    }

    private static WhatIfReport expected(List<String> absent, List<String> alreadyUncovered, List<String> stalled,
                                         Map<String, List<StandIn>> coveredByBackup,
                                         Map<String, List<String>> coDecidersLost, List<String> waiting) {
        return new WhatIfReport(absent, alreadyUncovered, stalled, coveredByBackup, coDecidersLost, waiting);
    }

    // ---- single points of failure, with and without backups ----

    @Test
    public void aSinglePointWithoutBackupStalls() {
        // REL: carol ≥5, no backup. carol away → nobody may approve
        assertEquals(expected(List.of("carol"), List.of(), List.of("REL"), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                whatIf(List.of(d("REL", u("carol"))), "carol"));
    }

    @Test
    public void aSinglePointWithABackupIsCoveredByTheBackup() {
        // ARCH: alice(dave). alice away → dave stands in
        assertEquals(expected(List.of("alice"), List.of(), List.of(),
                        Map.of("ARCH", List.of(new StandIn("alice", "dave"))), NO_CO_DECIDERS, List.of()),
                whatIf(List.of(d("ARCH", u("alice", "dave"))), "alice"));
    }

    @Test
    public void aBackupWhoIsAlsoAbsentDoesNotHelp() {
        // ARCH: alice(dave). alice and dave away → stalled
        assertEquals(expected(List.of("alice", "dave"), List.of(), List.of("ARCH"), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                whatIf(List.of(d("ARCH", u("alice", "dave"))), "dave", "alice"));
    }

    @Test
    public void aBackupWhoIsTheHolderIsNoBackup() {
        // ARCH: alice(alice). alice away → stalled
        assertEquals(List.of("ARCH"), whatIf(List.of(d("ARCH", u("alice", "alice"))), "alice").stalled());
    }

    @Test
    public void anAbsentBackupWhoseHolderIsPresentChangesNothing() {
        // ARCH: alice(dave). dave away, alice present → nothing to report
        assertEquals(expected(List.of("dave"), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                whatIf(List.of(d("ARCH", u("alice", "dave"))), "dave"));
    }

    @Test
    public void aBackupStandsInOnlyForTheGrantThatNamesThem() {
        // ARCH: alice(dave) ≥5; REL: bob ≥5, no backup. alice and bob away:
        // dave keeps ARCH going, but he is not bob's backup → REL stalls
        assertEquals(expected(List.of("alice", "bob"), List.of(), List.of("REL"),
                        Map.of("ARCH", List.of(new StandIn("alice", "dave"))), NO_CO_DECIDERS, List.of()),
                whatIf(List.of(d("ARCH", u("alice", "dave")), d("REL", u("bob"))), "alice", "bob"));
    }

    @Test
    public void inOneDomainEveryStandInIsListedAndAHolderWithoutBackupIsNot() {
        // OPS: alice(dave), bob (no backup), erin(grace), carol(bob). alice, bob, erin, carol away:
        // dave for alice and grace for erin stand in; bob has no backup; carol's backup bob is away
        Domain ops = d("OPS", u("erin", "grace"), u("alice", "dave"), u("bob"), u("carol", "bob"));
        assertEquals(expected(List.of("alice", "bob", "carol", "erin"), List.of(), List.of(),
                        Map.of("OPS", List.of(new StandIn("alice", "dave"), new StandIn("erin", "grace"))),
                        NO_CO_DECIDERS, List.of()),
                whatIf(List.of(ops), "alice", "bob", "erin", "carol"));
    }

    @Test
    public void aDomainWithAHolderStillPresentIsNotCoveredByBackup() {
        // ARCH: alice(dave), carol. alice away: carol may still approve → not listed, though dave would stand in
        assertEquals(expected(List.of("alice"), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                whatIf(List.of(d("ARCH", u("alice", "dave"), u("carol"))), "alice"));
    }

    // ---- groups ----

    @Test
    public void aGroupGrantKeepsADomainCoveredThroughItsPresentMembers() {
        // SPEND: leads{alice,erin} ≥5. alice away → erin may approve: nothing listed
        List<Domain> scope = List.of(d("SPEND", g("leads", "alice", "erin")));
        assertEquals(expected(List.of("alice"), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                whatIf(scope, "alice"));
        // both members away → stalled (a group has no stand-in)
        assertEquals(expected(List.of("alice", "erin"), List.of(), List.of("SPEND"), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                whatIf(scope, "alice", "erin"));
    }

    @Test
    public void aGroupMemberKeepsADomainCoveredWhoseDirectHolderIsAwayWithoutNeedingTheBackup() {
        // ARCH: alice(dave), developers{carol,grace}. alice, carol away → grace may approve: not covered by backup
        WhatIfReport r = whatIf(List.of(d("ARCH", u("alice", "dave"), g("developers", "carol", "grace"))), "alice", "carol");
        assertEquals(List.of(), r.stalled());
        assertEquals(NO_BACKUPS, r.coveredByBackup());
    }

    // ---- co-deciders ----

    @Test
    public void anAgreeDomainLosesOneOfTwoCoDeciders() {
        // SPEND: erin ≥5; AGREE: alice, bob. alice away → SPEND loses alice; erin still approves
        Domain spend = agree("SPEND", List.of(u("erin")), u("alice"), u("bob"));
        assertEquals(expected(List.of("alice"), List.of(), List.of(), NO_BACKUPS, Map.of("SPEND", List.of("alice")), List.of()),
                whatIf(List.of(spend), "alice"));
        // both away: both listed, sorted; erin away too: SPEND also stalls
        assertEquals(expected(List.of("alice", "bob", "erin"), List.of(), List.of("SPEND"), NO_BACKUPS,
                        Map.of("SPEND", List.of("alice", "bob")), List.of()),
                whatIf(List.of(spend), "erin", "bob", "alice"));
    }

    @Test
    public void anAgreeHolderWhoseBackupIsPresentIsNotLost() {
        // SPEND: erin ≥5; AGREE: alice(dave), bob(carol). alice and bob away, carol too → only bob is lost
        Domain spend = agree("SPEND", List.of(u("erin")), u("alice", "dave"), u("bob", "carol"));
        assertEquals(Map.of("SPEND", List.of("bob")), whatIf(List.of(spend), "alice", "bob", "carol").coDecidersLost());
    }

    @Test
    public void theMembersOfAnAgreeGroupAreCoDecidersOneByOne() {
        // HR: heidi ≥5; AGREE: hr-team{erin,heidi,grace}. heidi may approve, so she is no co-decider.
        Domain hr = agree("HR", List.of(u("heidi")), g("hr-team", "erin", "heidi", "grace"));
        assertEquals(Map.of("HR", List.of("erin")), whatIf(List.of(hr), "erin").coDecidersLost());
        assertEquals(NO_CO_DECIDERS, whatIf(List.of(hr), "heidi").coDecidersLost());
        assertEquals(Map.of("HR", List.of("erin", "grace")), whatIf(List.of(hr), "grace", "erin", "heidi").coDecidersLost());
    }

    @Test
    public void theSampleOrganisationsArchitectureCoDecider() {
        // docs/sample-org.md, ARCH: alice INQUIRE(dave); AGREE: leads{alice,erin} → the co-decider is erin
        Domain arch = agree("ARCH", List.of(u("alice", "dave")), g("leads", "alice", "erin"));
        assertEquals(Map.of("ARCH", List.of("erin")), whatIf(List.of(arch), "alice", "erin").coDecidersLost());
        assertEquals(NO_CO_DECIDERS, whatIf(List.of(arch), "alice").coDecidersLost());
    }

    // ---- already uncovered, nothing, empty ----

    @Test
    public void aDomainUncoveredBeforeAnyoneIsAwayIsListedApartFromTheStalled() {
        // LEGAL: AGREE alice only (nobody may approve); EMPTY: no grants; GHOST: a group with no members ≥5;
        // REL: carol. carol and alice away
        List<Domain> scope = List.of(agree("LEGAL", List.of(), u("alice")), d("EMPTY"), d("GHOST", g("ghosts")),
                d("REL", u("carol")));
        assertEquals(expected(List.of("alice", "carol"), List.of("EMPTY", "GHOST", "LEGAL"), List.of("REL"), NO_BACKUPS,
                        Map.of("LEGAL", List.of("alice")), List.of()),
                whatIf(scope, "carol", "alice"));
        // already uncovered does not depend on who is away
        assertEquals(List.of("EMPTY", "GHOST", "LEGAL"), whatIf(scope).alreadyUncovered());
    }

    @Test
    public void anAbsentPersonWithoutGrantsChangesNothing() {
        List<Domain> scope = List.of(d("ARCH", u("alice", "dave")), agree("SPEND", List.of(u("erin")), u("bob")));
        List<OpenDecision> open = List.of(OpenDecision.of("DEMO-1", "alice"));
        assertEquals(expected(List.of("frank"), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                WhatIf.of(scope, List.of("frank"), open));
        // the same as nobody away, apart from the absent list
        assertEquals(expected(List.of(), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                WhatIf.of(scope, List.of(), open));
    }

    @Test
    public void theEmptyScope() {
        assertEquals(expected(List.of("alice"), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                WhatIf.of(List.of(), List.of("alice"), List.of()));
        assertEquals(expected(List.of(), List.of(), List.of(), NO_BACKUPS, NO_CO_DECIDERS, List.of()),
                WhatIf.of(List.of(), List.of(), List.of()));
    }

    @Test
    public void aDomainGivenTwiceIsOneDomainWithTheGrantsOfBoth() {
        // ARCH twice: alice / carol. alice away → carol still approves: not stalled
        assertEquals(List.of(), whatIf(List.of(d("ARCH", u("alice")), d("ARCH", u("carol"))), "alice").stalled());
        assertEquals(List.of("ARCH"), whatIf(List.of(d("ARCH", u("alice")), d("ARCH", u("carol"))), "alice", "carol").stalled());
    }

    // ---- open decisions ----

    @Test
    public void decisionsWaitingAreThoseOfAbsentApproversByProjectThenNumber() {
        List<OpenDecision> open = List.of(OpenDecision.of("OPS-1", "alice"), OpenDecision.of("DEMO-10", "alice"),
                OpenDecision.of("DEMO-3", "bob"), OpenDecision.of("DEMO-9", "alice"), OpenDecision.of("DEMO-4", null),
                OpenDecision.of("HR-2", "heidi"));
        // alice has a backup in ARCH: her decisions still wait on her (they are assigned to her)
        WhatIfReport r = WhatIf.of(List.of(d("ARCH", u("alice", "dave"))), List.of("alice", "heidi"), open);
        assertEquals(List.of("DEMO-9", "DEMO-10", "HR-2", "OPS-1"), r.decisionsWaiting());
    }

    @Test
    public void anOpenDecisionKnowsItsProjectAndNumber() {
        OpenDecision d = OpenDecision.of("MY-PROJ-12", null);
        assertEquals("MY-PROJ", d.projectKey());
        assertEquals(12, d.issueNumber());
        assertNull(d.approverName());
    }

    // ---- a designed organisation, end to end ----

    /**
     * Seven domains, erin and alice away:
     * <pre>
     * ARCH   alice(dave) ≥5                         → covered by backup: alice → dave
     * REL    erin ≥5 (no backup)                    → stalled
     * PROD   erin(bob) ≥5, alice(alice) ≥5          → covered by backup: erin → bob (alice is her own backup)
     * SPEND  leads{alice,erin} ≥5; AGREE carol      → stalled (group, both members away)
     * HR     heidi ≥5; AGREE erin, hr-team{erin,heidi} → co-decider erin lost (heidi approves: no co-decider)
     * DOCS   developers{carol,grace} ≥5             → nothing
     * LEGAL  AGREE alice                            → already uncovered; co-decider alice lost
     * </pre>
     * Open decisions: DEMO-7 (erin), OPS-2 (erin), DEMO-12 (alice), DEMO-5 (carol).
     */
    @Test
    public void aDesignedOrganisation() {
        List<Domain> scope = List.of(
                d("ARCH", u("alice", "dave")),
                d("REL", u("erin")),
                d("PROD", u("erin", "bob"), u("alice", "alice")),
                agree("SPEND", List.of(g("leads", "alice", "erin")), u("carol")),
                agree("HR", List.of(u("heidi")), u("erin"), g("hr-team", "erin", "heidi")),
                d("DOCS", g("developers", "carol", "grace")),
                agree("LEGAL", List.of(), u("alice")));
        List<OpenDecision> open = List.of(OpenDecision.of("DEMO-7", "erin"), OpenDecision.of("OPS-2", "erin"),
                OpenDecision.of("DEMO-12", "alice"), OpenDecision.of("DEMO-5", "carol"));
        assertEquals(expected(List.of("alice", "erin"), List.of("LEGAL"), List.of("REL", "SPEND"),
                        Map.of("ARCH", List.of(new StandIn("alice", "dave")), "PROD", List.of(new StandIn("erin", "bob"))),
                        Map.of("HR", List.of("erin"), "LEGAL", List.of("alice")),
                        List.of("DEMO-7", "DEMO-12", "OPS-2")),
                WhatIf.of(scope, List.of("erin", "alice"), open));
        // map order is by domain key
        assertEquals(List.of("ARCH", "PROD"),
                new ArrayList<>(WhatIf.of(scope, List.of("erin", "alice"), open).coveredByBackup().keySet()));
    }

    /**
     * docs/user-guide/accountability.md, "What if these people are away?": ARCH alice(dave), REL carol; open
     * decisions DEMO-9 (alice) and DEMO-10 (no approver) — the guide's worked example.
     */
    @Test
    public void theUserGuideExample() {
        List<Domain> scope = List.of(d("ARCH", u("alice", "dave")), d("REL", u("carol")));
        List<OpenDecision> open = List.of(OpenDecision.of("DEMO-9", "alice"), OpenDecision.of("DEMO-10", null));
        assertEquals(expected(List.of("alice", "carol"), List.of(), List.of("REL"),
                        Map.of("ARCH", List.of(new StandIn("alice", "dave"))), NO_CO_DECIDERS, List.of("DEMO-9")),
                WhatIf.of(scope, List.of("alice", "carol"), open));
        assertEquals(List.of("ARCH"), WhatIf.of(scope, List.of("alice", "dave"), open).stalled());
    }

    // ---- built from EffectiveAuthority ----

    @Test
    public void aDomainFromItsEffectiveAuthority() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        Map<String, String> names = Map.of("k-alice", "alice", "k-dave", "dave", "k-bob", "bob", "k-carol", "carol",
                "k-erin", "erin");
        List<Grant> grants = List.of(
                new Grant(1, "ARCH", Principal.user("k-alice"), Level.DELEGATE, "k-dave", null, null, null, null, 1),
                new Grant(2, "ARCH", Principal.user("k-carol"), Level.ADVISE, "k-ivan", null, null, null, null, 1),
                new Grant(3, "ARCH", Principal.user("k-bob"), Level.INQUIRE, null, null, null, today.minusDays(1), null, 1),
                new Grant(4, "ARCH", Principal.group("leads"), Level.ADVISE, "k-bob", null, null, null, null, 1),
                new Grant(5, "ARCH", Principal.user("k-erin"), Level.AGREE, "k-bob", null, null, null, null, 1),
                new Grant(6, "ARCH", Principal.user("k-bob"), Level.CONSULT, null, null, null, null, null, 1),
                new Grant(7, "ARCH", Principal.user("k-ivan"), Level.DELEGATE, null, null, null, null, null, 1));
        // alice is away today (a recorded absence): its stand-in is not part of the what-if's input
        EffectiveAuthority authority = new EffectiveAuthority("ARCH", grants, today,
                k -> k.equals("k-alice") ? Optional.of(today.plusDays(3)) : Optional.empty(), k -> true);
        Domain domain = Domain.of(authority, names::get, group -> group.equals("leads") ? List.of("alice", "erin") : List.of());
        // strongest first: alice DELEGATE (dave), carol ADVISE (inactive ivan → no backup), leads ADVISE (backup
        // dropped); bob's expired INQUIRE, bob's CONSULT and inactive ivan's DELEGATE give nothing
        assertEquals(List.of(u("alice", "dave"), u("carol"), g("leads", "alice", "erin")), domain.approving());
        assertEquals(List.of(u("erin", "bob")), domain.agreeing());
        assertEquals(Set.of("alice", "erin"), domain.approving().get(2).people());
        // alice, carol, erin away: dave stands in for alice; erin is no co-decider (leads lets her approve), and
        // her AGREE backup bob is present anyway
        assertEquals(expected(List.of("alice", "carol", "erin"), List.of(), List.of(),
                        Map.of("ARCH", List.of(new StandIn("alice", "dave"))), NO_CO_DECIDERS, List.of()),
                WhatIf.of(List.of(domain), List.of("alice", "carol", "erin"), NO_DECISIONS));
    }
}
