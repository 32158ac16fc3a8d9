package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.scheduler.config.JobId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the nodes of one product share in a Data Center cluster: the cache invalidation channel (Jira's and
 * Confluence's cluster message bus), the cluster locks (beehive's table of locks) and the schedules of the
 * once-per-cluster jobs (the scheduler's clustered job table).
 *
 * <p>This class is the in-JVM cluster: nodes that run in this JVM and were started with the same {@code RefCluster}
 * share it through memory. A single-node host has a cluster of one. Two {@code ProductNode}s of the same product started
 * with the same cluster and the same database behave like two DC nodes. {@link DatabaseCluster} is the same contract
 * through the database only, for nodes in separate JVMs (docs/design/reference-host.md, "Cluster").
 */
public class RefCluster implements AutoCloseable {

    private final List<RefCacheManager> nodes = new CopyOnWriteArrayList<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<JobId, RefSchedulerService.Job> jobs = new ConcurrentHashMap<>();

    /** An in-JVM cluster (no database): its nodes are the ones started with this object. */
    public RefCluster() {
    }

    /** This node's id in the cluster, as the cluster's tables record it ("local" for the in-JVM cluster). */
    public String nodeId() {
        return "local";
    }

    void join(RefCacheManager node) {
        nodes.add(node);
    }

    void leave(RefCacheManager node) {
        nodes.remove(node);
    }

    /** The cache managers of this JVM in the cluster. */
    final List<RefCacheManager> localNodes() {
        return nodes;
    }

    /** Tells every other node to drop the entry (null key = every entry) of the named cache. */
    void invalidate(RefCacheManager from, String cacheName, Object key) {
        for (RefCacheManager node : nodes) {
            if (node != from) {
                node.invalidated(cacheName, key);
            }
        }
    }

    // ----- cluster locks -----

    /** beehive's lock of this name: one across the cluster's nodes, not re-entrant, without conditions. */
    ClusterLock clusterLock(String lockName) {
        ReentrantLock lock = locks.computeIfAbsent(lockName, n -> new ReentrantLock());
        return new ClusterLock() {
            @Override
            public void lock() {
                if (lock.isHeldByCurrentThread()) {
                    throw new IllegalStateException("cluster locks are not re-entrant: " + lockName);
                }
                lock.lock();
            }

            @Override
            public void lockInterruptibly() throws InterruptedException {
                if (lock.isHeldByCurrentThread()) {
                    throw new IllegalStateException("cluster locks are not re-entrant: " + lockName);
                }
                lock.lockInterruptibly();
            }

            @Override
            public boolean tryLock() {
                return !lock.isHeldByCurrentThread() && lock.tryLock();
            }

            @Override
            public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
                return !lock.isHeldByCurrentThread() && lock.tryLock(time, unit);
            }

            @Override
            public void unlock() {
                lock.unlock();
            }

            @Override
            public Condition newCondition() {
                throw new UnsupportedOperationException("ClusterLock does not support conditions");
            }
        };
    }

    // ----- the once-per-cluster jobs and their next run times, shared by the nodes' schedulers -----

    List<RefSchedulerService.Job> clusterJobs() {
        return new ArrayList<>(jobs.values());
    }

    Optional<RefSchedulerService.Job> clusterJob(JobId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Schedules the job for the cluster, replacing a job of the same id. */
    void putClusterJob(RefSchedulerService.Job job) {
        jobs.put(job.id(), job);
    }

    void removeClusterJob(JobId id) {
        jobs.remove(id);
    }

    /**
     * Claims the job's run due at {@code due} for this node by moving its next run time to {@code next} (null: no
     * next run) — only if the job is still the one scheduled and its next run is still {@code due}. Of the nodes that
     * claim the same run, exactly one gets true.
     */
    boolean claim(RefSchedulerService.Job job, Instant due, Instant next) {
        return jobs.get(job.id()) == job && job.moveNextRun(due, next);
    }

    /** Records a run of a cluster job ({@code scheduledFor} null: run now by hand, outside its schedule). */
    void ran(RefSchedulerService.Job job, Instant scheduledFor, RefSchedulerService.Run run) {
        job.ranLocally(run);
    }

    @Override
    public void close() {
        // nothing to release: the in-JVM cluster lives as long as its nodes hold it
    }
}
