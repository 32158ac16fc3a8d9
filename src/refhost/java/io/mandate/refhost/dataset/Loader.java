package io.mandate.refhost.dataset;

import io.mandate.refhost.db.Database;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk writing through one connection, never a round trip per row: on PostgreSQL each table's rows go in chunks of
 * {@code chunkRows} through {@code COPY … FROM STDIN} (the driver's CopyManager), elsewhere through a prepared
 * {@code INSERT} whose batch is executed every {@code chunkRows} rows. The transaction is committed every
 * {@code commitRows} rows, so neither database holds millions of uncommitted rows. A table's chunk is written only
 * after the pending rows of the tables it references (its parents, declared with it), so foreign keys hold at every
 * statement; tables referenced across parts of the generation are committed before the next part starts.
 */
final class Loader implements AutoCloseable {

    /** Rows the writer sends in one statement, usually. */
    static final int CHUNK_ROWS = 5_000;
    /** Rows between commits, usually. */
    static final int COMMIT_ROWS = 100_000;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Connection connection;
    private final Database.Kind kind;
    private final int chunkRows;
    private final int commitRows;
    private final CopyManager copy;
    private final List<Table> tables = new ArrayList<>();
    private long statements;
    private long uncommitted;

    Loader(Connection connection, Database.Kind kind, int chunkRows, int commitRows) throws SQLException {
        this.connection = connection;
        this.kind = kind;
        this.chunkRows = chunkRows;
        this.commitRows = commitRows;
        connection.setAutoCommit(false);
        copy = kind == Database.Kind.POSTGRESQL ? connection.unwrap(PGConnection.class).getCopyAPI() : null;
    }

    /**
     * A table to write. {@code name} and {@code columns} are SQL identifiers as they must appear in the statement
     * (quoted where the table was created with quoted names); {@code parents} are the tables its foreign keys point to.
     */
    Table table(String label, String name, List<String> columns, Table... parents) throws SQLException {
        Table table = copy != null ? new CopyTable(label, name, columns, parents)
                : new BatchTable(label, name, columns, parents);
        tables.add(table);
        return table;
    }

    /** Statements sent so far: every executed batch and every COPY counts as one. */
    long statements() {
        return statements;
    }

    /** Rows written per table (by label), in the order the tables were declared. */
    Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t.label, t.rows));
        return rows;
    }

    /** Writes every pending row and commits. */
    void commit() throws SQLException {
        for (Table table : tables) {
            table.flush();
        }
        connection.commit();
        uncommitted = 0;
    }

    /** Runs one statement of the generator's own (DDL, sequence resets, the marker), counted like the others. */
    void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
            statements++;
        }
    }

    Connection connection() {
        return connection;
    }

    Database.Kind kind() {
        return kind;
    }

    @Override
    public void close() throws SQLException {
        for (Table table : tables) {
            table.close();
        }
    }

    private void rowAdded() throws SQLException {
        if (++uncommitted >= commitRows) {
            commit();
        }
    }

    /** One table being written. */
    abstract class Table {
        final String label;
        final String name;
        final List<String> columns;
        private final Table[] parents;
        long rows;
        int pending;

        Table(String label, String name, List<String> columns, Table[] parents) {
            this.label = label;
            this.name = name;
            this.columns = List.copyOf(columns);
            this.parents = parents;
        }

        /** Adds one row; the values in the order of the columns (String, Integer, Long, Boolean, LocalDateTime, Timestamp or null). */
        final void add(Object... values) throws SQLException {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(name + " has " + columns.size() + " columns, got " + values.length + " values");
            }
            append(values);
            rows++;
            if (++pending >= chunkRows) {
                flush();
            }
            rowAdded();
        }

        final void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            for (Table parent : parents) {
                parent.flush();
            }
            send();
            statements++;
            pending = 0;
        }

        abstract void append(Object[] values) throws SQLException;

        abstract void send() throws SQLException;

        void close() throws SQLException {
        }
    }

    /** A prepared INSERT whose batch is executed once per chunk. */
    private final class BatchTable extends Table {
        private final PreparedStatement insert;
        private final int[] types;

        BatchTable(String label, String name, List<String> columns, Table[] parents) throws SQLException {
            super(label, name, columns, parents);
            insert = connection.prepareStatement("INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
            ParameterMetaData parameters = insert.getParameterMetaData();
            types = new int[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = parameters.getParameterType(i + 1); // a null is sent with its column's type
            }
        }

        @Override
        void append(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, types[i]);
                } else {
                    insert.setObject(i + 1, values[i]);
                }
            }
            insert.addBatch();
        }

        @Override
        void send() throws SQLException {
            insert.executeBatch();
        }

        @Override
        void close() throws SQLException {
            insert.close();
        }
    }

    /** Rows in PostgreSQL's COPY text format, sent as one COPY per chunk. */
    private final class CopyTable extends Table {
        private final String sql;
        private final StringBuilder chunk = new StringBuilder(1 << 16);

        CopyTable(String label, String name, List<String> columns, Table[] parents) {
            super(label, name, columns, parents);
            sql = "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN";
        }

        @Override
        void append(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    chunk.append('\t');
                }
                text(values[i]);
            }
            chunk.append('\n');
        }

        private void text(Object value) {
            if (value == null) {
                chunk.append("\\N");
            } else if (value instanceof Boolean b) {
                chunk.append(b ? 't' : 'f');
            } else if (value instanceof LocalDateTime t) {
                chunk.append(TIMESTAMP.format(t));
            } else if (value instanceof Timestamp t) {
                // as the driver sends a Timestamp parameter (AO's dates): the wall-clock time in the JVM's zone
                chunk.append(TIMESTAMP.format(t.toLocalDateTime()));
            } else if (value instanceof Number) {
                chunk.append(value);
            } else {
                escape(value.toString());
            }
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> chunk.append("\\\\");
                    case '\t' -> chunk.append("\\t");
                    case '\n' -> chunk.append("\\n");
                    case '\r' -> chunk.append("\\r");
                    default -> chunk.append(c);
                }
            }
        }

        @Override
        void send() throws SQLException {
            try {
                copy.copyIn(sql, new StringReader(chunk.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + name + " failed", e);
            }
            chunk.setLength(0);
        }
    }
}
