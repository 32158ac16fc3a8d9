package io.mandate.platform;

import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettingsBuilder;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.rest.ApiException;

import javax.inject.Inject;
import javax.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link ClusterCaches} over the host's CacheManager: remote caches replicated by invalidation, so
 * values never travel between nodes (they need not be serialisable) and a write on one node drops
 * the entry everywhere. The loader's "nothing" is stored as an empty holder, because an Atlassian
 * cache loader must not return null.
 */
@Named
public class HostClusterCaches implements ClusterCaches {

    static final String PREFIX = "io.mandate.";

    private final CacheManager cacheManager;

    @Inject
    public HostClusterCaches(@ComponentImport CacheManager cacheManager) {
        this.cacheManager = cacheManager;
    }

    @Override
    public <K extends Serializable, V> ClusterCache<K, V> cache(String name, Function<K, Optional<V>> loader,
                                                                Duration expireAfterWrite, int maxEntries) {
        Cache<K, Holder<V>> cache = cacheManager.getCache(PREFIX + name,
                key -> new Holder<>(loader.apply(key).orElse(null)),
                new CacheSettingsBuilder().remote().replicateViaInvalidation()
                        .expireAfterWrite(expireAfterWrite.toMillis(), TimeUnit.MILLISECONDS)
                        .maxEntries(maxEntries).build());
        return new ClusterCache<>() {
            @Override
            public Optional<V> get(K key) {
                try {
                    return Optional.ofNullable(cache.get(key).value());
                } catch (RuntimeException e) {
                    // Atlassian's caches wrap what the loader threw (CacheException): the caller is owed the API's own
                    // failure (a 503 when the database does not answer), not the wrapper, which would be a 500
                    for (Throwable t = e.getCause(); t != null && !(e instanceof ApiException); t = t.getCause()) {
                        if (t instanceof ApiException api) {
                            throw api;
                        }
                    }
                    throw e;
                }
            }

            @Override
            public void invalidate(K key) {
                cache.remove(key);
            }

            @Override
            public void invalidateAll() {
                cache.removeAll();
            }
        };
    }

    /** A cached value or a cached "nothing". */
    private record Holder<V>(V value) {
    }
}
