package io.mandate.accountability;

import io.mandate.authority.AbsenceStore;
import io.mandate.authority.AuthorityService;
import io.mandate.decision.DecisionAuthority;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
import org.junit.Before;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The what-if's parameters: every invalid one is a 400 that names it — all of them at once — and nothing is read
 * (no decision, no absence) before they are valid; the anonymous get 401 whatever they send.
 */
public class WhatIfParametersTest {

    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person IVAN = new Person("k-ivan", "ivan", "Ivan Ivanov");
    private static final AccountabilityService.Scope ALL = new AccountabilityService.Scope.All();

    private UserDirectory users;
    private DecisionStore decisions;
    private AbsenceStore absences;
    private WhatIfService service;

    @Before
    public void setUp() {
        users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(BOB));
        when(users.byName(anyString())).thenReturn(Optional.empty());
        when(users.byName("bob")).thenReturn(Optional.of(BOB));
        when(users.byName("ivan")).thenReturn(Optional.of(IVAN));
        when(users.isActive(any())).thenAnswer(i -> !IVAN.equals(i.getArgument(0)));
        decisions = mock(DecisionStore.class);
        absences = mock(AbsenceStore.class);
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.browsableProject(anyString(), any())).thenReturn(Optional.empty());
        when(issues.browsableProject(eq("DEMO"), any())).thenReturn(Optional.of(10000L));
        AuthorityService authority = mock(AuthorityService.class);
        when(authority.domain(anyString())).thenReturn(Optional.empty());
        service = new WhatIfService(decisions, mock(DecisionAuthority.class), authority, absences, issues, new People(users));
    }

    /** The fields of the 400, in order; and nothing read. */
    private List<String> badFields(AccountabilityService.Scope scope, String absent, String from, String to) {
        try {
            service.whatIf(scope, absent, from, to);
            fail("400 expected");
            return null;
        } catch (ApiException e) {
            assertEquals(e.errors().toString(), 400, e.status());
            verifyNoInteractions(decisions, absences);
            return List.copyOf(e.errors().keySet());
        }
    }

    private Map<String, String> errors(String absent, String from, String to) {
        try {
            service.whatIf(ALL, absent, from, to);
            fail("400 expected");
            return null;
        } catch (ApiException e) {
            return e.errors();
        }
    }

    @Test
    public void absentMustNameKnownUsers() {
        assertEquals(List.of("absent"), badFields(ALL, "bob,zed", null, null));
        assertTrue(errors("bob,zed,yan", null, null).get("absent").contains("zed, yan"));
        assertEquals("empty", List.of("absent"), badFields(ALL, "", null, null));
        assertEquals("only commas and blanks", List.of("absent"), badFields(ALL, " , ,", null, null));
        assertEquals(List.of("absent"), badFields(ALL, String.join(",", java.util.stream.IntStream
                .rangeClosed(0, WhatIfService.MAX_ABSENT).mapToObj(i -> "u" + i).toList()), null, null));
    }

    @Test
    public void nothingSaidAboutWhoIsAwayNamesAbsent() {
        assertEquals(List.of("absent"), badFields(ALL, null, null, null));
    }

    @Test
    public void absentTogetherWithAWindowNamesEachGiven() {
        assertEquals(List.of("absent", "from", "to"), badFields(ALL, "bob", "2026-12-01", "2026-12-02"));
        assertEquals(List.of("absent", "from"), badFields(ALL, "bob", "2026-12-01", null));
        assertEquals(List.of("absent", "to"), badFields(ALL, "bob", null, ""));
    }

    @Test
    public void aWindowNeedsTwoCalendarDatesInOrderAndAtMost366Days() {
        assertEquals("to missing", List.of("to"), badFields(ALL, null, "2026-12-01", null));
        assertEquals("from missing", List.of("from"), badFields(ALL, null, null, "2026-12-01"));
        assertEquals("both blank", List.of("from", "to"), badFields(ALL, null, "", " "));
        assertEquals(List.of("from"), badFields(ALL, null, "1.12.2026", "2026-12-01"));
        assertEquals(List.of("from", "to"), badFields(ALL, null, "2026-02-30", "2026-13-01"));
        assertTrue(errors(null, "2026-02-30", "2026-12-01").get("from").contains("2026-02-30"));
        assertEquals("to before from", List.of("to"), badFields(ALL, null, "2026-12-02", "2026-12-01"));
        assertEquals("367 days (2027 has 365)", List.of("to"), badFields(ALL, null, "2027-01-01", "2028-01-02"));
    }

    @Test
    public void aWindowOf366DaysAndOneOfOneDayAreFine() {
        when(absences.userKeysAwayIn(any(), any())).thenReturn(new java.util.TreeSet<>());
        // 2028 is a leap year: 2028-01-01..2028-12-31 is 366 days
        assertEquals(new WhatIfService.Window(LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31")),
                service.whatIf(ALL, null, "2028-01-01", "2028-12-31").window());
        verify(absences).userKeysAwayIn(LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31"));
        // and 2027-01-01..2028-01-01 is 365 + 1 days
        assertEquals(LocalDate.parse("2028-01-01"), service.whatIf(ALL, null, "2027-01-01", "2028-01-01").window().to());
        assertEquals(new WhatIfService.Window(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01")),
                service.whatIf(ALL, null, " 2026-12-01 ", "2026-12-01").window());
    }

    @Test
    public void aDeactivatedUserMayBeNamedAbsentTheirOpenDecisionsStillWait() {
        assertEquals(List.of("bob", "ivan"), service.whatIf(ALL, "ivan,bob", null, null).report().absent());
    }

    @Test
    public void theScopesProblemsAreNamedWithTheOthers() {
        assertEquals(List.of("absent", "domain"),
                badFields(new AccountabilityService.Scope.Domains(List.of("NOPE")), "zed", null, null));
        assertEquals(List.of("from", "project"), badFields(new AccountabilityService.Scope.Project("HR"), null, "x", "2026-12-01"));
        assertEquals(List.of("group"), badFields(new AccountabilityService.Scope.Group("nobody-group"), "bob", null, null));
    }

    @Test
    public void theAnonymousGet401WhateverTheySend() {
        when(users.currentUser()).thenReturn(Optional.empty());
        for (String[] p : new String[][]{{"bob", null, null}, {"zed", "x", null}, {null, null, null}}) {
            try {
                service.whatIf(new AccountabilityService.Scope.Project("NOPE"), p[0], p[1], p[2]);
                fail("anonymous");
            } catch (ApiException e) {
                assertEquals(401, e.status());
            }
        }
        verifyNoInteractions(decisions, absences);
    }
}
