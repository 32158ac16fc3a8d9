package io.mandate.refhost.platform;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheLoader;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettings;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's cache service on one node, as atlassian-cache behaves: a cache with a loader loads on a
 * miss and never returns null (a loader that returns null is an error); entries expire after the
 * configured time and the oldest are evicted beyond {@code maxEntries}; a remote (non-local) cache
 * replicated by invalidation drops an entry on every node of the {@link RefCluster} when any node
 * removes it (in a {@link DatabaseCluster}: through the cluster message table, within its poll interval), and
 * refuses keys that could not travel between nodes (not serialisable).
 */
public final class RefCacheManager implements CacheManager, AutoCloseable {

    private final RefCluster cluster;
    private final Map<String, RefCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier millis;

    public RefCacheManager(RefCluster cluster) {
        this(cluster, System::currentTimeMillis);
    }

    RefCacheManager(RefCluster cluster, java.util.function.LongSupplier millis) {
        this.cluster = cluster;
        this.millis = millis;
        cluster.join(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings required) {
        return (Cache<K, V>) caches.computeIfAbsent(name, n -> new RefCache<>(n, loader, required));
    }

    /** Another node removed an entry (null = all). */
    void invalidated(String cacheName, Object key) {
        RefCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.dropLocally(key);
        }
    }

    /**
     * Another node in another JVM removed an entry ({@code key} its serialised form; null = all), as a
     * {@link DatabaseCluster} delivers it: the key is read back with the class loader of the cache's loader (the
     * plugin's), and a key that cannot be read drops the whole cache — dropping more is never stale.
     */
    void invalidatedRemotely(String cacheName, byte[] key) {
        RefCache<?, ?> cache = caches.get(cacheName);
        if (cache == null) {
            return;
        }
        if (key == null) {
            cache.dropLocally(null);
            return;
        }
        Object decoded;
        try {
            decoded = ClusterKeys.decode(key, cache.classLoader());
        } catch (RuntimeException e) {
            decoded = null;
        }
        cache.dropLocally(decoded);
    }

    /** How many entries this node holds in the named cache (for tests). */
    public int size(String cacheName) {
        RefCache<?, ?> cache = caches.get(cacheName);
        return cache == null ? 0 : cache.size();
    }

    /**
     * Empties every cache of this node, and the replicated ones on every node, as Jira's "flush caches" does: for
     * data the host changed behind the plugin's back (the sample's history, {@code SampleDecisions}).
     */
    public void flushAll() {
        caches.values().forEach(RefCache::removeAll);
    }

    @Override
    public void close() {
        cluster.leave(this);
    }

    private final class RefCache<K, V> implements Cache<K, V> {
        private record Entry<V>(V value, long writtenAt) {
        }

        private final String name;
        private final CacheLoader<K, V> loader;
        private final boolean remote;
        private final long expireAfterWrite;
        private final int maxEntries;
        private final Map<K, Entry<V>> entries;
        /** Bumped by every removal, so a load that raced with one is not stored (it may be stale). */
        private long generation;

        RefCache(String name, CacheLoader<K, V> loader, CacheSettings settings) {
            this.name = name;
            this.loader = loader;
            this.remote = !Boolean.TRUE.equals(settings.getLocal());
            this.expireAfterWrite = settings.getExpireAfterWrite() == null ? Long.MAX_VALUE : settings.getExpireAfterWrite();
            this.maxEntries = settings.getMaxEntries() == null ? Integer.MAX_VALUE : settings.getMaxEntries();
            this.entries = new LinkedHashMap<>();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public V get(K key) {
            if (key == null) {
                throw new NullPointerException("atlassian-cache does not support null keys");
            }
            if (remote && !(key instanceof Serializable)) {
                throw new IllegalArgumentException("Keys of a clustered cache must be serialisable: " + key.getClass());
            }
            long now = millis.getAsLong();
            long loadedIn;
            synchronized (this) {
                Entry<V> entry = entries.get(key);
                if (entry != null && now - entry.writtenAt() < expireAfterWrite) {
                    return entry.value();
                }
                loadedIn = generation;
            }
            V value = loader.load(key);
            if (value == null) {
                throw new IllegalStateException("The loader of cache " + name + " returned null for " + key);
            }
            synchronized (this) {
                if (generation != loadedIn) {
                    return value; // invalidated while loading: serve it once, do not keep it
                }
                entries.put(key, new Entry<>(value, now));
                while (entries.size() > maxEntries) {
                    entries.remove(entries.keySet().iterator().next());
                }
            }
            return value;
        }

        @Override
        public void remove(K key) {
            dropLocally(key);
            if (remote) {
                cluster.invalidate(RefCacheManager.this, name, key);
            }
        }

        @Override
        public void removeAll() {
            dropLocally(null);
            if (remote) {
                cluster.invalidate(RefCacheManager.this, name, null);
            }
        }

        synchronized void dropLocally(Object key) {
            generation++;
            if (key == null) {
                entries.clear();
            } else {
                entries.remove(key);
            }
        }

        ClassLoader classLoader() {
            return loader != null ? loader.getClass().getClassLoader() : RefCacheManager.class.getClassLoader();
        }

        synchronized int size() {
            return entries.size();
        }
    }
}
