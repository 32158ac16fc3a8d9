package io.mandate.authority;

import com.atlassian.jira.issue.Issue;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionService;
import io.mandate.decision.DecisionStatus;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.refhost.sal.RefI18nResolver;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the authority panel shows (AuthorityPanelView), through its context provider with the real English texts. */
public class AuthorityPanelTest {

    private static final IssueRef DEMO_1 = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
    private static final IssueRef OPS_1 = new IssueRef(2, "OPS-1", "Outage", 10001L, "OPS", "Task", List.of(), List.of());

    private MatrixFixture m;
    private DecisionService decisions;
    private AuthorityPanel panel;
    private Person alice;
    private Person bob;
    private Person carol;
    private Person dave;
    private Person grace;

    @Before
    public void setUp() {
        m = new MatrixFixture();
        alice = m.person("alice", "Alice Adams");
        bob = m.person("bob", "Bob Brown");
        carol = m.person("carol", "Carol Clark");
        dave = m.person("dave", "Dave Dormant");
        grace = m.person("grace", "Grace Green");
        m.domain("ARCH", "Architecture", MatrixFixture.projects("DEMO"));
        m.domain("RELEASE", "Release go/no-go", MatrixFixture.projects("OPS"));
        m.domain("SPEND", "Spend under 10k", MatrixFixture.projects("OPS"));
        decisions = mock(DecisionService.class);
        when(decisions.visibleIssue(shown("DEMO-1"))).thenReturn(Optional.of(DEMO_1));
        when(decisions.visibleIssue(shown("OPS-1"))).thenReturn(Optional.of(OPS_1));
        when(decisions.visibleIssue(shown("HR-1"))).thenReturn(Optional.empty());
        when(decisions.find(DEMO_1)).thenReturn(Optional.empty());
        when(decisions.find(OPS_1)).thenReturn(Optional.empty());
        panel = new AuthorityPanel(m.service, decisions, new RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> render(String key) {
        return (Map<String, Object>) contextFor(key).get("authority");
    }

    private Map<String, Object> contextFor(String key) {
        Issue issue = mock(Issue.class);
        when(issue.getKey()).thenReturn(key);
        Map<String, Object> context = new HashMap<>();
        context.put("issue", issue);
        return panel.getContextMap(context);
    }

    @SuppressWarnings("unchecked")
    private static List<String> holders(Map<String, Object> view, String section) {
        return ((List<Map<String, Object>>) view.get(section)).stream()
                .map(r -> r.get("holder") + (r.get("backup") == null ? "" : " / " + r.get("backup"))).toList();
    }

    @Test
    public void theDomainAndWhoHoldsWhatSortedIntoApproversCoDecidersConsultedAndTold() {
        m.group("leads", alice);
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, dave.key(), null, null, null);
        m.groupGrant("ARCH", "leads", Level.ADVISE);
        m.grant("ARCH", bob, Level.AGREE);
        m.grant("ARCH", bob, Level.CONSULT); // listed once, under the stronger AGREE
        m.grant("ARCH", grace, Level.CONSULT);
        m.groupGrant("ARCH", "operations", Level.TELL);
        m.grant("ARCH", dave, Level.SELL);
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, null, null, null, MatrixFixture.TODAY.minusDays(1)); // expired

        Map<String, Object> view = render("DEMO-1");
        assertEquals("Architecture", view.get("domainName"));
        assertEquals("ARCH", view.get("domainKey"));
        assertEquals(false, view.get("byHand"));
        assertEquals(List.of("Carol Clark / Dave Dormant", "leads (group)"), holders(view, "approvers"));
        assertEquals(List.of("Bob Brown"), holders(view, "coDeciders"));
        assertEquals(List.of("Grace Green"), holders(view, "consulted"));
        assertEquals(List.of("Dave Dormant", "operations (group)"), holders(view, "told"));
        assertEquals(List.of(), view.get("absences"));
        assertEquals(List.of(), view.get("shadows"));
    }

    @Test
    public void deactivatedAndDeletedPeopleAreShownAsSuchAndADeletedBackupStandsInForNobody() {
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, dave.key(), null, null, null);
        m.grant("ARCH", bob, Level.INQUIRE);
        m.grant("ARCH", grace, Level.CONSULT);
        m.away(carol, MatrixFixture.TODAY, MatrixFixture.TODAY.plusDays(3));
        m.deactivate(bob);
        m.delete(dave);
        m.delete(grace);

        Map<String, Object> view = render("DEMO-1");
        assertEquals(List.of("Carol Clark / k-dave (deleted)", "Bob Brown (inactive)"), holders(view, "approvers"));
        assertEquals(List.of("k-grace (deleted)"), holders(view, "consulted"));
        assertEquals("the deleted backup does not stand in", List.of("Carol Clark is away until 2026-11-23; nobody stands in"),
                view.get("absences"));
    }

    @Test
    public void aTieIsShownAsSuchNeverOnePicked() {
        Map<String, Object> view = render("OPS-1");
        assertEquals("Tie: RELEASE, SPEND \u2014 set the domain on the decision", view.get("tie"));
        assertNull(view.get("domainKey"));
    }

    @Test
    public void aDomainSetByHandOnTheDecisionWinsAndIsSaidToBeSetByHand() {
        m.grant("RELEASE", bob, Level.DELEGATE);
        Decision d = new Decision(2, 10001L, "OPS-1", "OPS", DecisionStatus.OPEN, null, null, List.of(), List.of(), null, null,
                "RELEASE", true, null, Instant.EPOCH, Instant.EPOCH, 1);
        when(decisions.find(OPS_1)).thenReturn(Optional.of(d));
        Map<String, Object> view = render("OPS-1");
        assertEquals("RELEASE", view.get("domainKey"));
        assertEquals(true, view.get("byHand"));
        assertEquals(List.of("Bob Brown"), holders(view, "approvers"));

        when(decisions.find(OPS_1)).thenReturn(Optional.of(d.withDomain("RELEASE", false)));
        assertEquals("a derived domain as stored does not hide the tie", "Tie: RELEASE, SPEND \u2014 set the domain on the decision",
                render("OPS-1").get("tie"));
    }

    @Test
    public void anAbsenceNamesWhoStandsInAndAnAwayApproverWithoutBackup() {
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, dave.key(), null, null, null);
        m.grant("ARCH", bob, Level.INQUIRE);
        m.away(carol, MatrixFixture.TODAY.minusDays(1), LocalDate.parse("2027-01-05"));
        m.away(bob, MatrixFixture.TODAY, MatrixFixture.TODAY.plusDays(2));
        m.away(grace, MatrixFixture.TODAY, MatrixFixture.TODAY.plusDays(2)); // holds nothing here
        assertEquals(List.of("Carol Clark is away until 2027-01-05; Dave Dormant stands in",
                        "Bob Brown is away until 2026-11-22; nobody stands in"),
                render("DEMO-1").get("absences"));
    }

    @Test
    public void aMenteeLookingSeesWhomTheyShadow() {
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, null, grace.key(), null, null);
        m.grant("ARCH", Principal.group("leads"), Level.ADVISE, null, grace.key(), null, null);
        m.current = grace;
        assertEquals(List.of("You shadow Alice Adams in this domain", "You shadow leads (group) in this domain"),
                render("DEMO-1").get("shadows"));
        m.current = bob;
        assertEquals(List.of(), render("DEMO-1").get("shadows"));
    }

    @Test
    public void anIssueInNoDomainOrOneTheViewerCannotBrowse() {
        m.domains.remove("ARCH");
        assertEquals(true, render("DEMO-1").get("none"));
        assertNull(render("HR-1"));
    }

    @Test
    public void aDomainNobodyHoldsAuthorityInSaysSo() {
        assertEquals(true, render("DEMO-1").get("empty"));
    }

    @Test
    public void aDatabaseThatDoesNotAnswerGivesTheNoticeInsteadOfAFailure() {
        when(decisions.find(DEMO_1)).thenThrow(io.mandate.platform.rest.ApiException.unavailable(
                new java.sql.SQLTransientConnectionException("pool", "08001")));
        m.current = alice;
        Map<String, Object> context = contextFor("DEMO-1");
        assertEquals(true, context.get("unavailable"));
        assertNull(context.get("authority"));
    }

    @Test
    public void anyOtherFailureIsNotHiddenAsANotice() {
        when(decisions.find(DEMO_1)).thenThrow(new IllegalStateException("a bug"));
        m.current = alice;
        org.junit.Assert.assertThrows(IllegalStateException.class, () -> contextFor("DEMO-1"));
    }

    /** The issue a panel's context shows, matched by its key. */
    private static io.mandate.platform.ShownIssue shown(String key) {
        return org.mockito.ArgumentMatchers.argThat(s -> s != null && key.equals(s.key()));
    }
}
