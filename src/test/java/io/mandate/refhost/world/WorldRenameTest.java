package io.mandate.refhost.world;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A user rename as Jira 10 does it: same key, new username, and everything the host keeps by username follows. */
public class WorldRenameTest {

    private JDBCDataSource dataSource;
    private World world;

    @Before
    public void openFreshWorld() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:rename-" + UUID.randomUUID());
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

    @Test
    public void aRenamedUserKeepsTheKeyAndIsFoundOnlyByTheNewName() {
        HostUser alice = world.userByName("alice").orElseThrow();
        world.renameUser("alice", "alice.adams");
        HostUser renamed = world.userByKey(alice.key()).orElseThrow();
        assertEquals("alice.adams", renamed.username());
        assertEquals(alice.displayName(), renamed.displayName());
        assertTrue(world.userByName("alice").isEmpty());
        assertTrue(world.checkPassword("alice.adams", "alice"));
    }

    @Test
    public void groupsPermissionsAndIssuesFollowTheRename() {
        assertTrue(world.hasProjectPermission("alice", "DEMO", World.ADMINISTER_PROJECTS));
        world.renameUser("alice", "alice.adams");
        assertTrue("a direct grant", world.hasProjectPermission("alice.adams", "DEMO", World.ADMINISTER_PROJECTS));
        assertTrue("through a group", world.hasProjectPermission("alice.adams", "DEMO", World.BROWSE_PROJECTS));
        assertFalse(world.hasProjectPermission("alice", "DEMO", World.BROWSE_PROJECTS));
        assertEquals(world.groupsOf("alice.adams").size(), world.groups().stream()
                .filter(g -> world.membersOf(g).contains("alice.adams")).count());
        assertTrue(world.groupsOf("alice").isEmpty());
        assertTrue(world.issuesOfProject("DEMO").stream().noneMatch(i -> "alice".equals(i.reporter())
                || "alice".equals(i.assignee())));
    }

    @Test
    public void aNameAnotherUserHasIsRefused() {
        try {
            world.renameUser("alice", "BOB");
            fail("bob exists");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("BOB"));
        }
        assertEquals("alice", world.userByName("alice").orElseThrow().username());
    }
}
