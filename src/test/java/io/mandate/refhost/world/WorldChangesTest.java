package io.mandate.refhost.world;

import io.mandate.refhost.db.Database;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The Jira world changed at run time as Jira changes it, on HSQLDB and PostgreSQL (a fresh sample organisation each). */
@RunWith(Parameterized.class)
public class WorldChangesTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private Database database;
    private World world;
    private WorldChanges changes;

    public WorldChangesTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        database = TestDatabases.fresh(kind);
        world = World.open(database.dataSource());
        changes = world.changes();
    }

    @After
    public void tearDown() {
        database.close();
    }

    @Test
    public void aRecreatedProjectCountsFromOneAgainButItsIssuesGetNewIds() {
        changes.createProject("ZETA", "Zeta", "heidi");
        HostIssue old = changes.createIssue("ZETA", "Old", "Task", "heidi", null);
        changes.deleteProject("ZETA");
        assertTrue(world.issue("ZETA-1").isEmpty());
        assertFalse("the key is free again", world.isProjectKeyInUse("ZETA"));

        changes.createProject("ZETA", "Zeta again", "admin");
        HostIssue recreated = changes.createIssue("ZETA", "New", "Task", "frank", null);
        assertEquals("ZETA-1", recreated.key());
        assertNotEquals("ids are never reused", old.id(), recreated.id());
        assertTrue(world.issue(old.id()).isEmpty());
    }

    @Test
    public void aDeletedIssuesIdAndNumberAreNeverReused() {
        HostIssue last = changes.createIssue("DEMO", "Last", "Task", "alice", null);
        assertEquals("DEMO-21", last.key());
        changes.deleteIssue(last.id());
        HostIssue next = changes.createIssue("DEMO", "Next", "Task", "alice", null);
        assertEquals("DEMO-22", next.key());
        assertTrue(next.id() > last.id());
    }

    @Test
    public void aMovedIssueKeepsItsIdAndItsOldKeyStillFindsIt() {
        HostIssue moved = changes.moveIssue(world.issue("DEMO-7").orElseThrow().id(), "OPS");
        assertEquals("OPS-11", moved.key());
        assertEquals(10_006L, moved.id());
        assertEquals(moved.id(), world.issue("DEMO-7").orElseThrow().id());
        assertEquals("OPS", world.issue("demo-7").orElseThrow().projectKey());
        HostIssue next = changes.createIssue("DEMO", "After the move", "Task", "alice", null);
        assertEquals("DEMO-7 is not given out again", "DEMO-21", next.key());
    }

    @Test
    public void reKeyingAProjectRenamesItsIssuesKeepsTheOldKeysAndReservesTheOldProjectKey() {
        HostProject renamed = changes.changeProjectKey("OPS", "OPSX");
        assertEquals(10_001L, renamed.id());
        assertEquals("OPSX-2", world.issue(10_021L).orElseThrow().key());
        assertEquals(10_021L, world.issue("OPS-2").orElseThrow().id());
        assertTrue(world.isProjectKeyInUse("OPS"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> changes.createProject("OPS", "Again", "erin"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("projectKey:"));
        assertTrue("grants follow the project", world.hasProjectPermission("bob", "OPSX", World.EDIT_ISSUES));
    }

    @Test
    public void anIssueAtASecurityLevelIsBrowsableOnlyByItsMembersAdministratorsIncluded() {
        HostIssue hr3 = world.issue("HR-3").orElseThrow();
        assertTrue(world.canBrowseIssue("heidi", hr3));
        assertFalse("erin browses HR but is not in Compensation", world.canBrowseIssue("erin", hr3));
        assertFalse("issue security binds administrators too", world.canBrowseIssue("admin", hr3));
        assertTrue(world.canBrowseIssue("erin", world.issue("HR-5").orElseThrow()));

        changes.addSecurityLevelMember(world.securityLevelOf(hr3.id()).orElseThrow().id(), WorldChanges.MemberType.GROUP, "hr-team");
        assertTrue("through a group", world.canBrowseIssue("erin", hr3));
        assertFalse("membership does not replace the project's Browse permission", world.canBrowseIssue("frank", hr3));
    }

    @Test
    public void invalidChangesNameTheFieldAndChangeNothing() {
        int projects = world.projects().size();
        assertThrows(IllegalArgumentException.class, () -> changes.createProject("lower", "x", "alice"));
        assertThrows(IllegalArgumentException.class, () -> changes.createProject("DEMO", "x", "alice"));
        assertThrows(IllegalArgumentException.class, () -> changes.createProject("NEWP", "x", "nobody"));
        assertThrows(IllegalArgumentException.class, () -> changes.createIssue("DEMO", " ", "Task", "alice", null));
        assertThrows(IllegalArgumentException.class, () -> changes.createIssue("DEMO", "x", "Incident", "alice", null));
        assertThrows("a level of another project", IllegalArgumentException.class,
                () -> changes.createIssue("DEMO", "x", "Task", "alice", SampleOrganisation.COMPENSATION_LEVEL_ID));
        assertEquals(projects, world.projects().size());
        assertEquals(20, world.issuesOfProject("DEMO").size());
    }
}
