package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.rdbms.TransactionalExecutorFactory;
import net.java.ao.RawEntity;
import net.java.ao.schema.Table;

import javax.inject.Inject;
import javax.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@link SqlAggregates} over SAL's TransactionalExecutorFactory (a read-only JDBC connection of the
 * product's database). Table names are the ones Active Objects gives the plugin's entities:
 * {@code AO_} + last six hex digits of MD5(ao namespace) + {@code _} + the entity's {@code @Table}
 * name; identifiers are quoted as the database's metadata says, because AO creates them quoted.
 * The connection's default schema is used, as AO's tables live there in a default installation.
 */
@Named
public class HostSqlAggregates implements SqlAggregates {

    /** The {@code namespace} of the {@code <ao>} module in atlassian-plugin.xml. */
    public static final String AO_NAMESPACE = "io.mandate";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    private final TransactionalExecutorFactory executors;

    @Inject
    public HostSqlAggregates(@ComponentImport TransactionalExecutorFactory executors) {
        this.executors = executors;
    }

    @Override
    public List<GroupCount> countBy(Class<? extends RawEntity<?>> entity, List<String> columns, String where, Object... params) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("at least one column to group by");
        }
        columns.forEach(HostSqlAggregates::requireIdentifier);
        String table = tableName(entity);
        return Entities.guarded(() -> executors.createExecutor(true, false).execute(connection -> {
            try {
                String q = quote(connection);
                String cols = String.join(", ", columns.stream().map(c -> q + c + q).toList());
                String sql = "SELECT " + cols + ", COUNT(*) FROM " + q + table + q
                        + (where == null || where.isBlank() ? "" : " WHERE " + where)
                        + " GROUP BY " + cols + " ORDER BY " + cols;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        statement.setObject(i + 1, params[i]);
                    }
                    List<GroupCount> groups = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            List<Object> keys = new ArrayList<>(columns.size());
                            for (int i = 1; i <= columns.size(); i++) {
                                keys.add(rows.getObject(i));
                            }
                            groups.add(new GroupCount(keys, rows.getLong(columns.size() + 1)));
                        }
                    }
                    return groups;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Counting " + table + " by " + columns + " failed", e);
            }
        }));
    }

    /** Rows the driver fetches at a time in {@link #forEachRow}. */
    static final int FETCH_SIZE = 1_000;

    /**
     * Runs in SAL's read-only executor with a new transaction: the products (and the reference host) hand the
     * callback a connection with auto-commit off, which PostgreSQL's driver needs to honour the fetch size.
     */
    @Override
    public void forEachRow(Class<? extends RawEntity<?>> entity, List<String> columns, List<? extends Condition> where,
                           List<String> orderBy, Consumer<Row> each) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("at least one column to read");
        }
        columns.forEach(HostSqlAggregates::requireIdentifier);
        orderBy.forEach(HostSqlAggregates::requireIdentifier);
        where.forEach(c -> c.columns().forEach(HostSqlAggregates::requireIdentifier));
        if (where.stream().anyMatch(Condition::matchesNothing)) {
            return;
        }
        String table = tableName(entity);
        Entities.guarded(() -> executors.createExecutor(true, true).execute(connection -> {
            try {
                String q = quote(connection);
                StringBuilder sql = new StringBuilder("SELECT ")
                        .append(String.join(", ", columns.stream().map(c -> q + c + q).toList()))
                        .append(" FROM ").append(q).append(table).append(q);
                List<Object> params = new ArrayList<>();
                for (int i = 0; i < where.size(); i++) {
                    sql.append(i == 0 ? " WHERE " : " AND ").append("(").append(condition(where.get(i), q, params)).append(")");
                }
                if (!orderBy.isEmpty()) {
                    sql.append(" ORDER BY ").append(String.join(", ", orderBy.stream().map(c -> q + c + q).toList()));
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.toString())) { // forward-only, read-only
                    statement.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        Row row = new ResultSetRow(rows, columns.size());
                        while (rows.next()) {
                            each.accept(row);
                        }
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Reading " + columns + " of " + table + " failed", e);
            }
        }));
    }

    /** One condition as SQL over quoted column names; its values are added to {@code params}. */
    private static String condition(Condition condition, String q, List<Object> params) {
        if (condition instanceof In in) {
            String column = q + in.column() + q;
            List<String> either = new ArrayList<>(2);
            if (!in.values().isEmpty()) {
                either.add(inList(column, in.values(), params));
            }
            if (in.orNull()) {
                either.add(column + " IS NULL");
            }
            return String.join(" OR ", either);
        }
        if (condition instanceof AnyIn any) {
            return String.join(" OR ", any.columns().stream().map(c -> inList(q + c + q, any.values(), params)).toList());
        }
        Between range = (Between) condition; // the interface is sealed: In, AnyIn, Between
        params.add(range.from());
        params.add(range.to());
        return q + range.column() + q + " BETWEEN ? AND ?";
    }

    private static String inList(String column, java.util.Collection<?> values, List<Object> params) {
        params.addAll(values);
        return values.size() == 1 ? column + " = ?" : column + " IN (" + Entities.placeholders(values.size()) + ")";
    }

    /** The current row of a result set; SQL exceptions become unchecked ones. */
    private record ResultSetRow(ResultSet rows, int width) implements Row {
        @Override
        public String string(int column) {
            return read(column, () -> rows.getString(index(column)));
        }

        @Override
        public Long longValue(int column) {
            return read(column, () -> {
                long value = rows.getLong(index(column));
                return rows.wasNull() ? null : value;
            });
        }

        @Override
        public Integer intValue(int column) {
            return read(column, () -> {
                int value = rows.getInt(index(column));
                return rows.wasNull() ? null : value;
            });
        }

        @Override
        public Boolean booleanValue(int column) {
            return read(column, () -> {
                boolean value = rows.getBoolean(index(column));
                return rows.wasNull() ? null : value;
            });
        }

        @Override
        public Instant instant(int column) {
            return read(column, () -> {
                Timestamp value = rows.getTimestamp(index(column));
                return value == null ? null : value.toInstant();
            });
        }

        private int index(int column) {
            if (column < 0 || column >= width) {
                throw new IndexOutOfBoundsException("column " + column + " of " + width);
            }
            return column + 1;
        }

        private interface Read<T> {
            T get() throws SQLException;
        }

        private static <T> T read(int column, Read<T> read) {
            try {
                return read.get();
            } catch (SQLException e) {
                throw new IllegalStateException("Reading column " + column + " failed", e);
            }
        }
    }

    /** The table Active Objects created for the entity. */
    static String tableName(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null) {
            throw new IllegalArgumentException(entity.getName() + " has no @Table name");
        }
        String name = requireIdentifier(table.value().toUpperCase(Locale.ROOT));
        return "AO_" + lastSixHexOfMd5(AO_NAMESPACE) + "_" + name;
    }

    private static String requireIdentifier(String column) {
        if (column == null || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        return column;
    }

    private static String quote(Connection connection) throws SQLException {
        String q = connection.getMetaData().getIdentifierQuoteString();
        return q == null || q.isBlank() ? "" : q.trim();
    }

    private static String lastSixHexOfMd5(String text) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(hex.length() - 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JVM", e);
        }
    }
}
