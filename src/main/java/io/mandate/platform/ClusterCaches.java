package io.mandate.platform;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Makes the plugin's {@link ClusterCache}s; names are prefixed with the plugin's namespace by the implementation. */
public interface ClusterCaches {

    /**
     * The cache of that name. {@code loader} reads the committed value for a key (empty = none);
     * entries also expire after {@code expireAfterWrite}, and at most {@code maxEntries} are kept per node.
     */
    <K extends Serializable, V> ClusterCache<K, V> cache(String name, Function<K, Optional<V>> loader,
                                                         Duration expireAfterWrite, int maxEntries);
}
