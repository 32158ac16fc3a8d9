package io.mandate.platform;

import io.mandate.refhost.platform.RefCluster;
import io.mandate.refhost.platform.RefClusterLockService;
import org.junit.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.Assert.assertEquals;

/** Once-per-cluster work: runs when the lock is free, is skipped while another node holds it. */
public class HostClusterLocksTest {

    @Test
    public void workRunsWhenTheLockIsFreeAndReleasesIt() {
        HostClusterLocks locks = new HostClusterLocks(new RefClusterLockService(new RefCluster()));
        assertEquals(Optional.of("done"), locks.ifFree("digest", () -> "done"));
        assertEquals("released after the first run", Optional.of("again"), locks.ifFree("digest", () -> "again"));
    }

    @Test
    public void workIsSkippedWhileAnotherNodeHoldsTheLock() throws Exception {
        RefCluster cluster = new RefCluster();
        HostClusterLocks nodeA = new HostClusterLocks(new RefClusterLockService(cluster));
        HostClusterLocks nodeB = new HostClusterLocks(new RefClusterLockService(cluster));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> onA = CompletableFuture.supplyAsync(() -> nodeA.ifFree("digest", () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "A";
        }));
        holding.await();
        assertEquals(Optional.empty(), nodeB.ifFree("digest", () -> "B"));
        release.countDown();
        assertEquals(Optional.of("A"), onA.get());
    }
}
