package io.mandate.refhost.db;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts every JDBC statement the current thread sends through the host's {@link Database}s — the host's own tables and
 * Active Objects alike — while a recording is open on that thread (issue 10: "every statement the request causes").
 *
 * <p>The database's data sources hand out connections wrapped by {@link #wrap(DataSource)}; a statement is counted
 * when it is executed ({@code execute…}; a batch counts once, as one round trip), with the SQL it was prepared from.
 * Only the thread that opened a recording is counted: the scheduler's jobs and the cluster's polling run on their
 * own threads and never add to a request's count. Without an open recording the wrapper costs one thread-local
 * read per statement.
 */
public final class Statements {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    /*
     * Per thread, across databases: a request of Confluence reads the user directory in Jira's database and its own
     * data in Confluence's, and both count. A thread serves one request at a time, so nothing is shared.
     */
    private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    private Statements() {
    }

    /** Starts recording on this thread (a recording already open is replaced); returns the live list. */
    public static List<String> start() {
        List<String> list = new ArrayList<>();
        recording.set(list);
        return list;
    }

    /** Stops this thread's recording and returns what it recorded (empty when none was open). */
    public static List<String> stop() {
        List<String> list = recording.get();
        recording.remove();
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Whether this thread is recording. */
    public static boolean recording() {
        return recording.get() != null;
    }

    private static void executed(String sql) {
        List<String> list = recording.get();
        if (list != null) {
            list.add(sql);
        }
    }

    /** The data source whose connections count their statements here. */
    static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("equals") && args != null && args.length == 1) {
                        return proxy == args[0];
                    }
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("equals") && args != null && args.length == 1) {
                        return proxy == args[0];
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                        return statement(statement, sql);
                    }
                    return result;
                });
    }

    private static Statement statement(Statement target, String preparedSql) {
        Class<?> type = target instanceof CallableStatement ? CallableStatement.class
                : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("equals") && args != null && args.length == 1) {
                    return proxy == args[0];
                }
                if (EXECUTE.contains(method.getName())) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                    executed(sql);
                }
                return Statements.invoke(target, method, args);
            }
        };
        return (Statement) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
