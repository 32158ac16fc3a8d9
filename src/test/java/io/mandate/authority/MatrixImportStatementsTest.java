package io.mandate.authority;

import io.mandate.decision.DecisionStore;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.mandate.testing.TestDatabases;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * What the matrix CSV import costs in statements (issue 10: 50,000 lines ≤ 30 s). A file replacing the grants of many
 * domains — per domain some grants kept, some changed, some removed, most added — is imported through the real
 * {@link MatrixImport}, {@link AuthorityService} and {@link GrantStore} over Active Objects (HSQLDB and PostgreSQL), and
 * every statement sent is counted: the inserts of grants and audit rows and the deletes go in batches (a statement per
 * {@link GrantStore#BATCH} rows), the reads are a few statements per 500 domains, and what remains per row is the update of a changed grant; per domain, its row lock.
 * The outcome is checked row by row: every grant (kept ones untouched, changed ones in place at version 2, added ones
 * new), and the audit rows the per-grant writes make (who, when, which grant — an added grant's own id —, which field,
 * before, after; an empty before or after stored as NULL).
 *
 * <p>{@code -Dmandate.importStatements.domains=1000} runs it at L's shape (1,000 domains × 50 lines = 50,000 lines) and
 * prints the time; the default (120 domains, 6,000 lines) keeps the suite quick. Times are printed, never asserted.
 */
@RunWith(Parameterized.class)
public class MatrixImportStatementsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final String HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";
    private static final int DOMAINS = Integer.getInteger("mandate.importStatements.domains", 120);
    /** Before: 10 grants a domain (u0–u9, INQUIRE). The file: u0–u2 kept, u3–u7 changed, u8–u9 removed, u10–u51 added. */
    private static final int BEFORE = 10;
    private static final int KEPT = 3;
    private static final int CHANGED = 5;
    private static final int LINES = 50;

    private final String kind;
    private AoTestSupport ao;
    private AuthorityService authority;
    private MatrixImport imports;

    public MatrixImportStatementsTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, MatrixAuditEntity.class);
        People people = new People(new OpenDirectory());
        DomainStore domains = new DomainStore(ao.entities());
        authority = new AuthorityService(domains, new GrantStore(ao.entities()), new AbsenceStore(ao.entities()),
                mock(DecisionStore.class), mock(IssueAccess.class), people, mock(GroupDirectory.class),
                FixedClock.utc(Instant.parse("2026-12-01T10:00:00Z")), e -> { }, Seams.caches());
        imports = new MatrixImport(authority, people);
        for (int d = 0; d < DOMAINS; d++) {
            domains.create(new Domain(key(d), "Domain " + d, null,
                    new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 0));
        }
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static String key(int d) {
        return String.format(Locale.ROOT, "D%04d", d);
    }

    private static String before() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 0; d < DOMAINS; d++) {
            for (int u = 0; u < BEFORE; u++) {
                csv.append(key(d)).append(",user,u").append(u).append(",INQUIRE,,,,,before\r\n");
            }
        }
        return csv.toString();
    }

    private static String file() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 0; d < DOMAINS; d++) {
            for (int u = 0; u < LINES + (BEFORE - KEPT - CHANGED); u++) {
                if (u >= KEPT + CHANGED && u < BEFORE) {
                    continue; // removed
                }
                String level = u < KEPT ? "INQUIRE" : "CONSULT";
                String note = u < KEPT ? "before" : "after " + u;
                String backup = u % 4 == 0 && u >= KEPT ? "b" + u : "";
                csv.append(key(d)).append(",user,u").append(u).append(',').append(level).append(',').append(backup)
                        .append(",,").append(u % 3 == 0 && u >= KEPT ? "2026-12-01" : "").append(",,").append(note).append("\r\n");
            }
        }
        return csv.toString();
    }

    @Test
    public void aLargeImportCostsStatementsPerBatchNotPerRow() {
        assertTrue(imports.run(before().getBytes(StandardCharsets.UTF_8), false).applied());
        byte[] file = file().getBytes(StandardCharsets.UTF_8);
        int added = DOMAINS * (LINES - KEPT - CHANGED);
        int changed = DOMAINS * CHANGED;
        int removed = DOMAINS * (BEFORE - KEPT - CHANGED);
        int auditBefore = ao.activeObjects().count(MatrixAuditEntity.class);
        int lastAuditIdBefore = Arrays.stream(ao.activeObjects().find(MatrixAuditEntity.class, Query.select()))
                .mapToInt(MatrixAuditEntity::getID).max().orElse(0);

        ao.sql().start();
        long t0 = System.nanoTime();
        MatrixImport.Result result = imports.run(file, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> statements = ao.sql().stop();

        assertTrue(result.errors().toString(), result.applied());
        assertEquals(added, result.summary().added());
        assertEquals(changed, result.summary().changed());
        assertEquals(removed, result.summary().removed());
        assertEquals(DOMAINS * KEPT, result.summary().unchanged());
        int audit = ao.activeObjects().count(MatrixAuditEntity.class) - auditBefore;

        Map<String, Long> byKind = statements.stream().collect(Collectors.groupingBy(MatrixImportStatementsTest::kindOf,
                java.util.TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "%s: %,d-line import (%,d added, %,d changed, %,d removed; %,d audit rows) in %,d ms,"
                + " %,d statements %s%n", kind, DOMAINS * LINES, added, changed, removed, audit, ms, statements.size(), byKind);

        // Active Objects' batch insert: one JDBC batch (on HSQLDB the reference host sends it so too, HsqlBatchInsert)
        assertEquals("grant inserts: one per batch of " + GrantStore.BATCH, batches(added), count(byKind, "insert grant"));
        assertEquals("audit inserts: one per batch of " + GrantStore.BATCH, batches(audit), count(byKind, "insert audit"));
        assertEquals("grant deletes: one per batch of " + GrantStore.BATCH, batches(removed), count(byKind, "delete grant"));
        assertEquals("an update per changed grant (its row as read under the lock: no read again), one per domain (the lock)",
                changed + DOMAINS, count(byKind, "update"));
        int perChunk = (DOMAINS + 499) / 500;
        // the plan (dry run), the plan again (nothing to change?), under the locks: the domains, their grants, the new ids
        assertTrue("reads: a few per 500 domains, whatever the number of lines: " + byKind,
                count(byKind, "select") <= 6 * perChunk + 2);
        assertEquals("nothing else: " + byKind, statements.size(), byKind.entrySet().stream()
                .filter(e -> List.of("insert grant", "insert audit", "delete grant", "update", "select").contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum());
        assertTrue("O(rows / batch + changed + domains), not O(rows): " + statements.size(),
                statements.size() <= changed + DOMAINS + batches(added) + batches(audit) + batches(removed) + 6 * perChunk + 2);

        assertSameAsOneByOne(lastAuditIdBefore);
    }

    private static long batches(long rows) {
        return (rows + GrantStore.BATCH - 1) / GrantStore.BATCH;
    }

    private static long count(Map<String, Long> byKind, String kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    private static String kindOf(String sql) {
        String s = sql.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("SELECT")) {
            return "select";
        }
        if (s.startsWith("UPDATE")) {
            return "update";
        }
        if (s.startsWith("INSERT")) {
            return s.contains("_AUTH_GRANT") ? "insert grant" : s.contains("_MATRIX_AUDIT") ? "insert audit" : "insert other";
        }
        if (s.startsWith("DELETE")) {
            return s.contains("_AUTH_GRANT") ? "delete grant" : "delete other";
        }
        return "other";
    }

    /**
     * The grants and audit rows the import left are those the per-row writes make: every wanted line a grant (kept and
     * changed ones with their ids, changed ones at version 2), and per added, changed and removed grant its audit rows
     * naming that grant's id, field by field.
     */
    private void assertSameAsOneByOne(int lastAuditIdBefore) {
        Map<Integer, GrantEntity> grants = new HashMap<>();
        for (GrantEntity g : ao.activeObjects().find(GrantEntity.class, Query.select())) {
            grants.put(g.getID(), g);
        }
        assertEquals(DOMAINS * LINES, grants.size());
        MatrixAuditEntity[] audit = ao.activeObjects().find(MatrixAuditEntity.class,
                Query.select().where("ID > ?", lastAuditIdBefore).order("ID"));
        Map<String, List<String>> auditByGrant = new HashMap<>();
        for (MatrixAuditEntity a : audit) {
            assertEquals("key-admin", a.getAuthorKey());
            assertEquals(Instant.parse("2026-12-01T10:00:00Z"), a.getChangedAt().toInstant());
            assertEquals("grant", a.getObjectType());
            auditByGrant.computeIfAbsent(a.getObjectId(), k -> new ArrayList<>())
                    .add(a.getDomainKey() + " " + a.getField() + ": " + a.getBeforeValue() + " → " + a.getAfterValue());
        }
        int addedSeen = 0;
        for (GrantEntity g : grants.values()) {
            int u = Integer.parseInt(g.getHolder().substring("key-u".length()));
            List<String> rows = auditByGrant.getOrDefault(String.valueOf(g.getID()), List.of());
            if (u < KEPT) {
                assertEquals(1, g.getVersion());
                assertEquals(List.of(), rows);
            } else if (u < KEPT + CHANGED) {
                assertEquals(2, g.getVersion());
                assertEquals(g.getDomainKey() + " level: INQUIRE → CONSULT", rows.get(0));
                assertTrue(rows.toString(), rows.contains(g.getDomainKey() + " note: before → after " + u));
            } else {
                addedSeen++;
                assertEquals(1, g.getVersion());
                assertEquals("the audit rows of an added grant name its own id and content: " + rows,
                        g.getDomainKey() + " holder: null → user:u" + u, rows.get(0));
                assertTrue(rows.toString(), rows.contains(g.getDomainKey() + " note: null → after " + u));
                assertEquals(u % 4 == 0, rows.stream().anyMatch(r -> r.contains(" backup: null → ")));
            }
        }
        assertEquals(DOMAINS * (LINES - KEPT - CHANGED), addedSeen);
        long removedAudited = auditByGrant.keySet().stream().filter(id -> !grants.containsKey(Integer.parseInt(id))).count();
        assertEquals(DOMAINS * (BEFORE - KEPT - CHANGED), removedAudited);
        assertTrue(Arrays.stream(audit).allMatch(a -> a.getDomainKey() != null));
    }
}
