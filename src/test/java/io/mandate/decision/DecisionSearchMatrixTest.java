package io.mandate.decision;

import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.testing.FixedClock;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static io.mandate.decision.DecisionSearch.Criterion.IN_DOMAIN;
import static io.mandate.decision.DecisionSearch.Criterion.WITH_CONSULTATION_GAP;
import static io.mandate.decision.DecisionSearch.Criterion.WITH_VIOLATION;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The JQL criteria that ask the authority matrix: decisionsInDomain (the stored domain key), decisionsWithViolation
 * and decisionsWithConsultationGap (the matrix's checks, only over decisions the searcher may see), through the
 * {@link DecisionAuthority} interface alone.
 */
public class DecisionSearchMatrixTest {

    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private DecisionStore store;
    private IssueAccess issues;
    private DecisionAuthority authority;
    private DecisionSearch search;

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        issues = mock(IssueAccess.class);
        when(issues.browsableByIds(any(), any())).thenCallRealMethod(); // the one-by-one default over the stubs below
        authority = mock(DecisionAuthority.class);
        UserDirectory users = mock(UserDirectory.class);
        when(users.byName(anyString())).thenReturn(Optional.empty());
        search = new DecisionSearch(store, issues, users, FixedClock.utc(NOW), authority);
        when(issues.browsableProjects(any())).thenReturn(Set.of());
        when(issues.browsableProjects(Optional.of(BOB))).thenReturn(Set.of(10000L, 10001L));
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.empty());
        when(authority.domainExists(anyString())).thenReturn(false);
        when(authority.domainExists("ARCH")).thenReturn(true);
        when(authority.checks(any(), any())).thenReturn(DecisionAuthority.Checks.NONE);
    }

    private static Decision decision(long issueId, String approverKey) {
        return new Decision(issueId, 10000L, "DEMO-" + (issueId - 9999), "DEMO", DecisionStatus.IN_PROGRESS, "k-alice", approverKey,
                List.of(), List.of(), null, null, null, null, NOW, NOW, 1);
    }

    private static IssueRef issue(long id) {
        return new IssueRef(id, "DEMO-" + (id - 9999), "Issue " + id, 10000L, "DEMO", "Task", List.of(), List.of());
    }

    /** Stores the decisions as the candidates of every query, visible to bob unless {@code hidden}. */
    private void given(List<Decision> decisions, long... hidden) {
        List<Long> ids = decisions.stream().map(Decision::issueId).toList();
        when(store.issueIds(any())).thenReturn(ids);
        when(store.findAll(anyList())).thenAnswer(call -> {
            List<Long> asked = call.getArgument(0);
            return decisions.stream().filter(d -> asked.contains(d.issueId())).toList();
        });
        Set<Long> invisible = LongStream.of(hidden).boxed().collect(java.util.stream.Collectors.toSet());
        for (Decision d : decisions) {
            if (!invisible.contains(d.issueId())) {
                when(issues.browsable(d.issueId(), Optional.of(BOB))).thenReturn(Optional.of(issue(d.issueId())));
            }
        }
    }

    private DecisionQuery queried() {
        ArgumentCaptor<DecisionQuery> query = ArgumentCaptor.forClass(DecisionQuery.class);
        verify(store).issueIds(query.capture());
        return query.getValue();
    }

    // ----- decisionsInDomain -----

    @Test
    public void anExistingDomainIsValidWhateverItsCase() {
        assertEquals(List.of(), search.validate(IN_DOMAIN, "decisionsInDomain", List.of("ARCH")));
        assertEquals(List.of(), search.validate(IN_DOMAIN, "decisionsInDomain", List.of(" arch ")));
    }

    @Test
    public void anUnknownDomainIsNamed() {
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.UNKNOWN_DOMAIN, "decisionsInDomain", "NOPE")),
                search.validate(IN_DOMAIN, "decisionsInDomain", List.of("NOPE")));
        assertEquals(1, search.validate(IN_DOMAIN, "decisionsInDomain", List.of(" ")).size());
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, "decisionsInDomain", 1, 0)),
                search.validate(IN_DOMAIN, "decisionsInDomain", List.of()));
    }

    @Test
    public void inDomainQueriesTheStoredDomainKeyInTheSearchersProjects() {
        when(store.issueIds(any())).thenReturn(List.of(10001L));
        assertEquals(List.of(10001L), search.issueIds(IN_DOMAIN, List.of(" arch"), Optional.of(BOB)));
        DecisionQuery q = queried();
        assertEquals("ARCH", q.domain());
        assertEquals(Set.of(10000L, 10001L), q.visibleProjects());
        assertNull(q.approverKey());
        assertNull(q.status());
        verify(authority, never()).checks(any(), any());
    }

    @Test
    public void aBlankDomainFindsNothing() {
        assertEquals(List.of(), search.issueIds(IN_DOMAIN, List.of(""), Optional.of(BOB)));
        verify(store, never()).issueIds(any());
    }

    // ----- decisionsWithViolation / decisionsWithConsultationGap -----

    @Test
    public void theCheckFunctionsTakeNoArguments() {
        assertEquals(List.of(), search.validate(WITH_VIOLATION, "decisionsWithViolation", List.of()));
        assertEquals(List.of(), search.validate(WITH_CONSULTATION_GAP, "decisionsWithConsultationGap", List.of()));
        assertEquals(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, "decisionsWithViolation", 0, 1)),
                search.validate(WITH_VIOLATION, "decisionsWithViolation", List.of("ARCH")));
        assertEquals(List.of(), search.issueIds(WITH_VIOLATION, List.of("ARCH"), Optional.of(BOB)));
    }

    @Test
    public void withViolationReturnsTheDecisionsTheMatrixFlags() {
        Decision flagged = decision(10000L, "k-carol");
        Decision fine = decision(10001L, "k-alice");
        given(List.of(flagged, fine));
        when(authority.checks(eq(flagged), any())).thenReturn(new DecisionAuthority.Checks(true, false));
        when(authority.checks(eq(fine), any())).thenReturn(new DecisionAuthority.Checks(false, true));
        assertEquals(List.of(10000L), search.issueIds(WITH_VIOLATION, List.of(), Optional.of(BOB)));
        assertEquals(List.of(10001L), search.issueIds(WITH_CONSULTATION_GAP, List.of(), Optional.of(BOB)));
    }

    @Test
    public void theChecksAreAskedWithTheIssueAsItIsNow() {
        Decision d = decision(10000L, "k-carol");
        given(List.of(d));
        search.issueIds(WITH_VIOLATION, List.of(), Optional.of(BOB));
        verify(authority).checks(d, issue(10000L));
        DecisionQuery q = queried();
        assertEquals("only the searcher's projects", Set.of(10000L, 10001L), q.visibleProjects());
        assertNull(q.domain());
    }

    @Test
    public void aDecisionTheSearcherMayNotSeeIsNeverJudgedNorFound() {
        Decision visible = decision(10000L, "k-carol");
        Decision secret = decision(10001L, "k-carol");
        given(List.of(visible, secret), 10001L);
        when(authority.checks(any(), any())).thenReturn(new DecisionAuthority.Checks(true, true));
        assertEquals(List.of(10000L), search.issueIds(WITH_VIOLATION, List.of(), Optional.of(BOB)));
        assertEquals(List.of(10000L), search.issueIds(WITH_CONSULTATION_GAP, List.of(), Optional.of(BOB)));
        verify(authority, never()).checks(eq(secret), any());
    }

    @Test
    public void aDecisionWithoutAnApproverHasNoViolationToLookFor() {
        Decision unowned = decision(10000L, null);
        given(List.of(unowned));
        when(authority.checks(any(), any())).thenReturn(new DecisionAuthority.Checks(true, true));
        assertEquals(List.of(), search.issueIds(WITH_VIOLATION, List.of(), Optional.of(BOB)));
        verify(issues, never()).browsable(anyLong(), any());
        assertEquals("a consultation gap needs no approver", List.of(10000L),
                search.issueIds(WITH_CONSULTATION_GAP, List.of(), Optional.of(BOB)));
    }

    @Test
    public void anonymousSeesNothingAndNothingIsJudged() {
        given(List.of(decision(10000L, "k-carol")));
        when(store.issueIds(any())).thenReturn(List.of());
        assertEquals(List.of(), search.issueIds(WITH_VIOLATION, List.of(), Optional.empty()));
        verify(issues).browsableProjects(Optional.empty());
        verify(authority, never()).checks(any(), any());
    }

    @Test
    public void manyDecisionsAreReadInPagesInTheirOrder() {
        List<Decision> many = new ArrayList<>();
        for (long id = 10000L; id < 10000L + 2 * DecisionSearch.PAGE + 50; id++) {
            many.add(decision(id, "k-carol"));
        }
        given(many);
        when(authority.checks(any(), any())).thenAnswer(call -> new DecisionAuthority.Checks(
                ((Decision) call.getArgument(0)).issueId() % 100 == 0, false));
        List<Long> found = search.issueIds(WITH_VIOLATION, List.of(), Optional.of(BOB));
        assertEquals(List.of(10000L, 10100L, 10200L, 10300L, 10400L), found);
        verify(store, times(3)).findAll(anyList());
    }
}
