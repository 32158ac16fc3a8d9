package io.mandate.authority;

import io.mandate.decision.Decision;
import io.mandate.decision.DecisionAuthority;
import io.mandate.decision.DecisionStatus;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The checks on decisions and the mentees to notify (MatrixDecisionAuthority's javadoc): groups, validity windows,
 * AGREE, stand-ins, consultation by user and by group, ties and domains set by hand — over a real AuthorityService.
 */
public class MatrixDecisionAuthorityTest {

    private static final IssueRef DEMO_1 = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
    private static final IssueRef OPS_1 = new IssueRef(2, "OPS-1", "Outage", 10001L, "OPS", "Task", List.of(), List.of());

    private MatrixFixture m;
    private MatrixDecisionAuthority authority;
    private Person alice;
    private Person bob;
    private Person carol;
    private Person dave;
    private Person erin;

    @Before
    public void setUp() {
        m = new MatrixFixture();
        alice = m.person("alice", "Alice Adams");
        bob = m.person("bob", "Bob Brown");
        carol = m.person("carol", "Carol Clark");
        dave = m.person("dave", "Dave Dormant");
        erin = m.person("erin", "Erin Evans");
        m.domain("ARCH", "Architecture", MatrixFixture.projects("DEMO"));
        m.domain("RELEASE", "Release go/no-go", MatrixFixture.projects("OPS"));
        m.domain("SPEND", "Spend under 10k", MatrixFixture.projects("OPS"));
        authority = new MatrixDecisionAuthority(m.service);
    }

    private static Decision decision(IssueRef issue, String approverKey, List<String> contributors) {
        return new Decision(issue.id(), issue.projectId(), issue.key(), issue.projectKey(), DecisionStatus.IN_PROGRESS, null,
                approverKey, contributors, List.of(), null, null, null, null, Instant.EPOCH, Instant.EPOCH, 1);
    }

    private DecisionAuthority.Checks checks(String approverKey, String... contributors) {
        return authority.checks(decision(DEMO_1, approverKey, List.of(contributors)), DEMO_1);
    }

    // ----- authority violation -----

    @Test
    public void anApproverHoldingOnlyConsultIsAViolationAndTheFindingsSaySo() {
        m.grant("ARCH", alice, Level.CONSULT);
        Decision d = decision(DEMO_1, alice.key(), List.of(alice.key()));
        assertTrue(authority.checks(d, DEMO_1).authorityViolation());
        DecisionAuthority.Findings f = authority.findings(d, DEMO_1).orElseThrow();
        assertEquals("ARCH", f.domainKey());
        assertEquals("Architecture", f.domainName());
        assertEquals("CONSULT", f.approverLevel());
        assertFalse(f.approverMayApprove());
    }

    @Test
    public void aDeactivatedOrDeletedApproverMayNotApproveWhateverTheMatrixGrantsThem() {
        m.grant("ARCH", alice, Level.DELEGATE);
        m.grant("ARCH", bob, Level.ADVISE);
        m.group("leads", carol);
        m.groupGrant("ARCH", "leads", Level.INQUIRE);
        assertFalse(checks(alice.key()).authorityViolation());
        m.deactivate(alice);
        m.delete(bob);
        m.deactivate(carol);
        assertTrue(checks(alice.key()).authorityViolation());
        assertTrue(checks(bob.key()).authorityViolation());
        assertTrue("not through a group either", checks(carol.key()).authorityViolation());
        assertEquals(null, authority.findings(decision(DEMO_1, alice.key(), List.of()), DEMO_1).orElseThrow().approverLevel());
    }

    @Test
    public void nobodyWhoMayNotActIsOfferedAsApprover() {
        m.group("leads", carol, dave);
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, erin.key(), null, null, null);
        m.grant("ARCH", bob, Level.ADVISE);
        m.groupGrant("ARCH", "leads", Level.INQUIRE);
        m.away(alice, MatrixFixture.TODAY, MatrixFixture.TODAY);
        assertEquals(List.of(alice.key(), bob.key(), erin.key(), carol.key(), dave.key()), authority.mayApprove(null, DEMO_1, 10));
        m.deactivate(bob);
        m.deactivate(erin);
        m.delete(carol);
        assertEquals(List.of(alice.key(), dave.key()), authority.mayApprove(null, DEMO_1, 10));
    }

    @Test
    public void theApproversOfferedFromAGroupOfThousandsAreFoundWithoutGoingThroughThemAll() {
        Person[] everyone = new Person[5_000];
        for (int i = 0; i < everyone.length; i++) {
            everyone[i] = m.person(String.format("u%05d", i), "User " + i);
        }
        m.group("jira-software-users", everyone);
        m.groupGrant("ARCH", "jira-software-users", Level.ADVISE);
        m.deactivate(everyone[1]);
        m.activeChecks.set(0);
        assertEquals(List.of(everyone[0].key(), everyone[2].key(), everyone[3].key()), authority.mayApprove(null, DEMO_1, 3));
        assertTrue("asked about " + m.activeChecks.get() + " people", m.activeChecks.get() <= 4);
    }

    @Test
    public void aRunOverManyDecisionsGivesEachTheVerdictOfItsOwnCheckAndAsksWhetherEachPersonMayActOnce() {
        m.grant("ARCH", alice, Level.ADVISE);
        m.grant("ARCH", bob, Level.CONSULT);
        m.grant("ARCH", dave, Level.CONSULT);
        m.deactivate(dave);
        m.group("reviewers", carol, erin);
        m.groupGrant("ARCH", "reviewers", Level.CONSULT);
        m.grant("RELEASE", erin, Level.DELEGATE);
        List<Decision> decisions = new ArrayList<>();
        String[] approvers = {alice.key(), bob.key(), erin.key(), null};
        List<List<String>> contributors = List.of(List.of(), List.of(bob.key()), List.of(bob.key(), carol.key()), List.of(erin.key()));
        for (int i = 0; i < 200; i++) {
            IssueRef issue = i % 3 == 0 ? OPS_1 : DEMO_1;
            decisions.add(decision(issue, approvers[i % approvers.length], contributors.get(i / 7 % contributors.size())));
        }
        m.activeChecks.set(0);
        DecisionAuthority.Run run = authority.run();
        List<Optional<DecisionAuthority.Findings>> inRun = new ArrayList<>();
        decisions.forEach(d -> inRun.add(run.findings(d, d.projectKey().equals("OPS") ? OPS_1 : DEMO_1)));
        int askedInRun = m.activeChecks.get();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            assertEquals("decision " + i, authority.findings(d, d.projectKey().equals("OPS") ? OPS_1 : DEMO_1), inRun.get(i));
        }
        // five people, each asked at most once by the run (and once more for a group's members, once per domain)
        assertTrue("asked " + askedInRun + " times", askedInRun <= 8);
        assertTrue(inRun.stream().anyMatch(f -> f.isPresent() && !f.get().notConsulted().isEmpty()));
        assertTrue(inRun.stream().anyMatch(f -> f.isPresent() && !f.get().approverMayApprove()));
    }

    @Test
    public void someoneDeactivatedWhoHoldsConsultNeedNotBeConsulted() {
        m.grant("ARCH", alice, Level.ADVISE);
        m.grant("ARCH", bob, Level.CONSULT);
        assertTrue(checks(alice.key()).consultationGap());
        m.deactivate(bob);
        assertFalse(checks(alice.key()).consultationGap());
    }

    @Test
    public void anApproverAtAdviseOrAboveIsNoViolationAndAgreeIsNotEnough() {
        m.grant("ARCH", alice, Level.ADVISE);
        m.grant("ARCH", bob, Level.AGREE);
        assertFalse(checks(alice.key()).authorityViolation());
        assertTrue("AGREE decides together, it does not approve", checks(bob.key()).authorityViolation());
    }

    @Test
    public void anApproverWithNoGrantInTheDomainIsAViolationWithNoLevel() {
        m.grant("ARCH", alice, Level.DELEGATE);
        assertTrue(checks(carol.key()).authorityViolation());
        assertNull(authority.findings(decision(DEMO_1, carol.key(), List.of()), DEMO_1).orElseThrow().approverLevel());
    }

    @Test
    public void aGroupGrantLetsItsMembersApproveAndTheHighestLevelWins() {
        m.group("leads", alice, erin);
        m.groupGrant("ARCH", "leads", Level.INQUIRE);
        m.grant("ARCH", alice, Level.CONSULT); // a lower direct grant does not lower the group's
        assertFalse(checks(alice.key()).authorityViolation());
        assertFalse(checks(erin.key()).authorityViolation());
        assertTrue(checks(bob.key()).authorityViolation());
    }

    @Test
    public void aGrantOutsideItsValidityWindowIsIgnored() {
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, null, null, null, MatrixFixture.TODAY.minusDays(1));
        m.grant("ARCH", Principal.user(bob.key()), Level.DELEGATE, null, null, MatrixFixture.TODAY.plusDays(1), null);
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, null, null, MatrixFixture.TODAY, MatrixFixture.TODAY);
        assertTrue("expired yesterday", checks(alice.key()).authorityViolation());
        assertTrue("valid from tomorrow", checks(bob.key()).authorityViolation());
        assertFalse("valid today only, inclusive", checks(carol.key()).authorityViolation());
    }

    @Test
    public void aBackupMayApproveWhileTheHolderIsAwayAndNotOtherwise() {
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, dave.key(), null, null, null);
        assertTrue("Carol is here: Dave holds nothing", checks(dave.key()).authorityViolation());

        MatrixFixture away = new MatrixFixture();
        away.people.putAll(m.people);
        away.domains.putAll(m.domains);
        away.grants.putAll(m.grants);
        away.away(carol, MatrixFixture.TODAY.minusDays(2), LocalDate.parse("2027-01-05"));
        MatrixDecisionAuthority withAbsence = new MatrixDecisionAuthority(away.service);
        assertFalse("Dave stands in", withAbsence.checks(decision(DEMO_1, dave.key(), List.of()), DEMO_1).authorityViolation());
        assertFalse("Carol keeps her own level", withAbsence.checks(decision(DEMO_1, carol.key(), List.of()), DEMO_1).authorityViolation());
    }

    @Test
    public void aDecisionWithoutApproverIsNoViolation() {
        m.grant("ARCH", alice, Level.DELEGATE);
        assertFalse(checks(null).authorityViolation());
    }

    // ----- consultation gap -----

    @Test
    public void aUserHoldingConsultMustBeAmongTheContributors() {
        m.grant("ARCH", alice, Level.DELEGATE);
        m.grant("ARCH", bob, Level.CONSULT);
        assertTrue(checks(alice.key()).consultationGap());
        assertEquals(List.of(Principal.user(bob.key())),
                authority.findings(decision(DEMO_1, alice.key(), List.of()), DEMO_1).orElseThrow().notConsulted());
        assertFalse(checks(alice.key(), bob.key()).consultationGap());
    }

    @Test
    public void someoneWhoseEffectiveLevelIsAboveConsultNeedNotBeConsulted() {
        m.group("developers", bob, carol);
        m.grant("ARCH", alice, Level.DELEGATE);
        m.groupGrant("ARCH", "developers", Level.CONSULT);
        m.grant("ARCH", bob, Level.ADVISE);
        m.grant("ARCH", carol, Level.CONSULT);
        assertTrue("Carol (exactly CONSULT) is missing", checks(alice.key()).consultationGap());
        assertFalse("Bob decides rather than advises", checks(alice.key(), carol.key()).consultationGap());
    }

    @Test
    public void aGroupHoldingConsultIsConsultedWhenOneOfItsConsultedMembersContributes() {
        m.group("operations", bob, erin);
        m.grant("ARCH", alice, Level.DELEGATE);
        m.groupGrant("ARCH", "operations", Level.CONSULT);
        assertTrue(checks(alice.key()).consultationGap());
        assertEquals(List.of(Principal.group("operations")),
                authority.findings(decision(DEMO_1, alice.key(), List.of()), DEMO_1).orElseThrow().notConsulted());
        assertFalse(checks(alice.key(), erin.key()).consultationGap());
        assertTrue("a non-member does not stand for the group", checks(alice.key(), carol.key()).consultationGap());
    }

    @Test
    public void aGroupAllOfWhoseMembersHoldMoreHasNobodyToConsult() {
        m.group("leads", alice, erin);
        m.groupGrant("ARCH", "leads", Level.CONSULT);
        m.grant("ARCH", alice, Level.DELEGATE);
        m.grant("ARCH", erin, Level.ADVISE);
        assertFalse(checks(alice.key()).consultationGap());
    }

    @Test
    public void anExpiredConsultGrantNeedsNoConsultation() {
        m.grant("ARCH", alice, Level.DELEGATE);
        m.grant("ARCH", Principal.user(bob.key()), Level.CONSULT, null, null, null, MatrixFixture.TODAY.minusDays(1));
        assertFalse(checks(alice.key()).consultationGap());
    }

    // ----- domains: none, tie, set by hand -----

    @Test
    public void anIssueInNoDomainOrInATieHasNothingToCheck() {
        m.grant("RELEASE", bob, Level.CONSULT);
        m.grant("SPEND", bob, Level.CONSULT);
        IssueRef hr = new IssueRef(3, "HR-1", "Hire", 10002L, "HR", "Task", List.of(), List.of());
        assertEquals(DecisionAuthority.Checks.NONE, authority.checks(decision(hr, carol.key(), List.of()), hr));
        assertEquals("RELEASE and SPEND tie on OPS", DecisionAuthority.Checks.NONE,
                authority.checks(decision(OPS_1, carol.key(), List.of()), OPS_1));
        assertEquals(Optional.empty(), authority.findings(decision(OPS_1, carol.key(), List.of()), OPS_1));
        assertEquals(Optional.empty(), authority.domainOf(OPS_1));
        assertEquals(List.of(), authority.mayApprove(null, OPS_1, 10));
    }

    @Test
    public void aDomainSetByHandIsCheckedAndADerivedOneAsStoredIsNot() {
        m.grant("RELEASE", carol, Level.DELEGATE);
        m.grant("ARCH", carol, Level.CONSULT);
        Decision tie = decision(OPS_1, carol.key(), List.of());
        assertEquals(DecisionAuthority.Checks.NONE, authority.checks(tie.withDomain("RELEASE", true), OPS_1));
        assertEquals("RELEASE", authority.findings(tie.withDomain("RELEASE", true), OPS_1).orElseThrow().domainKey());
        assertTrue("set by hand to a domain where Carol only advises",
                authority.checks(tie.withDomain("ARCH", true), OPS_1).authorityViolation());
        assertEquals("a derived domain stored at the last save is derived again: the tie has nothing to check",
                DecisionAuthority.Checks.NONE, authority.checks(tie.withDomain("ARCH", false), OPS_1));
    }

    // ----- who may approve, mentees -----

    @Test
    public void mayApproveListsDirectHoldersThenStandInsThenGroupMembersOnce() {
        m.group("leads", alice, erin);
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, dave.key(), null, null, null);
        m.grant("ARCH", bob, Level.CONSULT);
        m.groupGrant("ARCH", "leads", Level.ADVISE);
        m.grant("ARCH", alice, Level.INQUIRE);
        m.away(carol, MatrixFixture.TODAY, MatrixFixture.TODAY.plusDays(3));
        assertEquals(List.of(carol.key(), alice.key(), dave.key(), erin.key()), authority.mayApprove(null, DEMO_1, 10));
        assertEquals(List.of(carol.key(), alice.key()), authority.mayApprove(null, DEMO_1, 2));
    }

    @Test
    public void theMenteesOfTheApproversGrantsDirectAndByGroupAreNotified() {
        m.group("leads", alice, erin);
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, null, bob.key(), null, null);
        m.grant("ARCH", Principal.group("leads"), Level.ADVISE, null, carol.key(), null, null);
        m.grant("ARCH", Principal.user(erin.key()), Level.ADVISE, null, dave.key(), null, null);
        m.grant("ARCH", Principal.user(alice.key()), Level.CONSULT, null, dave.key(), null, MatrixFixture.TODAY.minusDays(1));
        assertEquals(List.of(bob.key(), carol.key()), authority.alsoToNotify(decision(DEMO_1, alice.key(), List.of()), DEMO_1));
        assertEquals(List.of(), authority.alsoToNotify(decision(DEMO_1, null, List.of()), DEMO_1));
    }
}
