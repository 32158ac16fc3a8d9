package io.mandate.platform;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import io.mandate.platform.rest.ApiException;
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

    /**
     * Runs the work in one database transaction; a runtime exception rolls it back and propagates. Every operation
     * here turns a database that does not answer into {@link ApiException#unavailable} (a 503 and a notice in the
     * panels, not a 500 with a stack trace): see {@link #isUnavailable}.
     */
    public <T> T inTransaction(Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return ao.executeInTransaction(() -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    failed.set(e);
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            RuntimeException original = failed.get();
            if (original != null && !causedBy(e, original)) {
                // the host's rollback failed too — on the connection the database dropped — and its failure ("Connection is
                // closed", no SQL state) replaced the work's, as Spring's TransactionTemplate does: the work's failure says
                // what happened (ImportWhileDatabaseStopsTest)
                original.addSuppressed(e);
                throw unavailableOr(original);
            }
            throw unavailableOr(e);
        }
    }

    /**
     * {@link #inTransaction}, tried again in a new transaction while the database aborts it for a concurrent one
     * ({@link #isConcurrencyConflict}: PostgreSQL's serializable transactions, as the reference host runs them, abort
     * one of two transactions that touched the same rows even when both could commit under Jira's READ COMMITTED),
     * for up to {@code patience}; then, or for any other failure, the failure propagates. For work that must not be
     * lost to a conflict and may be done again from the start.
     */
    public <T> T inTransactionRetryingConflicts(Supplier<T> work, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (RuntimeException e) {
                if (!isConcurrencyConflict(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    // a short random pause, so that the losers of one round do not meet again at the same instant
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean causedBy(Throwable failure, Throwable cause) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t == cause) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure was the database not answering, rather than refusing a statement: SQL state class 08
     * (connection exception — the server is down or went away), 53 (insufficient resources, e.g. too many
     * connections), 57 (operator intervention: shut down, restarting, the statement cancelled) or 55P03 (a lock
     * not granted in time), or a JDBC connection failure as the pool reports it when it has no connection to give.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The work's result; a failure for which {@link #isUnavailable} holds comes out as {@link ApiException#unavailable}. */
    public static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    private static RuntimeException unavailableOr(RuntimeException e) {
        return !ApiException.isUnavailable(e) && isUnavailable(e) ? ApiException.unavailable(e) : e;
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
        return guarded(() -> ao.find(type, query));
    }

    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> values) {
        return guarded(() -> ao.create(type, values));
    }

    /**
     * Inserts the rows in one batch without reading back their generated ids: one statement for all of them on the
     * databases whose AO provider sends a JDBC batch, where {@link #create} costs two a row (the insert and the read
     * of the new id). For rows nobody reads back in the same work (audit entries, participants). No row: no statement.
     */
    public <T extends RawEntity<K>, K> void createAll(Class<T> type, java.util.List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        guarded(() -> {
            ao.create(type, rows);
            return null;
        });
    }

    /**
     * {@link #createAll(Class, java.util.List)} for many rows, in their order, {@code batch} rows a statement (a batch
     * bounded for the driver's and the database's sake; the CSV import writes hundreds of thousands of audit entries). A
     * null value is left out of its row, so a column that no row of a statement sets is left out of that statement (it
     * stores NULL, as none of the plugin's nullable columns has a default); AO binds the nulls of the others.
     *
     * @return how many statements it took
     */
    public <T extends RawEntity<K>, K> int createAll(Class<T> type, java.util.List<Map<String, Object>> rows, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch " + batch);
        }
        int statements = 0;
        for (int i = 0; i < rows.size(); i += batch) {
            java.util.List<Map<String, Object>> statement = new java.util.ArrayList<>();
            for (Map<String, Object> row : rows.subList(i, Math.min(rows.size(), i + batch))) {
                Map<String, Object> values = new java.util.HashMap<>();
                row.forEach((column, value) -> {
                    if (value != null) {
                        values.put(column, value);
                    }
                });
                statement.add(values);
            }
            createAll(type, statement);
            statements++;
        }
        return statements;
    }

    public void delete(RawEntity<?>... entities) {
        guarded(() -> {
            ao.delete(entities);
            return null;
        });
    }

    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return guarded(() -> ao.deleteWithSQL(type, criteria, parameters));
    }

    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return guarded(() -> ao.count(type, query));
    }

    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> callback) {
        guarded(() -> {
            ao.stream(type, query, callback);
            return null;
        });
    }

    /**
     * {@code "?, ?, ?"}: the placeholders of an {@code IN} list of {@code n} values. Only ever a count of placeholders,
     * never caller text, so the values go to the statement's parameters.
     */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
