package io.mandate.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work that must run on one cluster node at a time (a digest, a recalculation): under a named
 * cluster-wide lock. Keep it off request paths: a cluster lock is a database round trip.
 */
public interface ClusterLocks {

    /** Runs the work if the lock is free now; empty (and the work not run) when another node or thread holds it. */
    <T> Optional<T> ifFree(String lockName, Supplier<T> work);
}
