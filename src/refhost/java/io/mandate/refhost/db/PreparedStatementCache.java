package io.mandate.refhost.db;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps prepared statements open per physical connection, as a JDBC pool with statement pooling does (DBCP's
 * {@code poolPreparedStatements}, which Jira's {@code dbconfig.xml} exposes as {@code pool-prepared-statements}):
 * closing one hands it back for the next {@code prepareStatement} of the same SQL on that connection instead of
 * making the database compile it again. HSQLDB frees a compiled statement when its last prepared statement closes,
 * so without this every call compiled its SQL anew; pgjdbc keeps its server-side statements per connection itself
 * ({@code prepareThreshold}), so PostgreSQL does not need this.
 *
 * <p>It sits under the pool (Hikari hands out and tracks these connections and their statements as it would the
 * driver's); only {@code prepareStatement(String)} is pooled. A statement handed back is reset — parameters, batch,
 * max rows, fetch size, query timeout, its open result set — so the next user finds it as new.
 */
final class PreparedStatementCache {

    /** Statements kept per connection, least recently used first out. */
    static final int PER_CONNECTION = 128;

    private PreparedStatementCache() {
    }

    /** DDL: HSQLDB invalidates every compiled statement of a changed table ("statement is invalid"). */
    private static final java.util.regex.Pattern DDL = java.util.regex.Pattern.compile(
            "^\\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME|COMMENT)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    static DataSource wrap(DataSource physical) {
        // bumped by every DDL on any connection of this database: a statement kept from before is not lent again
        java.util.concurrent.atomic.AtomicLong schemaVersion = new java.util.concurrent.atomic.AtomicLong();
        return (DataSource) Proxy.newProxyInstance(PreparedStatementCache.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(physical, method, args);
                    return result instanceof Connection c ? new Pooling(c, schemaVersion).proxy : result;
                });
    }

    private static boolean isDdl(Object sql) {
        return sql instanceof String text && DDL.matcher(text).find();
    }

    /** One physical connection and its idle statements by SQL. */
    private static final class Pooling {
        private final Connection target;
        private final Connection proxy;
        private final LinkedHashMap<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(16, 0.75f, true);
        private final java.util.concurrent.atomic.AtomicLong schemaVersion;
        /** The schema version the idle statements were compiled under. */
        private long idleVersion;
        private int idleCount;

        Pooling(Connection target, java.util.concurrent.atomic.AtomicLong schemaVersion) {
            this.target = target;
            this.schemaVersion = schemaVersion;
            this.idleVersion = schemaVersion.get();
            this.proxy = (Connection) Proxy.newProxyInstance(PreparedStatementCache.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "equals":
                                return p == args[0];
                            case "hashCode":
                                return System.identityHashCode(p);
                            case "prepareStatement":
                                if (args.length == 1 && !isDdl(args[0])) {
                                    return borrow((String) args[0]);
                                }
                                return schemaChanging(invoke(target, method, args), isDdl(args[0]));
                            case "createStatement":
                            case "prepareCall":
                                return schemaChanging(invoke(target, method, args), true);
                            case "close":
                                closeIdle();
                                break;
                            default:
                                break;
                        }
                        return invoke(target, method, args);
                    });
        }

        /**
         * A statement not kept here; when it may change the schema (DDL, or any plain statement), each execution
         * bumps the schema version before and after it runs.
         */
        private Object schemaChanging(Object statement, boolean mayChangeSchema) {
            if (!mayChangeSchema || !(statement instanceof java.sql.Statement target)) {
                return statement;
            }
            Class<?> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                    : target instanceof PreparedStatement ? PreparedStatement.class : java.sql.Statement.class;
            return Proxy.newProxyInstance(PreparedStatementCache.class.getClassLoader(), new Class<?>[]{type},
                    (p, method, args) -> {
                        switch (method.getName()) {
                            case "equals":
                                return p == args[0];
                            case "hashCode":
                                return System.identityHashCode(p);
                            case "getConnection":
                                return proxy;
                            default:
                                break;
                        }
                        boolean execute = method.getName().startsWith("execute")
                                && (type != java.sql.Statement.class || args == null || isDdl(args[0])
                                || method.getName().contains("Batch"));
                        if (execute) {
                            schemaVersion.incrementAndGet();
                        }
                        try {
                            return invoke(target, method, args);
                        } finally {
                            if (execute) {
                                schemaVersion.incrementAndGet();
                            }
                        }
                    });
        }

        private synchronized PreparedStatement borrow(String sql) throws SQLException {
            if (idleVersion != schemaVersion.get()) {
                closeIdle(); // compiled before a schema change: HSQLDB would refuse them
                idleVersion = schemaVersion.get();
            }
            Deque<PreparedStatement> statements = idle.get(sql);
            PreparedStatement statement = statements == null ? null : statements.pollFirst();
            long version = idleVersion;
            if (statement != null) {
                idleCount--;
            } else {
                version = schemaVersion.get();
                statement = target.prepareStatement(sql);
            }
            return lent(sql, statement, version);
        }

        /** {@code version}: the schema version the statement was compiled under. */
        private PreparedStatement lent(String sql, PreparedStatement statement, long version) {
            boolean[] closed = {false};
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatementCache.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "equals":
                                return p == args[0];
                            case "hashCode":
                                return System.identityHashCode(p);
                            case "isClosed":
                                return closed[0] || statement.isClosed();
                            case "getConnection":
                                return proxy;
                            case "close":
                                if (!closed[0]) {
                                    closed[0] = true;
                                    giveBack(sql, statement, version);
                                }
                                return null;
                            default:
                                if (closed[0]) {
                                    throw new SQLException("The statement is closed", "HY010");
                                }
                                return invoke(statement, method, args);
                        }
                    });
        }

        private synchronized void giveBack(String sql, PreparedStatement statement, long version) throws SQLException {
            if (statement.isClosed() || target.isClosed()) {
                return;
            }
            if (version != schemaVersion.get() || version != idleVersion) {
                statement.close(); // compiled before a schema change
                return;
            }
            try {
                ResultSet open = statement.getResultSet();
                if (open != null) {
                    open.close();
                }
                statement.clearParameters();
                statement.clearBatch();
                statement.setMaxRows(0);
                statement.setFetchSize(0);
                statement.setQueryTimeout(0);
            } catch (SQLException e) {
                statement.close();
                return;
            }
            idle.computeIfAbsent(sql, s -> new ArrayDeque<>()).addFirst(statement);
            idleCount++;
            while (idleCount > PER_CONNECTION) {
                Iterator<Map.Entry<String, Deque<PreparedStatement>>> eldest = idle.entrySet().iterator();
                Map.Entry<String, Deque<PreparedStatement>> entry = eldest.next();
                PreparedStatement out = entry.getValue().pollLast();
                if (entry.getValue().isEmpty()) {
                    eldest.remove();
                }
                if (out != null) {
                    idleCount--;
                    out.close();
                }
            }
        }

        private synchronized void closeIdle() {
            for (Deque<PreparedStatement> statements : idle.values()) {
                for (PreparedStatement statement : statements) {
                    try {
                        statement.close();
                    } catch (SQLException ignored) {
                        // the connection is closing anyway
                    }
                }
            }
            idle.clear();
            idleCount = 0;
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
