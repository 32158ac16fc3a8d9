package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * beehive's cluster locks for the nodes of a {@link RefCluster}: one lock per name across the nodes,
 * never timing out, and — as beehive documents — not re-entrant: a second {@code tryLock} by the
 * holder fails, and {@code newCondition} is unsupported. Names longer than 255 characters are refused.
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
        ReentrantLock lock = cluster.lock(lockName);
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
}
