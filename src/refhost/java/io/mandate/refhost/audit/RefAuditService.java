package io.mandate.refhost.audit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Platform 7's advanced auditing ({@code AuditService}) in the reference host: every event is kept in host
 * tables of the product's database ({@code HOST_AUDIT_EVENT}, its affected objects in {@code HOST_AUDIT_OBJECT},
 * its changed values in {@code HOST_AUDIT_CHANGE}), so the log survives restarts and every node of the product
 * sees the same log, as in Data Center. Like the real service it adds the author (the user of the current
 * request, or {@code System} outside a request) and the time; the i18n keys are stored as keys and translated
 * when shown. Unlike the real one it has no coverage settings (every event is kept), no retention, no file log.
 * An event and its rows are written in one transaction.
 */
public final class RefAuditService implements AuditService {

    /** What the author is when no user is logged in (Atlassian's AuditAuthor.SYSTEM_AUTHOR is named "System"). */
    public static final String SYSTEM_AUTHOR = "System";

    /** One stored event; {@code id} grows with every event, so a higher id is newer. */
    public record Event(long id, Instant time, String author, String area, String level, String categoryKey,
                        String actionKey, List<Resource> affectedObjects, List<Change> changedValues) {
    }

    public record Resource(String type, String id, String name) {
    }

    public record Change(String i18nKey, String from, String to) {
    }

    /* Portable like the outbox (HSQLDB 2.7 and PostgreSQL): ids assigned here; TIME_UTC holds UTC wall-clock time. */
    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS HOST_AUDIT_EVENT ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " TIME_UTC TIMESTAMP NOT NULL,"
                    + " AUTHOR VARCHAR(255) NOT NULL,"
                    + " AREA VARCHAR(64),"
                    + " COVERAGE_LEVEL VARCHAR(32) NOT NULL,"
                    + " CATEGORY_KEY VARCHAR(255) NOT NULL,"
                    + " ACTION_KEY VARCHAR(255) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS HOST_AUDIT_OBJECT ("
                    + " EVENT_ID BIGINT NOT NULL,"
                    + " POS INTEGER NOT NULL,"
                    + " OBJECT_TYPE VARCHAR(255) NOT NULL,"
                    + " OBJECT_ID VARCHAR(255),"
                    + " OBJECT_NAME VARCHAR(1000) NOT NULL,"
                    + " PRIMARY KEY (EVENT_ID, POS))",
            "CREATE TABLE IF NOT EXISTS HOST_AUDIT_CHANGE ("
                    + " EVENT_ID BIGINT NOT NULL,"
                    + " POS INTEGER NOT NULL,"
                    + " I18N_KEY VARCHAR(255) NOT NULL,"
                    + " FROM_VALUE VARCHAR(10000),"
                    + " TO_VALUE VARCHAR(10000),"
                    + " PRIMARY KEY (EVENT_ID, POS))");
    private static final int CREATE_ATTEMPTS = 3;
    /** Writers that collide on MAX(ID)+1 retry (as the outbox does); each round one of them wins. */
    private static final int INSERT_ATTEMPTS = 200;

    private final DataSource dataSource;
    private final Supplier<String> currentUsername;
    private final Clock clock;

    private RefAuditService(DataSource dataSource, Supplier<String> currentUsername, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.currentUsername = Objects.requireNonNull(currentUsername, "currentUsername");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The audit log in this database; creates its tables when they are missing. */
    public static RefAuditService open(DataSource dataSource, Supplier<String> currentUsername) {
        return open(dataSource, currentUsername, Clock.systemUTC());
    }

    public static RefAuditService open(DataSource dataSource, Supplier<String> currentUsername, Clock clock) {
        RefAuditService service = new RefAuditService(dataSource, currentUsername, clock);
        SQLException failure = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String ddl : DDL) {
                    statement.execute(ddl);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return service;
            } catch (SQLException e) {
                // nodes starting together on one PostgreSQL can race on CREATE TABLE; the loser finds it next time
                failure = e;
            }
        }
        throw new IllegalStateException("Could not create the host's audit log tables", failure);
    }

    @Override
    public void audit(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        String user = currentUsername.get();
        String author = user == null ? SYSTEM_AUTHOR : user;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SQLException failure = null;
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            try {
                insert(event, author, now);
                return;
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw new IllegalStateException("Could not write the audit event " + event.getActionI18nKey(), e);
                }
                failure = e;
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("Could not write the audit event " + event.getActionI18nKey(), failure);
    }

    private void insert(AuditEvent event, String author, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long id;
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(ID), 0) + 1 FROM HOST_AUDIT_EVENT")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO HOST_AUDIT_EVENT"
                        + " (ID, TIME_UTC, AUTHOR, AREA, COVERAGE_LEVEL, CATEGORY_KEY, ACTION_KEY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.setString(3, author);
                    insert.setString(4, event.getArea() == null ? null : event.getArea().name());
                    insert.setString(5, event.getLevel().name());
                    insert.setString(6, event.getCategoryI18nKey());
                    insert.setString(7, event.getActionI18nKey());
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO HOST_AUDIT_OBJECT"
                        + " (EVENT_ID, POS, OBJECT_TYPE, OBJECT_ID, OBJECT_NAME) VALUES (?, ?, ?, ?, ?)")) {
                    int pos = 0;
                    for (AuditResource object : event.getAffectedObjects()) {
                        insert.setLong(1, id);
                        insert.setInt(2, pos++);
                        insert.setString(3, object.getType());
                        insert.setString(4, object.getId());
                        insert.setString(5, object.getName());
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO HOST_AUDIT_CHANGE"
                        + " (EVENT_ID, POS, I18N_KEY, FROM_VALUE, TO_VALUE) VALUES (?, ?, ?, ?, ?)")) {
                    int pos = 0;
                    for (ChangedValue change : event.getChangedValues()) {
                        insert.setLong(1, id);
                        insert.setInt(2, pos++);
                        insert.setString(3, change.getI18nKey());
                        insert.setString(4, change.getFrom());
                        insert.setString(5, change.getTo());
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The newest {@code max} events, newest first. */
    public List<Event> newestFirst(int max) {
        if (max <= 0) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, Event> events = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT ID, TIME_UTC, AUTHOR, AREA, COVERAGE_LEVEL,"
                    + " CATEGORY_KEY, ACTION_KEY FROM HOST_AUDIT_EVENT ORDER BY ID DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
                query.setInt(1, max);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        events.put(id, new Event(id, rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                new ArrayList<>(), new ArrayList<>()));
                    }
                }
            }
            if (events.isEmpty()) {
                return List.of();
            }
            long oldest = events.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            try (PreparedStatement query = connection.prepareStatement("SELECT EVENT_ID, OBJECT_TYPE, OBJECT_ID, OBJECT_NAME"
                    + " FROM HOST_AUDIT_OBJECT WHERE EVENT_ID >= ? ORDER BY EVENT_ID, POS")) {
                query.setLong(1, oldest);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Event e = events.get(rs.getLong(1));
                        if (e != null) {
                            e.affectedObjects().add(new Resource(rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT EVENT_ID, I18N_KEY, FROM_VALUE, TO_VALUE"
                    + " FROM HOST_AUDIT_CHANGE WHERE EVENT_ID >= ? ORDER BY EVENT_ID, POS")) {
                query.setLong(1, oldest);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Event e = events.get(rs.getLong(1));
                        if (e != null) {
                            e.changedValues().add(new Change(rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            return events.values().stream().map(e -> new Event(e.id(), e.time(), e.author(), e.area(), e.level(),
                    e.categoryKey(), e.actionKey(), List.copyOf(e.affectedObjects()), List.copyOf(e.changedValues())))
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the host's audit log", e);
        }
    }
}
