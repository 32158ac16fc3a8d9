package io.mandate.refhost.dataset;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A data source that counts every statement execution going through its connections ({@code execute…} of every
 * Statement, PreparedStatement and batch): the JDBC round trips, counted at the driver's door.
 */
final class CountingDataSource {

    private final AtomicLong executions = new AtomicLong();
    private final DataSource counting;

    CountingDataSource(DataSource target) {
        counting = proxy(DataSource.class, target);
    }

    DataSource dataSource() {
        return counting;
    }

    long executions() {
        return executions.get();
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            if (target instanceof Statement && method.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            Object result = invoke(target, method, args);
            if (result instanceof java.sql.PreparedStatement ps && !method.getName().equals("unwrap")) {
                return proxy(java.sql.PreparedStatement.class, ps);
            }
            if (result instanceof Statement s && !method.getName().equals("unwrap")) {
                return proxy(Statement.class, s);
            }
            if (result instanceof Connection c && !method.getName().equals("unwrap")) {
                return proxy(Connection.class, c);
            }
            return result;
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
