package io.mandate.it;

import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.AuditType;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Decision changes in the product's audit log, end to end through the reference host running the built jar:
 * a decision's approver and status changed over REST appear on the host's audit log page (Platform 7 advanced
 * auditing), translated, with author and values, for administrators only. Works on an issue of its own, created
 * here and deleted afterwards, so no other test sees it.
 */
public class AuditLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String jira;
    private static String issue;

    @BeforeClass
    public static void createIssue() throws IOException {
        jira = RunningHost.jira();
        Reply created = Http.send("POST", jira + "/rest/api/2/issue", "alice", "application/json",
                "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"summary\":\"Audit log probe\",\"issuetype\":{\"name\":\"Task\"}}}");
        assertEquals(created.body(), 201, created.status());
        issue = JSON.readTree(created.body()).get("key").asText();
    }

    @AfterClass
    public static void deleteIssue() {
        if (issue != null) {
            Http.send("DELETE", jira + "/rest/mandate/1.0/decisions/" + issue, "alice", null, null);
            assertEquals(204, Http.send("DELETE", jira + "/rest/api/2/issue/" + issue, "alice", null, null).status());
        }
    }

    private static Reply putDecision(String body) {
        return Http.putJson(jira + "/rest/mandate/1.0/decisions/" + issue, "alice", body);
    }

    private static Document auditPage(String product) {
        Reply page = Http.get(product + "/plugins/servlet/audit", "admin");
        assertEquals(page.body(), 200, page.status());
        return Jsoup.parse(page.body());
    }

    /** The events of this test's issue with the given action, newest first. */
    private static List<Element> events(Document page, String action) {
        return page.select("#audit-log tr.audit-event").stream()
                .filter(r -> action.equals(r.attr("data-action")))
                .filter(r -> r.select(".audit-object").stream().anyMatch(o -> o.ownText().equals(issue)))
                .toList();
    }

    private static String change(Element event) {
        Element c = event.selectFirst(".audit-change");
        return c.selectFirst(".audit-field").text() + ": " + c.selectFirst(".audit-from").text() + " -> "
                + c.selectFirst(".audit-to").text();
    }

    @Test
    public void approverAndStatusChangesAppearOnTheAuditLogPage() {
        Reply created = putDecision("{\"status\":\"OPEN\",\"driver\":\"alice\",\"approver\":\"carol\"}");
        assertEquals(created.body(), 200, created.status());
        Reply changed = putDecision("{\"version\":1,\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"bob\"}");
        assertEquals(changed.body(), 200, changed.status());
        Reply outcomeOnly = putDecision("{\"version\":2,\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"bob\","
                + "\"outcome\":\"Not the audit log's business\"}");
        assertEquals(outcomeOnly.body(), 200, outcomeOnly.status());

        Document page = auditPage(jira);
        List<Element> approver = events(page, "mandate.audit.decision.approver");
        assertEquals(page.select("#audit-log").outerHtml(), 2, approver.size());
        Element latest = approver.get(0);
        assertEquals("Decision approver changed", latest.selectFirst(".audit-summary").text());
        assertEquals("Mandate", latest.selectFirst(".audit-category").text());
        assertEquals("the user who changed it", "alice", latest.selectFirst(".audit-author").text());
        Element object = latest.selectFirst(".audit-object");
        assertEquals("decision", object.attr("data-type"));
        assertTrue(object.attr("data-object-id").matches("\\d+"));
        assertEquals("Approver: carol -> bob", change(latest));
        assertEquals("creation is a change from nothing", "Approver: \u2014 -> carol", change(approver.get(1)));

        List<Element> status = events(page, "mandate.audit.decision.status");
        assertEquals(2, status.size());
        assertEquals("Decision status changed", status.get(0).selectFirst(".audit-summary").text());
        assertEquals("Status: OPEN -> IN_PROGRESS", change(status.get(0)));
        assertEquals("Status: \u2014 -> OPEN", change(status.get(1)));
        assertTrue("newest first", Long.parseLong(approver.get(0).attr("data-id")) > Long.parseLong(approver.get(1).attr("data-id")));

        assertEquals(204, Http.send("DELETE", jira + "/rest/mandate/1.0/decisions/" + issue, "alice", null, null).status());
        List<Element> afterDelete = events(auditPage(jira), "mandate.audit.decision.status");
        assertEquals(3, afterDelete.size());
        assertEquals("deletion sets the status to nothing", "Status: IN_PROGRESS -> \u2014", change(afterDelete.get(0)));
    }

    @Test
    public void theAuditLogIsForAdministratorsOnly() {
        Reply asUser = Http.get(jira + "/plugins/servlet/audit", "alice");
        assertEquals(403, asUser.status());
        assertFalse(asUser.body().contains("audit-log\""));
        Reply anonymous = Http.get(jira + "/plugins/servlet/audit", null);
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.headers().firstValue("Location").orElse(""), anonymous.headers().firstValue("Location")
                .orElse("").contains("/jira/login.jsp?os_destination="));
        assertEquals(403, Http.get(RunningHost.confluence() + "/plugins/servlet/audit", "alice").status());
        assertEquals(200, Http.get(RunningHost.confluence() + "/plugins/servlet/audit", "admin").status());
    }

    @Test
    public void theAuditLogPageShowsWhatWasWrittenAsText() {
        String name = "<script>alert('audit')</script> & <b>x</b>";
        RunningHost.get().jira().audit().audit(AuditEvent.builder(AuditType.fromI18nKeys(CoverageArea.PERMISSIONS,
                        CoverageLevel.BASE, "mandate.audit.category", "<img src=x onerror=alert(1)>").build())
                .affectedObject(AuditResource.builder(name, "<i>grant</i>").id("\"><b>").build())
                .changedValue(ChangedValue.fromI18nKeys("mandate.audit.field.approver").from("<u>a</u>").to(name).build())
                .build());
        Reply page = Http.get(jira + "/plugins/servlet/audit", "admin");
        assertFalse("markup from an event is never live", page.body().contains("<script>alert('audit')"));
        assertFalse(page.body().contains("<img src=x"));
        Document doc = Jsoup.parse(page.body());
        Element row = doc.select("#audit-log tr.audit-event").stream()
                .filter(r -> r.selectFirst(".audit-object") != null && r.selectFirst(".audit-object").ownText().equals(name))
                .findFirst().orElse(null);
        assertNotNull(row);
        assertEquals("an unknown key shows as the key", "<img src=x onerror=alert(1)>", row.selectFirst(".audit-summary").text());
        assertEquals("<i>grant</i>", row.selectFirst(".audit-object").attr("data-type"));
        assertEquals("\"><b>", row.selectFirst(".audit-object").attr("data-object-id"));
        assertEquals("Approver: <u>a</u> -> " + name, change(row));
        assertTrue(doc.select("script").stream().noneMatch(s -> s.html().contains("alert")));
        assertTrue(doc.select("img").isEmpty());
    }

    @Test
    public void theAdminMenusLinkTheAuditLog() {
        Element jiraLink = Jsoup.parse(Http.get(jira + "/secure/admin", "admin").body()).selectFirst("#audit-log-link");
        assertNotNull(jiraLink);
        assertEquals("/jira/plugins/servlet/audit", jiraLink.attr("href"));
        Element confluenceLink = Jsoup.parse(Http.get(RunningHost.confluence() + "/admin/console.action", "admin").body())
                .selectFirst("#audit-log-link");
        assertNotNull(confluenceLink);
        assertEquals("/confluence/plugins/servlet/audit", confluenceLink.attr("href"));
    }
}
