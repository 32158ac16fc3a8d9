package io.mandate.refhost.db;

import net.java.ao.Common;
import net.java.ao.DatabaseProvider;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;
import net.java.ao.types.TypeInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ActiveObjects.create(Class, List)} on HSQLDB as one JDBC batch, as AO's provider for PostgreSQL (and its base
 * provider, which the other databases Jira supports use) sends it. AO's HSQLDB provider (a final class) inserts such
 * rows one by one, each followed by {@code CALL IDENTITY()} to read a key nobody asked for: two statements a row on a
 * database no Data Center node runs — a cost of the reference host's stand-in database that would hide what the
 * plugin's batch costs on the real ones (issue 10: "where the cost is the reference host's own, fix it there").
 * Values are written the way AO writes them (its type manager); the transaction's connection is AO's.
 */
final class HsqlBatchInsert {

    private HsqlBatchInsert() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends RawEntity<K>, K> void insert(EntityManager em, Class<T> type, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        DatabaseProvider provider = em.getProvider();
        String table = em.getNameConverters().getTableNameConverter().getName(type);
        String[] fields = rows.stream().flatMap(row -> row.keySet().stream()).distinct().toArray(String[]::new);
        String sql = "INSERT INTO " + provider.withSchema(table) + " ("
                + Arrays.stream(fields).map(provider::processID).collect(Collectors.joining(","))
                + ") VALUES (" + String.join(",", Collections.nCopies(fields.length, "?")) + ")";
        try (Connection connection = provider.getConnection();
             PreparedStatement statement = provider.preparedStatement(connection, sql)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < fields.length; i++) {
                    Object value = row.get(fields[i]);
                    if (value instanceof RawEntity<?> entity) {
                        value = Common.getPrimaryKeyValue((RawEntity) entity);
                    }
                    if (value == null) {
                        provider.putNull(statement, i + 1);
                    } else {
                        TypeInfo info = provider.getTypeManager().getType(value.getClass());
                        info.getLogicalType().putToDatabase(em, statement, i + 1, value, info.getJdbcWriteType());
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
