// Checked against https://docs.atlassian.com/activeobjects-plugin-parent-pom/2.0.1-0fc30df/xref/com/atlassian/activeobjects/external/ActiveObjects.html
// (and the ao-plugin source activeobjects-core/.../external/ActiveObjects.java). No method declares a checked exception.
package com.atlassian.activeobjects.external;

import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.DBParam;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;

import java.util.List;
import java.util.Map;

/** The host's thread-safe Active Objects service, through which a plugin reads and writes its own entities. */
public interface ActiveObjects {
    void migrate(Class<? extends RawEntity<?>>... entities);

    void migrateDestructively(Class<? extends RawEntity<?>>... entities);

    void flushAll();

    void flush(RawEntity<?>... entities);

    <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys);

    <T extends RawEntity<K>, K> T get(Class<T> type, K key);

    <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params);

    <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params);

    /**
     * Inserts the rows in one batch, handing back no entity (so no generated key is read). Not in the 2.0.1 interface
     * linked above; a later ao-plugin's {@code com.atlassian.activeobjects.osgi.ActiveObjectsDelegate} (decompiled,
     * found with the search tool's code corpus, 2026-12-03) implements {@code ActiveObjects} and declares it with
     * {@code @Override}, beside {@code getFastCountEstimate}, delegating to AO's {@code EntityManager.create(Class, List)}
     * — which activeobjects 3.2.11, the core library this project builds against, has. The {@code atlassian} profile's
     * build against the AO that Jira 10 ships is the final word.
     */
    <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows);

    void delete(RawEntity<?>... entities);

    <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters);

    <T extends RawEntity<K>, K> T[] find(Class<T> type);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, String field, Query query);

    <T extends RawEntity<K>, K> T[] findWithSQL(Class<T> type, String keyField, String sql, Object... parameters);

    <T extends RawEntity<K>, K> void stream(Class<T> type, EntityStreamCallback<T, K> streamCallback);

    <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> streamCallback);

    <K> int count(Class<? extends RawEntity<K>> type);

    <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters);

    <K> int count(Class<? extends RawEntity<K>> type, Query query);

    <T> T executeInTransaction(TransactionCallback<T> callback);

    ActiveObjectsModuleMetaData moduleMetaData();
}
