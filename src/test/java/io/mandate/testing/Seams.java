package io.mandate.testing;

import io.mandate.platform.ClusterCaches;
import io.mandate.platform.HostClusterCaches;
import io.mandate.refhost.platform.RefCacheManager;
import io.mandate.refhost.platform.RefCluster;

/** The platform seams over the reference host's real implementations, for unit tests of capabilities. */
public final class Seams {

    private Seams() {
    }

    /** Caches of a fresh single-node cluster. */
    public static ClusterCaches caches() {
        return new HostClusterCaches(new RefCacheManager(new RefCluster()));
    }
}
