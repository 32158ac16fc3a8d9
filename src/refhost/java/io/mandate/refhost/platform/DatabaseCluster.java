package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.RunOutcome;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster of Data Center nodes that share nothing but the product's database, as Jira DC's nodes do: each node (a
 * JVM, or a {@code ProductNode} with its own node id) opens its own {@code DatabaseCluster} on the same database, and
 * <ul>
 *   <li><b>cache invalidation</b> goes through {@code HOST_CLUSTER_MESSAGE} (Jira's {@code CLUSTERMESSAGE}): a removal
 *   from a replicated cache inserts a message (cache name, serialised key or null for "all", the sending node); every
 *   node polls the table every {@link Settings#pollInterval()} for messages above the last id it saw, skips its own and
 *   drops the entries named. Ids that were skipped because their insert had not committed yet are asked for again on
 *   the next polls (for {@link #GAP_PATIENCE}), so a message is never missed for having committed out of order.
 *   Messages older than {@link Settings#messageRetention()} are deleted.</li>
 *   <li><b>cluster locks</b> are rows of {@code HOST_CLUSTER_LOCK} (beehive's {@code CLUSTERLOCKSTATUS}): one row per
 *   lock name with the node that holds it; a node takes a lock by a conditional UPDATE (free, or held by a node whose
 *   lease ran out) and frees it by clearing the holder. Not re-entrant. The holder renews {@code UPDATE_TIME} of its
 *   locks every third of {@link Settings#lockLease()}, so a lock whose holder died (no renewal for a whole lease) can be
 *   taken by another node. A node that starts frees the locks its id still held from a previous life.</li>
 *   <li><b>once-per-cluster jobs</b> are rows of {@code HOST_CLUSTER_JOB} (atlassian-scheduler's clustered job store):
 *   the job's runner key, schedule and next run time live in the database; a node claims a due run by a conditional
 *   UPDATE of {@code NEXT_RUN} from the due time to the next one, so exactly one node runs each scheduled run. Every run
 *   is recorded in {@code HOST_CLUSTER_JOB_RUN} (job, the run time it was due at — null for a run by hand —, node,
 *   start and end in epoch microseconds, all within the job's cluster lock, and outcome) for a day.</li>
 * </ul>
 * Times are the nodes' clocks in epoch milliseconds: the nodes' clocks must agree to well within the lease, as Jira DC
 * asks of its nodes. The tables are the host's own (created on open, portable between HSQLDB and PostgreSQL).
 */
public final class DatabaseCluster extends RefCluster {

    private static final Logger LOG = Logger.getLogger(DatabaseCluster.class.getName());

    /** How long a node keeps asking for an id it skipped because it had not committed when the node read past it. */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_GAPS = 1_000;
    /**
     * The widest jump in ids taken for writers committing out of order: as many as insert at the same moment. A wider one
     * (the first message after a node started on an emptied table, whose identity goes on counting) is no such gap.
     */
    private static final int MAX_GAP_SPAN = 64;
    private static final Duration RUN_HISTORY = Duration.ofDays(1);

    /**
     * How the cluster behaves. System properties (for {@link #fromSystemProperties}): {@code mandate.cluster.poll}
     * (milliseconds between polls of the message table, 100), {@code mandate.cluster.lease} (milliseconds a lock
     * stays its holder's without renewal, 30000), {@code mandate.cluster.retention} (milliseconds a message is kept,
     * 300000).
     */
    public record Settings(Duration pollInterval, Duration lockLease, Duration messageRetention) {

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMinutes(5));
        }

        public static Settings fromSystemProperties() {
            Settings d = defaults();
            return new Settings(Duration.ofMillis(Long.getLong("mandate.cluster.poll", d.pollInterval.toMillis())),
                    Duration.ofMillis(Long.getLong("mandate.cluster.lease", d.lockLease.toMillis())),
                    Duration.ofMillis(Long.getLong("mandate.cluster.retention", d.messageRetention.toMillis())));
        }
    }

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS HOST_CLUSTER_MESSAGE ("
                + " ID BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY,"
                + " SOURCE_NODE VARCHAR(100) NOT NULL,"
                + " CACHE_NAME VARCHAR(255) NOT NULL,"
                + " CACHE_KEY VARCHAR(10000),"
                + " CREATED BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS HOST_CLUSTER_LOCK ("
                + " LOCK_NAME VARCHAR(255) NOT NULL PRIMARY KEY,"
                + " LOCKED_BY_NODE VARCHAR(100),"
                + " UPDATE_TIME BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS HOST_CLUSTER_JOB ("
                + " JOB_ID VARCHAR(255) NOT NULL PRIMARY KEY,"
                + " RUNNER_KEY VARCHAR(255) NOT NULL,"
                + " INTERVAL_MS BIGINT NOT NULL,"
                + " FIRST_RUN BIGINT,"
                + " NEXT_RUN BIGINT,"
                + " LAST_RUN_AT BIGINT,"
                + " LAST_RUN_NODE VARCHAR(100),"
                + " LAST_OUTCOME VARCHAR(32),"
                + " LAST_MESSAGE VARCHAR(4000))",
        "CREATE TABLE IF NOT EXISTS HOST_CLUSTER_JOB_RUN ("
                + " JOB_ID VARCHAR(255) NOT NULL,"
                + " SCHEDULED_FOR BIGINT,"
                + " NODE_ID VARCHAR(100) NOT NULL,"
                + " STARTED_US BIGINT NOT NULL,"
                + " FINISHED_US BIGINT NOT NULL,"
                + " OUTCOME VARCHAR(32) NOT NULL)"
    };
    /* Nodes starting together on one PostgreSQL can race on CREATE TABLE; the loser finds the tables next time. */
    private static final int CREATE_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final String nodeId;
    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService threads;
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    /** The last message id this node has read past, and the ids below it not seen yet (id → when first missed). */
    private long lastSeen;
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong maxDeliveryMillis = new AtomicLong();
    private volatile boolean closed;
    private final String schema;

    private DatabaseCluster(DataSource dataSource, String nodeId, Settings settings, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.nodeId = requireNodeId(nodeId);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.schema = schemaOf(dataSource);
        this.threads = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "refhost-cluster-" + nodeId);
            t.setDaemon(true);
            return t;
        });
    }

    /** The database schema the cluster lives in, for the log. */
    private static String schemaOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return String.valueOf(c.getSchema()).toLowerCase(java.util.Locale.ROOT);
        } catch (SQLException | RuntimeException e) {
            return "?";
        }
    }

    private static String requireNodeId(String nodeId) {
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 100) {
            throw new IllegalArgumentException("a node id is 1 to 100 characters: " + nodeId);
        }
        return nodeId;
    }

    /**
     * Joins the cluster of the nodes on this database as {@code nodeId} (unique in the cluster): creates the cluster's
     * tables when missing, frees the locks this node id held before, and starts polling for messages.
     */
    public static DatabaseCluster open(DataSource dataSource, String nodeId, Settings settings) {
        return open(dataSource, nodeId, settings, Clock.systemUTC());
    }

    static DatabaseCluster open(DataSource dataSource, String nodeId, Settings settings, Clock clock) {
        DatabaseCluster cluster = new DatabaseCluster(dataSource, nodeId, settings, clock);
        cluster.createTables();
        cluster.update("UPDATE HOST_CLUSTER_LOCK SET LOCKED_BY_NODE = NULL WHERE LOCKED_BY_NODE = ?", nodeId);
        cluster.lastSeen = cluster.queryLong("SELECT COALESCE(MAX(ID), 0) FROM HOST_CLUSTER_MESSAGE");
        long poll = settings.pollInterval().toMillis();
        cluster.threads.scheduleWithFixedDelay(cluster.quietly("poll", cluster::poll), poll, poll, TimeUnit.MILLISECONDS);
        long renew = Math.max(1, settings.lockLease().toMillis() / 3);
        cluster.threads.scheduleWithFixedDelay(cluster.quietly("renew", cluster::renewLocks), renew, renew, TimeUnit.MILLISECONDS);
        long clean = Math.max(1000, settings.messageRetention().toMillis() / 2);
        cluster.threads.scheduleWithFixedDelay(cluster.quietly("clean", cluster::cleanUp), clean, clean, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Node " + nodeId + " joined the database cluster (poll " + poll + " ms, lock lease "
                + settings.lockLease().toMillis() + " ms)");
        return cluster;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    public Settings settings() {
        return settings;
    }

    /** Messages this node has sent, received from other nodes, and the longest time from a message's insert to its delivery here. */
    public record Stats(long sent, long received, long maxDeliveryMillis) {
    }

    public Stats stats() {
        return new Stats(sent.get(), received.get(), maxDeliveryMillis.get());
    }

    private Runnable quietly(String what, Runnable task) {
        return () -> {
            if (closed) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cluster " + what + " on node " + nodeId + " failed; trying again next time", e);
            }
        };
    }

    // ----- cache invalidation: HOST_CLUSTER_MESSAGE -----

    @Override
    void invalidate(RefCacheManager from, String cacheName, Object key) {
        super.invalidate(from, cacheName, key); // caches of this node other than the sender's, if any
        String encoded = key == null ? null : Base64.getEncoder().encodeToString(ClusterKeys.encode(key));
        // the message must be out before the caller goes on: a node that is not told stays stale
        update("INSERT INTO HOST_CLUSTER_MESSAGE (SOURCE_NODE, CACHE_NAME, CACHE_KEY, CREATED) VALUES (?, ?, ?, ?)",
                nodeId, cacheName, varchar(encoded), clock.millis());
        sent.incrementAndGet();
    }

    /** Reads the messages this node has not seen and delivers the other nodes' ones; public for tests that do not wait. */
    public synchronized void poll() {
        long now = clock.millis();
        gaps.values().removeIf(firstMissed -> now - firstMissed > GAP_PATIENCE.toMillis());
        StringBuilder sql = new StringBuilder(
                "SELECT ID, SOURCE_NODE, CACHE_NAME, CACHE_KEY, CREATED FROM HOST_CLUSTER_MESSAGE WHERE ID > ?");
        List<Long> missing = new ArrayList<>(gaps.keySet());
        if (!missing.isEmpty()) {
            sql.append(" OR ID IN (").append("?,".repeat(missing.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY ID");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setLong(1, lastSeen);
            for (int i = 0; i < missing.size(); i++) {
                s.setLong(i + 2, missing.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id > lastSeen) {
                        if (id - lastSeen <= MAX_GAP_SPAN) {
                            for (long skipped = lastSeen + 1; skipped < id && gaps.size() < MAX_GAPS; skipped++) {
                                gaps.put(skipped, now);
                            }
                        }
                        lastSeen = id;
                    } else {
                        gaps.remove(id);
                    }
                    if (!nodeId.equals(rs.getString(2))) {
                        String key = rs.getString(4);
                        deliver(rs.getString(3), key == null ? null : Base64.getDecoder().decode(key));
                        received.incrementAndGet();
                        maxDeliveryMillis.accumulateAndGet(clock.millis() - rs.getLong(5), Math::max);
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Polling the cluster messages failed", e);
        }
    }

    private void deliver(String cacheName, byte[] key) {
        for (RefCacheManager node : localNodes()) {
            node.invalidatedRemotely(cacheName, key);
        }
    }

    private void cleanUp() {
        long now = clock.millis();
        update("DELETE FROM HOST_CLUSTER_MESSAGE WHERE CREATED < ?", now - settings.messageRetention().toMillis());
        update("DELETE FROM HOST_CLUSTER_JOB_RUN WHERE STARTED_US < ?", (now - RUN_HISTORY.toMillis()) * 1000);
    }

    // ----- cluster locks: HOST_CLUSTER_LOCK -----

    @Override
    ClusterLock clusterLock(String lockName) {
        ReentrantLock local = localLocks.computeIfAbsent(lockName, n -> new ReentrantLock());
        return new DatabaseLock(lockName, local);
    }

    /** Takes the lock's row for this node if it is free or its holder's lease ran out. */
    private boolean acquire(String lockName) {
        long now = clock.millis();
        if (update("UPDATE HOST_CLUSTER_LOCK SET LOCKED_BY_NODE = ?, UPDATE_TIME = ? WHERE LOCK_NAME = ?"
                + " AND (LOCKED_BY_NODE IS NULL OR UPDATE_TIME < ?)", nodeId, now, lockName,
                now - settings.lockLease().toMillis()) == 1) {
            return true;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO HOST_CLUSTER_LOCK (LOCK_NAME, LOCKED_BY_NODE, UPDATE_TIME) VALUES (?, ?, ?)")) {
            s.setString(1, lockName);
            s.setString(2, nodeId);
            s.setLong(3, now);
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return true;
        } catch (SQLException e) {
            return false; // the row exists: the lock is held by another node (or was created by one just now)
        }
    }

    private void release(String lockName) {
        update("UPDATE HOST_CLUSTER_LOCK SET LOCKED_BY_NODE = NULL, UPDATE_TIME = ? WHERE LOCK_NAME = ? AND LOCKED_BY_NODE = ?",
                clock.millis(), lockName, nodeId);
    }

    private void renewLocks() {
        if (localLocks.values().stream().anyMatch(ReentrantLock::isLocked)) {
            update("UPDATE HOST_CLUSTER_LOCK SET UPDATE_TIME = ? WHERE LOCKED_BY_NODE = ?", clock.millis(), nodeId);
        }
    }

    /** Which node holds the lock now (null: nobody), as the table says. */
    public Optional<String> holder(String lockName) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT LOCKED_BY_NODE FROM HOST_CLUSTER_LOCK WHERE LOCK_NAME = ?")) {
            s.setString(1, lockName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One lock: this node's threads queue on a local lock, then the node takes the row. Waiting for a lock another node
     * holds polls the row (10 ms, doubling up to 100 ms), as beehive's database lock does.
     */
    private final class DatabaseLock implements ClusterLock {
        private final String name;
        private final ReentrantLock local;

        DatabaseLock(String name, ReentrantLock local) {
            this.name = name;
            this.local = local;
        }

        @Override
        public boolean tryLock() {
            if (local.isHeldByCurrentThread() || !local.tryLock()) {
                return false;
            }
            return takeRowOrLetGo();
        }

        private boolean takeRowOrLetGo() {
            boolean taken = false;
            try {
                taken = acquire(name);
                return taken;
            } finally {
                if (!taken) {
                    local.unlock();
                }
            }
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            if (local.isHeldByCurrentThread()) {
                return false;
            }
            long deadline = System.nanoTime() + unit.toNanos(time);
            if (!local.tryLock(time, unit)) {
                return false;
            }
            long pause = 10;
            while (true) {
                boolean taken;
                try {
                    taken = acquire(name);
                } catch (RuntimeException e) {
                    local.unlock();
                    throw e;
                }
                if (taken) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    local.unlock();
                    return false;
                }
                try {
                    Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException e) {
                    local.unlock();
                    throw e;
                }
                pause = Math.min(100, pause * 2);
            }
        }

        @Override
        public void lock() {
            boolean interrupted = false;
            while (true) {
                try {
                    lockInterruptibly();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (local.isHeldByCurrentThread()) {
                throw new IllegalStateException("cluster locks are not re-entrant: " + name);
            }
            local.lockInterruptibly();
            long pause = 10;
            while (true) {
                boolean taken = false;
                try {
                    taken = acquire(name);
                } catch (RuntimeException e) {
                    local.unlock();
                    throw e;
                }
                if (taken) {
                    return;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    local.unlock();
                    throw e;
                }
                pause = Math.min(100, pause * 2);
            }
        }

        @Override
        public void unlock() {
            if (!local.isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException("cluster lock " + name + " is not held by this thread");
            }
            try {
                release(name);
            } finally {
                local.unlock();
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("ClusterLock does not support conditions");
        }
    }

    // ----- once-per-cluster jobs: HOST_CLUSTER_JOB, HOST_CLUSTER_JOB_RUN -----

    private static final String JOB_COLUMNS =
            "JOB_ID, RUNNER_KEY, INTERVAL_MS, FIRST_RUN, NEXT_RUN, LAST_RUN_AT, LAST_OUTCOME, LAST_MESSAGE";

    @Override
    List<RefSchedulerService.Job> clusterJobs() {
        return jobs("SELECT " + JOB_COLUMNS + " FROM HOST_CLUSTER_JOB ORDER BY JOB_ID", null);
    }

    @Override
    Optional<RefSchedulerService.Job> clusterJob(JobId id) {
        return jobs("SELECT " + JOB_COLUMNS + " FROM HOST_CLUSTER_JOB WHERE JOB_ID = ?", id.toString()).stream().findFirst();
    }

    private List<RefSchedulerService.Job> jobs(String sql, String id) {
        List<RefSchedulerService.Job> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JobId jobId = JobId.of(rs.getString(1));
                    long interval = rs.getLong(3);
                    Long first = nullableLong(rs, 4);
                    JobConfig config = JobConfig.forJobRunnerKey(JobRunnerKey.of(rs.getString(2)))
                            .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                            .withSchedule(Schedule.forInterval(interval, first == null ? null : new Date(first)));
                    Long next = nullableLong(rs, 5);
                    Long lastAt = nullableLong(rs, 6);
                    RefSchedulerService.Run last = lastAt == null ? null : new RefSchedulerService.Run(jobId,
                            Instant.ofEpochMilli(lastAt), RunOutcome.valueOf(rs.getString(7)), rs.getString(8));
                    jobs.add(new RefSchedulerService.Job(jobId, config, next == null ? null : Instant.ofEpochMilli(next), last));
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the cluster's jobs failed", e);
        }
        return jobs;
    }

    @Override
    void putClusterJob(RefSchedulerService.Job job) {
        Date first = job.config().getSchedule().getIntervalScheduleInfo().getFirstRunTime();
        Object[] values = {job.config().getJobRunnerKey().toString(),
                job.config().getSchedule().getIntervalScheduleInfo().getIntervalInMillis(),
                bigint(first == null ? null : first.getTime()),
                bigint(job.nextRun() == null ? null : job.nextRun().toEpochMilli()),
                job.id().toString()};
        String update = "UPDATE HOST_CLUSTER_JOB SET RUNNER_KEY = ?, INTERVAL_MS = ?, FIRST_RUN = ?, NEXT_RUN = ? WHERE JOB_ID = ?";
        for (int attempt = 1; ; attempt++) {
            if (update(update, values) == 1) {
                return;
            }
            try {
                update("INSERT INTO HOST_CLUSTER_JOB (RUNNER_KEY, INTERVAL_MS, FIRST_RUN, NEXT_RUN, JOB_ID) VALUES (?, ?, ?, ?, ?)",
                        values);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e; // not a node that inserted the same job a moment before: a real failure
                }
            }
        }
    }

    @Override
    void removeClusterJob(JobId id) {
        update("DELETE FROM HOST_CLUSTER_JOB WHERE JOB_ID = ?", id.toString());
    }

    @Override
    boolean claim(RefSchedulerService.Job job, Instant due, Instant next) {
        Long nextMillis = next == null ? null : next.toEpochMilli();
        return update("UPDATE HOST_CLUSTER_JOB SET NEXT_RUN = ? WHERE JOB_ID = ? AND NEXT_RUN = ?",
                bigint(nextMillis), job.id().toString(), due.toEpochMilli()) == 1;
    }

    @Override
    void ran(RefSchedulerService.Job job, Instant scheduledFor, RefSchedulerService.Run run) {
        String message = run.message() == null ? null
                : run.message().length() > 4000 ? run.message().substring(0, 4000) : run.message();
        update("UPDATE HOST_CLUSTER_JOB SET LAST_RUN_AT = ?, LAST_RUN_NODE = ?, LAST_OUTCOME = ?, LAST_MESSAGE = ? WHERE JOB_ID = ?",
                run.startedAt().toEpochMilli(), nodeId, run.outcome().name(), varchar(message), job.id().toString());
        // still under the job's lock (the scheduler records before it unlocks): the run held it from start to finish
        update("INSERT INTO HOST_CLUSTER_JOB_RUN (JOB_ID, SCHEDULED_FOR, NODE_ID, STARTED_US, FINISHED_US, OUTCOME)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
                job.id().toString(), bigint(scheduledFor == null ? null : scheduledFor.toEpochMilli()), nodeId,
                micros(run.startedAt()), micros(clock.instant()), run.outcome().name());
    }

    // ----- plumbing -----

    /** What this node did in the cluster, one line (logged when it leaves). */
    public String summary() {
        Stats stats = stats();
        return "Node " + nodeId + " leaves the database cluster of schema " + schema + ": " + stats.sent()
                + " messages sent, " + stats.received() + " received, longest delivery " + stats.maxDeliveryMillis() + " ms";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info(this::summary);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void createTables() {
        SQLException failure = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return;
            } catch (SQLException e) {
                failure = e;
            }
        }
        throw new IllegalStateException("Could not create the cluster's tables", failure);
    }

    /** A typed SQL null, for a parameter of {@link #update}. */
    private record SqlNull(int type) {
    }

    private static final SqlNull NULL_BIGINT = new SqlNull(Types.BIGINT);
    private static final SqlNull NULL_VARCHAR = new SqlNull(Types.VARCHAR);

    private static Object bigint(Long value) {
        return value == null ? NULL_BIGINT : value;
    }

    private static Object varchar(String value) {
        return value == null ? NULL_VARCHAR : value;
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof SqlNull n) {
                    s.setNull(i + 1, n.type());
                } else if (v instanceof Long l) {
                    s.setLong(i + 1, l);
                } else {
                    s.setString(i + 1, v.toString());
                }
            }
            int rows = s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cluster statement failed: " + sql, e);
        }
    }

    private long queryLong(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
