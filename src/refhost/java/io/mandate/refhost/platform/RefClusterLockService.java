package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

/**
 * beehive's cluster locks for the nodes of a {@link RefCluster}: one lock per name across the nodes,
 * never timing out, and — as beehive documents — not re-entrant: a second {@code tryLock} by the
 * holder fails, and {@code newCondition} is unsupported. Names longer than 255 characters are refused.
 * In a {@link DatabaseCluster} the lock is a row of {@code HOST_CLUSTER_LOCK}, as beehive's
 * {@code CLUSTERLOCKSTATUS}.
 */
public final class RefClusterLockService implements ClusterLockService {

    private final RefCluster cluster;

    public RefClusterLockService(RefCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public ClusterLock getLockForName(String lockName) {
        if (lockName == null || lockName.isEmpty() || lockName.length() > 255) {
            throw new IllegalArgumentException("lock names are 1 to 255 characters");
        }
        return cluster.clusterLock(lockName);
    }
}
