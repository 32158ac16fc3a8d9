// Checked against https://docs.atlassian.com/activeobjects-plugin-parent-pom/2.0.1-0fc30df/xref/com/atlassian/activeobjects/internal/EntityManagedActiveObjects.html
// and the ao-plugin source activeobjects-core/.../external/ActiveObjectsModuleMetaData.java.
// Only a subset of the real members is declared: awaitInitialization(long, TimeUnit), isDataSourcePresent()
// and isTablePresent(Class) also exist on the real interface (the plugin never implements this type).
package com.atlassian.activeobjects.external;

import com.atlassian.activeobjects.spi.DatabaseType;

import java.util.concurrent.ExecutionException;

/** State of the Active Objects module for the current data source (initialisation, database type). */
public interface ActiveObjectsModuleMetaData {
    void awaitInitialization() throws ExecutionException, InterruptedException;

    boolean isInitialized();

    DatabaseType getDatabaseType();
}
