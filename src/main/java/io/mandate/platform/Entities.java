package io.mandate.platform;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The capabilities' door to the host's Active Objects: the handful of operations stores use, and
 * one explicit transaction per write. Stores depend on this, not on the host type.
 */
@Named
public class Entities {

    private final ActiveObjects ao;

    @Inject
    public Entities(@ComponentImport ActiveObjects ao) {
        this.ao = ao;
    }

    /** Runs the work in one database transaction; a runtime exception rolls it back and propagates. */
    public <T> T inTransaction(Supplier<T> work) {
        return ao.executeInTransaction(work::get);
    }

    /**
     * Whether a failure was the database refusing a write because of a constraint (SQL state class
     * 23: unique key, not null, foreign key) rather than being unavailable.
     */
    public static boolean isConstraintViolation(Throwable failure) {
        return hasSqlStateClass(failure, "23");
    }

    /**
     * Whether a failure was the database resolving two concurrent transactions by aborting one
     * (SQL state class 40: serialization failure, deadlock) — the caller may retry with fresh data.
     */
    public static boolean isConcurrencyConflict(Throwable failure) {
        return hasSqlStateClass(failure, "40");
    }

    private static boolean hasSqlStateClass(Throwable failure, String stateClass) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass)) {
                return true;
            }
        }
        return false;
    }

    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return ao.find(type, query);
    }

    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> values) {
        return ao.create(type, values);
    }

    public void delete(RawEntity<?>... entities) {
        ao.delete(entities);
    }

    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return ao.deleteWithSQL(type, criteria, parameters);
    }

    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return ao.count(type, query);
    }

    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> callback) {
        ao.stream(type, query, callback);
    }
}
