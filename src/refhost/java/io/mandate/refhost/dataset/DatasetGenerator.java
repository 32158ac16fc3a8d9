package io.mandate.refhost.dataset;

import io.mandate.refhost.db.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writes a dataset ({@link DatasetSpec}) straight into a product database: the host's tables (users, groups,
 * memberships, projects, permissions, issue security, issues) and the plugin's Active Objects tables (decisions with
 * participants, revisions and audit trail; domains, scope rules, grants, absences, the matrix's audit trail), in bulk
 * through one connection ({@link Loader}). The tables must exist — the host's made by opening the world, the plugin's
 * by Active Objects — and be empty: generating into a database that holds anything is refused.
 *
 * <p>Deterministic: the same spec, seed and day give the same rows, byte for byte. The day matters because the
 * data is dated relative to it (issues over the two years before, some decisions overdue, some grants expired, some
 * absences now), so a dataset generated on any day has the same shape on that day.
 */
public final class DatasetGenerator {

    private static final Logger LOG = Logger.getLogger(DatasetGenerator.class.getName());
    /** The host table that says which dataset a database holds; written last, so it is there only when all is. */
    static final String MARKER_TABLE = "HOST_DATASET";

    private final DataSource dataSource;
    private final Database.Kind kind;
    private final AoTables ao;
    private final int chunkRows;
    private final int commitRows;

    /** What was generated. */
    public record Result(DatasetSpec spec, long seed, LocalDate day, Map<String, Long> rows, long statements,
                         Duration took) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** What a database's marker says it holds. */
    public record Marker(String name, long seed, String day) {
    }

    public DatasetGenerator(DataSource dataSource, Database.Kind kind, AoTables ao) {
        this(dataSource, kind, ao, Loader.CHUNK_ROWS, Loader.COMMIT_ROWS);
    }

    private DatasetGenerator(DataSource dataSource, Database.Kind kind, AoTables ao, int chunkRows, int commitRows) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.ao = ao;
        this.chunkRows = chunkRows;
        this.commitRows = commitRows;
    }

    /** The same generator sending {@code chunkRows} rows per statement and committing every {@code commitRows}. */
    DatasetGenerator inChunksOf(int chunkRows, int commitRows) {
        return new DatasetGenerator(dataSource, kind, ao, chunkRows, commitRows);
    }

    /**
     * Generates the dataset as of {@code today}.
     *
     * @throws DatasetException when the database already holds users, issues or any of the plugin's rows
     */
    public Result generate(DatasetSpec spec, long seed, LocalDate today) {
        long t0 = System.nanoTime();
        Instant asOf = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            refuseUnlessEmpty(connection);
            boolean autoCommit = connection.getAutoCommit();
            try (Loader loader = new Loader(connection, kind, chunkRows, commitRows)) {
                Population people = Population.plan(spec, seed);
                Projects projects = Projects.plan(spec, seed, people);
                Matrix matrix = Matrix.plan(spec, seed, people, projects, today, asOf);
                DecisionBudget budget = DecisionBudget.plan(spec, seed);
                // each part committed before the next, so what a later part references (users, projects, security
                // levels) is in the database before any of its chunks arrive
                people.write(loader);
                loader.commit();
                projects.write(loader, people);
                loader.commit();
                matrix.write(loader, ao, people, projects);
                loader.commit();
                new Work(spec, seed, today, asOf, people, projects, matrix, budget).write(loader, ao);
                loader.commit();
                restartIdentities(loader);
                mark(loader, spec, seed, today);
                loader.commit();
                Result result = new Result(spec, seed, today, loader.rows(), loader.statements(),
                        Duration.ofNanos(System.nanoTime() - t0));
                LOG.info(() -> String.format("Dataset %s (seed %d, as of %s) generated in %.1f s: %,d rows in %,d statements",
                        spec.name(), seed, today, result.took().toMillis() / 1000.0, result.totalRows(), result.statements()));
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DatasetException("Generating dataset " + spec.name() + " failed: " + e.getMessage()
                    + " (the database now holds part of it: start again from an empty one)", e);
        }
    }

    /** The dataset the database holds, or null when it holds none (no marker). */
    public static Marker marker(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection, MARKER_TABLE)) {
                return null;
            }
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT NAME, SEED, AS_OF FROM " + MARKER_TABLE)) {
                return rs.next() ? new Marker(rs.getString(1), rs.getLong(2), rs.getString(3)) : null;
            }
        } catch (SQLException e) {
            throw new DatasetException("Could not read which dataset the database holds: " + e.getMessage(), e);
        }
    }

    /** Users, issues, the plugin's rows: any of them makes the database not empty. */
    private void refuseUnlessEmpty(Connection connection) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String table : List.of("HOST_USER", "HOST_PROJECT", "HOST_ISSUE")) {
            found.put(table, count(connection, table));
        }
        for (String entity : AoTables.ALL) {
            found.put(ao.rawTable(entity), count(connection, ao.table(entity)));
        }
        if (tableExists(connection, MARKER_TABLE)) {
            found.put(MARKER_TABLE, count(connection, MARKER_TABLE));
        }
        found.values().removeIf(n -> n == 0);
        if (!found.isEmpty()) {
            throw new DatasetException("A dataset is generated only into an empty database, and this one holds rows "
                    + found + ". Start with an empty data folder (-Dmandate.data=<new folder>) or an empty schema.");
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Ids were given explicitly; the identity behind each AO table's ID must continue after the highest, or the
     * plugin's next insert would collide with a generated row.
     */
    private void restartIdentities(Loader loader) throws SQLException {
        for (String entity : AoTables.ALL) {
            long max;
            try (Statement s = loader.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(\"" + ao.idColumn(entity) + "\") FROM " + ao.table(entity))) {
                rs.next();
                max = rs.getLong(1);
            }
            if (max == 0) {
                continue;
            }
            if (loader.kind() == Database.Kind.POSTGRESQL) {
                try (PreparedStatement s = loader.connection().prepareStatement(
                        "SELECT setval(pg_get_serial_sequence(?, ?), ?)")) {
                    s.setString(1, ao.table(entity));
                    s.setString(2, ao.idColumn(entity));
                    s.setLong(3, max);
                    s.execute();
                }
            } else {
                loader.execute("ALTER TABLE " + ao.table(entity) + " ALTER COLUMN \"" + ao.idColumn(entity)
                        + "\" RESTART WITH " + (max + 1));
            }
        }
    }

    private static void mark(Loader loader, DatasetSpec spec, long seed, LocalDate today) throws SQLException {
        loader.execute("CREATE TABLE IF NOT EXISTS " + MARKER_TABLE + " (NAME VARCHAR(32) NOT NULL, SEED BIGINT NOT NULL,"
                + " AS_OF VARCHAR(10) NOT NULL)");
        try (PreparedStatement s = loader.connection().prepareStatement(
                "INSERT INTO " + MARKER_TABLE + " (NAME, SEED, AS_OF) VALUES (?, ?, ?)")) {
            s.setString(1, spec.name());
            s.setLong(2, seed);
            s.setString(3, today.toString());
            s.executeUpdate();
        }
    }
}
