package io.mandate.platform;

import io.mandate.refhost.platform.RefCacheManager;
import io.mandate.refhost.platform.RefCluster;
import org.junit.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;

/** The plugin's cache seam over the host's CacheManager: "nothing there" is cached, invalidation crosses nodes. */
public class HostClusterCachesTest {

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    public void aMissingValueIsCachedAsMissing() {
        ClusterCache<Long, String> cache = new HostClusterCaches(new RefCacheManager(new RefCluster()))
                .cache("t", id -> {
                    loads.incrementAndGet();
                    return Optional.empty();
                }, Duration.ofMinutes(5), 100);
        assertEquals(Optional.empty(), cache.get(1L));
        assertEquals(Optional.empty(), cache.get(1L));
        assertEquals("an Atlassian cache loader may not return null; the holder makes 'none' cacheable", 1, loads.get());
    }

    @Test
    public void invalidatingOnOneNodeMakesTheOtherNodeReload() {
        RefCluster cluster = new RefCluster();
        String[] committed = {"v1"};
        ClusterCache<Long, String> nodeA = new HostClusterCaches(new RefCacheManager(cluster))
                .cache("t", id -> Optional.of(committed[0]), Duration.ofMinutes(5), 100);
        ClusterCache<Long, String> nodeB = new HostClusterCaches(new RefCacheManager(cluster))
                .cache("t", id -> Optional.of(committed[0]), Duration.ofMinutes(5), 100);
        assertEquals(Optional.of("v1"), nodeB.get(7L));
        committed[0] = "v2";
        nodeA.invalidate(7L);
        assertEquals(Optional.of("v2"), nodeB.get(7L));
    }

    @Test
    public void cacheNamesCarryThePluginsNamespace() {
        RefCacheManager host = new RefCacheManager(new RefCluster());
        new HostClusterCaches(host).cache("t", id -> Optional.of("x"), Duration.ofMinutes(5), 100).get(1L);
        assertEquals(1, host.size("io.mandate.t"));
    }
}
