package io.mandate.refhost.platform;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheSettingsBuilder;
import org.junit.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

/** The reference host's cache service behaves as atlassian-cache does for plugins, across nodes too. */
public class RefCacheManagerTest {

    private final AtomicInteger loads = new AtomicInteger();

    private Cache<String, String> remoteCache(RefCacheManager node, String[] source) {
        return node.getCache("c", key -> {
            loads.incrementAndGet();
            return source[0] + ":" + key;
        }, new CacheSettingsBuilder().remote().replicateViaInvalidation().build());
    }

    @Test
    public void aHitDoesNotCallTheLoader() {
        String[] source = {"v1"};
        Cache<String, String> cache = remoteCache(new RefCacheManager(new RefCluster()), source);
        assertEquals("v1:a", cache.get("a"));
        assertEquals("v1:a", cache.get("a"));
        assertEquals(1, loads.get());
    }

    @Test
    public void removingOnOneNodeDropsTheEntryOnEveryNodeOfTheCluster() {
        RefCluster cluster = new RefCluster();
        String[] source = {"v1"};
        Cache<String, String> nodeA = remoteCache(new RefCacheManager(cluster), source);
        Cache<String, String> nodeB = remoteCache(new RefCacheManager(cluster), source);
        assertEquals("v1:a", nodeB.get("a"));
        source[0] = "v2";
        nodeA.remove("a");
        assertEquals("node B reloads after node A's invalidation", "v2:a", nodeB.get("a"));
    }

    @Test
    public void nodesOfAnotherClusterAreNotTold() {
        String[] source = {"v1"};
        Cache<String, String> nodeA = remoteCache(new RefCacheManager(new RefCluster()), source);
        Cache<String, String> elsewhere = remoteCache(new RefCacheManager(new RefCluster()), source);
        elsewhere.get("a");
        source[0] = "v2";
        nodeA.remove("a");
        assertEquals("v1:a", elsewhere.get("a"));
    }

    @Test
    public void aLocalCacheIsNotInvalidatedElsewhere() {
        RefCluster cluster = new RefCluster();
        String[] source = {"v1"};
        CacheSettingsBuilder local = new CacheSettingsBuilder().local();
        Cache<String, String> nodeA = new RefCacheManager(cluster).getCache("l", k -> source[0], local.build());
        Cache<String, String> nodeB = new RefCacheManager(cluster).getCache("l", k -> source[0], local.build());
        nodeB.get("a");
        source[0] = "v2";
        nodeA.remove("a");
        assertEquals("v1", nodeB.get("a"));
    }

    @Test
    public void removeAllReachesEveryNode() {
        RefCluster cluster = new RefCluster();
        String[] source = {"v1"};
        Cache<String, String> nodeA = remoteCache(new RefCacheManager(cluster), source);
        Cache<String, String> nodeB = remoteCache(new RefCacheManager(cluster), source);
        nodeB.get("a");
        nodeB.get("b");
        source[0] = "v2";
        nodeA.removeAll();
        assertEquals("v2:a", nodeB.get("a"));
        assertEquals("v2:b", nodeB.get("b"));
    }

    @Test
    public void aLoaderThatReturnsNullIsAnError() {
        Cache<String, String> cache = new RefCacheManager(new RefCluster()).getCache("n", k -> null,
                new CacheSettingsBuilder().build());
        assertThrows(IllegalStateException.class, () -> cache.get("a"));
    }

    @Test
    public void aClusteredCacheRefusesKeysThatCannotTravel() {
        Cache<Object, String> cache = new RefCacheManager(new RefCluster()).getCache("s", k -> "x",
                new CacheSettingsBuilder().remote().build());
        assertThrows(IllegalArgumentException.class, () -> cache.get(new Object()));
    }

    @Test
    public void entriesExpireAfterWrite() {
        AtomicLong now = new AtomicLong(1_000);
        RefCacheManager node = new RefCacheManager(new RefCluster(), now::get);
        Cache<String, Long> cache = node.getCache("e", k -> now.get(),
                new CacheSettingsBuilder().expireAfterWrite(10, TimeUnit.SECONDS).build());
        assertEquals(Long.valueOf(1_000), cache.get("a"));
        now.addAndGet(9_999);
        assertEquals(Long.valueOf(1_000), cache.get("a"));
        now.addAndGet(1);
        assertEquals(Long.valueOf(11_000), cache.get("a"));
    }

    @Test
    public void theOldestEntriesGoBeyondMaxEntries() {
        RefCacheManager node = new RefCacheManager(new RefCluster());
        Cache<String, String> cache = node.getCache("m", k -> k, new CacheSettingsBuilder().maxEntries(2).build());
        cache.get("a");
        cache.get("b");
        cache.get("c");
        assertEquals(2, node.size("m"));
    }

    @Test
    public void aValueLoadedWhileTheEntryWasInvalidatedIsNotKept() {
        RefCluster cluster = new RefCluster();
        String[] source = {"old"};
        RefCacheManager nodeA = new RefCacheManager(cluster);
        Cache<String, String> onA = nodeA.getCache("r", key -> source[0], new CacheSettingsBuilder().remote().build());
        Cache<String, String> onB = new RefCacheManager(cluster).getCache("r", key -> {
            String read = source[0];
            if (loads.incrementAndGet() == 1) {
                // while node B is loading, node A commits a change and invalidates the entry
                source[0] = "new";
                onA.remove(key);
            }
            return read;
        }, new CacheSettingsBuilder().remote().build());

        assertEquals("old", onB.get("a"));
        assertEquals("the raced load was not kept, so the next read loads the committed value", "new", onB.get("a"));
        assertEquals(2, loads.get());
    }
}
