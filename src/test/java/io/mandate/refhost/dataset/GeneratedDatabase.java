package io.mandate.refhost.dataset;

import io.mandate.authority.AbsenceEntity;
import io.mandate.authority.DomainEntity;
import io.mandate.authority.DomainScopeEntity;
import io.mandate.authority.GrantEntity;
import io.mandate.authority.MatrixAuditEntity;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.MailClaimEntity;
import io.mandate.decision.MailEntity;
import io.mandate.decision.NoticeEntity;
import io.mandate.decision.NotificationEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.refhost.world.World;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TableChecksums;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A fresh test database with the host's tables (opened empty) and the plugin's tables (migrated by a real Active
 * Objects from the plugin's entities), ready for the generator.
 */
final class GeneratedDatabase implements AutoCloseable {

    /** The day every test dataset is generated as of, so content is comparable between runs. */
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    /** The host tables the generator writes (and the marker). */
    static final List<String> HOST_TABLES = List.of("HOST_USER", "HOST_GROUP", "HOST_MEMBERSHIP", "HOST_GLOBAL_GRANT",
            "HOST_PROJECT", "HOST_PROJECT_ISSUE_TYPE", "HOST_PROJECT_COMPONENT", "HOST_PROJECT_GRANT",
            "HOST_PROJECT_COUNTER", "HOST_SECURITY_LEVEL", "HOST_SECURITY_MEMBER", "HOST_ISSUE", "HOST_ISSUE_LABEL",
            "HOST_ISSUE_SECURITY", "HOST_DATASET");

    /** The seed of the shared datasets. */
    static final long SEED = 7;
    private static final Map<String, GeneratedDatabase> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    final AoTestSupport ao;
    final AoTables tables;
    /** What generating the shared dataset reported, and the JDBC executions counted meanwhile (null when not shared). */
    DatasetGenerator.Result result;
    long jdbcExecutions;

    GeneratedDatabase(String kind) {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class,
                RevisionEntity.class, NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class, DomainEntity.class, DomainScopeEntity.class,
                GrantEntity.class, AbsenceEntity.class, MatrixAuditEntity.class);
        World.open(ao.database().dataSource(), World.Contents.NONE);
        tables = AoTables.of(ao.activeObjects().entityManager(), GeneratedDatabase.class.getClassLoader());
    }

    /**
     * Dataset S with {@link #SEED}, generated once per database kind and test JVM (through a statement counter) and
     * shared by the tests that only read it; like the test PostgreSQL server, it lives as long as the JVM.
     */
    static GeneratedDatabase sharedS(String kind) {
        return SHARED.computeIfAbsent(kind, k -> {
            GeneratedDatabase db = new GeneratedDatabase(k);
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            db.result = db.generator(counting.dataSource()).generate(DatasetSpec.S, SEED, DAY);
            db.jdbcExecutions = counting.executions();
            return db;
        });
    }

    DataSource dataSource() {
        return ao.database().dataSource();
    }

    DatasetGenerator generator() {
        return generator(dataSource());
    }

    DatasetGenerator generator(DataSource through) {
        return new DatasetGenerator(through, ao.database().kind(), tables);
    }

    DatasetGenerator.Result generate(DatasetSpec spec, long seed) {
        return generator().generate(spec, seed, DAY);
    }

    /** The AO table of an entity, quoted. */
    String table(String entity) {
        return tables.table(entity);
    }

    long count(String table) {
        return single("SELECT COUNT(*) FROM " + table);
    }

    long single(String sql) {
        List<List<Object>> rows = query(sql);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    List<List<Object>> query(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * A SHA-256 over every row of every table the generator writes, independent of row order, column order and the
     * driver's types (timestamps as local date-times, numbers as integers), so equal content hashes equal on HSQLDB
     * and PostgreSQL alike: {@link TableChecksums} of each table, hashed together.
     */
    String contentHash() {
        List<String> names = new ArrayList<>(HOST_TABLES);
        AoTables.ALL.forEach(e -> names.add(tables.table(e)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(TableChecksums.of(dataSource(), names).toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ao.close();
    }
}
