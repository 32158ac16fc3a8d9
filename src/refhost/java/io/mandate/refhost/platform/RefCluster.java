package io.mandate.refhost.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the nodes of one product share in a Data Center cluster, for nodes that run in this JVM: the
 * cache invalidation channel (Jira's and Confluence's cluster message bus), the cluster locks
 * (beehive's table of locks) and the schedules of the once-per-cluster jobs (the scheduler's
 * clustered job table). A single-node host has a cluster of one. Two {@code ProductNode}s of
 * the same product started with the same cluster and the same database behave like two DC nodes.
 */
public final class RefCluster {

    private final List<RefCacheManager> nodes = new CopyOnWriteArrayList<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<com.atlassian.scheduler.config.JobId, RefSchedulerService.Job> jobs = new ConcurrentHashMap<>();

    void join(RefCacheManager node) {
        nodes.add(node);
    }

    void leave(RefCacheManager node) {
        nodes.remove(node);
    }

    /** Tells every other node to drop the entry (null key = every entry) of the named cache. */
    void invalidate(RefCacheManager from, String cacheName, Object key) {
        for (RefCacheManager node : nodes) {
            if (node != from) {
                node.invalidated(cacheName, key);
            }
        }
    }

    ReentrantLock lock(String name) {
        return locks.computeIfAbsent(name, n -> new ReentrantLock());
    }

    /** The once-per-cluster jobs and their next run times, shared by the nodes' schedulers. */
    Map<com.atlassian.scheduler.config.JobId, RefSchedulerService.Job> clusteredJobs() {
        return jobs;
    }
}
