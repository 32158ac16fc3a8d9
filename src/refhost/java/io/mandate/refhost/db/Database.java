package io.mandate.refhost.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One product's database: an HSQLDB file database under the data folder by default, or a schema
 * in a PostgreSQL server when a JDBC URL is given (Jira and Confluence get separate schemas, as
 * they would get separate databases in production).
 */
public final class Database implements AutoCloseable {

    public enum Kind { HSQLDB, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Kind kind;
    private final String schema;

    private Database(HikariDataSource dataSource, Kind kind, String schema) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.schema = schema;
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
        config.setJdbcUrl(url);
        config.setUsername("SA");
        config.setPassword("");
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
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(5_000);
        config.setPoolName("pg-" + schema);
        config.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS " + schema);
        config.setSchema(schema);
        return new Database(new HikariDataSource(config), Kind.POSTGRESQL, schema);
    }

    public DataSource dataSource() {
        return dataSource;
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
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already shut down
            }
        }
        dataSource.close();
    }
}
