package io.mandate.accountability;

import io.mandate.accountability.DomainCoverage.ApprovingGrant;
import io.mandate.authority.EffectiveAuthority;
import io.mandate.authority.Grant;
import io.mandate.authority.Level;
import io.mandate.platform.Principal;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Who may approve in a domain today, built as the report's caller builds it — from {@link EffectiveAuthority}
 * (validity, absences, stand-ins), user keys mapped to usernames, groups expanded — and the single points of
 * failure over it.
 */
public class DomainCoverageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** User keys differ from usernames on purpose: the coverage speaks usernames. */
    private static final Map<String, String> NAMES = Map.of("k-alice", "alice", "k-bob", "bob", "k-carol", "carol",
            "k-dave", "dave", "k-erin", "erin", "k-frank", "frank", "k-heidi", "heidi");
    private static final Function<String, String> NAME_OF_KEY = NAMES::get; // k-ivan (inactive) → null
    private static final Map<String, List<String>> MEMBERS = Map.of(
            "leads", List.of("alice", "erin"), "hr-team", List.of("heidi"));
    private static final Function<String, List<String>> MEMBERS_OF = g -> MEMBERS.getOrDefault(g, List.of());
    private static final Function<String, Optional<LocalDate>> NOBODY_AWAY = k -> Optional.empty();

    private static long ids;

    private static Grant grant(Principal holder, Level level, String backupKey, LocalDate from, LocalDate to) {
        return new Grant(++ids, "ARCH", holder, level, backupKey, null, from, to, null, 1);
    }

    private static Grant user(String key, Level level) {
        return grant(Principal.user(key), level, null, null, null);
    }

    private static DomainCoverage coverage(Function<String, Optional<LocalDate>> awayUntil, Grant... grants) {
        return DomainCoverage.of(new EffectiveAuthority("ARCH", List.of(grants), TODAY, awayUntil, k -> true), NAME_OF_KEY, MEMBERS_OF);
    }

    private static DomainCoverage coverage(Grant... grants) {
        return coverage(NOBODY_AWAY, grants);
    }

    // ---- who may approve ----

    @Test
    public void aGroupGrantIsExpandedToItsMembers() {
        // leads (alice, erin) at ADVISE may approve; bob at CONSULT may not
        DomainCoverage c = coverage(grant(Principal.group("leads"), Level.ADVISE, null, null, null), user("k-bob", Level.CONSULT));
        assertEquals(Set.of("alice", "erin"), c.approvers());
    }

    @Test
    public void anExpiredOrFutureGrantGivesNobodyAnything() {
        // carol's DELEGATE ended yesterday, dave's INQUIRE starts tomorrow: only alice may approve today
        DomainCoverage c = coverage(user("k-alice", Level.ADVISE),
                grant(Principal.user("k-carol"), Level.DELEGATE, null, null, TODAY.minusDays(1)),
                grant(Principal.user("k-dave"), Level.INQUIRE, null, TODAY.plusDays(1), null));
        assertEquals(Set.of("alice"), c.approvers());
        // … and so the domain is a single point of failure, which the expired grant does not hide
        assertTrue(c.isSinglePointOfFailure());
    }

    @Test
    public void aGrantValidUntilTodayStillCounts() {
        DomainCoverage c = coverage(grant(Principal.user("k-carol"), Level.DELEGATE, null, null, TODAY));
        assertEquals(Set.of("carol"), c.approvers());
    }

    @Test
    public void agreeHoldersAreCoDecidersNotApprovers() {
        DomainCoverage c = coverage(user("k-frank", Level.AGREE), user("k-erin", Level.AGREE));
        assertEquals(Set.of(), c.approvers());
        assertFalse("nobody may approve: not one person", c.isSinglePointOfFailure());
    }

    @Test
    public void theBackupOfAnAwayHolderStandsIn() {
        // alice (ADVISE, backup bob) is away today: bob stands in, alice keeps her level
        DomainCoverage c = coverage(k -> k.equals("k-alice") ? Optional.of(TODAY.plusDays(3)) : Optional.empty(),
                grant(Principal.user("k-alice"), Level.ADVISE, "k-bob", null, null));
        assertEquals(Set.of("alice", "bob"), c.approvers());
        assertEquals(Set.of("bob"), c.standIns());
    }

    @Test
    public void anInactiveHolderMayApproveNothingAndAnInactiveBackupBacksUpNobody() {
        DomainCoverage c = coverage(user("k-ivan", Level.DELEGATE), grant(Principal.user("k-alice"), Level.ADVISE, "k-ivan", null, null));
        assertEquals(Set.of("alice"), c.approvers());
        assertEquals(List.of(ApprovingGrant.user("alice", null)), c.grants());
        assertTrue(c.isSinglePointOfFailure());
    }

    // ---- single points of failure ----

    @Test
    public void oneApproverWithoutBackupIsASinglePointOfFailure() {
        assertTrue(coverage(user("k-alice", Level.DELEGATE)).isSinglePointOfFailure());
    }

    @Test
    public void oneApproverWithABackupIsNot() {
        assertFalse(coverage(grant(Principal.user("k-alice"), Level.DELEGATE, "k-bob", null, null)).isSinglePointOfFailure());
    }

    @Test
    public void aBackupWhoIsTheHolderIsNoBackup() {
        assertTrue(coverage(grant(Principal.user("k-alice"), Level.DELEGATE, "k-alice", null, null)).isSinglePointOfFailure());
    }

    @Test
    public void twoApproversAreNoSinglePoint() {
        assertFalse(coverage(user("k-alice", Level.ADVISE), user("k-bob", Level.INQUIRE)).isSinglePointOfFailure());
    }

    @Test
    public void aGroupOfTwoIsNoSinglePoint() {
        assertFalse(coverage(grant(Principal.group("leads"), Level.ADVISE, null, null, null)).isSinglePointOfFailure());
    }

    @Test
    public void theOneMemberOfAGroupIsASinglePointEvenWithABackupOnTheGroupGrant() {
        // a group is never away: the backup of a group grant never stands in, so it keeps nobody going
        DomainCoverage c = coverage(grant(Principal.group("hr-team"), Level.DELEGATE, "k-bob", null, null));
        assertEquals(Set.of("heidi"), c.approvers());
        assertTrue(c.isSinglePointOfFailure());
    }

    @Test
    public void aDirectGrantWithABackupBesideTheGroupGrantCoversThePerson() {
        // heidi may approve through hr-team and through her own grant, which bob backs up
        DomainCoverage c = coverage(grant(Principal.group("hr-team"), Level.DELEGATE, null, null, null),
                grant(Principal.user("k-heidi"), Level.ADVISE, "k-bob", null, null));
        assertEquals(Set.of("heidi"), c.approvers());
        assertFalse(c.isSinglePointOfFailure());
    }

    @Test
    public void ofTwoDirectGrantsOneWithAnotherBackupIsEnough() {
        DomainCoverage selfOnly = new DomainCoverage("ARCH", List.of(ApprovingGrant.user("alice", "alice"), ApprovingGrant.user("alice", null)));
        DomainCoverage oneBacked = new DomainCoverage("ARCH", List.of(ApprovingGrant.user("alice", "alice"), ApprovingGrant.user("alice", "bob")));
        assertTrue(selfOnly.isSinglePointOfFailure());
        assertFalse(oneBacked.isSinglePointOfFailure());
    }

    @Test
    public void aStandInWhoseHolderCannotApproveIsASinglePoint() {
        // the holder is inactive (no name), bob stands in alone: nobody stands in for a stand-in
        DomainCoverage c = new DomainCoverage("ARCH", List.of(), Set.of("bob"));
        assertEquals(Set.of("bob"), c.approvers());
        assertTrue(c.isSinglePointOfFailure());
    }

    @Test
    public void singlePointsOfFailureAreListedByDomainKey() {
        DomainCoverage release = new DomainCoverage("RELEASE", List.of(ApprovingGrant.user("carol", null)));
        DomainCoverage arch = new DomainCoverage("ARCH", List.of(ApprovingGrant.user("alice", null)));
        DomainCoverage hiring = new DomainCoverage("HIRING", List.of(ApprovingGrant.user("heidi", "erin")));
        assertEquals(List.of("ARCH", "RELEASE"), SinglePointsOfFailure.of(List.of(release, hiring, arch)));
    }
}
