package io.mandate.platform;

import java.io.Serializable;
import java.util.Optional;

/**
 * A read-through cache that every cluster node keeps consistent: {@link #invalidate} on one node drops
 * the entry on all nodes (the host replicates by invalidation), so the next read anywhere loads the
 * committed value. Values are loaded by the cache's loader; "nothing there" is cached too.
 */
public interface ClusterCache<K extends Serializable, V> {

    /** The cached value, loading it on a miss; empty when the loader found nothing. */
    Optional<V> get(K key);

    /** Drops the entry on every node; call it after the change behind it has committed. */
    void invalidate(K key);

    void invalidateAll();
}
