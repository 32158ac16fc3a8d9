package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The checks on decisions and the authority panel through the reference host running the built jar (issue 7, items
 * 2, 5 and 8): a decision whose approver holds only CONSULT is flagged as a violation on the decision panel and in
 * the REST output; the authority panel beside it lists who may approve (with the backup), who must be consulted and
 * who is told; a domain set by hand says so on both panels and in the JSON, and sending no domain derives it again.
 *
 * <p>Everything here is its own: a project {@code PPANEL} with one issue, domains {@code P_ARCH} and {@code P_OTHER}
 * scoped to that project only; all removed after each test. No sample issue is touched.
 */
public class AuthorityPanelIT {

    private static final String PROJECT = "PPANEL";

    private static String jira;
    private static String api;
    private String issueKey;

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
    }

    private static Reply post(String url, String json) {
        return SecurityHttp.send("POST", url, "admin", Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

    @Before
    public void setUp() {
        created(post(jira + "/rest/api/2/project", "{\"key\":\"" + PROJECT + "\",\"name\":\"Authority panel IT\",\"lead\":\"admin\"}"));
        Reply issue = post(jira + "/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"" + PROJECT
                + "\"},\"summary\":\"Choose the service mesh\",\"issuetype\":{\"name\":\"Task\"}}}");
        created(issue);
        issueKey = issue.json().get("key").asText();
        created(post(api + "/domains", "{\"key\":\"P_ARCH\",\"name\":\"Panel Architecture\",\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}"));
        created(post(api + "/domains", "{\"key\":\"P_OTHER\",\"name\":\"Panel Other\",\"scope\":{\"projects\":[\"" + PROJECT
                + "\"],\"labels\":[\"p-none\"]}}"));
        created(post(api + "/domains/P_ARCH/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"carol\"},\"level\":\"DELEGATE\",\"backup\":\"dave\"}"));
        created(post(api + "/domains/P_ARCH/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":\"CONSULT\"}"));
        created(post(api + "/domains/P_ARCH/grants", "{\"holder\":{\"type\":\"group\",\"name\":\"operations\"},\"level\":\"TELL\"}"));
        created(post(api + "/domains/P_OTHER/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":\"ADVISE\"}"));
    }

    @After
    public void cleanUp() {
        if (issueKey != null) {
            Reply d = SecurityHttp.delete(api + "/decisions/" + issueKey, "admin");
            assertTrue("clean-up of the decision: " + d, d.status() == 204 || d.status() == 404);
        }
        for (String domain : new String[] {"P_ARCH", "P_OTHER"}) {
            Reply r = SecurityHttp.delete(api + "/domains/" + domain, "admin");
            assertTrue("clean-up of " + domain + ": " + r, r.status() == 204 || r.status() == 404);
        }
        Reply p = SecurityHttp.delete(jira + "/rest/api/2/project/" + PROJECT, "admin");
        assertTrue("clean-up of the project: " + p, p.status() == 204 || p.status() == 404);
    }

    private String issuePage() {
        Reply page = SecurityHttp.html(jira + "/browse/" + issueKey, "admin");
        assertEquals(page.toString(), 200, page.status());
        return page.body();
    }

    /** The authority panel's HTML (up to the panel's end). */
    private static String authorityPanel(String page) {
        int start = page.indexOf("id=\"mandate-authority-panel\"");
        assertTrue("the authority panel is on the issue view", start >= 0);
        return page.substring(start);
    }

    @Test
    public void anApproverHoldingOnlyConsultIsFlaggedOnThePanelAndInTheRestOutput() {
        Reply put = SecurityHttp.putJson(api + "/decisions/" + issueKey, "admin",
                "{\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"alice\"}");
        assertEquals(put.toString(), 200, put.status());
        assertEquals("P_ARCH", put.json().get("domain").asText());
        assertFalse(put.json().get("domainSetByHand").asBoolean());

        JsonNode got = SecurityHttp.get(api + "/decisions/" + issueKey, "admin").json();
        assertTrue(got.toString(), got.get("checks").get("authorityViolation").asBoolean());
        assertTrue("Alice must be consulted (CONSULT) and is not among the contributors: " + got,
                got.get("checks").get("consultationGap").asBoolean());

        JsonNode listed = SecurityHttp.get(api + "/decisions?project=" + PROJECT, "admin").json();
        assertEquals(listed.toString(), 1, listed.get("total").asInt());
        assertTrue("the list fills the checks in too: " + listed,
                listed.get("values").get(0).get("checks").get("authorityViolation").asBoolean());
        assertEquals("the list filter reads the stored (derived) domain", 1,
                SecurityHttp.get(api + "/decisions?domain=P_ARCH", "admin").json().get("total").asInt());

        String page = issuePage();
        assertTrue(page, page.contains("Alice Adams may not approve in Panel Architecture (holds CONSULT)"));
        String panel = authorityPanel(page);
        assertTrue(panel, panel.contains("Panel Architecture"));
        assertTrue("the approver with the backup: " + panel, panel.contains("Carol Clark") && panel.contains("Dave Davis"));
        assertTrue(panel, panel.contains("operations (group)"));
        assertFalse("derived, not set by hand", panel.contains("set by hand"));

        Reply fixed = SecurityHttp.putJson(api + "/decisions/" + issueKey, "admin",
                "{\"version\":1,\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"carol\",\"contributors\":[\"alice\"]}");
        assertEquals(fixed.toString(), 200, fixed.status());
        assertFalse(fixed.json().get("checks").get("authorityViolation").asBoolean());
        assertFalse(fixed.json().get("checks").get("consultationGap").asBoolean());
        assertFalse(issuePage().contains("may not approve"));
    }

    @Test
    public void aDomainSetByHandShowsOnBothPanelsAndClearingItDerivesItAgain() {
        Reply put = SecurityHttp.putJson(api + "/decisions/" + issueKey, "admin",
                "{\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"alice\",\"domain\":\"p_other\"}");
        assertEquals(put.toString(), 200, put.status());
        assertEquals("P_OTHER", put.json().get("domain").asText());
        assertTrue(put.json().get("domainSetByHand").asBoolean());
        assertFalse("Alice advises in P_OTHER: she may approve there", put.json().get("checks").get("authorityViolation").asBoolean());

        String page = issuePage();
        String panel = authorityPanel(page);
        assertTrue(panel, panel.contains("Panel Other"));
        assertTrue(panel, panel.contains("mandate-authority-by-hand") && panel.contains("set by hand"));
        assertTrue("the decision panel says so too", page.contains("mandate-domain-by-hand"));

        Reply cleared = SecurityHttp.putJson(api + "/decisions/" + issueKey, "admin",
                "{\"version\":1,\"status\":\"IN_PROGRESS\",\"driver\":\"bob\",\"approver\":\"alice\",\"domain\":null}");
        assertEquals(cleared.toString(), 200, cleared.status());
        assertEquals("P_ARCH", cleared.json().get("domain").asText());
        assertFalse(cleared.json().get("domainSetByHand").asBoolean());
        assertTrue(cleared.json().get("checks").get("authorityViolation").asBoolean());
        JsonNode history = SecurityHttp.get(api + "/decisions/" + issueKey + "/history", "admin").json();
        assertTrue("clearing is audited as a domain change: " + history, history.toString().contains("P_OTHER"));
        String after = issuePage();
        assertFalse(after.contains("mandate-authority-by-hand"));
        assertFalse(after.contains("mandate-domain-by-hand"));
    }
}
