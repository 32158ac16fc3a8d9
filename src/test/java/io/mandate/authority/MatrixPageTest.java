package io.mandate.authority;

import io.mandate.decision.DecisionStore;
import io.mandate.platform.AuditLog;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.PersonLabel;
import io.mandate.platform.Principal;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The admin grid's page (issue 7, item 7) over real stores on HSQLDB and PostgreSQL: one page of domains
 * whatever the size of the matrix, its grants in one statement, the holders capped, and what a project
 * administrator sees and may change.
 */
@RunWith(Parameterized.class)
public class MatrixPageTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Person ADMIN = new Person("admin-key", "admin", "Administrator");
    private static final Person ALICE = new Person("alice-key", "alice", "Alice Adams");

    private final String kind;
    private AoTestSupport ao;
    private DomainStore domains;
    private GrantStore grants;
    private AuthorityService authority;

    /** The viewer's language, as "key:argument", so a test sees which text was asked for. */
    private static final PersonLabel.Texts TEXTS = (key, arg) -> key + ":" + arg;

    public MatrixPageTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        domains = new DomainStore(ao.entities());
        grants = new GrantStore(ao.entities());
        People people = mock(People.class);
        when(people.byKey(anyString())).thenAnswer(i -> {
            String key = i.getArgument(0);
            return Optional.of(new Person(key, key.replace("-key", ""), "Name of " + key.replace("-key", "")));
        });
        // ivan is deactivated, the key "gone-key" belongs to a deleted user, the group "old-team" was deleted
        when(people.ofKey(anyString())).thenAnswer(i -> {
            String key = i.getArgument(0);
            return key.equals("gone-key") ? Person.deleted(key)
                    : new Person(key, key.replace("-key", ""), "Name of " + key.replace("-key", ""),
                    key.equals("ivan-key") ? Person.State.INACTIVE : Person.State.ACTIVE);
        });
        when(people.groupExists(anyString())).thenAnswer(i -> !i.getArgument(0).equals("old-team"));
        when(people.byName(anyString())).thenAnswer(i -> {
            String name = i.getArgument(0);
            return name.equals("nobody") ? Optional.empty() : Optional.of(new Person(name + "-key", name, "Name of " + name));
        });
        when(people.isAdmin(any())).thenAnswer(i -> ((Person) i.getArgument(0)).key().equals(ADMIN.key()));
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.administeredProjectKeys(any())).thenAnswer(i ->
                ((Person) i.getArgument(0)).key().equals(ALICE.key()) ? Set.of("DEMO") : Set.of());
        GroupDirectory groups = mock(GroupDirectory.class);
        when(groups.groupsOf(anyString())).thenAnswer(i -> i.getArgument(0).equals(ALICE.key()) ? Set.of("developers") : Set.of());
        authority = new AuthorityService(domains, grants, new AbsenceStore(ao.entities()), mock(DecisionStore.class), issues,
                people, groups, FixedClock.utc(Instant.parse("2026-12-02T09:00:00Z")), mock(AuditLog.class), Seams.caches());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private void domain(String key, String... projects) {
        domains.create(new Domain(key, "Domain " + key, null, new DomainScope(List.of(projects), List.of(), List.of(), List.of(), List.of()), 0));
    }

    private void grant(String domain, Principal holder, Level level) {
        grants.create(new Grant(0, domain, holder, level, null, null, null, null, null, 0), List.of());
    }

    @Test
    public void aThousandDomainsWithFiftyThousandGrantsRenderOnePageInOneGrantStatement() throws SQLException {
        for (int d = 0; d < 1000; d++) {
            domain(String.format("D%04d", d), d % 2 == 0 ? "DEMO" : "OPS");
        }
        insertGrants(1000, 50);
        assertEquals(50_000, grants.count());
        authority.domains(); // the domain cache is warm on a running node

        ao.sql().start();
        MatrixPage page = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 0), TEXTS);
        List<String> statements = ao.sql().stop();

        assertEquals(1000, page.total());
        assertEquals(MatrixPage.PAGE_SIZE, page.rows().size());
        assertEquals("D0000", page.rows().get(0).get("key"));
        assertEquals(1, statements.size());
        assertTrue(statements.get(0), statements.get(0).toUpperCase().contains("IN ("));
        assertEquals(MatrixPage.MAX_COLUMNS, page.columns().size());
        assertTrue("more holders than columns", page.hiddenColumns() > 0);
        int shown = 0;
        for (Map<String, Object> row : page.rows()) {
            int cells = 0;
            for (Object cell : (List<?>) row.get("cells")) {
                cells += ((List<?>) ((Map<?, ?>) cell).get("grants")).size();
            }
            assertEquals(50, cells + (int) row.get("hiddenGrants"));
            shown += cells;
        }
        assertTrue(shown > 0);

        MatrixPage last = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 990), TEXTS);
        assertEquals(975, last.startAt());
        assertEquals("D0975", last.rows().get(0).get("key"));
        MatrixPage beyond = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 1_000_000), TEXTS);
        assertEquals(975, beyond.startAt());
        assertEquals(25, beyond.rows().size());
    }

    /** 50 grants per domain, holders spread over 300 users and 20 groups, in batches (store writes would take minutes). */
    private void insertGrants(int domainCount, int perDomain) throws SQLException {
        String schema = ao.database().schema();
        String table = (schema == null ? "" : "\"" + schema + "\".") + "\""
                + new io.mandate.refhost.db.AoTablePrefix(AoTestSupport.NAMESPACE).prepend("AUTH_GRANT") + "\"";
        try (Connection c = ao.database().dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                     + " (\"DOMAIN_KEY\", \"HOLDER_TYPE\", \"HOLDER\", \"GRANT_LEVEL\", \"VERSION\") VALUES (?, ?, ?, ?, 1)")) {
            for (int d = 0; d < domainCount; d++) {
                for (int g = 0; g < perDomain; g++) {
                    boolean group = g % 10 == 9;
                    insert.setString(1, String.format("D%04d", d));
                    insert.setString(2, group ? "GROUP" : "USER");
                    insert.setString(3, group ? "group-" + ((d + g) % 20) : "user-" + ((d * 7 + g) % 300) + "-key");
                    insert.setInt(4, 1 + (d + g) % 7);
                    insert.addBatch();
                }
                if (d % 50 == 49 || d == domainCount - 1) {
                    insert.executeBatch();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @Test
    public void aProjectAdministratorSeesTheDomainsOfTheirProjectsAndMayChangeOnlyThoseWhollyInThem() {
        domain("ONLY_DEMO", "DEMO");
        domain("ONLY_OPS", "OPS");
        domain("BOTH", "DEMO", "OPS");
        domain("EVERYWHERE");

        MatrixPage page = MatrixPage.build(authority, ALICE, new MatrixPage.Filter(null, null, null, 0), TEXTS);

        assertEquals(List.of("BOTH", "ONLY_DEMO"), page.rows().stream().map(r -> r.get("key")).toList());
        assertEquals(false, page.rows().get(0).get("editable"));
        assertEquals(true, page.rows().get(1).get("editable"));
        MatrixPage all = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 0), TEXTS);
        assertEquals(4, all.total());
        assertTrue(all.rows().stream().allMatch(r -> Boolean.TRUE.equals(r.get("editable"))));
    }

    @Test
    public void filtersByProjectAndByDomainKeyOrName() {
        domain("ARCH", "DEMO");
        domain("RELEASE", "OPS");
        domain("HIRING", "HR", "DEMO");

        assertEquals(List.of("ARCH", "HIRING"), keys(new MatrixPage.Filter("demo", null, null, 0)));
        assertEquals(List.of("RELEASE"), keys(new MatrixPage.Filter(null, "domain rel", null, 0)));
        assertEquals(List.of("HIRING"), keys(new MatrixPage.Filter(null, "hir", null, 0)));
    }

    @Test
    public void thePersonFilterFindsTheDomainsOfTheUserAndOfTheirGroupsAndShowsThemFirst() {
        domain("MINE", "DEMO");
        domain("GROUPS", "DEMO");
        domain("OTHERS", "DEMO");
        grant("MINE", Principal.user("bob-key"), Level.DELEGATE);
        grant("MINE", Principal.user("bob-key"), Level.DELEGATE);
        grant("MINE", Principal.user(ALICE.key()), Level.ADVISE);
        grant("GROUPS", Principal.group("developers"), Level.CONSULT);
        grant("OTHERS", Principal.user("bob-key"), Level.TELL);

        MatrixPage page = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, "alice", 0), TEXTS);

        assertEquals(List.of("GROUPS", "MINE"), page.rows().stream().map(r -> r.get("key")).toList());
        assertEquals(List.of("alice", "developers", "bob"), page.columns().stream().map(c -> c.get("name")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> aliceInMine = ((List<Map<String, Object>>) ((Map<String, Object>) ((List<?>) page.rows().get(1).get("cells")).get(0)).get("grants")).get(0);
        assertEquals("5", aliceInMine.get("level"));
        assertEquals("ADVISE", aliceInMine.get("levelName"));
        assertEquals("user", aliceInMine.get("holderType"));
        assertEquals("alice", aliceInMine.get("holderName"));
    }

    @Test
    public void aPersonWhoDoesNotExistMatchesNoDomain() {
        domain("ARCH", "DEMO");
        MatrixPage page = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, "nobody", 0), TEXTS);
        assertTrue(page.unknownPerson());
        assertEquals(0, page.total());
        assertTrue(page.rows().isEmpty());
    }

    @Test
    public void grantsOutsideTheirWindowAreMarkedExpiredOrFuture() {
        domain("ARCH", "DEMO");
        grants.create(new Grant(0, "ARCH", Principal.user("bob-key"), Level.AGREE, null, null, null,
                LocalDate.parse("2026-01-31"), null, 0), List.of());
        grants.create(new Grant(0, "ARCH", Principal.user("carol-key"), Level.AGREE, null, null,
                LocalDate.parse("2027-01-01"), null, null, 0), List.of());

        MatrixPage page = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 0), TEXTS);

        List<?> cells = (List<?>) page.rows().get(0).get("cells");
        assertEquals(List.of("expired", "future"), cells.stream()
                .map(c -> ((Map<?, ?>) ((List<?>) ((Map<?, ?>) c).get("grants")).get(0)).get("state")).toList());
        assertFalse(page.unknownPerson());
    }

    @Test
    public void deactivatedAndDeletedHoldersAreMarkedAndTheirGrantsOnThePageListedApart() {
        domain("ARCH", "DEMO");
        domain("HIRING", "DEMO");
        grant("ARCH", Principal.user("ivan-key"), Level.ADVISE);
        grant("HIRING", Principal.user("ivan-key"), Level.CONSULT);
        grant("ARCH", Principal.user("gone-key"), Level.DELEGATE);
        grants.create(new Grant(0, "HIRING", Principal.user("bob-key"), Level.INQUIRE, "gone-key", "ivan-key", null, null, null, 0),
                List.of());

        MatrixPage page = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 0), TEXTS);

        Map<Object, Object> labels = new java.util.HashMap<>();
        Map<Object, Object> states = new java.util.HashMap<>();
        page.columns().forEach(c -> {
            labels.put(c.get("name"), c.get("label"));
            states.put(c.get("name"), c.get("state"));
        });
        assertEquals("mandate.person.inactive:Name of ivan", labels.get("ivan"));
        assertEquals("a deleted user is named by the stored key", "mandate.person.deleted:gone-key", labels.get("gone-key"));
        assertEquals("Name of bob", labels.get("bob"));
        assertEquals(Map.of("ivan", "inactive", "gone-key", "deleted", "bob", "active"), states);
        assertEquals(List.of("mandate.person.deleted:gone-key: ARCH (DELEGATE)",
                "mandate.person.inactive:Name of ivan: ARCH (ADVISE), HIRING (CONSULT)"), page.inactiveHolders());
        // the dialog gets names it can send back: the deleted backup's key, the inactive mentee's username
        Map<?, ?> bobsGrant = page.rows().stream().filter(r -> r.get("key").equals("HIRING"))
                .flatMap(r -> ((List<?>) r.get("cells")).stream())
                .flatMap(c -> ((List<?>) ((Map<?, ?>) c).get("grants")).stream()).map(g -> (Map<?, ?>) g)
                .filter(g -> g.get("holderName").equals("bob")).findFirst().orElseThrow();
        assertEquals("gone-key", bobsGrant.get("backup"));
        assertEquals("ivan", bobsGrant.get("mentee"));
        // and marks them as the columns are marked
        assertEquals("mandate.person.deleted:gone-key", bobsGrant.get("backupLabel"));
        assertEquals("mandate.person.inactive:Name of ivan", bobsGrant.get("menteeLabel"));
        // nobody, or someone active: no mark
        Map<?, ?> ivansGrant = page.rows().stream().filter(r -> r.get("key").equals("ARCH"))
                .flatMap(r -> ((List<?>) r.get("cells")).stream())
                .flatMap(c -> ((List<?>) ((Map<?, ?>) c).get("grants")).stream()).map(g -> (Map<?, ?>) g)
                .filter(g -> g.get("holderName").equals("ivan")).findFirst().orElseThrow();
        assertEquals("", ivansGrant.get("backupLabel"));
        assertEquals("", ivansGrant.get("menteeLabel"));
    }

    @Test
    public void anActiveBackupOrMenteeIsNotMarked() {
        domain("ARCH", "DEMO");
        grants.create(new Grant(0, "ARCH", Principal.user("ivan-key"), Level.INQUIRE, "bob-key", "bob-key", null, null, null, 0),
                List.of());
        MatrixPage page = MatrixPage.build(authority, ADMIN, new MatrixPage.Filter(null, null, null, 0), TEXTS);
        Map<?, ?> grant = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) page.rows().get(0).get("cells")).get(0)).get("grants")).get(0);
        assertEquals("bob", grant.get("backup"));
        assertEquals("", grant.get("backupLabel"));
        assertEquals("", grant.get("menteeLabel"));
    }

    @Test
    public void grantsToADeletedGroupAreNamedInEveryDomainTheViewerSeesAndOnlyThere() {
        domain("ARCH", "DEMO");
        domain("OPSX", "OPS");
        domain("SPEND", "DEMO");
        grant("ARCH", Principal.group("old-team"), Level.ADVISE);
        grant("OPSX", Principal.group("old-team"), Level.TELL);
        grant("SPEND", Principal.group("old-team"), Level.CONSULT);
        grant("SPEND", Principal.group("developers"), Level.DELEGATE);

        assertEquals(Map.of("old-team", "ARCH (ADVISE), OPSX (TELL), SPEND (CONSULT)"), MatrixPage.deletedGroups(authority, ADMIN));
        assertEquals("alice administers DEMO only", Map.of("old-team", "ARCH (ADVISE), SPEND (CONSULT)"),
                MatrixPage.deletedGroups(authority, ALICE));
        grants.ofHolder(Principal.group("old-team")).forEach(g -> grants.delete(g, List.of()));
        assertEquals(Map.of(), MatrixPage.deletedGroups(authority, ADMIN));
    }

    private List<Object> keys(MatrixPage.Filter filter) {
        return MatrixPage.build(authority, ADMIN, filter, TEXTS).rows().stream().map(r -> r.get("key")).toList();
    }
}
