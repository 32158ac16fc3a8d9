package io.mandate.authority;

import io.mandate.platform.Principal;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Grants and their audit entries in Active Objects, on HSQLDB and PostgreSQL. */
@RunWith(Parameterized.class)
public class GrantStoreTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final String kind;
    private AoTestSupport ao;
    private GrantStore store;
    private DomainStore domains;

    public GrantStoreTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, MatrixAuditEntity.class);
        store = new GrantStore(ao.entities());
        domains = new DomainStore(ao.entities());
        domains.create(domain("ARCH"));
        domains.create(domain("HIRING"));
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static Domain domain(String key) {
        return new Domain(key, key, null, new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 0);
    }

    private static Grant grant(String domain, Principal holder, Level level) {
        return new Grant(0, domain, holder, level, null, null, null, null, null, 0);
    }

    private static Grant full() {
        return new Grant(0, "ARCH", Principal.user("k-carol"), Level.INQUIRE, "k-dave", "k-grace",
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30), "Until the re-org", 0);
    }

    private static MatrixChange audit(String domain, String field, String before, String after) {
        return new MatrixChange("k-admin", AT, "grant", "7", domain, field, before, after);
    }

    private int auditRows() {
        return ao.activeObjects().count(MatrixAuditEntity.class);
    }

    private int revision(String domain) {
        return ao.activeObjects().find(DomainEntity.class, net.java.ao.Query.select().where("DOMAIN_KEY = ?", domain))[0].getGrantsRevision();
    }

    @Test
    public void aCreatedGrantIsReadBackWithEveryField() {
        Grant created = store.create(full(), List.of(audit("ARCH", "level", null, "INQUIRE")));
        assertTrue(created.id() > 0);
        assertEquals(1, created.version());
        Grant read = store.find(created.id()).orElseThrow();
        assertEquals(created, read);
        assertTrue(read.sameContent(full()));
        assertEquals(LocalDate.of(2027, 6, 30), read.validTo());
        assertEquals(Principal.user("k-carol"), read.holder());
        assertEquals(Optional.empty(), store.find(created.id() + 1000));
    }

    @Test
    public void theAuditEntriesOfACreateNameTheNewGrant() {
        Grant created = store.create(full(), List.of(audit("ARCH", "holder", null, "user:carol"), audit("ARCH", "level", null, "INQUIRE")));
        List<MatrixChange> history = domains.history("ARCH", 10);
        assertEquals(2, history.size());
        for (MatrixChange c : history) {
            assertEquals(String.valueOf(created.id()), c.objectId());
            assertEquals("ARCH", c.domainKey());
        }
    }

    @Test
    public void aGrantInAMissingDomainIsRefusedAndLeavesNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> store.create(grant("NOPE", Principal.user("k-carol"), Level.ADVISE), List.of(audit("NOPE", "level", null, "ADVISE"))));
        assertEquals(0, store.count());
        assertEquals(0, auditRows());
    }

    @Test
    public void aFailingAuditWriteRollsTheGrantBack() {
        // the audit row lacks its author (NOT NULL): the whole write fails, the grant with it
        MatrixChange broken = new MatrixChange(null, AT, "grant", "", "ARCH", "level", null, "ADVISE");
        assertThrows(RuntimeException.class, () -> store.create(grant("ARCH", Principal.user("k-carol"), Level.ADVISE), List.of(broken)));
        assertEquals(0, store.count());
        assertEquals(0, auditRows());
        assertEquals("the domain's lock was rolled back too", 0, revision("ARCH"));
    }

    @Test
    public void anUpdateWithTheCurrentVersionReplacesEveryFieldAndAddsOne() {
        Grant created = store.create(grant("ARCH", Principal.user("k-carol"), Level.CONSULT), List.of());
        Grant next = new Grant(created.id(), "ARCH", Principal.group("developers"), Level.AGREE, "k-dave", null,
                null, LocalDate.of(2027, 1, 1), "shared", 0);
        Grant saved = store.update(next, 1, List.of(audit("ARCH", "level", "CONSULT", "AGREE")));
        assertEquals(2, saved.version());
        Grant read = store.find(created.id()).orElseThrow();
        assertEquals(2, read.version());
        assertTrue(read.sameContent(next));
        assertEquals(1, auditRows());
    }

    @Test
    public void aStaleUpdateChangesNothingAndWritesNoAuditRow() {
        Grant created = store.create(grant("ARCH", Principal.user("k-carol"), Level.CONSULT), List.of());
        store.update(grant("ARCH", Principal.user("k-carol"), Level.ADVISE).withId(created.id(), 0), 1, List.of());
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> store.update(
                grant("ARCH", Principal.user("k-carol"), Level.DELEGATE).withId(created.id(), 0), 1,
                List.of(audit("ARCH", "level", "CONSULT", "DELEGATE"))));
        assertEquals(2, stale.currentVersion());
        assertEquals(Level.ADVISE, store.find(created.id()).orElseThrow().level());
        assertEquals(0, auditRows());
    }

    @Test
    public void anUpdateOfAGoneGrantOrThroughAnotherDomainIsStaleWithMinusOne() {
        Grant created = store.create(grant("ARCH", Principal.user("k-carol"), Level.CONSULT), List.of());
        assertEquals(-1, assertThrows(StaleVersionException.class, () -> store.update(
                grant("HIRING", Principal.user("k-carol"), Level.ADVISE).withId(created.id(), 0), 1, List.of())).currentVersion());
        assertTrue(store.delete(created, List.of()));
        assertEquals(-1, assertThrows(StaleVersionException.class, () -> store.update(
                grant("ARCH", Principal.user("k-carol"), Level.ADVISE).withId(created.id(), 0), 1, List.of())).currentVersion());
    }

    @Test
    public void deleteRemovesTheGrantWithItsAuditRowOnceOnly() {
        Grant created = store.create(grant("ARCH", Principal.user("k-carol"), Level.CONSULT), List.of());
        assertTrue(store.delete(created, List.of(audit("ARCH", "level", "CONSULT", null))));
        assertEquals(Optional.empty(), store.find(created.id()));
        assertFalse("a second delete finds nothing and records nothing", store.delete(created, List.of(audit("ARCH", "level", "CONSULT", null))));
        assertEquals(1, auditRows());
    }

    @Test
    public void everyWriteRaisesTheDomainsGrantsRevision() {
        Grant created = store.create(grant("ARCH", Principal.user("k-carol"), Level.CONSULT), List.of());
        store.update(created, 1, List.of());
        store.delete(created.withId(created.id(), 2), List.of());
        assertEquals(3, revision("ARCH"));
        assertEquals(0, revision("HIRING"));
    }

    @Test
    public void aDomainsGrantsAreOneStatementInTheOrderTheyWereMade() {
        for (int i = 0; i < 15; i++) {
            store.create(grant(i % 3 == 0 ? "HIRING" : "ARCH", Principal.user("k-" + i), Level.values()[i % 7]), List.of());
        }
        ao.sql().start();
        List<Grant> arch = store.ofDomain("ARCH");
        List<String> statements = ao.sql().stop();
        assertEquals(statements.toString(), 1, statements.size());
        assertEquals(10, arch.size());
        assertTrue(arch.stream().allMatch(g -> g.domainKey().equals("ARCH")));
        List<Long> ids = arch.stream().map(Grant::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals("k-1", arch.get(0).holder().id());
        assertEquals(List.of(), store.ofDomain("NOPE"));
    }

    @Test
    public void grantsOfAHolderAcrossDomains() {
        store.create(grant("HIRING", Principal.group("leads"), Level.AGREE), List.of());
        store.create(grant("ARCH", Principal.group("leads"), Level.ADVISE), List.of());
        store.create(grant("ARCH", Principal.user("leads"), Level.TELL), List.of());
        List<Grant> ofLeads = store.ofHolder(Principal.group("leads"));
        assertEquals(List.of("ARCH", "HIRING"), ofLeads.stream().map(Grant::domainKey).toList());
    }

    @Test
    public void forEachStreamsEveryGrantDomainByDomain() {
        store.create(grant("HIRING", Principal.user("k-heidi"), Level.DELEGATE), List.of());
        store.create(grant("ARCH", Principal.user("k-bob"), Level.TELL), List.of());
        store.create(grant("ARCH", Principal.user("k-carol"), Level.ADVISE), List.of());
        List<String> seen = new ArrayList<>();
        store.forEach(g -> seen.add(g.domainKey() + "/" + g.holder().id()));
        assertEquals(List.of("ARCH/k-bob", "ARCH/k-carol", "HIRING/k-heidi"), seen);
        assertEquals(3, store.count());
    }
}
