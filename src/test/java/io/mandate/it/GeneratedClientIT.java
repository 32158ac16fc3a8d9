package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.generated.client.ApiClient;
import io.mandate.generated.client.ApiException;
import io.mandate.generated.client.api.AuthorityApi;
import io.mandate.generated.client.api.DecisionsApi;
import io.mandate.generated.client.api.DomainsApi;
import io.mandate.generated.client.api.ReportsApi;
import io.mandate.generated.client.model.AccountabilityReport;
import io.mandate.generated.client.model.AccountabilityReportLoadInner;
import io.mandate.generated.client.model.AuthorityHolder;
import io.mandate.generated.client.model.Decision;
import io.mandate.generated.client.model.DecisionInput;
import io.mandate.generated.client.model.DecisionStatus;
import io.mandate.generated.client.model.Domain;
import io.mandate.generated.client.model.DomainAuthority;
import io.mandate.generated.client.model.DomainCreate;
import io.mandate.generated.client.model.DomainScopeInput;
import io.mandate.generated.client.model.Grant;
import io.mandate.generated.client.model.GrantInput;
import io.mandate.generated.client.model.GrantInputHolder;
import io.mandate.generated.client.model.GrantInputLevel;
import io.mandate.generated.client.model.IssueAuthority;
import io.mandate.generated.client.model.LevelName;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * A client no one here wrote: generated from docs/openapi.yaml at build time (openapi-generator, java.net.http and
 * Jackson; target/generated-test-sources/openapi) and driven end to end against the running reference host — so the
 * spec is usable as it stands, with its types, names and answers.
 *
 * <p>erin, who administers OPS, creates a domain scoped to OPS-1 alone (OPS + Change + Databases + label process: no
 * other issue has all four, and no other test uses OPS-1), grants alice DELEGATE with bob as backup, records a
 * decision on OPS-1 that alice approves; frank (logged in, administers nothing) reads the issue's authority (alice is
 * on leave in the sample organisation, so bob stands in) and the domain's accountability report. Afterwards the decision and the domain are removed again.
 */
public class GeneratedClientIT {

    private static final String DOMAIN = "OAI_CLIENT";
    private static final String ISSUE = "OPS-1";

    /** A client of the generated code, as {@code user} (Basic auth: the password is the username on this host). */
    private static ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningHost.jira() + "/rest/mandate/1.0");
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    @After
    public void removeWhatTheTestMade() {
        ApiClient erin = client("erin");
        try {
            new DecisionsApi(erin).deleteDecision(ISSUE, null);
        } catch (ApiException gone) {
            // 404: never recorded or already removed
        }
        try {
            new DomainsApi(erin).deleteDomain(DOMAIN);
        } catch (ApiException gone) {
            // 404: never created or already removed
        }
    }

    @Test
    public void aGeneratedClientCreatesADomainGrantsRecordsADecisionAndReadsAuthorityAndTheReport() throws Exception {
        ApiClient erin = client("erin");
        ApiClient frank = client("frank");

        // a domain for OPS-1 alone, created by the OPS project administrator
        Domain domain = new DomainsApi(erin).createDomain(new DomainCreate().key(DOMAIN).name("Generated client (OPS-1)")
                .description("Made by GeneratedClientIT")
                .scope(new DomainScopeInput().projects(List.of("ops")).issueTypes(List.of("Change"))
                        .components(List.of("Databases")).labels(List.of("process"))));
        assertEquals(DOMAIN, domain.getKey());
        assertEquals("project keys are stored in capitals", List.of("OPS"), domain.getScope().getProjects());
        assertEquals(List.of(), domain.getScope().getSpaces());
        assertEquals(Integer.valueOf(1), domain.getVersion());

        // the contract's 409 arrives as the generated ApiException, with the Error shape in its body
        try {
            new DomainsApi(erin).createDomain(new DomainCreate().key(DOMAIN).name("Again")
                    .scope(new DomainScopeInput().projects(List.of("OPS"))));
            fail("a second domain with the same key was created");
        } catch (ApiException conflict) {
            assertEquals(409, conflict.getCode());
            JsonNode error = new ObjectMapper().readTree(conflict.getResponseBody());
            assertTrue(conflict.getResponseBody(), error.get("message").isTextual() && error.get("errors").has("key"));
        }

        // alice decides there, bob stands in for her
        Grant grant = new DomainsApi(erin).addGrant(DOMAIN, new GrantInput()
                .holder(new GrantInputHolder().type(GrantInputHolder.TypeEnum.USER).name("alice"))
                .level(new GrantInputLevel("DELEGATE")).backup("bob").note("Generated client"));
        assertEquals(DOMAIN, grant.getDomain());
        assertEquals("alice", grant.getHolder().getName());
        assertEquals("Alice Adams", grant.getHolder().getDisplayName());
        assertEquals(Integer.valueOf(7), grant.getLevel());
        assertEquals(LevelName.DELEGATE, grant.getLevelName());
        assertEquals("bob", grant.getBackup());
        assertNull(grant.getValidTo());

        // a decision on OPS-1: its domain is derived from the scope rules, alice may approve
        LocalDate due = LocalDate.of(2031, 5, 1);
        Decision decision = new DecisionsApi(erin).putDecision(ISSUE, new DecisionInput().status(DecisionStatus.IN_PROGRESS)
                .driver("erin").approver("alice").contributors(List.of("bob")).dueDate(due));
        assertEquals(ISSUE, decision.getIssueKey());
        assertEquals(DecisionStatus.IN_PROGRESS, decision.getStatus());
        assertEquals("alice", decision.getApprover().getName());
        assertEquals("Erin Evans", decision.getDriver().getDisplayName());
        assertEquals(due, decision.getDueDate());
        assertEquals(DOMAIN, decision.getDomain());
        assertFalse(decision.getDomainSetByHand());
        assertEquals(Integer.valueOf(1), decision.getVersion());
        assertFalse("alice holds DELEGATE there", decision.getChecks().getAuthorityViolation());
        assertFalse(decision.getChecks().getOverdue());
        assertEquals("the same decision, read back", decision, new DecisionsApi(frank).getDecision(ISSUE));

        // who holds which authority over OPS-1 today
        IssueAuthority authority = new AuthorityApi(frank).getIssueAuthority(ISSUE);
        assertEquals(ISSUE, authority.getIssueKey());
        assertFalse(authority.getTie());
        assertEquals(1, authority.getDomains().size());
        DomainAuthority d = authority.getDomains().get(0);
        assertEquals(DOMAIN, d.getKey());
        assertEquals("Made by GeneratedClientIT", d.getDescription());
        assertEquals(1, d.getApprovers().size());
        AuthorityHolder approver = d.getApprovers().get(0);
        assertEquals("alice", approver.getHolder().getName());
        assertEquals(Integer.valueOf(7), approver.getLevel());
        assertEquals("bob", approver.getBackup().getName());
        assertEquals(List.of(), d.getCoDeciders());
        // the sample organisation has alice on leave from the host's first start (docs/sample-org.md): bob stands in
        assertEquals(1, d.getStandIns().size());
        assertEquals("alice", d.getStandIns().get(0).getHolder().getName());
        assertEquals("bob", d.getStandIns().get(0).getBackup().getName());
        assertEquals(LevelName.DELEGATE, d.getStandIns().get(0).getLevelName());
        assertEquals(List.of("alice"), d.getAbsent().stream().map(a -> a.getUser().getName()).toList());
        assertTrue(d.getAbsent().get(0).getUntil().equals(d.getStandIns().get(0).getUntil()));

        // the domain's accountability report counts the one open decision, approved by alice
        AccountabilityReport report = new ReportsApi(frank).getAccountabilityReport(null, DOMAIN.toLowerCase(java.util.Locale.ROOT), null, "coverage");
        assertEquals(List.of(DOMAIN), report.getScope().getDomains());
        assertEquals(Long.valueOf(1), report.getTotals().getDecisions());
        assertEquals(Long.valueOf(1), report.getTotals().getOpen());
        assertEquals(Long.valueOf(0), report.getTotals().getDecided());
        assertEquals(List.of(), report.getUnowned());
        assertEquals(List.of(), report.getViolations());
        assertEquals(List.of(), report.getSinglePointsOfFailure().stream().filter(k -> !k.equals(DOMAIN)).toList());
        AccountabilityReportLoadInner load = report.getLoad().get(0);
        assertEquals("alice", load.getUser());
        assertEquals(Long.valueOf(1), load.getCount());
        assertEquals(12, report.getTrend().size());
        assertNull("no decided decision: no cycle time", report.getCycleTimeDays().getMedian());
        // include=coverage: alice holds DELEGATE (7) in the domain
        assertEquals(List.of(DOMAIN), report.getCoverage().getDomains());
        assertEquals(Integer.valueOf(7), report.getCoverage().getLevels().get(DOMAIN).get("alice"));
    }
}
