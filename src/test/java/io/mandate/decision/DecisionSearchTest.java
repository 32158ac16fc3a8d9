package io.mandate.decision;

import io.mandate.platform.IssueAccess;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.mandate.decision.DecisionSearch.Criterion.APPROVED_BY;
import static io.mandate.decision.DecisionSearch.Criterion.DRIVEN_BY;
import static io.mandate.decision.DecisionSearch.Criterion.IN_STATUS;
import static io.mandate.decision.DecisionSearch.Criterion.DUE_FOR_REVIEW;
import static io.mandate.decision.DecisionSearch.Criterion.OVERDUE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the JQL functions accept and which decisions they find, without a database. */
public class DecisionSearchTest {

    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person FRANK = new Person("k-frank", "frank", "Frank Fischer");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private DecisionStore store;
    private IssueAccess issues;
    private UserDirectory users;
    private DecisionSearch search;

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        issues = mock(IssueAccess.class);
        users = mock(UserDirectory.class);
        search = new DecisionSearch(store, issues, users, io.mandate.testing.FixedClock.utc(NOW), new NoDomainAuthority());
        when(users.byName(anyString())).thenReturn(Optional.empty());
        when(users.byName("carol")).thenReturn(Optional.of(CAROL));
        when(issues.browsableProjects(any())).thenReturn(Set.of());
        when(issues.browsableProjects(Optional.of(FRANK))).thenReturn(Set.of(10000L, 10001L));
        when(store.issueIds(any())).thenReturn(List.of(10001L, 10002L));
    }

    private DecisionQuery queried() {
        ArgumentCaptor<DecisionQuery> query = ArgumentCaptor.forClass(DecisionQuery.class);
        verify(store).issueIds(query.capture());
        return query.getValue();
    }

    // ----- validation -----

    @Test
    public void validArgumentsHaveNoProblems() {
        assertEquals(List.of(), search.validate(APPROVED_BY, "decisionsApprovedBy", List.of("carol")));
        assertEquals(List.of(), search.validate(DRIVEN_BY, "decisionsDrivenBy", List.of(" carol ")));
        assertEquals(List.of(), search.validate(OVERDUE, "decisionsOverdue", List.of()));
        assertEquals(List.of(), search.validate(IN_STATUS, "decisionsInStatus", List.of("in_progress")));
    }

    @Test
    public void wrongArgumentCountNamesFunctionExpectedAndGiven() {
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, "decisionsOverdue", 0, 1)),
                search.validate(OVERDUE, "decisionsOverdue", List.of("carol")));
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, "decisionsApprovedBy", 1, 0)),
                search.validate(APPROVED_BY, "decisionsApprovedBy", List.of()));
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, "decisionsInStatus", 1, 2)),
                search.validate(IN_STATUS, "decisionsInStatus", List.of("OPEN", "DECIDED")));
    }

    @Test
    public void unknownUserIsNamed() {
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.UNKNOWN_USER, "decisionsApprovedBy", "nobody")),
                search.validate(APPROVED_BY, "decisionsApprovedBy", List.of("nobody")));
        assertEquals(1, search.validate(DRIVEN_BY, "decisionsDrivenBy", List.of(" ")).size());
    }

    @Test
    public void unknownStatusIsNamedWithTheValidOnes() {
        List<DecisionSearch.Problem> problems = search.validate(IN_STATUS, "decisionsInStatus", List.of("MAYBE"));
        assertEquals(1, problems.size());
        assertEquals(DecisionSearch.UNKNOWN_STATUS, problems.get(0).key());
        assertEquals(List.of("decisionsInStatus", "MAYBE", "OPEN, IN_PROGRESS, DECIDED, DEFERRED, REVERSED"),
                problems.get(0).args());
    }

    // ----- finding -----

    @Test
    public void approvedByAsksTheStoreForTheApproversKeyInTheSearchersProjects() {
        assertEquals(List.of(10001L, 10002L), search.issueIds(APPROVED_BY, List.of("carol"), Optional.of(FRANK)));
        DecisionQuery q = queried();
        assertEquals("k-carol", q.approverKey());
        assertNull(q.driverKey());
        assertEquals(Set.of(10000L, 10001L), q.visibleProjects());
    }

    @Test
    public void drivenByAsksForTheDriversKey() {
        search.issueIds(DRIVEN_BY, List.of("carol"), Optional.of(FRANK));
        assertEquals("k-carol", queried().driverKey());
    }

    @Test
    public void overdueMeansOpenAndDueBeforeTodayInTheHostsClock() {
        search.issueIds(OVERDUE, List.of(), Optional.of(FRANK));
        assertEquals(LocalDate.parse("2026-11-20"), queried().overdueOn());
    }

    @Test
    public void inStatusReadsTheStatusIgnoringCase() {
        search.issueIds(IN_STATUS, List.of("decided"), Optional.of(FRANK));
        assertEquals(DecisionStatus.DECIDED, queried().status());
    }

    @Test
    public void anonymousSearchUsesTheProjectsAnonymousMayBrowse() {
        when(store.issueIds(any())).thenReturn(List.of());
        assertTrue(search.issueIds(OVERDUE, List.of(), Optional.empty()).isEmpty());
        verify(issues).browsableProjects(Optional.empty());
        assertEquals(Set.of(), queried().visibleProjects());
    }

    @Test
    public void invalidArgumentsFindNothingAndNeverReachTheStore() {
        assertEquals(List.of(), search.issueIds(APPROVED_BY, List.of("nobody"), Optional.of(FRANK)));
        assertEquals(List.of(), search.issueIds(IN_STATUS, List.of("MAYBE"), Optional.of(FRANK)));
        assertEquals(List.of(), search.issueIds(OVERDUE, List.of("x"), Optional.of(FRANK)));
        assertEquals(List.of(), search.issueIds(DRIVEN_BY, List.of(), Optional.of(FRANK)));
        verify(store, never()).issueIds(any());
    }

    @Test
    public void dueForReviewMeansDecidedAndReviewDateBeforeTodayInTheProductsTimeZone() {
        assertEquals(List.of(), search.validate(DUE_FOR_REVIEW, "decisionsDueForReview", List.of()));
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, "decisionsDueForReview", 0, 1)),
                search.validate(DUE_FOR_REVIEW, "decisionsDueForReview", List.of("carol")));
        assertEquals(List.of(10001L, 10002L), search.issueIds(DUE_FOR_REVIEW, List.of(), Optional.of(FRANK)));
        DecisionQuery q = queried();
        assertEquals(LocalDate.parse("2026-11-20"), q.reviewDueOn());
        assertNull("not the overdue filter", q.overdueOn());
        assertNull(q.status());
        assertEquals("only the searcher's projects", Set.of(10000L, 10001L), q.visibleProjects());

        // 10:00 UTC on 20 November is 21 November at UTC+14
        DecisionStore other = mock(DecisionStore.class);
        new DecisionSearch(other, issues, users, new io.mandate.testing.FixedClock(NOW, java.time.ZoneId.of("Pacific/Kiritimati")),
                new NoDomainAuthority()).issueIds(DUE_FOR_REVIEW, List.of(), Optional.of(FRANK));
        ArgumentCaptor<DecisionQuery> query = ArgumentCaptor.forClass(DecisionQuery.class);
        verify(other).issueIds(query.capture());
        assertEquals(LocalDate.parse("2026-11-21"), query.getValue().reviewDueOn());
    }

    @Test
    public void dueForReviewWithAnArgumentFindsNothing() {
        assertEquals(List.of(), search.issueIds(DUE_FOR_REVIEW, List.of("x"), Optional.of(FRANK)));
        verify(store, never()).issueIds(any());
    }
}
