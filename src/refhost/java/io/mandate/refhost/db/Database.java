package io.mandate.refhost.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One product's database: an HSQLDB file database under the data folder by default, or a schema
 * in a PostgreSQL server when a JDBC URL is given (Jira and Confluence get separate schemas, as
 * they would get separate databases in production).
 */
public final class Database implements AutoCloseable {

    public enum Kind { HSQLDB, POSTGRESQL }

    private final HikariDataSource pool;
    /** The pool's connections, each counting its statements ({@link Statements}). */
    private final DataSource dataSource;
    private final Kind kind;
    private final String schema;
    /** Set by a fault test only (see {@link #cutPluginConnections}); the host keeps no other state of this kind. */
    private final AtomicBoolean pluginConnectionsCut = new AtomicBoolean();
    private final DataSource pluginData;

    private Database(HikariDataSource pool, Kind kind, String schema) {
        this.pool = pool;
        DataSource dataSource = Statements.wrap(pool);
        this.dataSource = dataSource;
        this.kind = kind;
        this.schema = schema;
        this.pluginData = (DataSource) Proxy.newProxyInstance(Database.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && pluginConnectionsCut.get()) {
                        // what Hikari throws when the database is gone and no connection came in time
                        throw new SQLTransientConnectionException(pool.getPoolName()
                                + " - Connection is not available, request timed out after 5000ms.", "08001");
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** An HSQLDB file database in {@code folder} (created if missing, kept between runs). */
    public static Database hsqldbFile(File folder) {
        folder.mkdirs();
        return hsqldb("jdbc:hsqldb:file:" + new File(folder, "db").getAbsolutePath() + ";shutdown=true;hsqldb.tx=mvcc");
    }

    /** A private in-memory HSQLDB, for tests. */
    public static Database hsqldbMemory(String name) {
        return hsqldb("jdbc:hsqldb:mem:" + name + ";hsqldb.tx=mvcc");
    }

    private static Database hsqldb(String url) {
        HikariConfig config = new HikariConfig();
        org.hsqldb.jdbc.JDBCDataSource driver = new org.hsqldb.jdbc.JDBCDataSource();
        driver.setUrl(url);
        driver.setUser("SA");
        driver.setPassword("");
        // prepared statements kept per connection, as a pool with statement pooling keeps them (HSQLDB would compile
        // every statement again: it frees a compiled statement with its last prepared statement)
        config.setDataSource(PreparedStatementCache.wrap(driver));
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(5_000);
        config.setPoolName("hsqldb");
        return new Database(new HikariDataSource(config), Kind.HSQLDB, null);
    }

    /** A schema (created if missing) in a PostgreSQL database. */
    public static Database postgres(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(Integer.getInteger("mandate.db.pool", 16));
        config.setConnectionTimeout(5_000);
        config.setPoolName("pg-" + schema);
        config.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS " + schema);
        config.setSchema(schema);
        return new Database(new HikariDataSource(config), Kind.POSTGRESQL, schema);
    }

    /**
     * The host's connections (its own tables): the pool's, each counting its statements on the thread that sends
     * them while a {@link Statements} recording is open there (so are the plugin's, {@link #pluginDataSource()}).
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The connections the plugin's data goes through — Active Objects and SAL's JDBC access: the pool's own, until a
     * fault test cuts them ({@link #cutPluginConnections}).
     */
    public DataSource pluginDataSource() {
        return pluginData;
    }

    /**
     * For fault tests: while cut, every connection asked for the plugin's data fails as the pool fails when the
     * database is gone (SQLTransientConnectionException, SQL state 08001), while the host's own reads — users, issues,
     * permissions, which Jira serves from its caches and the issue it has already loaded — go on.
     */
    public void cutPluginConnections(boolean cut) {
        pluginConnectionsCut.set(cut);
    }

    public Kind kind() {
        return kind;
    }

    /** The PostgreSQL schema, or null for HSQLDB. */
    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        if (kind == Kind.HSQLDB) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already shut down
            }
        }
        pool.close();
    }
}
