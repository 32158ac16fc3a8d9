package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.jsoup.Jsoup;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.mandate.it.SecurityHttp.enc;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Issue data of an issue the caller cannot browse is absent everywhere (issue 11, item 1), proven by difference: an
 * issue S in HR at the security level "Compensation" (heidi only — erin browses and edits HR but not S, and the Jira
 * administrator does not see it either, as in Jira) gets a decision, and every view of erin and of admin — report
 * pages of the project, a domain and a group, the whole instance, the report CSV (every table), the what-if, the REST
 * reports, the admin page's counts, the issue search with each JQL function and the "Decision owner" searcher, the
 * decision list, the issue view — is byte for byte what it was before. The control for each: heidi, who may see S,
 * sees it appear. Notifications: a change of S's decision that would tell hr-team and frank tells nobody, while the
 * same change on an HR issue everyone in hr-team browses tells erin (and still not frank, who cannot browse HR).
 */
public class HiddenIssueIT {

    private static final String SECRET = "HIDDEN-ISSUE-SECRET outcome";
    private static final String SUMMARY = "HIDDEN-ISSUE-SECRET summary";
    private static final String COMPENSATION_LEVEL = "10000";

    private static String jira;
    private static String secret;
    private static String open;

    @BeforeClass
    public static void fixture() {
        jira = RunningHost.jira();
        // heidi reports it: the level lets in heidi and the reporter, so nobody else
        Reply s = SecurityHttp.send("POST", jira + "/rest/api/2/issue", "heidi", Map.of("Content-Type", "application/json"),
                bytes("{\"fields\":{\"project\":{\"key\":\"HR\"},\"summary\":\"" + SUMMARY + "\",\"issuetype\":{\"name\":\"Task\"},"
                        + "\"security\":{\"id\":\"" + COMPENSATION_LEVEL + "\"}}}"));
        assertEquals(s.toString(), 201, s.status());
        secret = s.json().get("key").asText();
        Reply o = SecurityHttp.send("POST", jira + "/rest/api/2/issue", "heidi", Map.of("Content-Type", "application/json"),
                bytes("{\"fields\":{\"project\":{\"key\":\"HR\"},\"summary\":\"Hidden issue control\",\"issuetype\":{\"name\":\"Task\"}}}"));
        assertEquals(o.toString(), 201, o.status());
        open = o.json().get("key").asText();
        assertEquals("erin does not see S", 404, SecurityHttp.get(jira + "/rest/api/2/issue/" + secret, "erin").status());
        assertEquals("admin does not see S", 404, SecurityHttp.get(jira + "/rest/api/2/issue/" + secret, "admin").status());
        assertEquals("heidi sees S", 200, SecurityHttp.get(jira + "/rest/api/2/issue/" + secret, "heidi").status());
    }

    @AfterClass
    public static void removeFixture() {
        for (String key : new String[]{secret, open}) {
            if (key != null) {
                SecurityHttp.delete(jira + "/rest/mandate/1.0/decisions/" + key, "heidi");
                SecurityHttp.send("DELETE", jira + "/rest/api/2/issue/" + key, "heidi", null, null);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What a view shows: the page's content, or a REST or CSV answer whole. */
    private static String view(String path, String user) {
        boolean page = !path.startsWith("/rest/") && !path.contains(".csv");
        Reply r = page ? SecurityHttp.html(jira + path, user) : SecurityHttp.get(jira + path, user);
        String shown = page ? Jsoup.parse(r.body()).select("#content").outerHtml() : r.body();
        return r.status() + " " + shown;
    }

    /** Every view of erin and of admin that could show S's decision: path → what it shows. */
    private static Map<String, String> views() {
        List<String> erin = new ArrayList<>();
        String report = "/plugins/servlet/mandate/report";
        for (String scope : List.of("project=HR", "domain=HIRING", "group=hr-team")) {
            erin.add(report + "?" + scope);
            erin.add(report + "?" + scope + "&absent=heidi");
            erin.add("/rest/mandate/1.0/reports/accountability?" + scope);
            erin.add("/rest/mandate/1.0/reports/whatif?" + scope + "&absent=heidi");
        }
        for (String table : List.of("load", "trend", "coverage", "unowned", "overdue", "violations", "consultationGaps", "dueForReview")) {
            erin.add(report + ".csv?project=HR&table=" + table);
        }
        for (String jql : List.of("issue in decisionsApprovedBy(heidi)", "issue in decisionsDrivenBy(heidi)", "issue in decisionsOverdue()",
                "issue in decisionsInStatus(IN_PROGRESS)", "issue in decisionsInDomain(HIRING)", "issue in decisionsWithViolation()",
                "issue in decisionsWithConsultationGap()", "\"Decision owner\" = heidi", "project = HR")) {
            erin.add("/issues/?jql=" + enc(jql));
            erin.add("/rest/api/2/search?maxResults=1000&jql=" + enc(jql));
        }
        erin.add("/rest/mandate/1.0/decisions?maxResults=1000&project=HR");
        erin.add("/rest/mandate/1.0/decisions?maxResults=1000&approver=heidi");
        erin.add("/browse/" + secret);
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : erin) {
            views.put("erin " + path, view(path, "erin"));
            views.put("admin " + path, view(path, "admin"));
        }
        for (String path : List.of(report, report + "?absent=heidi", report + ".csv?table=load", report + ".csv?table=overdue",
                "/rest/mandate/1.0/reports/accountability", "/plugins/servlet/mandate/admin")) {
            views.put("admin " + path, view(path, "admin"));
        }
        return views;
    }

    @Test
    public void aDecisionOnAnIssueTheCallerCannotBrowseChangesNothingTheyCanSeeAndMailsNobodyWhoCannotBrowseIt() {
        Map<String, String> before = views();
        int heidiBefore = decisionsInReport("heidi");
        assertFalse("heidi does not find S before", searchFinds(secret, "heidi"));

        put(secret, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\",\"approver\":\"heidi\",\"contributors\":[\"heidi\"],"
                + "\"informed\":[{\"type\":\"group\",\"name\":\"hr-team\"},{\"type\":\"user\",\"name\":\"frank\"}],"
                + "\"dueDate\":\"2020-01-01\",\"domain\":\"HIRING\",\"outcome\":\"" + SECRET + "\"}");

        // the controls: whoever may see S sees its decision in the report and the search
        assertEquals("heidi's report counts S's decision", heidiBefore + 1, decisionsInReport("heidi"));
        assertTrue("heidi finds S", searchFinds(secret, "heidi"));
        assertTrue("heidi's what-if waits for S", SecurityHttp.get(jira + "/rest/mandate/1.0/reports/whatif?project=HR&absent=heidi", "heidi")
                .body().contains(secret));

        Map<String, String> after = views();
        for (Map.Entry<String, String> view : before.entrySet()) {
            assertEquals(view.getKey() + ": unchanged by a decision on an issue the caller cannot browse", view.getValue(), after.get(view.getKey()));
            assertFalse(view.getKey() + ": nothing of S", after.get(view.getKey()).contains(SECRET) || after.get(view.getKey()).contains(SUMMARY));
        }
        System.out.println("HiddenIssueIT: " + before.size() + " views of erin and admin unchanged by the hidden decision");

        // notifications: deciding S would tell hr-team (erin, heidi) and frank; erin and frank cannot browse S, heidi decides
        int mailBefore = outbox().size();
        put(open, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\",\"approver\":\"heidi\","
                + "\"informed\":[{\"type\":\"group\",\"name\":\"hr-team\"},{\"type\":\"user\",\"name\":\"frank\"}]}");
        decide(secret);
        decide(open);
        // the control (the same change on an issue erin browses) is in the mail queue: S's mail would have gone before it
        List<JsonNode> control = awaitMailAbout(open);
        assertEquals("erin hears of the issue she browses; frank, who cannot browse HR, does not", List.of("erin@example.com"),
                control.stream().map(m -> m.get("to").asText()).toList());
        List<JsonNode> all = outbox().subList(0, outbox().size() - mailBefore);
        for (JsonNode m : all) {
            assertFalse("nobody is mailed about S: " + m, m.get("subject").asText().startsWith("[" + secret + "]")
                    || m.get("body").asText().contains(SECRET) || m.get("body").asText().contains(SUMMARY));
        }
    }

    /**
     * Deleting a domain that decisions are recorded in is refused (409), and the refusal counts only what the caller may
     * browse: a decision on an issue the administrator cannot browse keeps the domain, without its number or key.
     */
    @Test
    public void theDomainDeleteRefusalCountsOnlyDecisionsTheCallerMayBrowse() {
        String api = jira + "/rest/mandate/1.0";
        String domain = "H_SECRET_USE";
        Reply created = SecurityHttp.send("POST", api + "/domains", "admin", Map.of("Content-Type", "application/json"),
                bytes("{\"key\":\"" + domain + "\",\"name\":\"Hidden use\",\"scope\":{\"labels\":[\"h-secret-use\"]}}"));
        assertEquals(created.toString(), 201, created.status());
        List<String> issues = new ArrayList<>();
        try {
            String hidden = issue("{\"id\":\"" + COMPENSATION_LEVEL + "\"}", issues);
            put(hidden, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\",\"approver\":\"heidi\",\"domain\":\"" + domain
                    + "\",\"outcome\":\"" + SECRET + "\"}");
            Reply onlyHidden = SecurityHttp.send("DELETE", api + "/domains/" + domain, "admin", null, null);
            assertEquals(onlyHidden.toString(), 409, onlyHidden.status());
            assertEquals("Domain " + domain + " cannot be deleted: decisions on issues you cannot browse are recorded in it.",
                    onlyHidden.json().get("message").asText());
            assertFalse("neither the key nor a number: " + onlyHidden.body(), onlyHidden.body().contains(hidden)
                    || onlyHidden.body().contains(hidden.substring(hidden.indexOf('-') + 1)) || onlyHidden.body().contains("1 decision"));

            // the control: one decision admin may browse is counted, the hidden one still only said to exist
            String visible = issue(null, issues);
            put(visible, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\",\"approver\":\"heidi\",\"domain\":\"" + domain + "\"}");
            Reply both = SecurityHttp.send("DELETE", api + "/domains/" + domain, "admin", null, null);
            assertEquals(both.toString(), 409, both.status());
            assertEquals("Domain " + domain + " cannot be deleted: 1 decisions are recorded in it, and more on issues you cannot browse.",
                    both.json().get("message").asText());
            assertFalse(both.body(), both.body().contains(hidden) || both.body().contains("2 decisions"));
        } finally {
            for (String key : issues) {
                SecurityHttp.delete(api + "/decisions/" + key, "heidi");
                SecurityHttp.send("DELETE", jira + "/rest/api/2/issue/" + key, "heidi", null, null);
            }
            assertEquals("once no decision uses it, the domain goes", 204,
                    SecurityHttp.send("DELETE", api + "/domains/" + domain, "admin", null, null).status());
        }
    }

    /** A new HR issue of heidi's, at the given security level (null: none); its key is added to {@code keys}. */
    private static String issue(String security, List<String> keys) {
        Reply r = SecurityHttp.send("POST", jira + "/rest/api/2/issue", "heidi", Map.of("Content-Type", "application/json"),
                bytes("{\"fields\":{\"project\":{\"key\":\"HR\"},\"summary\":\"Domain use\",\"issuetype\":{\"name\":\"Task\"}"
                        + (security == null ? "" : ",\"security\":" + security) + "}}"));
        assertEquals(r.toString(), 201, r.status());
        String key = r.json().get("key").asText();
        keys.add(key);
        return key;
    }

    private static void put(String issue, String json) {
        Reply r = SecurityHttp.putJson(jira + "/rest/mandate/1.0/decisions/" + issue, "heidi", json);
        assertEquals(issue + ": " + r, 200, r.status());
    }

    private static void decide(String issue) {
        JsonNode current = SecurityHttp.get(jira + "/rest/mandate/1.0/decisions/" + issue, "heidi").json();
        String body = "{\"version\":" + current.get("version").asInt() + ",\"status\":\"DECIDED\",\"driver\":\"heidi\",\"approver\":\"heidi\","
                + "\"informed\":[{\"type\":\"group\",\"name\":\"hr-team\"},{\"type\":\"user\",\"name\":\"frank\"}],"
                + "\"outcome\":\"" + (issue.equals(secret) ? SECRET : "Control outcome") + "\"" + (issue.equals(secret) ? ",\"domain\":\"HIRING\"" : "") + "}";
        put(issue, body);
    }

    private static int decisionsInReport(String user) {
        Reply r = SecurityHttp.get(jira + "/rest/mandate/1.0/reports/accountability?project=HR", user);
        assertEquals(r.toString(), 200, r.status());
        return r.json().get("totals").get("decisions").asInt();
    }

    private static boolean searchFinds(String key, String user) {
        Reply r = SecurityHttp.html(jira + "/issues/?jql=" + enc("issue in decisionsApprovedBy(heidi)"), user);
        return Jsoup.parse(r.body()).selectFirst("tr.issuerow[data-issuekey=" + key + "]") != null;
    }

    /** The host's mail queue, newest first. */
    private static List<JsonNode> outbox() {
        Reply r = SecurityHttp.get(jira + "/rest/refhost/1.0/outbox?maxResults=1000", "admin");
        assertEquals(r.toString(), 200, r.status());
        List<JsonNode> mail = new ArrayList<>();
        r.json().forEach(mail::add);
        return mail;
    }

    /** The mail about an issue, once there is some: sending may happen after the request that caused it (a queue). */
    private static List<JsonNode> awaitMailAbout(String key) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            // the notification job sends the queue; run it now rather than wait for its next minute
            io.mandate.testing.RunningHost.runJiraJob(io.mandate.testing.RunningHost.NOTIFICATION_JOB);
            List<JsonNode> mail = outbox().stream().filter(m -> m.get("subject").asText().startsWith("[" + key + "]")).toList();
            if (!mail.isEmpty() || System.nanoTime() > deadline) {
                return mail;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
