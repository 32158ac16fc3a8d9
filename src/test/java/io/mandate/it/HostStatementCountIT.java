package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.refhost.RefHost;
import io.mandate.refhost.web.RequestStatements;
import io.mandate.testing.RunningHost.Http;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Every JDBC statement one HTTP request causes on a started host (the host's tables and Active Objects alike,
 * {@link RequestStatements}), with the host's caches warm, on the sample organisation with its sample decisions
 * (HSQLDB). Asserts the host's own share — what Jira answers from its caches costs no statement — and prints the
 * totals of the plugin's requests (issue 10; their budgets are the plugin's, asserted where the plugin is measured).
 */
public class HostStatementCountIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests sent before the measured one: the host's caches and the plugin's are warm. */
    private static final int WARM_UP = 3;

    private static RefHost host;
    private static String jira;

    @BeforeClass
    public static void startHost() throws Exception {
        File data = Files.createTempDirectory("mandate-statements").toFile();
        host = RefHost.start(new RefHost.Settings(0, data, null, "postgres", "",
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui")));
        jira = host.baseUrl() + "/jira";
    }

    @AfterClass
    public static void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    /** The statements of the last of WARM_UP + 1 requests on {@code path} (context path included). */
    private static List<String> warm(String path, Supplier<Http.Reply> request) {
        try (RequestStatements.Recording recording = host.requestStatements().record(path)) {
            List<String> last = null;
            for (int i = 0; i <= WARM_UP; i++) {
                Http.Reply reply = request.get();
                assertTrue(reply.status() + " " + reply.body(), reply.status() < 300);
                last = recording.next();
            }
            return last;
        }
    }

    private static void print(String what, List<String> statements) {
        System.out.printf("[statements] %-58s %3d%n", what, statements.size());
        if (Boolean.getBoolean("mandate.statements.verbose")) {
            statements.forEach(sql -> System.out.println("    " + sql));
        }
    }

    @Test
    public void myselfIsAnsweredFromTheHostsCaches() {
        List<String> statements = warm("/jira/rest/api/2/myself", () -> Http.get(jira + "/rest/api/2/myself", "alice"));
        print("GET /rest/api/2/myself", statements);
        assertEquals(String.join("\n", statements), 0, statements.size());
    }

    @Test
    public void theHostsShareOfAWarmIssueViewIsReadingTheIssueOnly() {
        List<String> statements = warm("/jira/browse/DEMO-2", () -> Http.get(jira + "/browse/DEMO-2", "alice"));
        print("GET /jira/browse/DEMO-2 (all)", statements);
        List<String> host = statements.stream().filter(sql -> sql.contains("HOST_")).toList();
        print("GET /jira/browse/DEMO-2 (host tables)", host);
        host.forEach(sql -> System.out.println("    " + sql));
        // Users, groups, projects, permission schemes and security levels come from the host's caches; what is left
        // is reading the issue, one statement a lookup (its row with its security level, components and labels), as
        // Jira reads an issue from its database: once for the page itself, the rest are lookups the plugin asks for
        // (IssueManager.getIssueObject, and PermissionManager.hasPermission, which judges the issue as it is now)
        assertTrue(String.join("\n", host), host.stream().allMatch(sql -> sql.startsWith("SELECT i.ID, i.ISSUE_KEY")));
        // measured: 7 (1 of the page's own, 6 the plugin's lookups of DEMO-2); the plugin side lowers its share
        assertTrue(String.join("\n", host), host.size() <= 7);
    }

    /**
     * Issue 10's budgets for the plugin's requests, counting every statement (host tables and AO), caches warm: GET a
     * decision ≤ 3; PUT ≤ 10 plus one per changed participant (one added or removed ≤ 11, one added and one removed
     * ≤ 12); the issue view's panels ≤ 3
     * besides the page's own read of its issue; the list the same for a page of 5 and of 50.
     */
    @Test
    public void thePluginsRequestsKeepToTheirStatementBudgets() throws IOException {
        String decision = jira + "/rest/mandate/1.0/decisions/DEMO-2";
        List<String> get = warm("/jira/rest/mandate/1.0/decisions/DEMO-2", () -> Http.get(decision, "alice"));
        print("GET /rest/mandate/1.0/decisions/DEMO-2", get);
        assertTrue(String.join("\n", get), get.size() <= 3);

        List<String> put = put(decision, () -> "[\"bob\"]");
        print("PUT /rest/mandate/1.0/decisions/DEMO-2 (due date only)", put);
        assertTrue(String.join("\n", put), put.size() <= 10);
        assertTrue("the people's rows are left alone: " + put, put.stream().noneMatch(sql -> sql.contains("PARTICIPANT") && !sql.startsWith("SELECT")));

        // issue 10: "PUT ≤ 10 plus one per changed participant". The people's rows are written by difference (the
        // rows of those who go in one DELETE, those who come in one batched INSERT) and the audit row of the changed
        // field joins the due date's in the same batch
        int[] turn = {0}; // each case's last PUT (the one measured) is the change it names
        List<String> removed = put(decision, () -> turn[0]++ % 2 == 0 ? "[\"bob\",\"carol\"]" : "[\"carol\"]");
        print("PUT /rest/mandate/1.0/decisions/DEMO-2 (one contributor removed)", removed);
        assertTrue(String.join("\n", removed), removed.size() <= 10 + 1);
        assertEquals("one DELETE of the rows that go, nothing inserted: " + removed, 1, participantWrites(removed));

        List<String> added = put(decision, () -> turn[0]++ % 2 == 0 ? "[\"carol\"]" : "[\"carol\",\"bob\"]");
        print("PUT /rest/mandate/1.0/decisions/DEMO-2 (one contributor added)", added);
        assertTrue(String.join("\n", added), added.size() <= 10 + 1);
        assertEquals("one INSERT of the row that comes: " + added, 1, participantWrites(added));

        // bob goes, dave comes, carol stays: two changed participants
        List<String> two = put(decision, () -> turn[0]++ % 2 == 0 ? "[\"bob\",\"carol\"]" : "[\"carol\",\"dave\"]");
        JsonNode after = read(Http.get(decision, "alice"));
        List<String> names = new java.util.ArrayList<>();
        after.path("contributors").forEach(c -> names.add(c.path("name").asText()));
        assertEquals(List.of("carol", "dave"), names);
        print("PUT /rest/mandate/1.0/decisions/DEMO-2 (one contributor added, one removed)", two);
        assertTrue(String.join("\n", two), two.size() <= 10 + 2);

        List<String> view = warm("/jira/browse/DEMO-2", () -> Http.get(jira + "/browse/DEMO-2", "alice"));
        print("GET /jira/browse/DEMO-2", view);
        long pagesOwn = view.stream().filter(sql -> sql.startsWith("SELECT i.ID, i.ISSUE_KEY")).limit(1).count();
        assertTrue("the panels' share of the issue view: " + String.join("\n", view), view.size() - pagesOwn <= 3);

        int[] counts = new int[2];
        int[] sizes = {5, 50};
        for (int i = 0; i < sizes.length; i++) {
            String list = jira + "/rest/mandate/1.0/decisions?maxResults=" + sizes[i];
            List<String> statements = warm("/jira/rest/mandate/1.0/decisions", () -> Http.get(list, "alice"));
            int total = read(Http.get(list, "alice")).path("values").size();
            print("GET /rest/mandate/1.0/decisions?maxResults=" + sizes[i] + " (" + total + " rows)", statements);
            counts[i] = statements.size();
        }
        assertEquals("a page of 5 and a page of 50 cost the same", counts[0], counts[1]);

        print("GET /rest/api/2/issue/DEMO-2", warm("/jira/rest/api/2/issue/DEMO-2",
                () -> Http.get(jira + "/rest/api/2/issue/DEMO-2", "alice")));
    }

    /** How many statements write the people's rows. */
    private static long participantWrites(List<String> statements) {
        return statements.stream().filter(sql -> sql.contains("PARTICIPANT") && !sql.startsWith("SELECT")).count();
    }

    /** The statements of the last of WARM_UP + 1 PUTs of the decision (each a new due date), contributors as given. */
    private static List<String> put(String decision, Supplier<String> contributors) throws IOException {
        List<String> put = null;
        try (RequestStatements.Recording recording = host.requestStatements().record("/jira/rest/mandate/1.0/decisions/DEMO-2")) {
            for (int i = 0; i <= WARM_UP; i++) {
                JsonNode current = read(Http.get(decision, "alice"));
                recording.next();
                String due = current.path("dueDate").asText().endsWith("1") ? "2026-12-22" : "2026-12-21";
                Http.Reply reply = Http.putJson(decision, "alice", "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\","
                        + "\"approver\":\"erin\",\"contributors\":" + contributors.get() + ",\"dueDate\":\"" + due + "\",\"version\":"
                        + current.path("version").asInt() + "}");
                assertEquals(reply.body(), 200, reply.status());
                put = recording.next();
            }
        }
        return put;
    }

    private static JsonNode read(Http.Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }
}
