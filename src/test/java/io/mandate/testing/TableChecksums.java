package io.mandate.testing;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 of every row of a table, read over plain JDBC ({@code SELECT *}): each row as its columns by name with
 * their values written exactly (timestamps to the nanosecond as the driver gives them, numbers as integers, texts as
 * they are, nulls as null), the rows sorted by their own hash. Equal content gives equal checksums on HSQLDB and
 * PostgreSQL alike, whatever order the rows were written in; ids are columns like the others, so a row that changed
 * its id changes the checksum.
 */
public final class TableChecksums {

    private TableChecksums() {
    }

    /** One table: how many rows, and the checksum over them. */
    public record Checksum(long rows, String sha256) {
    }

    /** The checksum of each table (quoted names as given), in the order given. */
    public static Map<String, Checksum> of(DataSource dataSource, List<String> tables) {
        Map<String, Checksum> sums = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                List<String> rows = rows(s, table).stream().map(TableChecksums::sha256).sorted().toList();
                sums.put(table, new Checksum(rows.size(), sha256(String.join("\n", rows))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }

    /** The rows of a table as text, one per row ({@code {COLUMN=value, …}}), sorted — for a readable difference. */
    public static List<String> rows(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>(rows(s, table));
            rows.sort(null);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Statement s, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i).toUpperCase(Locale.ROOT), text(rs.getObject(i)));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
