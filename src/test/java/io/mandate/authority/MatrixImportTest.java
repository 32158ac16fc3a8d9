package io.mandate.authority;

import io.mandate.decision.DecisionStore;
import io.mandate.platform.AuditLog;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * The matrix CSV import and export end to end over Active Objects (HSQLDB and PostgreSQL): the real stores,
 * the real {@link AuthorityService}, a small user directory. All or nothing, only the named domains, what
 * counts as changed, export → import changes nothing, names that mean nobody are refused per line and column.
 */
@RunWith(Parameterized.class)
public class MatrixImportTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final String HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";

    private final String kind;
    private AoTestSupport ao;
    private DomainStore domains;
    private GrantStore grants;
    private AuthorityService authority;
    private MatrixImport imports;
    private MatrixExport export;
    private Directory users;
    private final List<AuditLog.Entry> productAudit = new ArrayList<>();

    public MatrixImportTest(String kind) {
        this.kind = kind;
    }

    /** Users by name, key = "key-" + name; carol is inactive; admin is the only administrator. */
    static final class Directory implements UserDirectory {
        String current = "admin";
        final Set<String> names = Set.of("admin", "alice", "bob", "carol", "dave", "Zoë");
        final Set<String> groups = Set.of("developers", "leads");

        private Optional<Person> person(String name) {
            return names.contains(name) ? Optional.of(new Person("key-" + name, name, name.toUpperCase(Locale.ROOT))) : Optional.empty();
        }

        @Override
        public Optional<Person> currentUser() {
            return current == null ? Optional.empty() : person(current);
        }

        @Override
        public Optional<Person> byName(String username) {
            return person(username);
        }

        @Override
        public Optional<Person> byKey(String userKey) {
            return userKey.startsWith("key-") ? person(userKey.substring(4)) : Optional.empty();
        }

        @Override
        public boolean isActive(Person person) {
            return !person.name().equals("carol");
        }

        @Override
        public boolean groupExists(String group) {
            return groups.contains(group);
        }

        @Override
        public boolean isAdmin(Person person) {
            return person.name().equals("admin");
        }

        @Override
        public boolean isSystemAdmin(Person person) {
            return person.name().equals("admin");
        }

        @Override
        public Optional<String> emailAddress(Person person) {
            return Optional.empty();
        }

        @Override
        public Locale locale(Person person) {
            return Locale.ENGLISH;
        }
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, MatrixAuditEntity.class);
        domains = new DomainStore(ao.entities());
        grants = new GrantStore(ao.entities());
        users = new Directory();
        People people = new People(users);
        authority = new AuthorityService(domains, grants, new AbsenceStore(ao.entities()), mock(DecisionStore.class),
                mock(IssueAccess.class), people, mock(GroupDirectory.class), FixedClock.utc(Instant.parse("2026-12-01T10:00:00Z")),
                productAudit::add, Seams.caches());
        imports = new MatrixImport(authority, people);
        export = new MatrixExport(authority, people);
        for (String key : List.of("ARCH", "HIRING", "SPEND")) {
            domains.create(new Domain(key, key.toLowerCase(Locale.ROOT), null,
                    new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 0));
        }
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private MatrixImport.Result run(String csv, boolean dryRun) {
        return imports.run(csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private String exported() throws IOException {
        StringBuilder out = new StringBuilder();
        export.write(out);
        return out.toString();
    }

    /** Every stored grant as "DOMAIN holder LEVEL backup" lines, by domain and id. */
    private List<String> stored() {
        List<String> all = new ArrayList<>();
        grants.forEach(g -> all.add(g.domainKey() + " " + g.holder().id() + " " + g.level() + " " + g.backupKey()));
        return all;
    }

    private int auditRows() {
        return ao.activeObjects().count(MatrixAuditEntity.class);
    }

    private static String errors(MatrixImport.Result r) {
        return r.errors().stream().map(e -> e.line() + ":" + e.column() + ":" + e.message().key()).collect(Collectors.joining(" "));
    }

    private void seed() {
        MatrixImport.Result r = run(HEADER + "ARCH,user,alice,DELEGATE,bob,,,,Lead\r\n" + "ARCH,group,developers,3,,,,,\r\n"
                + "HIRING,user,dave,5,,,,2027-06-30,\r\n" + "SPEND,user,bob,ADVISE,,,,,under 10k\r\n", false);
        assertEquals(errors(r), List.of(), r.errors());
    }

    @Test
    public void aGoodImportReplacesTheGrantsOfTheNamedDomainsOnly() {
        seed();
        MatrixImport.Result r = run(HEADER + "ARCH,user,alice,7,bob,,,,Lead\r\n" + "ARCH,user,dave,AGREE,,,,,\r\n"
                + "HIRING,user,alice,6,,,,,\r\n", false);
        assertEquals(errors(r), List.of(), r.errors());
        assertTrue(r.applied());
        assertEquals("alice unchanged, dave added, developers removed; in HIRING dave removed and alice added",
                new MatrixImport.Summary(2, 0, 2, 1, List.of("ARCH", "HIRING")), r.summary());
        assertEquals(List.of("ARCH key-alice DELEGATE key-bob", "ARCH key-dave AGREE null",
                "HIRING key-alice INQUIRE null", "SPEND key-bob ADVISE null"), sortedStored());
    }

    private List<String> sortedStored() {
        return stored().stream().sorted().toList();
    }

    @Test
    public void aDryRunSaysWhatWouldChangeAndChangesNothing() {
        seed();
        List<String> before = sortedStored();
        int audit = auditRows();
        MatrixImport.Result r = run(HEADER + "ARCH,user,alice,6,bob,,,,Lead\r\n" + "ARCH,user,carl,5,,,,,\r\n"
                + "SPEND,user,bob,ADVISE,,,,,under 10k\r\n" + "SPEND,group,leads,4,,,,,\r\n", true);
        assertTrue(r.dryRun());
        assertFalse(r.applied());
        assertEquals("carl is unknown", "3:holder:mandate.error.user.unknown", errors(r));
        assertEquals("the summary counts the good lines: alice changed, developers removed, leads added, bob unchanged",
                new MatrixImport.Summary(1, 1, 1, 1, List.of("ARCH", "SPEND")), r.summary());
        assertEquals(before, sortedStored());
        assertEquals(audit, auditRows());
    }

    @Test
    public void anImportWithABadLineChangesNothing() {
        seed();
        List<String> before = sortedStored();
        int audit = auditRows();
        productAudit.clear();
        MatrixImport.Result r = run(HEADER + "ARCH,user,alice,1,,,,,\r\n" + "HIRING,user,dave,SUPREME,,,,,\r\n", false);
        assertFalse(r.applied());
        assertEquals("3:level:mandate.csv.error.level", errors(r));
        assertEquals(before, sortedStored());
        assertEquals(audit, auditRows());
        assertEquals(List.of(), productAudit);
    }

    @Test
    public void namesThatMeanNobodyAreRefusedWithTheirLineAndColumn() {
        MatrixImport.Result r = run(HEADER + "NOPE,user,alice,5,,,,,\r\n" + "ARCH,user,carol,5,,,,,\r\n"
                + "ARCH,group,nobodies,5,,,,,\r\n" + "ARCH,user,alice,5,ghost,carol,,,\r\n" + "ARCH,user,Zoë,5,,,,,\r\n", false);
        assertEquals("2:domain:mandate.error.domain.notFound 3:holder:mandate.error.user.inactive "
                + "4:holder:mandate.error.group.unknown 5:backup:mandate.error.user.unknown 5:mentee:mandate.error.user.inactive", errors(r));
        assertEquals(List.of(), stored());
    }

    @Test
    public void exportThenImportOfTheSameFileChangesNothing() throws IOException {
        seed();
        run(HEADER + "ARCH,user,Zoë,2,,,2026-01-01,2026-12-31,\"=cmd|' /C calc'!A0, \"\"quoted\"\"\nsecond line\"\r\n"
                + "ARCH,user,alice,DELEGATE,bob,,,,Lead\r\n" + "ARCH,group,developers,3,,,,,\r\n", false);
        List<String> before = sortedStored();
        int audit = auditRows();
        productAudit.clear();
        String csv = exported();
        assertTrue(csv, csv.contains("'=cmd"));
        MatrixImport.Result r = run(csv, false);
        assertEquals(errors(r), List.of(), r.errors());
        assertTrue(r.applied());
        assertEquals(new MatrixImport.Summary(0, 0, 0, 5, List.of("ARCH", "HIRING", "SPEND")), r.summary());
        assertEquals(before, sortedStored());
        assertEquals("no audit entry", audit, auditRows());
        assertEquals(List.of(), productAudit);
        assertEquals("and the export is the same again", csv, exported());
    }

    @Test
    public void aChangedGrantKeepsItsIdAndItsAuditNamesTheChangedFields() {
        seed();
        Grant alice = authority.grants("ARCH").stream().filter(g -> g.holder().equals(Principal.user("key-alice"))).findFirst().orElseThrow();
        int audit = auditRows();
        productAudit.clear();
        MatrixImport.Result r = run(HEADER + "ARCH,user,alice,5,dave,,,,Lead\r\n" + "ARCH,group,developers,3,,,,,\r\n", false);
        assertEquals(new MatrixImport.Summary(0, 1, 0, 1, List.of("ARCH")), r.summary());
        Grant after = authority.grants("ARCH").stream().filter(g -> g.holder().equals(Principal.user("key-alice"))).findFirst().orElseThrow();
        assertEquals(alice.id(), after.id());
        assertEquals(alice.version() + 1, after.version());
        assertEquals(Level.ADVISE, after.level());
        List<MatrixChange> history = domains.history("ARCH", 100);
        assertEquals("level and backup", 2, auditRows() - audit);
        assertEquals(Set.of("level", "backup"), history.subList(0, 2).stream().map(MatrixChange::field).collect(Collectors.toSet()));
        assertTrue(history.subList(0, 2).stream().allMatch(c -> c.objectId().equals(String.valueOf(alice.id())) && c.authorKey().equals("key-admin")));
        assertEquals(1, productAudit.size());
        assertEquals("mandate.audit.matrix.imported", productAudit.get(0).summaryKey());
    }

    @Test
    public void aDeactivatedUserMayStayInAGrantKeptAsItIsButNotComeIntoANewOrChangedOne() throws IOException {
        seed();
        // carol held the grant before she was deactivated
        grants.create(new Grant(0, "SPEND", Principal.user("key-carol"), Level.AGREE, "key-carol", null, null, null, null, 0), List.of());
        MatrixImport.Result same = run(exported(), false);
        assertEquals(errors(same), List.of(), same.errors());
        assertEquals(new MatrixImport.Summary(0, 0, 0, 5, List.of("ARCH", "HIRING", "SPEND")), same.summary());
        MatrixImport.Result changed = run(HEADER + "SPEND,user,bob,ADVISE,,,,,under 10k\r\n" + "SPEND,user,carol,5,carol,,,,\r\n", true);
        assertEquals("3:holder:mandate.error.user.inactive 3:backup:mandate.error.user.inactive", errors(changed));
        assertEquals("without the refused line, carol's grant would go", new MatrixImport.Summary(0, 0, 1, 1, List.of("SPEND")),
                changed.summary());
    }

    @Test
    public void deletedUsersAndGroupsAreMarkedInTheExportAndImportBackOnlyWhereTheGrantStaysAsItIs() throws IOException {
        seed();
        // grants made before Jira deleted the user key-gone and the group old-team (and deactivated carol)
        grants.create(new Grant(0, "SPEND", Principal.user("key-gone"), Level.ADVISE, "key-carol", "key-gone", null, null, null, 0), List.of());
        grants.create(new Grant(0, "SPEND", Principal.group("old-team"), Level.CONSULT, null, null, null, null, null, 0), List.of());
        String csv = exported();
        assertTrue(csv, csv.contains("SPEND,user,key-gone (deleted),ADVISE,carol (inactive),key-gone (deleted),,,\r\n"));
        assertTrue(csv, csv.contains("SPEND,group,old-team (deleted),CONSULT,,,,,\r\n"));
        List<String> before = sortedStored();

        MatrixImport.Result same = run(csv, false);
        assertEquals(errors(same), List.of(), same.errors());
        assertEquals(new MatrixImport.Summary(0, 0, 0, 6, List.of("ARCH", "HIRING", "SPEND")), same.summary());
        MatrixImport.Result unmarked = run(csv.replace(" (deleted)", "").replace(" (inactive)", ""), false);
        assertEquals("as older exports wrote them", List.of(), unmarked.errors());
        assertEquals(before, sortedStored());

        MatrixImport.Result added = run(HEADER + "ARCH,user,key-gone (deleted),5,,,,,\r\n" + "ARCH,group,old-team (deleted),3,,,,,\r\n"
                + "ARCH,user,alice,5,key-gone (deleted),,,,\r\n" + "ARCH,user,alice,6,ghost (inactive),,,,\r\n", true);
        assertEquals("2:holder:mandate.error.user.deleted 3:holder:mandate.error.group.deleted 4:backup:mandate.error.user.deleted "
                + "5:backup:mandate.error.user.unknown", errors(added));
        assertEquals(before, sortedStored());
    }

    @Test
    public void aDomainNamedWithoutGrantsIsEmptied() {
        seed();
        MatrixImport.Result r = run(HEADER + "SPEND,,,,,,,,\r\n", false);
        assertEquals(new MatrixImport.Summary(0, 0, 1, 0, List.of("SPEND")), r.summary());
        assertTrue(authority.grants("SPEND").isEmpty());
        assertEquals(3, stored().size());
    }

    @Test
    public void aHolderWithTwoGrantsInADomainRoundTrips() throws IOException {
        MatrixImport.Result r = run(HEADER + "ARCH,user,alice,5,,,2026-01-01,2026-06-30,\r\n"
                + "ARCH,user,alice,7,,,2026-07-01,,\r\n", false);
        assertEquals(new MatrixImport.Summary(2, 0, 0, 0, List.of("ARCH")), r.summary());
        assertEquals(new MatrixImport.Summary(0, 0, 0, 2, List.of("ARCH")), run(exported(), false).summary());
    }

    @Test
    public void whenTheAuditCannotBeWrittenTheGrantsStayAsTheyWere() {
        seed();
        List<String> before = sortedStored();
        Map<String, List<Grant>> wanted = Map.of("ARCH", List.of(new Grant(0, "ARCH", Principal.user("key-dave"), Level.TELL,
                null, null, null, null, null, 0)), "SPEND", List.of());
        assertThrows(IllegalStateException.class, () -> grants.apply(wanted, plan -> {
            // the grant writes of both domains are done (in this transaction) when the audit is asked for
            assertEquals("alice and developers of ARCH, bob of SPEND", 3, plan.removed());
            assertEquals(0, grants.ofDomains(List.of("SPEND")).get("SPEND").size());
            throw new IllegalStateException("audit failed");
        }));
        assertEquals(before, sortedStored());
    }

    @Test
    public void aDomainDeletedBeforeTheImportIsAConflictAndChangesNothing() {
        seed();
        List<String> before = sortedStored();
        Map<String, List<Grant>> wanted = new java.util.TreeMap<>(Map.of(
                "ARCH", List.<Grant>of(), "GONE", List.of(new Grant(0, "GONE", Principal.user("key-dave"), Level.TELL, null, null,
                        null, null, null, 0))));
        ApiException e = assertThrows(ApiException.class, () -> authority.importGrants(wanted));
        assertEquals(409, e.status());
        assertEquals(before, sortedStored());
    }

    @Test
    public void onlyAdministratorsImportOrExport() {
        users.current = "alice";
        assertEquals(403, assertThrows(ApiException.class, () -> run(HEADER, true)).status());
        assertEquals(403, assertThrows(ApiException.class, export::requireAllowed).status());
        users.current = null;
        assertEquals(401, assertThrows(ApiException.class, () -> run(HEADER, true)).status());
    }
}
