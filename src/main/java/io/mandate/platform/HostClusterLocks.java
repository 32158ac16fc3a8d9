package io.mandate.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ClusterLocks} over beehive's ClusterLockService; lock names are namespaced with the plugin's. */
@Named
public class HostClusterLocks implements ClusterLocks {

    static final String PREFIX = "io.mandate.";

    private final ClusterLockService locks;

    @Inject
    public HostClusterLocks(@ComponentImport ClusterLockService locks) {
        this.locks = locks;
    }

    @Override
    public <T> Optional<T> ifFree(String lockName, Supplier<T> work) {
        ClusterLock lock = locks.getLockForName(PREFIX + lockName);
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.unlock();
        }
    }
}
