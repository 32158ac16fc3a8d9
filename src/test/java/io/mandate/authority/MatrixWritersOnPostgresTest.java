package io.mandate.authority;

import io.mandate.platform.Principal;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Concurrent writers of one domain's matrix on PostgreSQL, where two connections really hold and wait for row
 * locks (and the test can see a backend waiting, in pg_stat_activity): exactly one writer of a version wins, the
 * other is stale, never a lost update and never another failure. Runs on PostgreSQL only — on purpose, not as a
 * skipped leg of the HSQLDB run.
 */
public class MatrixWritersOnPostgresTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private AoTestSupport ao;
    private GrantStore store;
    private DomainStore domains;

    @Before
    public void setUp() {
        ao = new AoTestSupport(TestDatabases.POSTGRESQL, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class,
                MatrixAuditEntity.class);
        store = new GrantStore(ao.entities());
        domains = new DomainStore(ao.entities());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static Domain arch() {
        return new Domain("ARCH", "Architecture", null, new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 0);
    }

    private static Grant grant(String domain, Principal holder, Level level) {
        return new Grant(0, domain, holder, level, null, null, null, null, null, 0);
    }

    private static MatrixChange audit(String domain, String field, String before, String after) {
        return new MatrixChange("k-admin", AT, "grant", "7", domain, field, before, after);
    }

    private int auditRows() {
        return ao.activeObjects().count(MatrixAuditEntity.class);
    }

    /**
     * Two writers update the same grant from the same version, interleaved on purpose: A has written (and holds
     * the domain's row lock) but not committed when B starts. B waits for the lock; when A commits, B ends stale
     * (409), never overwriting A and never failing otherwise: exactly one winner. The reference host's AO runs
     * SERIALIZABLE transactions, so PostgreSQL aborts B at the lock and the store tries B again, which then sees
     * version 2 (under Jira's READ COMMITTED, B would read version 2 right after the lock). Before the retry, B
     * came out as an UndeclaredThrowableException over "could not serialize access" — a 500 from the REST layer.
     */
    @Test
    public void twoConcurrentUpdatesOfTheSameVersionHaveExactlyOneWinner() throws Exception {
        domains.create(arch());
        Grant created = store.create(grant("ARCH", Principal.user("k-carol"), Level.CONSULT), List.of());
        CountDownLatch aWrote = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Grant> a = pool.submit(() -> ao.entities().inTransaction(() -> {
                Grant saved = store.update(grant("ARCH", Principal.user("k-carol"), Level.ADVISE).withId(created.id(), 0), 1,
                        List.of(audit("ARCH", "level", "CONSULT", "ADVISE")));
                aWrote.countDown();
                await(releaseA);
                return saved;
            }));
            assertTrue(aWrote.await(30, TimeUnit.SECONDS));
            Future<Grant> b = pool.submit(() -> store.update(grant("ARCH", Principal.user("k-carol"), Level.DELEGATE).withId(created.id(), 0), 1,
                    List.of(audit("ARCH", "level", "CONSULT", "DELEGATE"))));
            waitUntilSomeoneWaitsForALock();
            assertFalse("B must wait for A", b.isDone());
            releaseA.countDown();
            assertEquals(2, a.get(30, TimeUnit.SECONDS).version());
            try {
                b.get(30, TimeUnit.SECONDS);
                fail("B wrote over A's change");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof java.lang.reflect.UndeclaredThrowableException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (!(cause instanceof StaleVersionException)) {
                    throw new AssertionError("B failed otherwise", e);
                }
                assertEquals(2, ((StaleVersionException) cause).currentVersion());
            }
        } finally {
            releaseA.countDown();
            pool.shutdownNow();
        }
        Grant stored = store.find(created.id()).orElseThrow();
        assertEquals(Level.ADVISE, stored.level());
        assertEquals(2, stored.version());
        assertEquals("only the winner's audit row", 1, auditRows());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until PostgreSQL reports a backend of this test's database waiting for a lock (at most 30 s). */
    private void waitUntilSomeoneWaitsForALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = ao.database().dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        fail("the second writer never waited for a lock");
    }

    /** As for grants (GrantStoreTest): two updates of one domain from the same version, one waits, then is stale. */
    @Test
    public void twoConcurrentDomainUpdatesOfTheSameVersionHaveExactlyOneWinner() throws Exception {
        domains.create(arch());
        Domain renamedByA = new Domain("ARCH", "Architecture board", null, arch().scope(), 0);
        Domain renamedByB = new Domain("ARCH", "Architecture guild", null, arch().scope(), 0);
        java.util.concurrent.CountDownLatch aWrote = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch releaseA = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Domain> a = pool.submit(() -> ao.entities().inTransaction(() -> {
                Domain saved = domains.update(renamedByA, 1, List.of());
                aWrote.countDown();
                try {
                    releaseA.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return saved;
            }));
            assertTrue(aWrote.await(30, java.util.concurrent.TimeUnit.SECONDS));
            java.util.concurrent.Future<Domain> b = pool.submit(() -> domains.update(renamedByB, 1, List.of()));
            waitUntilSomeoneWaitsForALock();
            assertFalse("B must wait for A", b.isDone());
            releaseA.countDown();
            assertEquals(2, a.get(30, java.util.concurrent.TimeUnit.SECONDS).version());
            java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> b.get(30, java.util.concurrent.TimeUnit.SECONDS));
            Throwable cause = failure.getCause();
            while (cause instanceof java.lang.reflect.UndeclaredThrowableException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (!(cause instanceof StaleVersionException stale)) {
                throw new AssertionError("B failed otherwise", failure);
            }
            assertEquals(2, stale.currentVersion());
        } finally {
            releaseA.countDown();
            pool.shutdownNow();
        }
        assertEquals("Architecture board", domains.find("ARCH").orElseThrow().name());
    }
}
