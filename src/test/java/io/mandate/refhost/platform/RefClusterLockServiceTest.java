package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import org.junit.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** beehive's cluster locks as documented: one per name across the nodes, not re-entrant, no conditions. */
public class RefClusterLockServiceTest {

    @Test
    public void aLockHeldOnOneNodeIsNotFreeOnAnother() throws Exception {
        RefCluster cluster = new RefCluster();
        ClusterLock onA = new RefClusterLockService(cluster).getLockForName("io.mandate.digest");
        ClusterLock onB = new RefClusterLockService(cluster).getLockForName("io.mandate.digest");
        assertTrue(onA.tryLock());
        try {
            assertFalse(CompletableFuture.supplyAsync(onB::tryLock).get());
        } finally {
            onA.unlock();
        }
        assertTrue("free again once released", CompletableFuture.supplyAsync(() -> {
            boolean got = onB.tryLock();
            if (got) {
                onB.unlock();
            }
            return got;
        }).get());
    }

    @Test
    public void locksAreNotReentrant() {
        ClusterLock lock = new RefClusterLockService(new RefCluster()).getLockForName("x");
        assertTrue(lock.tryLock());
        try {
            assertFalse(lock.tryLock());
            assertThrows(IllegalStateException.class, lock::lock);
        } finally {
            lock.unlock();
        }
    }

    @Test
    public void conditionsAreUnsupportedAndNamesAreBounded() {
        RefClusterLockService locks = new RefClusterLockService(new RefCluster());
        assertThrows(UnsupportedOperationException.class, () -> locks.getLockForName("x").newCondition());
        assertThrows(IllegalArgumentException.class, () -> locks.getLockForName("x".repeat(256)));
    }
}
