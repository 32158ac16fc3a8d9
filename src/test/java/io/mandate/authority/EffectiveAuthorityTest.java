package io.mandate.authority;

import io.mandate.platform.Principal;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The resolution rules of the product brief ("Effective authority"), on one domain's grants: direct and group
 * grants, the highest level wins, the validity window (inclusive, either end open), AGREE as co-deciders, and
 * stand-ins while a holder is away; people the host has deactivated or deleted ({@code GONE}) hold nothing.
 */
public class EffectiveAuthorityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Set<String> NO_GROUPS = Set.of();
    private static final Function<String, Optional<LocalDate>> NOBODY_AWAY = user -> Optional.empty();
    /** Users who may not act: ivan is deactivated, JIRAUSER10042 deleted (the host answers alike: not active). */
    private static final Set<String> GONE = Set.of("ivan", "JIRAUSER10042");

    private static long ids;

    private static Grant user(String key, Level level) {
        return new Grant(++ids, "ARCH", Principal.user(key), level, null, null, null, null, null, 1);
    }

    private static Grant group(String name, Level level) {
        return new Grant(++ids, "ARCH", Principal.group(name), level, null, null, null, null, null, 1);
    }

    private static Grant window(Grant g, LocalDate from, LocalDate to) {
        return new Grant(g.id(), g.domainKey(), g.holder(), g.level(), g.backupKey(), g.menteeKey(), from, to, g.note(), 1);
    }

    private static Grant backedUpBy(Grant g, String backup) {
        return new Grant(g.id(), g.domainKey(), g.holder(), g.level(), backup, g.menteeKey(), g.validFrom(), g.validTo(), g.note(), 1);
    }

    private static EffectiveAuthority on(LocalDate day, List<Grant> grants, Function<String, Optional<LocalDate>> awayUntil) {
        return new EffectiveAuthority("ARCH", grants, day, awayUntil, key -> !GONE.contains(key));
    }

    private static EffectiveAuthority today(Grant... grants) {
        return on(TODAY, List.of(grants), NOBODY_AWAY);
    }

    /** As {@link AuthorityService#awayUntil}: the last day of an absence that covers the day asked about. */
    private static Function<String, Optional<LocalDate>> away(LocalDate day, Absence... absences) {
        return user -> List.of(absences).stream().filter(a -> a.userKey().equals(user) && a.covers(day))
                .map(Absence::to).max(LocalDate::compareTo);
    }

    // ---- direct and group grants ----

    @Test
    public void aDirectGrantGivesItsLevel() {
        EffectiveAuthority a = today(user("carol", Level.ADVISE));
        assertEquals(Optional.of(Level.ADVISE), a.levelOf("carol", NO_GROUPS));
        assertTrue(a.mayApprove("carol", NO_GROUPS));
        assertEquals(Optional.empty(), a.levelOf("dave", NO_GROUPS));
        assertFalse(a.mayApprove("dave", NO_GROUPS));
        assertEquals(Optional.empty(), a.levelOf(null, NO_GROUPS));
    }

    @Test
    public void aGroupGrantReachesItsMembersOnly() {
        EffectiveAuthority a = today(group("developers", Level.CONSULT));
        assertEquals(Optional.of(Level.CONSULT), a.levelOf("dave", Set.of("developers", "jira-software-users")));
        assertEquals(Optional.empty(), a.levelOf("bob", Set.of("operations")));
        assertEquals("a user named like the group is not a member", Optional.empty(), a.levelOf("developers", NO_GROUPS));
    }

    @Test
    public void theHighestLevelWinsWhicheverGrantGivesIt() {
        Grant groupInquire = group("leads", Level.INQUIRE);
        Grant directConsult = user("alice", Level.CONSULT);
        Grant directTell = user("alice", Level.TELL);
        EffectiveAuthority a = today(directConsult, groupInquire, directTell);
        assertEquals(Optional.of(Level.INQUIRE), a.levelOf("alice", Set.of("leads")));
        assertEquals(Optional.of(Level.CONSULT), a.levelOf("alice", NO_GROUPS));

        EffectiveAuthority b = today(group("developers", Level.CONSULT), user("carol", Level.DELEGATE));
        assertEquals(Optional.of(Level.DELEGATE), b.levelOf("carol", Set.of("developers")));
        assertEquals("the strongest first", Level.DELEGATE, b.validGrants().get(0).level());
    }

    @Test
    public void mayApproveFromAdviseUpAndAgreeHoldersAreListedAsCoDeciders() {
        EffectiveAuthority a = today(user("alice", Level.AGREE), user("erin", Level.ADVISE), group("leads", Level.AGREE),
                user("carol", Level.CONSULT));
        assertFalse("AGREE decides together, it does not approve", a.mayApprove("alice", NO_GROUPS));
        assertTrue(a.mayApprove("erin", NO_GROUPS));
        assertEquals(List.of(Principal.user("alice"), Principal.group("leads")), a.holdersAt(Level.AGREE));
        assertEquals(List.of(Principal.user("erin")), a.holdersAt(Level.ADVISE));
        assertEquals(List.of(), a.holdersAt(Level.DELEGATE));
        for (Level level : Level.values()) {
            assertEquals(level.name(), level.number() >= 5, today(user("x", level)).mayApprove("x", NO_GROUPS));
        }
    }

    // ---- validity ----

    @Test
    public void theValidityWindowIsInclusiveAtBothEnds() {
        Grant g = window(user("carol", Level.ADVISE), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertEquals(Optional.empty(), on(LocalDate.of(2026, 10, 31), List.of(g), NOBODY_AWAY).levelOf("carol", NO_GROUPS));
        assertEquals(Optional.of(Level.ADVISE), on(LocalDate.of(2026, 11, 1), List.of(g), NOBODY_AWAY).levelOf("carol", NO_GROUPS));
        assertEquals(Optional.of(Level.ADVISE), on(LocalDate.of(2026, 11, 30), List.of(g), NOBODY_AWAY).levelOf("carol", NO_GROUPS));
        assertEquals(Optional.empty(), on(LocalDate.of(2026, 12, 1), List.of(g), NOBODY_AWAY).levelOf("carol", NO_GROUPS));
    }

    @Test
    public void anOpenEndIsUnbounded() {
        Grant fromOnly = window(user("carol", Level.ADVISE), TODAY, null);
        Grant toOnly = window(user("dave", Level.ADVISE), null, TODAY);
        EffectiveAuthority farFuture = on(LocalDate.of(2999, 1, 1), List.of(fromOnly, toOnly), NOBODY_AWAY);
        assertTrue(farFuture.mayApprove("carol", NO_GROUPS));
        assertFalse(farFuture.mayApprove("dave", NO_GROUPS));
        EffectiveAuthority farPast = on(LocalDate.of(1999, 1, 1), List.of(fromOnly, toOnly), NOBODY_AWAY);
        assertFalse(farPast.mayApprove("carol", NO_GROUPS));
        assertTrue(farPast.mayApprove("dave", NO_GROUPS));
    }

    @Test
    public void anExpiredGrantIsIgnoredEvenWhenItIsTheStrongest() {
        Grant expired = window(user("alice", Level.DELEGATE), null, TODAY.minusDays(1));
        Grant notYet = window(group("leads", Level.INQUIRE), TODAY.plusDays(1), null);
        Grant current = user("alice", Level.CONSULT);
        EffectiveAuthority a = today(expired, notYet, current);
        assertEquals(Optional.of(Level.CONSULT), a.levelOf("alice", Set.of("leads")));
        assertEquals(List.of(current), a.validGrants());
        assertEquals(List.of(), a.holdersAt(Level.DELEGATE));
        assertTrue(today(expired).isEmpty());
        assertFalse(a.isEmpty());
    }

    // ---- stand-ins ----

    @Test
    public void theBackupRisesToTheHoldersLevelWhileTheHolderIsAwayAndNotBeforeOrAfter() {
        Grant carol = backedUpBy(user("carol", Level.INQUIRE), "dave");
        Grant daveOwn = user("dave", Level.CONSULT);
        Absence holiday = new Absence(1, "carol", LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 5), "holiday");
        List<Grant> grants = List.of(carol, daveOwn);

        LocalDate dayBefore = LocalDate.of(2026, 12, 19);
        EffectiveAuthority before = on(dayBefore, grants, away(dayBefore, holiday));
        assertEquals(Optional.of(Level.CONSULT), before.levelOf("dave", NO_GROUPS));
        assertEquals(List.of(), before.standIns());

        for (LocalDate day : List.of(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 5))) {
            EffectiveAuthority during = on(day, grants, away(day, holiday));
            assertEquals(day.toString(), Optional.of(Level.INQUIRE), during.levelOf("dave", NO_GROUPS));
            assertTrue(during.mayApprove("dave", NO_GROUPS));
            assertEquals("the holder keeps their level", Optional.of(Level.INQUIRE), during.levelOf("carol", NO_GROUPS));
            assertEquals(List.of(new EffectiveAuthority.StandIn(carol, "dave", LocalDate.of(2027, 1, 5))), during.standIns());
        }

        LocalDate dayAfter = LocalDate.of(2027, 1, 6);
        EffectiveAuthority after = on(dayAfter, grants, away(dayAfter, holiday));
        assertEquals(Optional.of(Level.CONSULT), after.levelOf("dave", NO_GROUPS));
        assertFalse(after.mayApprove("dave", NO_GROUPS));
    }

    @Test
    public void aStandInNeverLowersTheBackupsOwnLevel() {
        Grant carol = backedUpBy(user("carol", Level.ADVISE), "dave");
        EffectiveAuthority a = on(TODAY, List.of(carol, user("dave", Level.DELEGATE)),
                away(TODAY, new Absence(1, "carol", TODAY, TODAY, null)));
        assertEquals(Optional.of(Level.DELEGATE), a.levelOf("dave", NO_GROUPS));
    }

    @Test
    public void withoutABackupNobodyStandsIn() {
        Grant carol = user("carol", Level.INQUIRE);
        EffectiveAuthority a = on(TODAY, List.of(carol, group("developers", Level.CONSULT)),
                away(TODAY, new Absence(1, "carol", TODAY, TODAY.plusDays(3), null)));
        assertEquals(List.of(), a.standIns());
        assertEquals(Optional.of(Level.CONSULT), a.levelOf("dave", Set.of("developers")));
        assertFalse(a.mayApprove("dave", Set.of("developers")));
    }

    @Test
    public void aHolderNamedAsTheirOwnBackupIsNoStandIn() {
        Grant carol = backedUpBy(user("carol", Level.INQUIRE), "carol");
        EffectiveAuthority a = on(TODAY, List.of(carol), away(TODAY, new Absence(1, "carol", TODAY, TODAY, null)));
        assertEquals(List.of(), a.standIns());
    }

    @Test
    public void groupGrantsHaveNoStandIns() {
        Grant leads = backedUpBy(group("leads", Level.DELEGATE), "dave");
        // even if something called "leads" were away, a group is never away: its backup does not stand in
        EffectiveAuthority a = on(TODAY, List.of(leads), user -> Optional.of(TODAY.plusDays(10)));
        assertEquals(List.of(), a.standIns());
        assertEquals(Optional.empty(), a.levelOf("dave", NO_GROUPS));
    }

    @Test
    public void anExpiredGrantsBackupDoesNotStandIn() {
        Grant carol = window(backedUpBy(user("carol", Level.INQUIRE), "dave"), null, TODAY.minusDays(1));
        EffectiveAuthority a = on(TODAY, List.of(carol), away(TODAY, new Absence(1, "carol", TODAY, TODAY, null)));
        assertEquals(List.of(), a.standIns());
        assertEquals(Optional.empty(), a.levelOf("dave", NO_GROUPS));
    }

    @Test
    public void theBackupOfAnAbsentHolderWhoIsNotAwayTodayStaysWhereTheyAre() {
        Grant carol = backedUpBy(user("carol", Level.INQUIRE), "dave");
        Grant erin = backedUpBy(user("erin", Level.ADVISE), "dave");
        EffectiveAuthority a = on(TODAY, List.of(carol, erin), away(TODAY, new Absence(1, "erin", TODAY, TODAY, null),
                new Absence(2, "carol", TODAY.plusDays(1), TODAY.plusDays(2), null)));
        assertEquals("stands in for erin, not for carol", Optional.of(Level.ADVISE), a.levelOf("dave", NO_GROUPS));
        assertEquals(1, a.standIns().size());
        assertEquals("erin", a.standIns().get(0).grant().holder().id());
    }

    // ---- people who may not act ----

    @Test
    public void aDeactivatedOrDeletedHolderHoldsNothingNeitherDirectlyNorThroughAGroup() {
        EffectiveAuthority a = today(user("ivan", Level.DELEGATE), user("JIRAUSER10042", Level.ADVISE),
                group("leads", Level.INQUIRE));
        assertEquals(Optional.empty(), a.levelOf("ivan", Set.of("leads")));
        assertEquals(Optional.empty(), a.levelOf("JIRAUSER10042", NO_GROUPS));
        assertFalse(a.mayApprove("ivan", Set.of("leads")));
        assertEquals("an active member still holds the group's level", Optional.of(Level.INQUIRE), a.levelOf("erin", Set.of("leads")));
        assertEquals("their grants stay listed: they count again on reactivation", 3, a.validGrants().size());
    }

    @Test
    public void aDeactivatedOrDeletedBackupDoesNotStandIn() {
        Grant carol = backedUpBy(user("carol", Level.INQUIRE), "ivan");
        Grant erin = backedUpBy(user("erin", Level.ADVISE), "JIRAUSER10042");
        Grant frank = backedUpBy(user("frank", Level.DELEGATE), "dave");
        EffectiveAuthority a = on(TODAY, List.of(carol, erin, frank), user -> Optional.of(TODAY));
        assertEquals("only dave, who may act, stands in", List.of("dave"),
                a.standIns().stream().map(EffectiveAuthority.StandIn::backupKey).toList());
        assertEquals(Optional.empty(), a.levelOf("ivan", NO_GROUPS));
    }

    @Test
    public void nobodyStandsInForAHolderWhoMayNotAct() {
        Grant ivan = backedUpBy(user("ivan", Level.DELEGATE), "dave");
        EffectiveAuthority a = on(TODAY, List.of(ivan), user -> Optional.of(TODAY));
        assertEquals(List.of(), a.standIns());
        assertEquals(Optional.empty(), a.levelOf("dave", NO_GROUPS));
    }
}
