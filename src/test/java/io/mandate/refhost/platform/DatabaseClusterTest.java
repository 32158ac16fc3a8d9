package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheSettingsBuilder;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import io.mandate.refhost.db.Database;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * Two nodes that share only a database ({@link DatabaseCluster}, one each, as two JVMs would have): cache invalidation
 * through the message table, cluster locks in the lock table with a lease, once-per-cluster runs claimed in the job
 * table. The nodes' pollers are slowed down to an hour so each test delivers with {@link DatabaseCluster#poll()}.
 */
@RunWith(Parameterized.class)
public class DatabaseClusterTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final DatabaseCluster.Settings SETTINGS = new DatabaseCluster.Settings(Duration.ofHours(1),
            Duration.ofSeconds(30), Duration.ofMinutes(5));
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final String kind;
    private final MovableClock clock = new MovableClock(T0);
    private Database database;
    private DatabaseCluster nodeA;
    private DatabaseCluster nodeB;

    public DatabaseClusterTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        database = TestDatabases.fresh(kind);
        nodeA = DatabaseCluster.open(database.dataSource(), "node-a", SETTINGS, clock);
        nodeB = DatabaseCluster.open(database.dataSource(), "node-b", SETTINGS, clock);
    }

    @After
    public void tearDown() {
        nodeA.close();
        nodeB.close();
        database.close();
    }

    // ----- cache invalidation -----

    private Cache<Long, String> cache(RefCacheManager node, String[] source, AtomicInteger loads) {
        return node.getCache("io.mandate.decisions", key -> {
            loads.incrementAndGet();
            return source[0] + ":" + key;
        }, new CacheSettingsBuilder().remote().replicateViaInvalidation().build());
    }

    @Test
    public void aRemovalOnOneNodeReachesTheOtherWithItsNextPoll() {
        String[] source = {"v1"};
        AtomicInteger loads = new AtomicInteger();
        Cache<Long, String> onA = cache(new RefCacheManager(nodeA), source, loads);
        Cache<Long, String> onB = cache(new RefCacheManager(nodeB), source, loads);
        assertEquals("v1:7", onB.get(7L));
        assertEquals("v1:8", onB.get(8L));
        source[0] = "v2";
        onA.remove(7L);
        assertEquals("not delivered before node B polls: B still has its copy", "v1:7", onB.get(7L));
        nodeB.poll();
        assertEquals("v2:7", onB.get(7L));
        assertEquals("only the key named is dropped", "v1:8", onB.get(8L));
        assertEquals(new DatabaseCluster.Stats(1, 0, 0), statsWithoutDelay(nodeA));
        assertEquals(1, nodeB.stats().received());
    }

    @Test
    public void removeAllDropsEveryEntryOnTheOtherNode() {
        String[] source = {"v1"};
        AtomicInteger loads = new AtomicInteger();
        Cache<Long, String> onA = cache(new RefCacheManager(nodeA), source, loads);
        Cache<Long, String> onB = cache(new RefCacheManager(nodeB), source, loads);
        onB.get(1L);
        onB.get(2L);
        source[0] = "v2";
        onA.removeAll();
        nodeB.poll();
        assertEquals("v2:1", onB.get(1L));
        assertEquals("v2:2", onB.get(2L));
    }

    @Test
    public void aNodeSkipsItsOwnMessages() {
        String[] source = {"v1"};
        AtomicInteger loads = new AtomicInteger();
        Cache<Long, String> onA = cache(new RefCacheManager(nodeA), source, loads);
        onA.remove(1L);
        onA.get(2L);
        nodeA.poll();
        onA.get(2L);
        assertEquals("node A's own message did not drop its fresh entry", 1, loads.get());
        assertEquals(0, nodeA.stats().received());
    }

    @Test
    public void aMessageThatCommitsAfterALaterOneIsStillDelivered() throws Exception {
        String[] source = {"v1"};
        AtomicInteger loads = new AtomicInteger();
        Cache<Long, String> onB = cache(new RefCacheManager(nodeB), source, loads);
        onB.get(1L);
        onB.get(2L);
        new RefCacheManager(nodeA).getCache("other", k -> "v", new CacheSettingsBuilder().remote().build()).remove("k");
        nodeB.poll();
        long last = count("SELECT MAX(ID) FROM HOST_CLUSTER_MESSAGE");
        source[0] = "v2";
        // two writers took the next two ids; the second commits first and node B reads past the first
        insertMessage(last + 2, "node-a", 2L);
        nodeB.poll();
        assertEquals("v2:2", onB.get(2L));
        assertEquals("v1:1", onB.get(1L));
        insertMessage(last + 1, "node-a", 1L);
        nodeB.poll();
        assertEquals("the late message is not lost", "v2:1", onB.get(1L));
    }

    @Test
    public void oldMessagesAreDeleted() throws Exception {
        new RefCacheManager(nodeA).getCache("c", k -> "v", new CacheSettingsBuilder().remote().build()).remove("k");
        assertEquals(1, count("SELECT COUNT(*) FROM HOST_CLUSTER_MESSAGE"));
        // a node cleans up every half retention, at most once a second: one with a retention of 1 ms does it at once
        clock.move(Duration.ofSeconds(1));
        DatabaseCluster shortRetention = DatabaseCluster.open(database.dataSource(), "node-d",
                new DatabaseCluster.Settings(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMillis(1)), clock);
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (count("SELECT COUNT(*) FROM HOST_CLUSTER_MESSAGE") > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, count("SELECT COUNT(*) FROM HOST_CLUSTER_MESSAGE"));
        } finally {
            shortRetention.close();
        }
    }

    // ----- cluster locks -----

    @Test
    public void aLockHeldByOneNodeIsRefusedToTheOtherUntilReleased() {
        ClusterLock onA = new RefClusterLockService(nodeA).getLockForName("io.mandate.notifications");
        ClusterLock onB = new RefClusterLockService(nodeB).getLockForName("io.mandate.notifications");
        assertTrue(onA.tryLock());
        assertEquals(Optional.of("node-a"), nodeA.holder("io.mandate.notifications"));
        assertFalse(onB.tryLock());
        assertFalse("not re-entrant", onA.tryLock());
        assertThrows(IllegalStateException.class, onA::lock);
        onA.unlock();
        assertEquals(Optional.empty(), nodeA.holder("io.mandate.notifications"));
        assertTrue(onB.tryLock());
        assertFalse(onA.tryLock());
        onB.unlock();
    }

    @Test
    public void anotherThreadOfTheSameNodeIsRefusedToo() throws Exception {
        ClusterLock lock = new RefClusterLockService(nodeA).getLockForName("l");
        assertTrue(lock.tryLock());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertFalse(other.submit(() -> new RefClusterLockService(nodeA).getLockForName("l").tryLock()).get());
            assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> other.submit(() -> new RefClusterLockService(nodeA).getLockForName("l").unlock()).get());
        } finally {
            other.shutdownNow();
            lock.unlock();
        }
    }

    @Test
    public void aWaitingLockIsTakenOnceTheHolderReleasesIt() throws Exception {
        ClusterLock onA = new RefClusterLockService(nodeA).getLockForName("l");
        onA.lock();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Boolean> b = other.submit(() -> {
                ClusterLock onB = new RefClusterLockService(nodeB).getLockForName("l");
                waiting.countDown();
                onB.lock();
                onB.unlock();
                return true;
            });
            assertTrue(waiting.await(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertFalse("node B waits while node A holds the lock", b.isDone());
            assertFalse(new RefClusterLockService(nodeB).getLockForName("l").tryLock(50, TimeUnit.MILLISECONDS));
            onA.unlock();
            assertTrue(b.get(10, TimeUnit.SECONDS));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    public void aLockOfANodeThatStoppedRenewingItCanBeTakenAfterTheLease() {
        ClusterLock onA = new RefClusterLockService(nodeA).getLockForName("l");
        assertTrue(onA.tryLock());
        nodeA.close(); // node A dies holding the lock: nobody renews it
        ClusterLock onB = new RefClusterLockService(nodeB).getLockForName("l");
        clock.move(Duration.ofSeconds(29));
        assertFalse("within the lease the lock is still node A's", onB.tryLock());
        clock.move(Duration.ofSeconds(2));
        assertTrue("after the lease node B takes it", onB.tryLock());
        assertEquals(Optional.of("node-b"), nodeB.holder("l"));
        onB.unlock();
    }

    @Test
    public void aNodeThatStartsAgainFreesTheLocksItHeldBefore() {
        assertTrue(new RefClusterLockService(nodeA).getLockForName("l").tryLock());
        nodeA.close();
        nodeA = DatabaseCluster.open(database.dataSource(), "node-a", SETTINGS, clock);
        assertTrue(new RefClusterLockService(nodeB).getLockForName("l").tryLock());
    }

    // ----- once-per-cluster jobs -----

    private static final JobId JOB = JobId.of("io.mandate.notifications");
    private static final JobRunnerKey RUNNER = JobRunnerKey.of("io.mandate.notifications");

    private RefSchedulerService scheduler(DatabaseCluster node, AtomicInteger runs) {
        RefSchedulerService scheduler = new RefSchedulerService(node, new RefClusterLockService(node), clock, Duration.ofHours(1));
        scheduler.registerJobRunner(RUNNER, request -> {
            runs.incrementAndGet();
            return JobRunnerResponse.success(node.nodeId());
        });
        return scheduler;
    }

    @Test
    public void theJobAndItsNextRunLiveInTheDatabaseForEveryNode() throws Exception {
        AtomicInteger runsA = new AtomicInteger();
        AtomicInteger runsB = new AtomicInteger();
        try (RefSchedulerService a = scheduler(nodeA, runsA); RefSchedulerService b = scheduler(nodeB, runsB)) {
            a.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(60_000, Date.from(T0))));
            RefSchedulerService.Job seenByB = b.job(JOB).orElseThrow();
            assertEquals(T0, seenByB.nextRun());
            assertEquals(60_000, seenByB.config().getSchedule().getIntervalScheduleInfo().getIntervalInMillis());
            assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, seenByB.config().getRunMode());
            assertEquals(1, b.runDueNow().size());
            assertEquals("node A finds the run taken", List.of(), a.runDueNow());
            assertEquals(T0.plusSeconds(60), a.job(JOB).orElseThrow().nextRun());
            assertEquals("node-b", a.job(JOB).orElseThrow().lastRun().message());
            clock.move(Duration.ofSeconds(60));
            assertEquals(1, a.runDueNow().size());
            assertEquals(List.of(), b.runDueNow());
            assertEquals(1, runsA.get());
            assertEquals(1, runsB.get());
            assertEquals(List.of(T0.toEpochMilli() + ":node-b", T0.plusSeconds(60).toEpochMilli() + ":node-a"), runLog());
            a.unscheduleJob(JOB);
            assertTrue(b.job(JOB).isEmpty());
        }
    }

    @Test
    public void ofTwoNodesClaimingTheSameRunExactlyOneGetsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (RefSchedulerService a = scheduler(nodeA, runs); RefSchedulerService b = scheduler(nodeB, runs)) {
            a.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(1_000, Date.from(T0))));
            RefSchedulerService.Job job = a.job(JOB).orElseThrow();
            int claimedA = 0;
            int claimedB = 0;
            for (int i = 0; i < 20; i++) {
                Instant due = T0.plusSeconds(i);
                claimedA += nodeA.claim(job, due, due.plusSeconds(1)) ? 1 : 0;
                claimedB += nodeB.claim(job, due, due.plusSeconds(1)) ? 1 : 0;
            }
            assertEquals(20, claimedA + claimedB);
            assertEquals("node B always came second", 0, claimedB);
        }
    }

    // ----- helpers -----

    private static DatabaseCluster.Stats statsWithoutDelay(DatabaseCluster node) {
        DatabaseCluster.Stats s = node.stats();
        return new DatabaseCluster.Stats(s.sent(), s.received(), 0);
    }

    private void insertMessage(long id, String from, long key) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO HOST_CLUSTER_MESSAGE (ID, SOURCE_NODE, CACHE_NAME, CACHE_KEY, CREATED) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, from);
            s.setString(3, "io.mandate.decisions");
            s.setString(4, java.util.Base64.getEncoder().encodeToString(ClusterKeys.encode(key)));
            s.setLong(5, clock.millis());
            s.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> runLog() throws Exception {
        List<String> log = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEDULED_FOR, NODE_ID FROM HOST_CLUSTER_JOB_RUN ORDER BY SCHEDULED_FOR")) {
            while (rs.next()) {
                log.add(rs.getLong(1) + ":" + rs.getString(2));
            }
        }
        return log;
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private final AtomicLong millis;

        MovableClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void move(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }
    }
}
