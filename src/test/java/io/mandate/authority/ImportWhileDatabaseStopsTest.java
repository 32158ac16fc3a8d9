package io.mandate.authority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.rest.ApiException;
import io.mandate.refhost.db.Database;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.java.ao.DatabaseProvider;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * The fault goal (targets.md): PostgreSQL really stopped in the middle of a 10,000-line matrix CSV import. The test
 * starts a PostgreSQL of its own (never the shared one), imports through the real {@link MatrixImport},
 * {@link AuthorityService} and {@link GrantStore}, and when the import's statement stream is about to send its 5th batch of
 * grant inserts (4,000 of its 9,900 new grants sent in the 4 batches before, {@link GrantStore#BATCH} a batch) it stops
 * the server from inside that stream — SIGQUIT to the postmaster, what {@code pg_ctl stop -m immediate}
 * sends: no checkpoint, a crash as far as the data is concerned. The import fails with a readable 503 and reports no
 * success; PostgreSQL is started again on the same data directory (it recovers from its log); the same connection pool
 * then finds 0 rows of the import — grants, audit trail and GRANTS_REVISION exactly as before — and the same import,
 * run again, succeeds whole. PostgreSQL only, on purpose: stopping the database process is the point.
 */
public class ImportWhileDatabaseStopsTest {

    private static final String HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";
    private static final int DOMAINS = 20;
    private static final int LINES_PER_DOMAIN = 500;
    /** The grant insert statement (a batch of {@link GrantStore#BATCH} rows) before which the database stops: mid-import. */
    private static final int STOP_AT_GRANT_INSERT = 5;

    private File dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private AoTestSupport ao;
    private AuthorityService authority;
    private MatrixImport imports;
    private final List<String> productAudit = java.util.Collections.synchronizedList(new ArrayList<>());

    @Before
    public void setUp() throws Exception {
        dataDirectory = Files.createTempDirectory("mandate-pg-fault").toFile();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = start();
        Database database = Database.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "fault");
        ao = new AoTestSupport(database, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        People people = new People(new OpenDirectory());
        authority = new AuthorityService(new DomainStore(ao.entities()), new GrantStore(ao.entities()),
                new AbsenceStore(ao.entities()), mock(DecisionStore.class), mock(IssueAccess.class), people,
                mock(GroupDirectory.class), FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")),
                e -> productAudit.add(e.summaryKey()), Seams.caches());
        imports = new MatrixImport(authority, people);
    }

    /**
     * The test's own PostgreSQL, on its fixed data directory and port (so the pool's address stays the same), durable
     * as a production server is: zonky's default {@code synchronous_commit=off} acknowledges a commit before its log is
     * on disk, and an immediate stop then loses the setup's last commits now and then — which is not the fault tested.
     */
    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on").start();
    }

    @After
    public void tearDown() throws IOException {
        if (ao != null) {
            ao.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        org.apache.commons.io.FileUtils.deleteQuietly(dataDirectory);
    }

    /** Stops the server as {@code pg_ctl stop -m immediate} does, and waits until the postmaster is gone. */
    private void stopImmediately() {
        try {
            // the postmaster's pid is the first line of postmaster.pid (zonky starts it through pg_ctl)
            long pid = Long.parseLong(Files.readAllLines(new File(dataDirectory, "postmaster.pid").toPath()).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
            assertEquals("kill -QUIT", 0, kill.waitFor());
            postmaster.onExit().get(60, TimeUnit.SECONDS);
            assertFalse("the postmaster stopped", postmaster.isAlive());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the postmaster did not stop", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csv(int linesPerDomain, String level) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 0; d < DOMAINS; d++) {
            for (int u = 0; u < linesPerDomain; u++) {
                csv.append(String.format("F%02d,user,u%d,%s,,,,,\r\n", d, u, level));
            }
        }
        return csv.toString();
    }

    /** Everything the import may touch: every grant, the audit trail's size, each domain's GRANTS_REVISION. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (GrantEntity g : ao.activeObjects().find(GrantEntity.class, Query.select().order("ID"))) {
            all.append(g.getID()).append(' ').append(g.getDomainKey()).append(' ').append(g.getHolder()).append(' ')
                    .append(g.getGrantLevel()).append(' ').append(g.getNote()).append(' ').append(g.getVersion()).append('\n');
        }
        all.append("audit rows: ").append(ao.activeObjects().count(MatrixAuditEntity.class)).append('\n');
        for (DomainEntity d : ao.activeObjects().find(DomainEntity.class, Query.select().order("DOMAIN_KEY"))) {
            all.append(d.getDomainKey()).append(" revision ").append(d.getGrantsRevision()).append('\n');
        }
        return all.toString();
    }

    private int grants() {
        return ao.activeObjects().count(GrantEntity.class);
    }

    @Test
    public void aTenThousandLineImportCutOffByTheDatabaseStoppingLeavesNothingAndCanBeRunAgain() throws Exception {
        for (int d = 0; d < DOMAINS; d++) {
            authority.createDomain((ObjectNode) new ObjectMapper().readTree(String.format(
                    "{\"key\":\"F%02d\",\"name\":\"Fault %d\",\"scope\":{\"projects\":[\"DEMO\"]}}", d, d)));
        }
        assertTrue(imports.run(csv(5, "INQUIRE").getBytes(StandardCharsets.UTF_8), false).applied()); // 5 grants in each domain
        String before = snapshot();
        productAudit.clear();
        byte[] tenThousand = csv(LINES_PER_DOMAIN, "CONSULT").getBytes(StandardCharsets.UTF_8);

        Thread importer = Thread.currentThread();
        AtomicInteger grantInserts = new AtomicInteger();
        DatabaseProvider.SqlListener stopper = sql -> {
            if (Thread.currentThread() == importer && sql.startsWith("INSERT INTO") && sql.contains("_GRANT\"")
                    && grantInserts.incrementAndGet() == STOP_AT_GRANT_INSERT) {
                stopImmediately(); // AO tells its listeners before it sends the statement: this one goes to a stopped server
            }
        };
        ao.activeObjects().entityManager().getProvider().addSqlListener(stopper);
        long t0 = System.nanoTime();
        ApiException failure;
        try {
            failure = assertThrows(ApiException.class, () -> imports.run(tenThousand, false));
        } finally {
            ao.activeObjects().entityManager().getProvider().removeSqlListener(stopper);
        }
        long failedAfter = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("the database was stopped during the import's grant inserts, after 4 batches of them", STOP_AT_GRANT_INSERT,
                grantInserts.get());
        assertEquals(503, failure.status());
        assertEquals("Mandate could not read or save its data just now: the database did not answer. Try again in a moment.",
                failure.getMessage());
        assertEquals("no import is recorded as done", List.of(), productAudit);

        long t1 = System.nanoTime();
        postgres.close(); // the postmaster is gone already: this releases the data directory's lock, and keeps its data
        postgres = start();
        long restartMillis = (System.nanoTime() - t1) / 1_000_000;
        assertEquals("0 rows of the cut-off import: grants, audit trail, revisions as before", before, snapshot());

        long t2 = System.nanoTime();
        ao.sql().start();
        MatrixImport.Result again = imports.run(tenThousand, false);
        List<String> statements = ao.sql().stop();
        long reimportMillis = (System.nanoTime() - t2) / 1_000_000;
        assertTrue(again.errors().toString(), again.applied());
        List<String> domains = new ArrayList<>();
        for (int d = 0; d < DOMAINS; d++) {
            domains.add(String.format("F%02d", d));
        }
        assertEquals("each domain's 5 grants changed, the rest added",
                new MatrixImport.Summary(DOMAINS * (LINES_PER_DOMAIN - 5), DOMAINS * 5, 0, 0, domains), again.summary());
        assertEquals(DOMAINS * LINES_PER_DOMAIN, grants());
        assertEquals(List.of("mandate.audit.matrix.imported"), productAudit);
        assertFalse(snapshot().equals(before));
        System.out.printf("10,000-line import: stopped at grant insert statement %d, failed after %d ms; restart %d ms; re-import %d ms"
                + " (%d statements)%n", STOP_AT_GRANT_INSERT, failedAfter, restartMillis, reimportMillis, statements.size());
    }
}
