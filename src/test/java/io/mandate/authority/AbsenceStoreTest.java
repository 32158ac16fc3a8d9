package io.mandate.authority;

import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Absences and their audit entries in Active Objects, on HSQLDB and PostgreSQL. */
@RunWith(Parameterized.class)
public class AbsenceStoreTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final String kind;
    private AoTestSupport ao;
    private AbsenceStore store;

    public AbsenceStoreTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, AbsenceEntity.class, MatrixAuditEntity.class);
        store = new AbsenceStore(ao.entities());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static MatrixChange audit(String field, String before, String after) {
        return new MatrixChange("k-admin", AT, "absence", "9", null, field, before, after);
    }

    private Absence add(String user, String from, String to) {
        return store.create(new Absence(0, user, d(from), d(to), "away"), List.of());
    }

    private List<MatrixAuditEntity> auditRows() {
        return List.of(ao.activeObjects().find(MatrixAuditEntity.class, net.java.ao.Query.select().order("ID")));
    }

    @Test
    public void aCreatedAbsenceIsReadBackWithItsAuditEntryNamingIt() {
        Absence created = store.create(new Absence(0, "k-carol", d("2026-12-20"), d("2027-01-05"), "Holiday"),
                List.of(audit("from", null, "2026-12-20"), audit("to", null, "2027-01-05")));
        assertTrue(created.id() > 0);
        assertEquals(created, store.find(created.id()).orElseThrow());
        assertEquals("Holiday", created.note());
        List<MatrixAuditEntity> rows = auditRows();
        assertEquals(2, rows.size());
        assertEquals(String.valueOf(created.id()), rows.get(0).getObjectId());
        assertEquals(null, rows.get(0).getDomainKey());
    }

    @Test
    public void aFailingAuditWriteLeavesNoAbsence() {
        MatrixChange broken = new MatrixChange(null, AT, "absence", "", null, "from", null, "2026-12-20");
        assertThrows(RuntimeException.class, () -> store.create(new Absence(0, "k-carol", d("2026-12-20"), d("2026-12-21"), null),
                List.of(broken)));
        assertEquals(0, ao.activeObjects().count(AbsenceEntity.class));
        assertEquals(0, auditRows().size());
    }

    @Test
    public void deleteRemovesTheAbsenceAndRecordsOnlyWhatHappened() {
        Absence created = add("k-carol", "2026-12-20", "2026-12-21");
        assertTrue(store.delete(created.id(), List.of(audit("user", "carol", null))));
        assertEquals(Optional.empty(), store.find(created.id()));
        assertFalse(store.delete(created.id(), List.of(audit("user", "carol", null))));
        assertEquals(1, auditRows().size());
    }

    @Test
    public void aPersonsAbsencesAreEarliestFirstInOneStatement() {
        add("k-carol", "2027-03-01", "2027-03-02");
        add("k-dave", "2026-12-01", "2026-12-31");
        add("k-carol", "2026-12-20", "2027-01-05");
        ao.sql().start();
        List<Absence> carol = store.of("k-carol");
        List<String> statements = ao.sql().stop();
        assertEquals(statements.toString(), 1, statements.size());
        assertEquals(List.of(d("2026-12-20"), d("2027-03-01")), carol.stream().map(Absence::from).toList());
        assertEquals(List.of(), store.of("k-nobody"));
    }

    @Test
    public void theWindowFindsEveryAbsenceSharingADayInclusive() {
        Absence december = add("k-carol", "2026-12-01", "2026-12-31");
        Absence newYear = add("k-dave", "2026-12-28", "2027-01-03");
        Absence march = add("k-carol", "2027-03-01", "2027-03-02");

        assertEquals(List.of(december, newYear), store.find(null, d("2026-12-31"), d("2026-12-31"), 0, 50).values());
        assertEquals("the window's first day touches the absence's last",
                List.of(newYear), store.find(null, d("2027-01-03"), d("2027-02-28"), 0, 50).values());
        assertEquals("the window's last day touches the absence's first",
                List.of(march), store.find(null, d("2027-02-01"), d("2027-03-01"), 0, 50).values());
        assertEquals(List.of(), store.find(null, d("2027-01-04"), d("2027-02-28"), 0, 50).values());
        assertEquals("open ends", List.of(newYear, march), store.find(null, d("2027-01-01"), null, 0, 50).values());
        assertEquals(List.of(december), store.find(null, null, d("2026-12-27"), 0, 50).values());
        assertEquals(List.of(december, march), store.find("k-carol", null, null, 0, 50).values());
        assertEquals(List.of(newYear), store.find("k-dave", d("2026-12-01"), d("2027-12-31"), 0, 50).values());
    }

    @Test
    public void pagesCountEverythingAndReturnTheirSlice() {
        for (int i = 1; i <= 7; i++) {
            add("k-carol", String.format("2027-01-%02d", i), String.format("2027-01-%02d", i));
        }
        add("k-dave", "2027-01-04", "2027-01-04");
        AbsenceStore.Found first = store.find("k-carol", null, null, 0, 3);
        assertEquals(7, first.total());
        assertEquals(List.of(d("2027-01-01"), d("2027-01-02"), d("2027-01-03")), first.values().stream().map(Absence::from).toList());
        AbsenceStore.Found last = store.find("k-carol", null, null, 6, 3);
        assertEquals(7, last.total());
        assertEquals(List.of(d("2027-01-07")), last.values().stream().map(Absence::from).toList());
        AbsenceStore.Found beyond = store.find("k-carol", null, null, 10, 3);
        assertEquals(7, beyond.total());
        assertEquals(List.of(), beyond.values());

        ao.sql().start();
        AbsenceStore.Found countOnly = store.find(null, null, null, 0, 0);
        List<String> statements = ao.sql().stop();
        assertEquals(8, countOnly.total());
        assertEquals(List.of(), countOnly.values());
        assertEquals("maxResults=0 only counts", 1, statements.size());
    }

    @Test
    public void sameDayAbsencesAreOrderedByCreation() {
        Absence one = add("k-carol", "2027-01-01", "2027-01-02");
        Absence two = add("k-dave", "2027-01-01", "2027-01-01");
        assertEquals(List.of(one, two), store.find(null, null, null, 0, 10).values());
    }
}
