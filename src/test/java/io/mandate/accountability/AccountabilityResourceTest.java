package io.mandate.accountability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.platform.Person;
import io.mandate.platform.rest.ApiException;
import org.junit.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The report's JSON as the contract shapes it, and the parameters the resource turns into a scope. */
public class AccountabilityResourceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private static AccountabilityReport emptyReport() {
        return new AccountabilityAccumulator(TODAY, ZoneOffset.UTC).report(List.of());
    }

    @Test
    public void anEmptyScopeAsTheContractsJsonWithNullCycleTimesAndTwelveMonths() throws Exception {
        String json = new ObjectMapper().writeValueAsString(AccountabilityResource.json(Map.of("project", "DEMO"), emptyReport()));
        assertTrue(json, json.startsWith("{\"scope\":{\"project\":\"DEMO\"},\"totals\":{\"decisions\":0,\"open\":0,\"decided\":0},"
                + "\"unowned\":[],\"overdue\":[],\"violations\":[],\"consultationGaps\":[],\"dueForReview\":[],\"load\":[],\"gini\":0.0,"
                + "\"topShare\":0.0,\"singlePointsOfFailure\":[],\"busFactor\":{\"value\":0,\"people\":[]},"
                + "\"cycleTimeDays\":{\"median\":null,\"p90\":null},\"trend\":[{\"month\":\"2025-12\",\"decisions\":0,\"index\":null},"));
        assertTrue(json, json.endsWith("{\"month\":\"2026-11\",\"decisions\":0,\"index\":null}]}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theParametersBecomeTheScopeDomainsSortedAndDeduplicated() {
        AccountabilityService service = mock(AccountabilityService.class);
        when(service.reportWithCoverage(any())).thenReturn(new AccountabilityService.ScopedReport(emptyReport(), EMPTY_GRID));
        AccountabilityResource resource = new AccountabilityResource(service, mock(WhatIfService.class));
        assertEquals(Map.of("domains", List.of("ARCH", "OPS")),
                resource.accountability(null, " OPS,ARCH,,OPS ", null, null).get("scope"));
        verify(service).reportWithCoverage(new AccountabilityService.Scope.Domains(List.of("ARCH", "OPS")));
        assertEquals(Map.of("project", "DEMO"), resource.accountability("demo", null, null, null).get("scope"));
        assertEquals(Map.of("group", "leads"), resource.accountability(null, null, "leads", null).get("scope"));
        assertEquals(Map.of(), resource.accountability(null, null, null, "").get("scope"));
        verify(service).reportWithCoverage(new AccountabilityService.Scope.All());
    }

    @Test
    public void twoScopeKindsAre400NamingBoth() {
        AccountabilityService service = mock(AccountabilityService.class);
        when(service.caller()).thenReturn(new Person("k", "alice", "Alice"));
        try {
            new AccountabilityResource(service, mock(WhatIfService.class)).accountability("DEMO", null, "leads", null);
            fail();
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(List.of("project", "group"), List.copyOf(e.errors().keySet()));
        }
        verify(service, never()).reportWithCoverage(any());
    }

    private static final CoverageGrid EMPTY_GRID = new CoverageGrid(List.of(), List.of(), Map.of());

    @Test
    public void includeCoverageAddsTheGridWithOnlyTheLevelsHeld() throws Exception {
        AccountabilityService service = mock(AccountabilityService.class);
        CoverageGrid grid = new CoverageGrid(List.of("OPS", "ARCH"), List.of("bob", "alice"),
                Map.of("ARCH", Map.of("alice", 5, "bob", 0), "OPS", Map.of("bob", 3)));
        when(service.reportWithCoverage(any())).thenReturn(new AccountabilityService.ScopedReport(emptyReport(), grid));
        AccountabilityResource resource = new AccountabilityResource(service, mock(WhatIfService.class));
        String json = new ObjectMapper().writeValueAsString(resource.accountability(null, "ARCH,OPS", null, " coverage "));
        assertTrue(json, json.endsWith(",\"coverage\":{\"domains\":[\"ARCH\",\"OPS\"],\"people\":[\"alice\",\"bob\"],"
                + "\"levels\":{\"ARCH\":{\"alice\":5},\"OPS\":{\"bob\":3}}}}"));
        assertTrue("no grid unless asked", !resource.accountability(null, "ARCH,OPS", null, null).containsKey("coverage"));
    }

    @Test
    public void anyOtherIncludeIs400NamingIt() {
        AccountabilityService service = mock(AccountabilityService.class);
        when(service.caller()).thenReturn(new Person("k", "alice", "Alice"));
        try {
            new AccountabilityResource(service, mock(WhatIfService.class)).accountability("DEMO", null, null, "everything");
            fail();
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(List.of("include"), List.copyOf(e.errors().keySet()));
        }
        verify(service, never()).reportWithCoverage(any());
    }

    private static WhatIfReport whatIfReport() {
        return new WhatIfReport(List.of("alice", "erin"), List.of("HIRING"), List.of("SPEND"),
                new java.util.TreeMap<>(Map.of("RELEASE", List.of(new WhatIfReport.StandIn("erin", "bob")),
                        "ARCH", List.of(new WhatIfReport.StandIn("alice", "dave"), new WhatIfReport.StandIn("alice", "erin")))),
                new java.util.TreeMap<>(Map.of("RELEASE", List.of("alice"), "ARCH", List.of("erin"))),
                List.of("DEMO-9", "DEMO-10"));
    }

    @Test
    public void theWhatIfAsTheContractsJsonWithTheWindowOnlyForTheWindowForm() throws Exception {
        String body = "\"alreadyUncovered\":[\"HIRING\"],\"stalled\":[\"SPEND\"],"
                + "\"coveredByBackup\":[{\"domain\":\"ARCH\",\"standIns\":[{\"holder\":\"alice\",\"backup\":\"dave\"},"
                + "{\"holder\":\"alice\",\"backup\":\"erin\"}]},{\"domain\":\"RELEASE\",\"standIns\":[{\"holder\":\"erin\",\"backup\":\"bob\"}]}],"
                + "\"coDecidersLost\":[{\"domain\":\"ARCH\",\"people\":[\"erin\"]},{\"domain\":\"RELEASE\",\"people\":[\"alice\"]}],"
                + "\"decisionsWaiting\":[\"DEMO-9\",\"DEMO-10\"]}";
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"scope\":{\"domains\":[\"ARCH\"]},\"absent\":[\"alice\",\"erin\"]," + body,
                json.writeValueAsString(AccountabilityResource.json(Map.of("domains", List.of("ARCH")),
                        new WhatIfService.Answer(whatIfReport(), null))));
        WhatIfService.Window window = new WhatIfService.Window(LocalDate.parse("2026-12-21"), LocalDate.parse("2027-01-03"));
        assertEquals("{\"scope\":{},\"absent\":[\"alice\",\"erin\"],\"window\":{\"from\":\"2026-12-21\",\"to\":\"2027-01-03\"}," + body,
                json.writeValueAsString(AccountabilityResource.json(Map.of(), new WhatIfService.Answer(whatIfReport(), window))));
    }

    @Test
    public void theWhatIfTakesTheReportsScopeParameters() {
        WhatIfService whatIfs = mock(WhatIfService.class);
        when(whatIfs.whatIf(any(), any(), any(), any())).thenReturn(new WhatIfService.Answer(whatIfReport(), null));
        AccountabilityResource resource = new AccountabilityResource(mock(AccountabilityService.class), whatIfs);
        assertEquals(Map.of("domains", List.of("ARCH", "OPS")), resource.whatif(null, "ops, arch", null, "erin", null, null).get("scope"));
        verify(whatIfs).whatIf(new AccountabilityService.Scope.Domains(List.of("ARCH", "OPS")), "erin", null, null);
        assertEquals(Map.of("project", "DEMO"), resource.whatif(" demo", null, null, null, "2026-12-01", "2026-12-02").get("scope"));
        verify(whatIfs).whatIf(new AccountabilityService.Scope.Project("demo"), null, "2026-12-01", "2026-12-02");
        assertEquals(Map.of(), resource.whatif(null, null, null, "erin", null, null).get("scope"));
        verify(whatIfs).whatIf(new AccountabilityService.Scope.All(), "erin", null, null);
    }

    @Test
    public void theWhatIfWithTwoScopeKindsIs400NamingBoth() {
        AccountabilityService reports = mock(AccountabilityService.class);
        when(reports.caller()).thenReturn(new Person("k", "alice", "Alice"));
        WhatIfService whatIfs = mock(WhatIfService.class);
        try {
            new AccountabilityResource(reports, whatIfs).whatif(null, "ARCH", "leads", "erin", null, null);
            fail();
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(List.of("domain", "group"), List.copyOf(e.errors().keySet()));
        }
        verify(whatIfs, never()).whatIf(any(), any(), any(), any());
    }
}
