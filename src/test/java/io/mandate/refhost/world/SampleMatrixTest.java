package io.mandate.refhost.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mandate.authority.DomainMatch;
import io.mandate.authority.DomainScope;
import io.mandate.authority.Level;
import io.mandate.platform.IssueRef;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * The sample matrix (docs/sample-org.md, "Decision domains and grants") against the sample organisation it is made
 * for: every person and group it names exists and is active, its scopes match exactly the issues the page lists
 * (computed with the plugin's own scope rules, no tie), and the seeding goes through the REST API only when the
 * matrix is empty.
 */
public class SampleMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 2);

    private JDBCDataSource dataSource;
    private World world;

    @Before
    public void openFreshWorld() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:matrix-" + UUID.randomUUID());
        dataSource.setUser("SA");
        dataSource.setPassword("");
        world = World.open(dataSource);
    }

    @After
    public void dropDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Map<String, DomainScope> scopes() {
        Map<String, DomainScope> scopes = new LinkedHashMap<>();
        for (SampleMatrix.Call call : SampleMatrix.calls(FIRST_DAY)) {
            if (call.path().endsWith("/domains")) {
                JsonNode d = json(call.json());
                JsonNode s = d.get("scope");
                scopes.put(d.get("key").asText(), new DomainScope(strings(s.get("projects")), strings(s.get("issueTypes")),
                        strings(s.get("components")), strings(s.get("labels")), strings(s.get("spaces"))));
            }
        }
        return scopes;
    }

    @Test
    public void theScopesMatchExactlyTheDocumentedIssuesWithoutATie() {
        Map<String, List<String>> byDomain = new TreeMap<>();
        for (String project : List.of("DEMO", "OPS", "HR")) {
            for (HostIssue i : world.issuesOfProject(project)) {
                DomainMatch match = DomainMatch.of(new IssueRef(i.id(), i.key(), i.summary(), 0L, i.projectKey(), i.issueType(),
                        i.components(), i.labels()), scopes());
                assertTrue(i.key() + " ties: " + match.winners(), !match.isTie());
                match.domain().ifPresent(d -> byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(i.key()));
            }
        }
        Map<String, List<String>> expected = new TreeMap<>(Map.of(
                "ARCH", List.of("DEMO-1", "DEMO-3", "DEMO-7", "DEMO-10", "DEMO-18"),
                "RELEASE", List.of("DEMO-2", "DEMO-9", "DEMO-20"),
                "SPEND", List.of("DEMO-5", "DEMO-14", "DEMO-15", "OPS-6"),
                "CHANGE", List.of("OPS-1", "OPS-4", "OPS-7", "OPS-9"),
                "HIRING", List.of("HR-1", "HR-4")));
        assertEquals(expected, byDomain);
    }

    @Test
    public void everyoneNamedExistsIsActiveAndEveryLevelIsALevel() {
        int grants = 0;
        for (SampleMatrix.Call call : SampleMatrix.calls(FIRST_DAY)) {
            JsonNode body = json(call.json());
            if (call.path().endsWith("/grants")) {
                grants++;
                JsonNode holder = body.get("holder");
                if (holder.get("type").asText().equals("group")) {
                    assertTrue(holder.toString(), world.groupExists(holder.get("name").asText()));
                } else {
                    assertActive(holder.get("name").asText());
                }
                for (String field : List.of("backup", "mentee")) {
                    if (body.has(field)) {
                        assertActive(body.get(field).asText());
                    }
                }
                assertTrue(body.toString(), Level.parse(body.get("level").asText()).isPresent());
            } else if (call.path().endsWith("/absences")) {
                assertActive(body.get("user").asText());
            }
        }
        assertEquals(15, grants);
    }

    private void assertActive(String username) {
        assertTrue(username, world.userByName(username).map(HostUser::active).orElse(false));
    }

    @Test
    public void theContentIsFixedButTheAbsenceWhichStartsOnTheFirstDay() {
        assertEquals(SampleMatrix.calls(FIRST_DAY), SampleMatrix.calls(FIRST_DAY));
        List<SampleMatrix.Call> calls = SampleMatrix.calls(FIRST_DAY);
        SampleMatrix.Call absence = calls.get(calls.size() - 1);
        assertEquals("/rest/mandate/1.0/absences", absence.path());
        assertEquals("2026-12-02", json(absence.json()).get("from").asText());
        assertEquals("2026-12-15", json(absence.json()).get("to").asText());
        List<SampleMatrix.Call> later = SampleMatrix.calls(FIRST_DAY.plusDays(30));
        assertEquals(calls.subList(0, calls.size() - 1), later.subList(0, later.size() - 1));
        long ending = calls.stream().filter(c -> c.json().contains("\"validTo\":\"2027-06-30\"")).count();
        assertEquals("one grant ends", 1, ending);
        assertEquals("one mentee", 1, calls.stream().filter(c -> c.json().contains("\"mentee\"")).count());
    }

    // ---- seeding through the REST API (a stand-in for the plugin's resources) ----

    private HttpServer server;
    private final List<String> received = new ArrayList<>();

    private String fakePlugin(String domainsAnswer, int domainsStatus, Function<String, Integer> postStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jira/rest/mandate/1.0", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(exchange.getRequestMethod() + " " + path + " " + auth + " " + body);
            int status;
            byte[] out;
            if (exchange.getRequestMethod().equals("GET")) {
                status = domainsStatus;
                out = domainsAnswer.getBytes(StandardCharsets.UTF_8);
            } else {
                status = postStatus.apply(path + " " + body);
                out = "{}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jira";
    }

    @After
    public void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    public void anEmptyMatrixIsSeededAsAdminCallByCall() throws Exception {
        String jira = fakePlugin("[]", 200, call -> 201);
        assertEquals(SampleMatrix.Outcome.SEEDED, SampleMatrix.seed(jira, FIRST_DAY));
        int expectedCalls = SampleMatrix.calls(FIRST_DAY).size() + 1;
        assertEquals(expectedCalls, received.size());
        assertTrue(received.get(0), received.get(0).startsWith("GET /jira/rest/mandate/1.0/domains Basic YWRtaW46YWRtaW4="));
        assertTrue(received.stream().skip(1).allMatch(r -> r.startsWith("POST /jira/rest/mandate/1.0/") && r.contains("Basic YWRtaW46YWRtaW4=")));
    }

    @Test
    public void aMatrixWithDomainsIsLeftAlone() throws Exception {
        String jira = fakePlugin("[{\"key\":\"OWN\"}]", 200, call -> 201);
        assertEquals(SampleMatrix.Outcome.MATRIX_NOT_EMPTY, SampleMatrix.seed(jira, FIRST_DAY));
        assertEquals(1, received.size());
        received.clear();
        stopServer();
        String paged = fakePlugin("{\"startAt\":0,\"maxResults\":50,\"total\":3,\"values\":[]}", 200, call -> 201);
        assertEquals(SampleMatrix.Outcome.MATRIX_NOT_EMPTY, SampleMatrix.seed(paged, FIRST_DAY));
        assertEquals(1, received.size());
    }

    @Test
    public void aPluginWithoutTheMatrixApiIsNotSeeded() throws Exception {
        String jira = fakePlugin("{}", 404, call -> 201);
        assertEquals(SampleMatrix.Outcome.NO_MATRIX_API, SampleMatrix.seed(jira, FIRST_DAY));
        assertEquals(1, received.size());
    }

    @Test
    public void aRefusedCallStopsTheStartNamingIt() throws Exception {
        String jira = fakePlugin("[]", 200, call -> call.contains("\"frank\"") ? 400 : 201);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SampleMatrix.seed(jira, FIRST_DAY));
        assertTrue(e.getMessage(), e.getMessage().contains("SPEND/grants") && e.getMessage().contains("400"));
    }

    @Test
    public void countReadsAListOrAPage() {
        assertEquals(0, SampleMatrix.count("[]"));
        assertEquals(2, SampleMatrix.count("[{},{}]"));
        assertEquals(5, SampleMatrix.count("{\"total\":5,\"values\":[]}"));
        assertEquals(1, SampleMatrix.count("{\"values\":[{}]}"));
        assertThrows(IllegalStateException.class, () -> SampleMatrix.count("{\"x\":1}"));
        assertThrows(IllegalStateException.class, () -> SampleMatrix.count("<html>"));
    }
}
