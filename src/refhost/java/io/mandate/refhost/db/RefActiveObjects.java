package io.mandate.refhost.db;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsModuleMetaData;
import com.atlassian.activeobjects.spi.DatabaseType;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.DBParam;
import net.java.ao.EntityManager;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.DatabaseProvider;
import net.java.ao.DelegateConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The host's {@link ActiveObjects} over a real AO {@link EntityManager}: every call goes to the
 * database; SQL errors surface as unchecked exceptions as in Atlassian's implementation.
 */
public final class RefActiveObjects implements ActiveObjects {

    private final EntityManager em;
    private final Database database;
    /** Per-thread marker of an open transaction: request-scoped state, never shared between nodes. */
    private final ThreadLocal<Boolean> inTransaction = new ThreadLocal<>();

    public RefActiveObjects(EntityManager em, Database database) {
        this.em = em;
        this.database = database;
    }

    public EntityManager entityManager() {
        return em;
    }

    /** The database this AO works in (the host keeps its own tables there too, e.g. the model versions). */
    public Database database() {
        return database;
    }

    /** Thrown for any SQL failure, like Atlassian's ActiveObjectsSqlException. */
    public static final class ActiveObjectsSqlException extends RuntimeException {
        ActiveObjectsSqlException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new ActiveObjectsSqlException(e);
        }
    }

    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        sql(() -> { em.migrate(entities); return null; });
    }

    @Override
    @SafeVarargs
    public final void migrateDestructively(Class<? extends RawEntity<?>>... entities) {
        sql(() -> { em.migrateDestructively(entities); return null; });
    }

    @Override
    public void flushAll() {
        em.flushAll();
    }

    @Override
    public void flush(RawEntity<?>... entities) {
        em.flush(entities);
    }

    @Override
    @SafeVarargs
    public final <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys) {
        return sql(() -> em.get(type, keys));
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        return sql(() -> em.get(type, key));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        return sql(() -> em.create(type, params));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        return sql(() -> em.create(type, params));
    }

    @Override
    public <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows) {
        sql(() -> {
            if (database.kind() == Database.Kind.HSQLDB) {
                HsqlBatchInsert.insert(em, type, rows); // one batch, as on the databases Jira runs on
            } else {
                em.create(type, rows);
            }
            return null;
        });
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        sql(() -> { em.delete(entities); return null; });
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return sql(() -> em.deleteWithSQL(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type) {
        return sql(() -> em.find(type));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return sql(() -> em.find(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return sql(() -> em.find(type, query));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String field, Query query) {
        return sql(() -> em.find(type, field, query));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] findWithSQL(Class<T> type, String keyField, String sql, Object... parameters) {
        return sql(() -> em.findWithSQL(type, keyField, sql, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, EntityStreamCallback<T, K> streamCallback) {
        sql(() -> { em.stream(type, streamCallback); return null; });
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> streamCallback) {
        sql(() -> { em.stream(type, query, streamCallback); return null; });
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type) {
        return sql(() -> em.count(type));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return sql(() -> em.count(type, criteria, parameters));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return sql(() -> em.count(type, query));
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        if (inTransaction.get() != null) {
            return callback.doInTransaction(); // joins the surrounding transaction, as Atlassian's AO does
        }
        DatabaseProvider provider = em.getProvider();
        Connection connection = sql(provider::startTransaction);
        inTransaction.set(Boolean.TRUE);
        boolean committed = false;
        try {
            T result = callback.doInTransaction();
            sql(() -> provider.commitTransaction(connection));
            committed = true;
            return result;
        } finally {
            inTransaction.remove();
            try {
                if (!committed) {
                    sql(() -> { provider.rollbackTransaction(connection); return null; });
                }
            } finally {
                // AO leaves the transaction's connection unclosable and hands it back to the caller
                if (connection instanceof DelegateConnection delegate) {
                    delegate.setCloseable(true);
                }
                sql(() -> { connection.close(); return null; });
                // the AO entity cache may hold values written by the rolled-back or committed work
                em.flushAll();
            }
        }
    }

    @Override
    public ActiveObjectsModuleMetaData moduleMetaData() {
        return new ActiveObjectsModuleMetaData() {
            @Override
            public void awaitInitialization() {
            }

            @Override
            public boolean isInitialized() {
                return true;
            }

            @Override
            public DatabaseType getDatabaseType() {
                return database.kind() == Database.Kind.POSTGRESQL ? DatabaseType.POSTGRESQL : DatabaseType.HSQL;
            }

        };
    }
}
