package io.mandate.refhost.world;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The same seed and checks on a real PostgreSQL, proving the SQL is portable. */
public class WorldPostgresTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static World world;

    @BeforeClass
    public static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        world = World.open(dataSource);
    }

    @AfterClass
    public static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    public void seedsOnceEvenWhenOpenedAgain() {
        World again = World.open(dataSource);
        assertEquals(10, again.users().size());
        assertEquals(36, again.issuesOfProject("DEMO").size() + again.issuesOfProject("OPS").size()
                + again.issuesOfProject("HR").size());
    }

    @Test
    public void passwordsAndPermissionsBehaveAsOnHsqldb() {
        assertTrue(world.checkPassword("alice", "alice"));
        assertFalse(world.checkPassword("ivan", "ivan"));
        assertTrue(world.hasProjectPermission("alice", "DEMO", World.EDIT_ISSUES));
        assertFalse(world.hasProjectPermission("bob", "DEMO", World.EDIT_ISSUES));
        assertFalse(world.hasProjectPermission("frank", "HR", World.BROWSE_PROJECTS));
        assertTrue(world.hasProjectPermission("admin", "HR", World.BROWSE_PROJECTS));
        assertTrue(world.isAdmin("admin"));
        assertTrue(world.canEditSpace("alice", "TEAM"));
        assertFalse(world.canViewSpace("frank", "ENG"));
    }

    @Test
    public void issuesRoundTripVerbatimWithUtcTimes() {
        HostIssue issue = world.issue("demo-13").orElseThrow();
        assertEquals("Render <b>bold</b> & \"quotes\" safely", issue.summary());
        assertEquals(SampleOrganisation.EPOCH.plusSeconds(12 * 3600L), issue.created());
        assertEquals(List.of("security"), issue.labels());
    }

    @Test
    public void findersWorkWithPortablePaging() {
        assertEquals(List.of("admin", "alice"), world.findUsers("a", 10).stream().map(HostUser::username).toList());
        assertEquals(List.of("jira-software-users"), world.findGroups("jira", 1, 5));
    }

    @Test
    public void pageBodyUpdateIsDurable() {
        world.updatePageBody(SampleOrganisation.ARCHITECTURE_PAGE_ID, "<p>rewritten</p>");
        assertEquals("<p>rewritten</p>",
                World.open(dataSource).page(SampleOrganisation.ARCHITECTURE_PAGE_ID).orElseThrow().body());
    }
}
