package io.mandate.refhost.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mandate.refhost.confluence.StorageFormat;
import org.hsqldb.jdbc.JDBCDataSource;
import org.jsoup.nodes.Element;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * The sample charters (docs/sample-org.md, "Team charters") against the organisation they are made for: the contract's
 * JSON, people who exist, are active and can see the charter's space, domains of the sample matrix, a page per charter
 * with both macros of its team; and the seeding through the REST API only while the space has no charter.
 */
public class SampleChartersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JDBCDataSource dataSource;
    private World world;

    @Before
    public void openFreshWorld() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:charters-" + UUID.randomUUID());
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

    @Test
    public void theCallsPutTheTwoDocumentedChartersInTheContractsShape() {
        List<SampleCharters.Call> calls = SampleCharters.calls();
        assertEquals(List.of("PUT /rest/mandate/1.0/charters/PLATFORM", "PUT /rest/mandate/1.0/charters/OPS_TEAM"),
                calls.stream().map(c -> c.method() + " " + c.path()).toList());
        JsonNode platform = json(calls.get(0).json());
        List<String> fields = new ArrayList<>();
        platform.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("teamKey", "name", "space", "purpose", "members", "domains"), fields);
        assertEquals("PLATFORM", platform.get("teamKey").asText());
        assertEquals("TEAM", platform.get("space").asText());
        assertTrue(platform.get("purpose").asText().contains("platform"));
        assertEquals(members("alice", "Tech lead", "carol", "Engineer", "dave", "Engineer", "grace", "Engineer"), members(platform));
        assertEquals(List.of("ARCH", "RELEASE"), strings(platform.get("domains")));
        JsonNode ops = json(calls.get(1).json());
        assertEquals("OPS_TEAM", ops.get("teamKey").asText());
        assertEquals("TEAM", ops.get("space").asText());
        assertEquals(members("erin", "Head of operations", "bob", "On-call lead"), members(ops));
        assertEquals(List.of("CHANGE", "SPEND"), strings(ops.get("domains")));
    }

    @Test
    public void everyMemberExistsIsActiveAndCanSeeTheSpaceAndEveryDomainIsInTheSampleMatrix() {
        Set<String> domains = new TreeSet<>();
        for (SampleMatrix.Call call : SampleMatrix.calls(LocalDate.of(2026, 12, 2))) {
            if (call.path().endsWith("/domains")) {
                domains.add(json(call.json()).get("key").asText());
            }
        }
        for (SampleCharters.Charter charter : SampleCharters.charters()) {
            assertTrue(charter.space(), world.space(charter.space()).isPresent());
            for (SampleCharters.Member member : charter.members()) {
                assertTrue(member.name(), world.userByName(member.name()).map(HostUser::active).orElse(false));
                assertTrue(member.name() + " reads the charter's space", world.canViewSpace(member.name(), charter.space()));
            }
            assertTrue(charter.domains() + " in " + domains, domains.containsAll(charter.domains()));
            assertTrue("admin, who makes them, may edit the space", world.canEditSpace("admin", charter.space()));
        }
    }

    @Test
    public void eachCharterHasAPageInItsSpaceWithBothMacrosOfItsTeam() throws Exception {
        Map<String, Long> pages = Map.of("PLATFORM", SampleOrganisation.TEAM_CHARTER_PAGE_ID,
                "OPS_TEAM", SampleOrganisation.OPERATIONS_CHARTER_PAGE_ID);
        for (SampleCharters.Charter charter : SampleCharters.charters()) {
            HostPage page = world.page(pages.get(charter.teamKey())).orElseThrow();
            assertEquals(charter.space(), page.spaceKey());
            Map<String, String> teamOfMacro = new LinkedHashMap<>();
            for (Element macro : StorageFormat.parse(page.body()).getElementsByTag("ac:structured-macro")) {
                assertEquals("as Confluence's editor writes it", "1", macro.attr("ac:schema-version"));
                assertTrue(UUID.fromString(macro.attr("ac:macro-id")).toString().equals(macro.attr("ac:macro-id")));
                Element parameter = macro.getElementsByTag("ac:parameter").first();
                assertEquals("team", parameter.attr("ac:name"));
                teamOfMacro.put(macro.attr("ac:name"), parameter.wholeText());
            }
            assertEquals(Map.of("mandate-team-charter", charter.teamKey(), "mandate-accountability-report", charter.teamKey()),
                    teamOfMacro);
        }
    }

    // ---- seeding through the REST API (a stand-in for the plugin's charter resource) ----

    private HttpServer server;
    private final List<String> received = new ArrayList<>();

    private String fakePlugin(String listAnswer, int listStatus, Function<String, Integer> putStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/confluence/rest/mandate/1.0", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + auth + " " + body);
            int status = exchange.getRequestMethod().equals("GET") ? listStatus
                    : putStatus.apply(exchange.getRequestURI().getPath());
            byte[] out = (exchange.getRequestMethod().equals("GET") ? listAnswer : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/confluence";
    }

    @After
    public void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    public void aSpaceWithoutChartersGetsBothAsAdmin() throws Exception {
        String confluence = fakePlugin("{\"startAt\":0,\"maxResults\":50,\"total\":0,\"values\":[]}", 200, path -> 200);
        assertEquals(SampleCharters.Outcome.SEEDED, SampleCharters.seed(confluence));
        assertEquals(3, received.size());
        assertTrue(received.get(0), received.get(0).startsWith("GET /confluence/rest/mandate/1.0/charters?space=TEAM Basic YWRtaW46YWRtaW4="));
        assertTrue(received.get(1), received.get(1).startsWith("PUT /confluence/rest/mandate/1.0/charters/PLATFORM Basic YWRtaW46YWRtaW4= {"));
        assertEquals(SampleCharters.calls().get(1).json(), json(received.get(2).substring(received.get(2).indexOf('{'))).toString());
    }

    @Test
    public void aSpaceThatHasChartersIsLeftAlone() throws Exception {
        String confluence = fakePlugin("[{\"teamKey\":\"OWN\"}]", 200, path -> 200);
        assertEquals(SampleCharters.Outcome.CHARTERS_NOT_EMPTY, SampleCharters.seed(confluence));
        assertEquals(1, received.size());
    }

    @Test
    public void aPluginWithoutTheCharterApiIsNotSeeded() throws Exception {
        String confluence = fakePlugin("{\"message\":\"not found\"}", 404, path -> 201);
        assertEquals(SampleCharters.Outcome.NO_CHARTER_API, SampleCharters.seed(confluence));
        assertEquals("nothing is written", 1, received.size());
        stopServer();
        received.clear();
        String listOnly = fakePlugin("[]", 200, path -> 404);
        assertEquals(SampleCharters.Outcome.NO_CHARTER_API, SampleCharters.seed(listOnly));
        assertEquals("the first 404 stops it", 2, received.size());
    }

    @Test
    public void aRefusedCharterStopsTheStartNamingIt() throws Exception {
        String confluence = fakePlugin("[]", 200, path -> path.endsWith("OPS_TEAM") ? 400 : 201);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SampleCharters.seed(confluence));
        assertTrue(e.getMessage(), e.getMessage().contains("charters/OPS_TEAM") && e.getMessage().contains("400"));
    }

    @Test
    public void countReadsAListOrAPage() {
        assertEquals(0, SampleCharters.count("[]"));
        assertEquals(2, SampleCharters.count("[{},{}]"));
        assertEquals(5, SampleCharters.count("{\"total\":5,\"values\":[]}"));
        assertEquals(1, SampleCharters.count("{\"values\":[{}]}"));
        assertThrows(IllegalStateException.class, () -> SampleCharters.count("{\"x\":1}"));
        assertThrows(IllegalStateException.class, () -> SampleCharters.count("<html>"));
    }

    private static List<String> members(String... nameRole) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < nameRole.length; i += 2) {
            members.add(nameRole[i] + ":" + nameRole[i + 1]);
        }
        return members;
    }

    private static List<String> members(JsonNode charter) {
        List<String> members = new ArrayList<>();
        charter.get("members").forEach(m -> members.add(m.get("name").asText() + ":" + m.get("role").asText()));
        return members;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
