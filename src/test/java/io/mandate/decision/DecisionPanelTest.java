package io.mandate.decision;

import com.atlassian.jira.issue.Issue;
import io.mandate.platform.IssueRef;
import org.junit.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The panel's context: the decision as plain values, and nothing for an issue the viewer cannot browse. */
public class DecisionPanelTest {

    private final DecisionService decisions = mock(DecisionService.class);
    private final DecisionPanel panel = new DecisionPanel(decisions, mock(com.atlassian.sal.api.message.I18nResolver.class));

    private Map<String, Object> contextFor(String key) {
        Issue issue = mock(Issue.class);
        when(issue.getKey()).thenReturn(key);
        Map<String, Object> context = new HashMap<>();
        context.put("issue", issue);
        return panel.getContextMap(context);
    }

    @Test
    public void anIssueTheViewerCannotBrowseRendersNoDecisionInsteadOfFailing() {
        when(decisions.visibleIssue(shown("HR-1"))).thenReturn(Optional.empty());
        Map<String, Object> context = contextFor("HR-1");
        assertNull(context.get("decision"));
        assertEquals(false, context.get("canEdit"));
    }

    @Test
    public void anOverdueOpenDecisionIsMarkedOverdueAndNamesItsPeople() {
        IssueRef ref = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
        when(decisions.visibleIssue(shown("DEMO-1"))).thenReturn(Optional.of(ref));
        when(decisions.today()).thenReturn(LocalDate.parse("2026-11-24"));
        when(decisions.canEdit(org.mockito.ArgumentMatchers.any(io.mandate.platform.ShownIssue.class))).thenReturn(true);
        when(decisions.person("k-carol")).thenReturn(Optional.of(new io.mandate.platform.Person("k-carol", "carol", "Carol Clark")));
        when(decisions.stored("k-carol")).thenReturn(new io.mandate.platform.Person("k-carol", "carol", "Carol Clark"));
        Decision d = new Decision(1, 10000L, "DEMO-1", "DEMO", DecisionStatus.IN_PROGRESS, null, "k-carol", List.of(), List.of(),
                LocalDate.parse("2026-11-01"), null, null, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH, 4);
        when(decisions.find(ref)).thenReturn(Optional.of(d));
        when(decisions.checks(d, ref)).thenReturn(new DecisionAuthority.Checks(true, false));

        Map<String, Object> context = contextFor("DEMO-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) context.get("decision");
        assertEquals(true, view.get("overdue"));
        assertEquals("Carol Clark", view.get("approver"));
        assertNull(view.get("driver"));
        assertEquals(4, view.get("version"));
        assertEquals("the matrix's verdict reaches the panel", true, view.get("authorityViolation"));
        assertEquals(false, view.get("consultationGap"));
        assertEquals(true, context.get("canEdit"));
    }

    @Test
    public void theChecksAreWordedWithTheApproverTheDomainAndTheLevelTheyHold() {
        DecisionPanel worded = new DecisionPanel(decisions,
                new io.mandate.refhost.sal.RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader()));
        IssueRef ref = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
        when(decisions.visibleIssue(shown("DEMO-1"))).thenReturn(Optional.of(ref));
        when(decisions.today()).thenReturn(LocalDate.parse("2026-11-24"));
        when(decisions.canEdit(org.mockito.ArgumentMatchers.any(io.mandate.platform.ShownIssue.class))).thenReturn(true);
        when(decisions.person("k-alice")).thenReturn(Optional.of(new io.mandate.platform.Person("k-alice", "alice", "Alice Adams")));
        when(decisions.stored("k-alice")).thenReturn(new io.mandate.platform.Person("k-alice", "alice", "Alice Adams"));
        when(decisions.person("k-bob")).thenReturn(Optional.of(new io.mandate.platform.Person("k-bob", "bob", "Bob Brown")));
        when(decisions.stored("k-bob")).thenReturn(new io.mandate.platform.Person("k-bob", "bob", "Bob Brown"));
        Decision d = new Decision(1, 10000L, "DEMO-1", "DEMO", DecisionStatus.IN_PROGRESS, null, "k-alice", List.of(), List.of(),
                null, null, "ARCH", true, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH, 2);
        when(decisions.find(ref)).thenReturn(Optional.of(d));
        when(decisions.checks(d, ref)).thenReturn(new DecisionAuthority.Checks(true, true));
        when(decisions.findings(d, ref)).thenReturn(Optional.of(new DecisionAuthority.Findings("ARCH", "Architecture", "CONSULT", false,
                List.of(io.mandate.platform.Principal.user("k-bob"), io.mandate.platform.Principal.group("operations")))));
        when(decisions.mayApprove(Optional.of(d), ref, DecisionPanel.MAY_APPROVE_OFFERED)).thenReturn(List.of("k-bob"));

        Issue issue = mock(Issue.class);
        when(issue.getKey()).thenReturn("DEMO-1");
        Map<String, Object> context = new HashMap<>();
        context.put("issue", issue);
        Map<String, Object> result = worded.getContextMap(context);
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) result.get("decision");
        assertEquals("Alice Adams may not approve in Architecture (holds CONSULT)", view.get("authorityViolationText"));
        assertEquals("Not yet consulted in Architecture: Bob Brown, group operations", view.get("consultationGapText"));
        assertEquals("Architecture", view.get("domain"));
        assertEquals(true, view.get("domainSetByHand"));
        assertEquals("the approver picker offers them first", List.of(Map.of("name", "bob", "label", "Bob Brown")), result.get("mayApprove"));

        when(decisions.findings(d, ref)).thenReturn(Optional.of(new DecisionAuthority.Findings("ARCH", "Architecture", null, false, List.of())));
        when(decisions.checks(d, ref)).thenReturn(new DecisionAuthority.Checks(true, false));
        @SuppressWarnings("unchecked")
        Map<String, Object> none = (Map<String, Object>) worded.getContextMap(context).get("decision");
        assertEquals("Alice Adams may not approve in Architecture (holds no authority there)", none.get("authorityViolationText"));
        assertNull(none.get("consultationGapText"));
    }

    @Test
    public void aDecidedDecisionPastItsReviewDateIsMarkedDueForReview() {
        IssueRef ref = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
        when(decisions.visibleIssue(shown("DEMO-1"))).thenReturn(Optional.of(ref));
        when(decisions.today()).thenReturn(LocalDate.parse("2026-11-24"));
        Decision d = new Decision(1, 10000L, "DEMO-1", "DEMO", DecisionStatus.DECIDED, null, null, List.of(), List.of(),
                null, LocalDate.parse("2026-11-23"), "Kafka", null, false, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, 2);
        when(decisions.find(ref)).thenReturn(Optional.of(d));
        when(decisions.checks(d, ref)).thenReturn(DecisionAuthority.Checks.NONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) contextFor("DEMO-1").get("decision");
        assertEquals("2026-11-23", view.get("reviewDate"));
        assertEquals(true, view.get("dueForReview"));

        Decision today = new Decision(1, 10000L, "DEMO-1", "DEMO", DecisionStatus.DECIDED, null, null, List.of(), List.of(),
                null, LocalDate.parse("2026-11-24"), "Kafka", null, false, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, 3);
        when(decisions.find(ref)).thenReturn(Optional.of(today));
        when(decisions.checks(today, ref)).thenReturn(DecisionAuthority.Checks.NONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> notYet = (Map<String, Object>) contextFor("DEMO-1").get("decision");
        assertEquals("2026-11-24", notYet.get("reviewDate"));
        assertEquals("a review date of today is not past", false, notYet.get("dueForReview"));
    }

    @Test
    public void aDatabaseThatDoesNotAnswerGivesTheNoticeInsteadOfAFailure() {
        IssueRef ref = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
        when(decisions.visibleIssue(shown("DEMO-1"))).thenReturn(Optional.of(ref));
        // as a cache hands on what its loader threw: wrapped
        when(decisions.find(ref)).thenThrow(new IllegalStateException("cache load failed",
                io.mandate.platform.rest.ApiException.unavailable(new java.sql.SQLTransientConnectionException("pool", "08001"))));

        Map<String, Object> context = contextFor("DEMO-1");
        assertEquals(true, context.get("unavailable"));
        assertNull(context.get("decision"));
        assertEquals("no edit button without data", false, context.get("canEdit"));
        assertNull("no actions, no dialogs", context.get("issueKey"));
    }

    @Test
    public void anyOtherFailureIsNotHiddenAsANotice() {
        IssueRef ref = new IssueRef(1, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());
        when(decisions.visibleIssue(shown("DEMO-1"))).thenReturn(Optional.of(ref));
        when(decisions.find(ref)).thenThrow(new IllegalStateException("a bug"));
        org.junit.Assert.assertThrows(IllegalStateException.class, () -> contextFor("DEMO-1"));
    }

    /** The issue a panel's context shows, matched by its key. */
    private static io.mandate.platform.ShownIssue shown(String key) {
        return org.mockito.ArgumentMatchers.argThat(s -> s != null && key.equals(s.key()));
    }
}
