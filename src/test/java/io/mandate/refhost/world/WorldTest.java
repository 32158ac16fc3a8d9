package io.mandate.refhost.world;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The world and its sample organisation on an in-memory HSQLDB, one fresh database per test. */
public class WorldTest {

    private JDBCDataSource dataSource;
    private World world;

    @Before
    public void openFreshWorld() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:world-" + UUID.randomUUID());
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
    public void seedsTheDocumentedSampleOrganisation() {
        assertEquals(10, world.users().size());
        assertEquals(List.of("confluence-users", "developers", "hr-team", "jira-administrators",
                "jira-software-users", "leads", "operations"), world.groups());
        assertEquals(List.of("DEMO", "HR", "OPS"), world.projects().stream().map(HostProject::key).toList());
        assertEquals(20, world.issuesOfProject("DEMO").size());
        assertEquals(10, world.issuesOfProject("OPS").size());
        assertEquals(6, world.issuesOfProject("HR").size());
        assertEquals(List.of("ENG", "TEAM"), world.spaces().stream().map(HostSpace::key).toList());
    }

    @Test
    public void openingAgainDoesNotSeedTwice() {
        assertTrue("the first opening seeded", world.seededNow());
        World again = World.open(dataSource);
        assertFalse("the second found the organisation", again.seededNow());
        assertEquals(10, again.users().size());
        assertEquals(20, again.issuesOfProject("DEMO").size());
        assertEquals(2, again.pagesOfSpace("TEAM").size());
    }

    @Test
    public void rightPasswordIsAccepted() {
        assertTrue(world.checkPassword("alice", "alice"));
        assertTrue(world.checkPassword("Admin", "admin"));
    }

    @Test
    public void wrongPasswordIsRejected() {
        assertFalse(world.checkPassword("alice", "bob"));
        assertFalse(world.checkPassword("alice", "Alice"));
        assertFalse(world.checkPassword("nobody", "nobody"));
        assertFalse(world.checkPassword(null, null));
    }

    @Test
    public void inactiveUserCannotLogIn() {
        assertFalse(world.userByName("ivan").orElseThrow().active());
        assertFalse(world.checkPassword("ivan", "ivan"));
    }

    @Test
    public void passwordsAreStoredSaltedAndHashed() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT PASSWORD_SALT, PASSWORD_HASH FROM HOST_USER"
                     + " WHERE USERNAME IN ('alice', 'bob') ORDER BY USERNAME")) {
            rs.next();
            String aliceSalt = rs.getString(1);
            String aliceHash = rs.getString(2);
            rs.next();
            assertEquals(64, aliceHash.length());
            assertNotEquals("alice", aliceHash);
            assertNotEquals(aliceSalt, rs.getString(1));
        }
    }

    @Test
    public void usersHaveJiraStyleKeysAndLookupsIgnoreCase() {
        HostUser alice = world.userByName("ALICE").orElseThrow();
        assertEquals(new HostUser(10001L, "JIRAUSER10001", "alice", "Alice Adams", "alice@example.com", true), alice);
        assertEquals(alice, world.userByKey("JIRAUSER10001").orElseThrow());
        assertTrue(world.userByName("nobody").isEmpty());
    }

    @Test
    public void adminIsSystemAdminAndAliceIsNoAdmin() {
        assertTrue(world.isSystemAdmin("admin"));
        assertTrue(world.isAdmin("admin"));
        assertFalse(world.isSystemAdmin("alice"));
        assertFalse(world.isAdmin("alice"));
        assertFalse(world.isAdmin(null));
    }

    @Test
    public void aliceCanEditDemo() {
        assertTrue(world.hasProjectPermission("alice", "DEMO", World.EDIT_ISSUES));
        assertTrue(world.hasProjectPermission("alice", "DEMO", World.ADMINISTER_PROJECTS));
    }

    @Test
    public void bobCanBrowseButNotEditDemo() {
        assertTrue(world.hasProjectPermission("bob", "DEMO", World.BROWSE_PROJECTS));
        assertFalse(world.hasProjectPermission("bob", "DEMO", World.EDIT_ISSUES));
    }

    @Test
    public void frankCannotBrowseHr() {
        assertFalse(world.hasProjectPermission("frank", "HR", World.BROWSE_PROJECTS));
        assertTrue(world.hasProjectPermission("heidi", "HR", World.BROWSE_PROJECTS));
    }

    @Test
    public void systemAdminCanBrowseHrWithoutAGrant() {
        assertTrue(world.hasProjectPermission("admin", "HR", World.BROWSE_PROJECTS));
        assertTrue(world.hasProjectPermission("admin", "HR", World.ADMINISTER_PROJECTS));
    }

    @Test
    public void anonymousHasNoProjectPermission() {
        assertFalse(world.hasProjectPermission(null, "DEMO", World.BROWSE_PROJECTS));
    }

    @Test(expected = IllegalArgumentException.class)
    public void unknownProjectPermissionIsRejected() {
        world.hasProjectPermission("alice", "DEMO", "BROWSE");
    }

    @Test
    public void issueLookupIgnoresCase() {
        HostIssue issue = world.issue("demo-1").orElseThrow();
        assertEquals("DEMO-1", issue.key());
        assertEquals("Choose the message broker", issue.summary());
        assertEquals(issue, world.issue(issue.id()).orElseThrow());
        assertTrue(world.issue("DEMO-99").isEmpty());
    }

    @Test
    public void issueCarriesComponentsLabelsPeopleAndFixedTimes() {
        HostIssue issue = world.issue("DEMO-1").orElseThrow();
        assertEquals(List.of("Backend", "Infrastructure"), issue.components());
        assertEquals(List.of("architecture"), issue.labels());
        assertEquals("alice", issue.reporter());
        assertEquals("carol", issue.assignee());
        assertEquals(SampleOrganisation.EPOCH, issue.created());
        assertEquals(SampleOrganisation.EPOCH.plus(Duration.ofDays(2)), issue.updated());
        assertEquals(SampleOrganisation.EPOCH.plus(Duration.ofHours(35)), world.issue("HR-6").orElseThrow().created());
    }

    @Test
    public void unassignedIssueHasNullAssignee() {
        assertEquals(null, world.issue("DEMO-17").orElseThrow().assignee());
    }

    @Test
    public void issuesOfProjectAreOrderedByNumber() {
        List<Long> numbers = world.issuesOfProject("ops").stream().map(HostIssue::number).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), numbers);
        assertTrue(world.issuesOfProject("NOPE").isEmpty());
    }

    @Test
    public void escapingIssueSummaryIsKeptVerbatim() {
        assertEquals("Render <b>bold</b> & \"quotes\" safely",
                world.issue(SampleOrganisation.ESCAPING_ISSUE_KEY).orElseThrow().summary());
    }

    @Test
    public void projectHasItsIssueTypesAndComponentsInOrder() {
        HostProject demo = world.project("demo").orElseThrow();
        assertEquals("Demo Platform", demo.name());
        assertEquals("alice", demo.lead());
        assertEquals(List.of("Story", "Bug", "Task", "Epic"), demo.issueTypes());
        assertEquals(List.of("Backend", "Frontend", "Infrastructure"), demo.components());
    }

    @Test
    public void findUsersMatchesUsernameOrDisplayNamePrefixIgnoringCase() {
        assertEquals(List.of("admin", "alice"), usernames(world.findUsers("A", 10)));
        assertEquals(List.of("bob"), usernames(world.findUsers("bob b", 10)));
        assertEquals(List.of("admin"), usernames(world.findUsers("ADMINISTRATOR", 10)));
    }

    @Test
    public void findUsersLeavesOutInactiveUsersAndHonoursTheLimit() {
        assertTrue(world.findUsers("ivan", 10).isEmpty());
        assertEquals(List.of("admin", "alice", "bob"), usernames(world.findUsers("", 3)));
        assertTrue(world.findUsers("a", 0).isEmpty());
    }

    @Test
    public void findUsersTakesWildcardsLiterally() {
        assertTrue(world.findUsers("%", 10).isEmpty());
        assertTrue(world.findUsers("_lice", 10).isEmpty());
    }

    @Test
    public void groupMembershipIgnoresCase() {
        assertEquals(List.of("confluence-users", "developers", "jira-software-users", "leads"), world.groupsOf("Alice"));
        assertTrue(world.isUserInGroup("ALICE", "Developers"));
        assertFalse(world.isUserInGroup("frank", "hr-team"));
        assertEquals(List.of("erin", "heidi"), world.membersOf("hr-team"));
        assertTrue(world.groupExists("LEADS"));
        assertFalse(world.groupExists("nobody"));
    }

    @Test
    public void findGroupsPagesThroughPrefixMatches() {
        assertEquals(List.of("jira-administrators", "jira-software-users"), world.findGroups("JIRA", 0, 10));
        assertEquals(List.of("developers", "hr-team"), world.findGroups("", 1, 2));
    }

    @Test
    public void spacePermissionsFollowTheGroups() {
        assertTrue(world.canViewSpace("bob", "TEAM"));
        assertFalse(world.canEditSpace("bob", "TEAM"));
        assertTrue(world.canViewSpace("bob", "ENG"));
        assertFalse(world.canEditSpace("bob", "ENG"));
        assertTrue(world.canEditSpace("alice", "TEAM"));
        assertFalse(world.canViewSpace("frank", "ENG"));
        assertTrue(world.canEditSpace("admin", "ENG"));
        assertFalse(world.canViewSpace(null, "TEAM"));
    }

    @Test
    public void eachSpaceHasAnAdministratorWhoIsNoSystemAdministrator() {
        assertTrue(world.canAdministerSpace("alice", "TEAM"));
        assertTrue(world.canAdministerSpace("grace", "ENG"));
        assertFalse("grace edits TEAM but does not administer it", world.canAdministerSpace("grace", "TEAM"));
        assertFalse("carol edits ENG but does not administer it", world.canAdministerSpace("carol", "ENG"));
        assertTrue(world.canAdministerSpace("admin", "ENG"));
        assertFalse(world.canAdministerSpace(null, "ENG"));
    }

    @Test
    public void pagesHoldTheMacrosInStorageFormatAsConfluencesEditorWritesThem() {
        HostPage charter = world.page(SampleOrganisation.TEAM_CHARTER_PAGE_ID).orElseThrow();
        assertEquals("TEAM", charter.spaceKey());
        assertEquals("Platform team charter", charter.title());
        assertTrue(charter.body(), charter.body().contains("<ac:structured-macro ac:name=\"mandate-team-charter\" ac:schema-version=\"1\""
                + " ac:macro-id=\"0b5c1f5e-6a1d-4c1e-9d43-6f3a2c7e8b01\"><ac:parameter ac:name=\"team\">PLATFORM</ac:parameter>"
                + "</ac:structured-macro>"));
        assertTrue(charter.body(), charter.body().contains("<ac:structured-macro ac:name=\"mandate-accountability-report\""
                + " ac:schema-version=\"1\" ac:macro-id=\"7c2e9a40-1b8d-4f6a-a5e2-3d9b0c4f7e12\"><ac:parameter ac:name=\"team\">"
                + "PLATFORM</ac:parameter></ac:structured-macro>"));
        HostPage operations = world.page(SampleOrganisation.OPERATIONS_CHARTER_PAGE_ID).orElseThrow();
        assertEquals("TEAM", operations.spaceKey());
        assertEquals("Operations team charter", operations.title());
        assertTrue(operations.body(), operations.body().contains("<ac:parameter ac:name=\"team\">OPS_TEAM</ac:parameter>"));
        assertEquals(List.of("Operations team charter", "Platform team charter"),
                world.pagesOfSpace("TEAM").stream().map(HostPage::title).toList());
        HostPage report = world.pagesOfSpace("ENG").get(0);
        assertEquals(SampleOrganisation.ARCHITECTURE_PAGE_ID, report.id());
        assertTrue(report.body(), report.body().contains("<ac:structured-macro ac:name=\"mandate-accountability-report\""));
        assertTrue(report.body(), report.body().contains("<ac:parameter ac:name=\"project\">DEMO</ac:parameter></ac:structured-macro>"));
        for (HostPage page : List.of(charter, operations, report)) {
            assertTrue("every sample page is well-formed storage format: " + page.title(),
                    io.mandate.refhost.confluence.StorageFormat.isWellFormed(page.body()));
            assertEquals(1, world.pages().version(page.id()).orElseThrow().number());
        }
    }

    @Test
    public void updatedPageBodyIsStoredInTheDatabase() {
        world.updatePageBody(SampleOrganisation.TEAM_CHARTER_PAGE_ID, "<p>new</p>");
        assertEquals("<p>new</p>", World.open(dataSource).page(SampleOrganisation.TEAM_CHARTER_PAGE_ID)
                .orElseThrow().body());
    }

    @Test(expected = IllegalArgumentException.class)
    public void updatingAMissingPageFails() {
        world.updatePageBody(1L, "<p>x</p>");
    }

    private static List<String> usernames(List<HostUser> users) {
        return users.stream().map(HostUser::username).toList();
    }
}
