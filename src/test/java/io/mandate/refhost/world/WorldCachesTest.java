package io.mandate.refhost.world;

import io.mandate.refhost.db.Database;
import io.mandate.refhost.db.Statements;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The world answers users, groups, projects, permission grants and issue security from its caches, as Jira does: a
 * warm check costs no statement; after any change through the world — on this node or on another node of the same
 * database — the next read sees it. On HSQLDB and PostgreSQL.
 */
@RunWith(Parameterized.class)
public class WorldCachesTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private Database database;
    private World world;
    /** A second node on the same database. */
    private World other;

    public WorldCachesTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void open() {
        database = TestDatabases.fresh(kind);
        world = World.open(database.dataSource());
        other = World.open(database.dataSource());
    }

    @After
    public void close() {
        Statements.stop();
        database.close();
    }

    /** The statements {@code reads} sends. */
    private static List<String> statementsOf(Runnable reads) {
        Statements.start();
        try {
            reads.run();
        } finally {
            return Statements.stop();
        }
    }

    private void checks(World w) {
        assertTrue(w.checkPassword("alice", "alice"));
        assertTrue(w.userByName("Alice").isPresent());
        assertTrue(w.userByKey(w.userByName("bob").orElseThrow().key()).isPresent());
        assertTrue(w.hasProjectPermission("alice", "DEMO", World.EDIT_ISSUES));
        assertFalse(w.hasProjectPermission("bob", "DEMO", World.EDIT_ISSUES));
        assertTrue(w.isAdmin("admin"));
        assertFalse(w.isAdmin("alice"));
        assertTrue(w.isSystemAdmin("admin"));
        assertTrue(w.hasGlobalPermission("bob", World.USER_PICKER));
        assertTrue(w.isUserInGroup("carol", "developers"));
        assertEquals(3, w.projects().size());
        assertTrue(w.project("demo").isPresent());
        assertEquals(1, w.securityLevels("HR").size());
        assertTrue(w.canViewSpace("alice", "TEAM"));
    }

    @Test
    public void warmChecksCostNoStatement() {
        List<String> cold = statementsOf(() -> checks(world));
        assertTrue(cold.toString(), cold.size() > 0);
        List<String> warm = statementsOf(() -> checks(world));
        assertEquals(String.join("\n", warm), 0, warm.size());
    }

    @Test
    public void browsingAnIssueCostsOnlyReadingTheIssue() {
        Runnable browse = () -> {
            HostIssue read = world.issue(SampleOrganisation.CONFIDENTIAL_ISSUE_KEY).orElseThrow();
            assertTrue(world.canBrowseIssue("heidi", read));
            assertFalse(world.canBrowseIssue("erin", read));
            assertEquals("Compensation", world.securityLevelOf(read).orElseThrow().name());
        };
        browse.run();
        List<String> warm = statementsOf(browse);
        // the issue's security level is the issue's own data (a column of Jira's issue row): read with it in one
        // statement with its components and labels; the level's members come from the cache
        assertEquals(String.join("\n", warm), 1, warm.size());
    }

    @Test
    public void aDeactivatedUserIsSeenAtOnceOnEveryNode() {
        checks(world);
        checks(other);
        world.changes().setUserActive("alice", false);
        assertFalse(world.checkPassword("alice", "alice"));
        assertFalse(other.checkPassword("alice", "alice"));
        assertFalse(other.hasProjectPermission("alice", "DEMO", World.EDIT_ISSUES));
        assertFalse(other.userByName("alice").orElseThrow().active());
    }

    @Test
    public void groupChangesAreSeenAtOnceOnEveryNode() {
        checks(world);
        checks(other);
        world.changes().addToGroup("developers", "bob");
        assertTrue(other.hasProjectPermission("bob", "DEMO", World.EDIT_ISSUES));
        assertTrue(other.groupsOf("bob").contains("developers"));
        world.changes().createGroup("reviewers");
        assertTrue(other.groupExists("reviewers"));
        world.changes().deleteGroup("developers");
        assertFalse(other.hasProjectPermission("carol", "DEMO", World.EDIT_ISSUES));
        assertFalse(other.isUserInGroup("carol", "developers"));
    }

    @Test
    public void grantsProjectsAndSecurityLevelsAreSeenAtOnceOnEveryNode() {
        checks(world);
        checks(other);
        world.changes().grant("DEMO", World.EDIT_ISSUES, WorldChanges.MemberType.USER, "bob");
        assertTrue(other.hasProjectPermission("bob", "DEMO", World.EDIT_ISSUES));
        world.changes().createProject("NEW", "New project", "alice");
        assertTrue(other.project("NEW").isPresent());
        assertEquals(4, other.projects().size());
        world.changes().renameProject("NEW", "Renamed");
        assertEquals("Renamed", other.project("NEW").orElseThrow().name());
        HostSecurityLevel level = world.changes().addSecurityLevel("DEMO", "Secret");
        assertEquals(1, other.securityLevels("DEMO").size());
        long issue = other.issue("DEMO-1").orElseThrow().id();
        world.changes().setSecurityLevel(issue, level.id());
        assertFalse(other.canBrowseIssue("bob", other.issue(issue).orElseThrow()));
        world.changes().addSecurityLevelMember(level.id(), WorldChanges.MemberType.USER, "bob");
        assertTrue(other.canBrowseIssue("bob", other.issue(issue).orElseThrow()));
    }

    @Test
    public void aMovedIssueIsCheckedAgainstItsNewProject() {
        HostIssue issue = world.issue("DEMO-2").orElseThrow();
        assertTrue(other.canBrowseIssue("bob", issue));
        HostIssue moved = world.changes().moveIssue(issue.id(), "HR");
        assertFalse(other.canBrowseIssue("bob", other.issue(moved.id()).orElseThrow()));
        assertTrue(other.canBrowseIssue("erin", other.issue("DEMO-2").orElseThrow()));
    }

    @Test
    public void aRenamedUserIsFoundByTheNewNameOnly() {
        checks(other);
        world.renameUser("alice", "alicia");
        assertTrue(other.userByName("alice").isEmpty());
        assertTrue(other.checkPassword("alicia", "alice"));
        assertTrue(other.hasProjectPermission("alicia", "DEMO", World.ADMINISTER_PROJECTS));
    }

    @Test
    public void aChangeBehindTheWorldsBackNeedsAFlushAsInJira() throws Exception {
        checks(world);
        try (var c = database.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM HOST_GLOBAL_GRANT");
        }
        assertTrue(world.hasGlobalPermission("bob", World.USER_PICKER)); // cached, as Jira's caches would be
        world.flushCaches();
        assertFalse(world.hasGlobalPermission("bob", World.USER_PICKER));
    }
}
