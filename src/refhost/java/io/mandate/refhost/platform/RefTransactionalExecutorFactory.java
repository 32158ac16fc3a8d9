package io.mandate.refhost.platform;

import com.atlassian.sal.api.rdbms.ConnectionCallback;
import com.atlassian.sal.api.rdbms.TransactionalExecutor;
import com.atlassian.sal.api.rdbms.TransactionalExecutorFactory;
import io.mandate.refhost.db.SqlCounter;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * SAL's JDBC access to the product's database, as the products implement it: the callback gets a
 * connection with auto-commit off, committed after the callback returns (rolled back when it throws),
 * read-only when asked; the callback may not commit, roll back or close it (refused here, as the
 * products' wrappers do). Statements prepared on it are counted with the plugin's AO statements, so
 * statement-count tests see them.
 */
public final class RefTransactionalExecutorFactory implements TransactionalExecutorFactory {

    private static final Set<String> FORBIDDEN = Set.of("commit", "rollback", "close", "setAutoCommit");

    private final DataSource dataSource;
    private final SqlCounter counter;

    public RefTransactionalExecutorFactory(DataSource dataSource, SqlCounter counter) {
        this.dataSource = dataSource;
        this.counter = counter;
    }

    @Override
    public TransactionalExecutor createExecutor() {
        return createExecutor(false, false);
    }

    @Override
    public TransactionalExecutor createExecutor(boolean readOnly, boolean requiresNew) {
        return new TransactionalExecutor() {
            @Override
            public <A> A execute(ConnectionCallback<A> callback) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    connection.setReadOnly(readOnly);
                    try {
                        A result = callback.execute(guarded(connection));
                        connection.commit();
                        return result;
                    } catch (RuntimeException | Error e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setReadOnly(false);
                        connection.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("SAL rdbms: " + e.getMessage(), e);
                }
            }
        };
    }

    private Connection guarded(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (FORBIDDEN.contains(method.getName())) {
                        throw new UnsupportedOperationException("The host manages this connection; " + method.getName()
                                + " is not allowed in a ConnectionCallback");
                    }
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        counter.onSql(args != null && args.length > 0 && args[0] instanceof String sql ? sql : "<statement>");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
