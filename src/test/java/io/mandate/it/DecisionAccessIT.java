package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.mandate.it.SecurityHttp.assertErrorShape;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The access table of the REST contract (brief rest-api.md, targets.md "access") for every decision
 * endpoint, the decision panel, the admin servlet and the pickers, one row per (who × what), each
 * with its expected answer written out. Who is who (docs/sample-org.md):
 * <ul>
 *     <li>OPS: everybody browses; bob, erin, alice edit; erin administers.</li>
 *     <li>HR: only hr-team (erin, heidi) browses and edits; heidi administers; frank and bob see nothing.</li>
 *     <li>admin is the system administrator; ivan is deactivated.</li>
 * </ul>
 * Issues: OPS-2 and HR-5 carry a decision (reset before every row), HR-6 has none, HR-999 does not
 * exist. An issue the caller cannot browse is 404 — the same answer, byte for byte, as an issue that
 * does not exist — and no error body carries anything of the decision.
 */
@RunWith(Parameterized.class)
public class DecisionAccessIT {

    private static final String OPS2_OUTCOME = "OPS2-SECRET-OUTCOME split tunnel";
    private static final String HR5_OUTCOME = "HR5-SECRET-OUTCOME laptops bought from Contoso";
    private static final String OPS2 = "{\"status\":\"IN_PROGRESS\",\"driver\":\"erin\",\"approver\":\"bob\",\"contributors\":[\"alice\"],"
            + "\"informed\":[{\"type\":\"group\",\"name\":\"operations\"}],\"dueDate\":\"2027-01-15\",\"outcome\":\"" + OPS2_OUTCOME + "\"}";
    private static final String HR5 = "{\"status\":\"IN_PROGRESS\",\"driver\":\"erin\",\"approver\":\"heidi\",\"contributors\":[\"erin\"],"
            + "\"informed\":[{\"type\":\"group\",\"name\":\"hr-team\"}],\"dueDate\":\"2027-02-01\",\"outcome\":\"" + HR5_OUTCOME + "\"}";

    /** What must never appear in an answer to someone who cannot browse HR (or in any error body). */
    private static final List<String> HR_SECRETS = List.of(HR5_OUTCOME, "Laptop and accounts ready on day one",
            "Interview training for team leads", "Heidi Hill", "heidi", "hr-team", "2027-02-01", "JIRAUSER10008");
    private static final List<String> DECISION_DATA = List.of(OPS2_OUTCOME, "VPN drops connections every 30 minutes",
            "Bob Brown", "Erin Evans", "2027-01-15", "IN_PROGRESS");

    private static String jira;
    private static String api;
    private static int rows;

    /** What a row checks beyond the status. */
    enum Expect {
        /** 200 with the issue's decision. */
        DECISION,
        /** 200 with the issue's audit trail, newest first, not empty. */
        HISTORY,
        /** 200, the decision was replaced (version + 1). */
        REPLACED,
        /** 204, the decision is gone. */
        DELETED,
        /** 200 page of the list; {@link Row#listed} and {@link Row#unlisted} say which issues must (not) be in it. */
        LIST,
        /** An error in the contract's shape that carries nothing of any decision. */
        ERROR,
        /** 404 that looks exactly like the 404 of an issue that does not exist (HR-999). */
        HIDDEN,
        /** 302 to the login page, back to where the caller wanted to go. */
        LOGIN_REDIRECT,
        /** The issue page with the decision panel and the edit button and dialog. */
        PANEL_EDIT,
        /** The issue page with the decision panel, read-only: no edit button, no edit dialog. */
        PANEL_READ,
        /** The host's "issue does not exist" page without any panel or issue data. */
        PAGE_MISSING,
        /** The Mandate admin page. */
        ADMIN_PAGE,
        /** A picker's answer in Jira's shape. */
        PICKER
    }

    record Row(String who, String user, String method, String path, int status, Expect expect,
               Set<String> listed, Set<String> unlisted) {
        @Override
        public String toString() {
            return who + " " + method + " " + path + " -> " + status;
        }
    }

    @Parameter
    public Row row;

    @Parameters(name = "{index}: {0}")
    public static List<Object[]> table() {
        List<Row> t = new ArrayList<>();
        String d = "/rest/mandate/1.0/decisions/";
        // ---- OPS-2: browsable by every user, editable by bob/erin/alice, administered by erin ----------
        for (String[] who : new String[][]{{"anonymous", null}, {"wrong password", "alice:wrong"}, {"deactivated ivan", "ivan"}}) {
            t.add(rest(who[0], who[1], "GET", d + "OPS-2", 401, Expect.ERROR));
            t.add(rest(who[0], who[1], "PUT", d + "OPS-2", 401, Expect.ERROR));
            t.add(rest(who[0], who[1], "DELETE", d + "OPS-2?version={v}", 401, Expect.ERROR));
            t.add(rest(who[0], who[1], "GET", d + "OPS-2/history", 401, Expect.ERROR));
            t.add(rest(who[0], who[1], "GET", "/rest/mandate/1.0/decisions", 401, Expect.ERROR));
        }
        String browseOnly = "frank (browses OPS, no edit)";
        t.add(rest(browseOnly, "frank", "GET", d + "OPS-2", 200, Expect.DECISION));
        t.add(rest(browseOnly, "frank", "PUT", d + "OPS-2", 403, Expect.ERROR));
        t.add(rest(browseOnly, "frank", "DELETE", d + "OPS-2?version={v}", 403, Expect.ERROR));
        t.add(rest(browseOnly, "frank", "GET", d + "OPS-2/history", 200, Expect.HISTORY));
        t.add(rest("carol (browses OPS, edits DEMO only)", "carol", "PUT", d + "OPS-2", 403, Expect.ERROR));
        t.add(rest("carol (browses OPS, edits DEMO only)", "carol", "DELETE", d + "OPS-2?version={v}", 403, Expect.ERROR));
        for (String[] who : new String[][]{{"bob (OPS editor)", "bob"}, {"erin (OPS project admin)", "erin"},
                {"admin (system admin)", "admin"}}) {
            t.add(rest(who[0], who[1], "GET", d + "OPS-2", 200, Expect.DECISION));
            t.add(rest(who[0], who[1], "PUT", d + "OPS-2", 200, Expect.REPLACED));
            t.add(rest(who[0], who[1], "DELETE", d + "OPS-2?version={v}", 204, Expect.DELETED));
            t.add(rest(who[0], who[1], "GET", d + "OPS-2/history", 200, Expect.HISTORY));
        }
        t.add(rest("alice (OPS editor via leads)", "alice", "PUT", d + "ops-2", 200, Expect.REPLACED));

        // ---- HR-5: only hr-team browses; frank and bob are logged in without HR access ---------------
        t.add(rest("anonymous", null, "GET", d + "HR-5", 401, Expect.ERROR));
        t.add(rest("anonymous", null, "PUT", d + "HR-5", 401, Expect.ERROR));
        t.add(rest("anonymous", null, "DELETE", d + "HR-5?version={v}", 401, Expect.ERROR));
        t.add(rest("anonymous", null, "GET", d + "HR-5/history", 401, Expect.ERROR));
        for (String[] who : new String[][]{{"frank (no HR access)", "frank"}, {"bob (edits OPS, no HR access)", "bob"}}) {
            t.add(rest(who[0], who[1], "GET", d + "HR-5", 404, Expect.HIDDEN));
            t.add(rest(who[0], who[1], "PUT", d + "HR-5", 404, Expect.HIDDEN));
            t.add(rest(who[0], who[1], "DELETE", d + "HR-5?version={v}", 404, Expect.HIDDEN));
            t.add(rest(who[0], who[1], "GET", d + "HR-5/history", 404, Expect.HIDDEN));
            // an issue without a decision the caller cannot see either: still the same 404
            t.add(rest(who[0], who[1], "GET", d + "HR-6", 404, Expect.HIDDEN));
            t.add(rest(who[0], who[1], "PUT", d + "HR-6", 404, Expect.HIDDEN));
            t.add(rest(who[0], who[1], "DELETE", d + "HR-6", 404, Expect.HIDDEN));
            t.add(rest(who[0], who[1], "GET", d + "HR-6/history", 404, Expect.HIDDEN));
        }
        t.add(rest("frank (no HR access)", "frank", "GET", d + "hr-5", 404, Expect.HIDDEN));
        for (String[] who : new String[][]{{"erin (HR editor)", "erin"}, {"heidi (HR project admin)", "heidi"},
                {"admin (system admin)", "admin"}}) {
            t.add(rest(who[0], who[1], "GET", d + "HR-5", 200, Expect.DECISION));
            t.add(rest(who[0], who[1], "PUT", d + "HR-5", 200, Expect.REPLACED));
            t.add(rest(who[0], who[1], "DELETE", d + "HR-5?version={v}", 204, Expect.DELETED));
            t.add(rest(who[0], who[1], "GET", d + "HR-5/history", 200, Expect.HISTORY));
        }
        t.add(rest("heidi (HR project admin)", "heidi", "GET", d + "HR-6", 404, Expect.ERROR));
        t.add(rest("heidi (HR project admin)", "heidi", "DELETE", d + "HR-6", 404, Expect.ERROR));
        t.add(rest("admin (system admin)", "admin", "GET", d + "HR-999", 404, Expect.ERROR));

        // ---- GET /decisions: logged in; only decisions in projects the caller may browse --------------
        String list = "/rest/mandate/1.0/decisions?maxResults=1000";
        t.add(list("frank (no HR access)", "frank", list, Set.of("OPS-2"), Set.of("HR-5")));
        t.add(list("frank (no HR access)", "frank", list + "&project=HR", Set.of(), Set.of("HR-5")));
        t.add(list("frank (no HR access)", "frank", list + "&approver=heidi", Set.of(), Set.of("HR-5")));
        t.add(list("bob (OPS editor)", "bob", list, Set.of("OPS-2"), Set.of("HR-5")));
        t.add(list("erin (HR editor, OPS admin)", "erin", list, Set.of("OPS-2", "HR-5"), Set.of()));
        t.add(list("heidi (HR project admin)", "heidi", list + "&project=HR", Set.of("HR-5"), Set.of("OPS-2")));
        t.add(list("admin (system admin)", "admin", list, Set.of("OPS-2", "HR-5"), Set.of()));

        // ---- the decision panel on the issue view ---------------------------------------------------
        t.add(page("anonymous", null, "/browse/OPS-2", 302, Expect.LOGIN_REDIRECT));
        t.add(page("frank (browses OPS, no edit)", "frank", "/browse/OPS-2", 200, Expect.PANEL_READ));
        t.add(page("bob (OPS editor)", "bob", "/browse/OPS-2", 200, Expect.PANEL_EDIT));
        t.add(page("erin (OPS project admin)", "erin", "/browse/OPS-2", 200, Expect.PANEL_EDIT));
        t.add(page("frank (no HR access)", "frank", "/browse/HR-5", 404, Expect.PAGE_MISSING));
        t.add(page("bob (edits OPS, no HR access)", "bob", "/browse/HR-5", 404, Expect.PAGE_MISSING));
        t.add(page("erin (HR editor)", "erin", "/browse/HR-5", 200, Expect.PANEL_EDIT));
        t.add(page("heidi (HR project admin)", "heidi", "/browse/HR-5", 200, Expect.PANEL_EDIT));
        t.add(page("admin (system admin)", "admin", "/browse/HR-5", 200, Expect.PANEL_EDIT));

        // ---- the admin servlet ----------------------------------------------------------------------
        String admin = "/plugins/servlet/mandate/admin";
        t.add(page("anonymous", null, admin, 302, Expect.LOGIN_REDIRECT));
        t.add(page("wrong password", "admin:wrong", admin, 401, Expect.ERROR));
        t.add(page("deactivated ivan", "ivan", admin, 401, Expect.ERROR));
        t.add(page("frank (plain user)", "frank", admin, 403, Expect.ERROR));
        t.add(page("bob (project editor)", "bob", admin, 403, Expect.ERROR));
        t.add(page("alice (DEMO project admin)", "alice", admin, 403, Expect.ERROR));
        t.add(page("erin (OPS project admin)", "erin", admin, 403, Expect.ERROR));
        t.add(page("heidi (HR project admin)", "heidi", admin, 403, Expect.ERROR));
        t.add(page("admin (system admin)", "admin", admin, 200, Expect.ADMIN_PAGE));

        // ---- Jira's pickers, which the edit dialog calls -------------------------------------------
        for (String picker : new String[]{"/rest/api/2/user/picker?query=a", "/rest/api/2/groups/picker?query=d"}) {
            t.add(rest("anonymous", null, "GET", picker, 401, Expect.ERROR));
            t.add(rest("wrong password", "bob:wrong", "GET", picker, 401, Expect.ERROR));
            t.add(rest("frank (plain user)", "frank", "GET", picker, 200, Expect.PICKER));
        }
        return t.stream().map(r -> new Object[]{r}).toList();
    }

    private static Row rest(String who, String user, String method, String path, int status, Expect expect) {
        return new Row(who, user, method, path, status, expect, Set.of(), Set.of());
    }

    private static Row list(String who, String user, String path, Set<String> listed, Set<String> unlisted) {
        return new Row(who, user, "GET", path, 200, Expect.LIST, listed, unlisted);
    }

    private static Row page(String who, String user, String path, int status, Expect expect) {
        return new Row(who, user, "GET", path, status, expect, Set.of(), Set.of());
    }

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0/decisions/";
    }

    @AfterClass
    public static void report() {
        System.out.println("DecisionAccessIT: " + rows + " rows, " + SecurityHttp.SENT.get() + " requests sent in this JVM so far");
    }

    /** Every row starts from the same data: OPS-2 and HR-5 have their decision, HR-6 has none. */
    @Before
    public void fixture() {
        ensure("OPS-2", OPS2);
        ensure("HR-5", HR5);
        assertEquals("HR-6 has no decision", 404, SecurityHttp.get(api + "HR-6", "admin").status());
    }

    private static int ensure(String issue, String body) {
        Reply current = SecurityHttp.get(api + issue, "admin");
        if (current.status() == 200) {
            return current.json().get("version").asInt();
        }
        assertEquals(current.toString(), 404, current.status());
        Reply created = SecurityHttp.putJson(api + issue, "admin", body);
        assertEquals(created.toString(), 200, created.status());
        return created.json().get("version").asInt();
    }

    private static String issueOf(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)/(?:decisions|browse)/([a-z]+-\\d+)").matcher(path);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    private Reply send(String path) {
        String issue = issueOf(path);
        String resolved = path;
        if (path.contains("{v}")) {
            resolved = path.replace("{v}", String.valueOf(SecurityHttp.get(api + issue, "admin").json().get("version").asInt()));
        }
        String body = null;
        if (row.method().equals("PUT")) {
            Reply current = SecurityHttp.get(api + issue, "admin");
            String base = issue.startsWith("HR") ? HR5 : OPS2;
            if (current.status() == 200) {
                // a replacement must change something: a write that changes nothing makes no new version
                int version = current.json().get("version").asInt();
                String outcome = issue.startsWith("HR") ? HR5_OUTCOME : OPS2_OUTCOME;
                body = base.replace(outcome + "\"", outcome + " rev " + version + "\"");
                body = body.substring(0, body.length() - 1) + ",\"version\":" + version + "}";
            } else {
                body = base;
            }
        }
        boolean page = path.startsWith("/browse/") || path.startsWith("/plugins/");
        return SecurityHttp.send(row.method(), jira + resolved, row.user(),
                page ? java.util.Map.of("Accept", "text/html")
                        : body == null ? null : java.util.Map.of("Content-Type", "application/json"),
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    public void accessAsTheContractSays() {
        rows++;
        String issue = issueOf(row.path());
        int versionBefore = issue == null ? -1 : version(issue);
        Reply reply = send(row.path());
        String what = row.toString();
        assertEquals(what + ": " + reply, row.status(), reply.status());
        SecurityHttp.assertNothingLeaks(what, reply);

        if (reply.status() >= 400) {
            // a page's header names the caller; what matters is the content
            String content = reply.isJson() ? reply.body() : Jsoup.parse(reply.body()).select("#content").outerHtml();
            noDecisionDataIn(what, content, DECISION_DATA);
            noDecisionDataIn(what, content, HR_SECRETS);
        }
        switch (row.expect()) {
            case DECISION -> {
                JsonNode d = reply.json();
                assertEquals(what, issue, d.get("issueKey").asText());
                assertEquals(what, issue.startsWith("HR") ? HR5_OUTCOME : OPS2_OUTCOME, d.get("outcome").asText());
            }
            case HISTORY -> {
                JsonNode h = reply.json();
                assertTrue(what + ": " + reply, h.isArray() && h.size() > 0);
                h.forEach(e -> assertEquals(what, issue, e.get("issueKey").asText()));
            }
            case REPLACED -> {
                assertEquals(what, versionBefore + 1, reply.json().get("version").asInt());
                assertEquals(what, versionBefore + 1, version(issue));
            }
            case DELETED -> {
                assertEquals(what, "", reply.body());
                assertEquals(what + ": the decision is gone", -1, version(issue));
            }
            case LIST -> {
                JsonNode page = reply.json();
                List<String> keys = new ArrayList<>();
                page.get("values").forEach(v -> keys.add(v.get("issueKey").asText()));
                assertEquals(what + ": total counts what the caller may see", page.get("total").asInt(), keys.size());
                for (String k : row.listed()) {
                    assertTrue(what + ": " + k + " must be listed: " + keys, keys.contains(k));
                }
                for (String k : row.unlisted()) {
                    assertFalse(what + ": " + k + " must not be listed: " + keys, keys.contains(k));
                }
                if (row.unlisted().contains("HR-5")) {
                    noDecisionDataIn(what, reply.body(), List.of(HR5_OUTCOME, "Laptop and accounts ready on day one"));
                }
                if (row.path().contains("project=HR") && row.listed().isEmpty()) {
                    assertEquals(what, 0, page.get("total").asInt());
                }
            }
            case ERROR -> {
                if (row.path().startsWith("/plugins/") && reply.status() == 403) {
                    assertFalse(what + ": the page's content is not shown", reply.body().contains("mandate-decision-count"));
                } else {
                    assertErrorShape(what, reply);
                }
            }
            case HIDDEN -> {
                assertErrorShape(what, reply);
                String otherPath = row.path().replaceAll("(?i)hr-[56]", "HR-999");
                Reply missing = SecurityHttp.send(row.method(), jira + otherPath.replace("{v}", "1"), row.user(),
                        row.method().equals("PUT") ? java.util.Map.of("Content-Type", "application/json") : null,
                        row.method().equals("PUT") ? HR5.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
                assertEquals(what + ": a hidden issue answers like a missing one", missing.status(), reply.status());
                String normalised = reply.body().replaceAll("(?i)hr-[56]", "HR-999");
                assertEquals(what + ": a hidden issue answers like a missing one", missing.body(), normalised);
                assertEquals(what, missing.contentType(), reply.contentType());
            }
            case LOGIN_REDIRECT -> {
                assertTrue(what + ": " + reply.location(), reply.location().contains("/jira/login.jsp?os_destination="));
                String target = row.path().replace("/", "%2F");
                assertTrue(what + ": back to " + row.path() + " after the login: " + reply.location(),
                        reply.location().contains(target));
                noDecisionDataIn(what, reply.body(), DECISION_DATA);
            }
            case PANEL_EDIT, PANEL_READ -> {
                Document doc = Jsoup.parse(reply.body());
                assertNotNull(what + ": the panel", doc.selectFirst("#viewissuesidebar #mandate-decision-panel"));
                // the outcome as recorded (a replacement appends " rev N" to it)
                String outcome = doc.selectFirst(".mandate-outcome").text();
                assertTrue(what + ": " + outcome, outcome.startsWith(issue.startsWith("HR") ? HR5_OUTCOME : OPS2_OUTCOME));
                boolean edit = row.expect() == Expect.PANEL_EDIT;
                assertEquals(what + ": edit button", edit, doc.selectFirst("#mandate-decision-edit") != null);
                assertEquals(what + ": edit dialog", edit, doc.selectFirst("#mandate-decision-dialog") != null);
                assertNotNull(what + ": history is for everyone who browses", doc.selectFirst("#mandate-decision-history"));
            }
            case PAGE_MISSING -> {
                Document doc = Jsoup.parse(reply.body());
                assertNull(what + ": no panel", doc.selectFirst("#mandate-decision-panel"));
                assertFalse(what + ": no issue data in the title", doc.title().contains("HR-5"));
                Reply missing = SecurityHttp.html(jira + "/browse/HR-999", row.user());
                assertEquals(what + ": looks like a missing issue", missing.status(), reply.status());
                assertEquals(what + ": looks like a missing issue", Jsoup.parse(missing.body()).select("#content").outerHtml(),
                        doc.select("#content").outerHtml());
                assertEquals(what + ": looks like a missing issue", Jsoup.parse(missing.body()).title(), doc.title());
            }
            case ADMIN_PAGE -> {
                Document doc = Jsoup.parse(reply.body());
                assertNotNull(what, doc.selectFirst("#mandate-admin"));
                assertTrue(what, doc.selectFirst("#mandate-decision-count").text().matches("\\d+"));
            }
            case PICKER -> {
                JsonNode body = reply.json();
                assertTrue(what + ": " + reply, body.has("users") || body.has("groups"));
            }
        }
        if (reply.status() >= 400 && issue != null && versionBefore >= 0) {
            assertEquals(what + ": a refused request changes nothing", versionBefore, version(issue));
        }
    }

    /** The current version of the issue's decision as the admin sees it; -1 when it has none. */
    private static int version(String issue) {
        Reply r = SecurityHttp.get(api + issue, "admin");
        return r.status() == 200 ? r.json().get("version").asInt() : -1;
    }

    private static void noDecisionDataIn(String what, String body, List<String> secrets) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            boolean word = secret.matches("[a-z-]+");
            boolean leaked = word ? java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(secret) + "\\b").matcher(lower).find()
                    : lower.contains(secret.toLowerCase(Locale.ROOT));
            assertFalse(what + ": leaks \"" + secret + "\": " + body, leaked);
        }
    }
}
