package io.mandate.authority;

import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Domains and their scope rules in Active Objects, on HSQLDB and PostgreSQL. */
@RunWith(Parameterized.class)
public class DomainStoreTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private AoTestSupport ao;
    private DomainStore store;

    public DomainStoreTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        // a domain is deleted with its grants and audited, so their tables belong to the fixture
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, MatrixAuditEntity.class);
        store = new DomainStore(ao.entities());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static Domain arch() {
        return new Domain("ARCH", "Architecture", "Choices that are expensive to reverse",
                new DomainScope(List.of("DEMO", "OPS"), List.of(), List.of("Backend"), List.of("architecture"), List.of("TEAM")), 0);
    }

    @Test
    public void aCreatedDomainIsReadBackWithItsScopeInOrder() {
        Domain created = store.create(arch());
        assertEquals(1, created.version());
        Domain read = store.find("ARCH").orElseThrow();
        assertEquals(arch().scope(), read.scope());
        assertEquals("Architecture", read.name());
        assertEquals(1, read.version());
    }

    @Test
    public void aSecondDomainWithTheSameKeyIsRefusedAndChangesNothing() {
        store.create(arch());
        assertThrows(IllegalStateException.class, () -> store.create(new Domain("ARCH", "Other", null,
                new DomainScope(List.of("HR"), List.of(), List.of(), List.of(), List.of()), 0)));
        assertEquals(List.of("DEMO", "OPS"), store.find("ARCH").orElseThrow().scope().projects());
        assertEquals(1, store.all().size());
    }

    @Test
    public void allDomainsAreReadInTwoStatementsWhateverTheirNumber() {
        for (int i = 0; i < 12; i++) {
            store.create(new Domain("D" + i, "Domain " + i, null,
                    new DomainScope(List.of("DEMO"), List.of("Story", "Bug"), List.of(), List.of(), List.of()), 0));
        }
        ao.sql().start();
        List<Domain> all = store.all();
        List<String> statements = ao.sql().stop();
        assertEquals(12, all.size());
        assertEquals(List.of("Story", "Bug"), all.get(5).scope().issueTypes());
        assertEquals(statements.toString(), 2, statements.size());
    }

    @Test
    public void deletingADomainRemovesItsScope() {
        store.create(arch());
        assertTrue(store.delete("ARCH"));
        assertEquals(Optional.empty(), store.find("ARCH"));
        assertFalse(store.delete("ARCH"));
        assertEquals(0, ao.activeObjects().count(DomainScopeEntity.class));
    }
}
