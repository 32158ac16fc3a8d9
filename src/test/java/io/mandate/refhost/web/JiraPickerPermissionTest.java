package io.mandate.refhost.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.world.World;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Jira's "Browse users and groups" global permission on the pickers: holders get suggestions, anyone
 * else only the exact name (200, as in Jira), and no answer carries an e-mail address.
 */
public class JiraPickerPermissionTest {

    private JDBCDataSource dataSource;
    private World world;

    @Before
    public void openFreshWorld() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:picker-" + UUID.randomUUID());
        dataSource.setUser("SA");
        dataSource.setPassword("");
        world = World.open(dataSource);
    }

    @After
    public void dropDatabase() throws SQLException {
        sql("SHUTDOWN");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
        world.flushCaches(); // a change behind the host's back, as an administrator's SQL in Jira needs a cache flush
    }

    private JsonNode pick(String caller, String path, String query) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getServletPath()).thenReturn(path);
        when(request.getParameter("query")).thenReturn(query);
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        JiraPickerServlet servlet = new JiraPickerServlet(world);
        RequestContext.runAs(new RequestContext(caller, Locale.ENGLISH, request), () -> {
            try {
                servlet.doGet(request, response);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        return Json.MAPPER.readTree(body.toByteArray());
    }

    private static List<String> names(JsonNode answer, String list) {
        List<String> names = new ArrayList<>();
        answer.get(list).forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    @Test
    public void theUsersGroupMayBrowseUsersInTheSampleOrganisation() {
        assertEquals(true, world.hasGlobalPermission("bob", World.USER_PICKER));
        assertEquals(false, world.hasGlobalPermission(null, World.USER_PICKER));
        assertEquals(false, world.hasGlobalPermission("ivan", World.USER_PICKER));
    }

    @Test
    public void holderGetsPrefixSuggestions() throws Exception {
        assertEquals(List.of("alice", "admin").stream().sorted().toList(), names(pick("bob", "/rest/api/2/user/picker", "a"), "users"));
    }

    @Test
    public void withoutBrowseUsersOnlyTheExactUsernameIsFound() throws Exception {
        sql("DELETE FROM HOST_GLOBAL_GRANT");
        assertEquals(List.of(), names(pick("bob", "/rest/api/2/user/picker", "a"), "users"));
        JsonNode exact = pick("bob", "/rest/api/2/user/picker", "Alice");
        assertEquals(List.of("alice"), names(exact, "users"));
        assertEquals(1, exact.get("total").asInt());
    }

    @Test
    public void withoutBrowseUsersOnlyTheExactGroupIsFound() throws Exception {
        sql("DELETE FROM HOST_GLOBAL_GRANT");
        assertEquals(List.of(), names(pick("bob", "/rest/api/2/groups/picker", "dev"), "groups"));
        assertEquals(List.of("developers"), names(pick("bob", "/rest/api/2/groups/picker", "developers"), "groups"));
    }

    @Test
    public void systemAdministratorBrowsesUsersWithoutAGrant() throws Exception {
        sql("DELETE FROM HOST_GLOBAL_GRANT");
        assertEquals(List.of("dave"), names(pick("admin", "/rest/api/2/user/picker", "da"), "users"));
    }

    @Test
    public void answersCarryNoEmailAddress() throws Exception {
        JsonNode answer = pick("bob", "/rest/api/2/user/picker", "a");
        assertFalse(answer.toString(), answer.toString().contains("@example.com"));
    }
}
