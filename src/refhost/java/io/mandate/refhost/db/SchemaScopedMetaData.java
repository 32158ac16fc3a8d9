package io.mandate.refhost.db;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * Keeps Active Objects' schema reading inside one PostgreSQL schema. AO 3.2.11 reads a table's
 * columns with {@code DatabaseMetaData.getColumns(null, null, table, null)} — every schema — so
 * when the Jira and Confluence schemas of one database (or two test schemas) hold the same AO table
 * in different model versions, AO sees the other schema's columns and fails ("Could not find column
 * ... in previously parsed query"). In Jira each product has its own database and this cannot
 * happen; here a connection's metadata fills a missing schema in with the product's own.
 */
final class SchemaScopedMetaData {

    private SchemaScopedMetaData() {
    }

    static DataSource of(DataSource dataSource, String schema) {
        return (DataSource) Proxy.newProxyInstance(SchemaScopedMetaData.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection c ? connection(c, schema) : result;
                });
    }

    private static Connection connection(Connection connection, String schema) {
        return (Connection) Proxy.newProxyInstance(SchemaScopedMetaData.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    return result instanceof DatabaseMetaData m ? metaData(m, schema) : result;
                });
    }

    private static DatabaseMetaData metaData(DatabaseMetaData metaData, String schema) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getColumns") && args != null && args.length == 4 && args[1] == null) {
                args[1] = schema;
            }
            return invoke(metaData, method, args);
        };
        return (DatabaseMetaData) Proxy.newProxyInstance(SchemaScopedMetaData.class.getClassLoader(),
                new Class<?>[]{DatabaseMetaData.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
