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
                + "\"cycleTimeDays\":{\"median\":null,\"p90\":null},\"trend\":[{\"month\":\"2025-12\",\"decisions\":0,\"index\":1.0},"));
        assertTrue(json, json.endsWith("{\"month\":\"2026-11\",\"decisions\":0,\"index\":1.0}]}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theParametersBecomeTheScopeDomainsSortedAndDeduplicated() {
        AccountabilityService service = mock(AccountabilityService.class);
        when(service.report(any())).thenReturn(emptyReport());
        AccountabilityResource resource = new AccountabilityResource(service);
        assertEquals(Map.of("domains", List.of("ARCH", "OPS")),
                resource.accountability(null, " OPS,ARCH,,OPS ", null).get("scope"));
        verify(service).report(new AccountabilityService.Scope.Domains(List.of("ARCH", "OPS")));
        assertEquals(Map.of("project", "DEMO"), resource.accountability("demo", null, null).get("scope"));
        assertEquals(Map.of("group", "leads"), resource.accountability(null, null, "leads").get("scope"));
        assertEquals(Map.of(), resource.accountability(null, null, null).get("scope"));
        verify(service).report(new AccountabilityService.Scope.All());
    }

    @Test
    public void twoScopeKindsAre400NamingBoth() {
        AccountabilityService service = mock(AccountabilityService.class);
        when(service.caller()).thenReturn(new Person("k", "alice", "Alice"));
        try {
            new AccountabilityResource(service).accountability("DEMO", null, "leads");
            fail();
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(List.of("project", "group"), List.copyOf(e.errors().keySet()));
        }
        verify(service, never()).report(any());
    }
}
