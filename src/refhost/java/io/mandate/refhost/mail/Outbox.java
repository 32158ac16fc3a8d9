package io.mandate.refhost.mail;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.MailQueueItem;
import com.atlassian.mail.queue.SingleMailQueueItem;

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
import java.util.List;
import java.util.Objects;

/**
 * Jira's mail queue in the reference host: nothing leaves the machine; every queued message is kept
 * in the host table {@code HOST_OUTBOX} of Jira's database, where people (the outbox page) and tests
 * (the outbox JSON) read it. Being in the database, it survives restarts and all nodes share it.
 */
public final class Outbox implements MailQueue {

    /** One queued message; {@code id} grows with every message, so a higher id is newer. */
    public record Message(long id, String to, String subject, String body, String mimeType, Instant sentAt) {
    }

    /*
     * Portable like the world's tables (HSQLDB 2.7 and PostgreSQL): ids assigned here, not IDENTITY/SERIAL;
     * SENT_AT holds UTC wall-clock time. The lengths are above what Mandate writes (a 10,000-character
     * outcome plus the frame) and within both databases' VARCHAR limits.
     */
    private static final String DDL = "CREATE TABLE IF NOT EXISTS HOST_OUTBOX ("
            + " ID BIGINT NOT NULL PRIMARY KEY,"
            + " TO_ADDRESS VARCHAR(1000) NOT NULL,"
            + " SUBJECT VARCHAR(2000) NOT NULL,"
            + " BODY VARCHAR(100000) NOT NULL,"
            + " MIME_TYPE VARCHAR(255) NOT NULL,"
            + " SENT_AT TIMESTAMP NOT NULL)";
    /* Nodes starting together on one PostgreSQL can race on CREATE TABLE; the loser finds the table next time. */
    private static final int CREATE_ATTEMPTS = 3;
    /* Two nodes queueing at the same moment can pick the same next id; the loser takes the one after. */
    /** Writers that collide on MAX(ID)+1 retry; each round one of them wins, so this bounds only a pathological storm. */
    private static final int INSERT_ATTEMPTS = 200;

    private final DataSource dataSource;
    private final Clock clock;

    private Outbox(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = clock;
    }

    /** The outbox in this database; creates {@code HOST_OUTBOX} when it is missing. */
    public static Outbox open(DataSource dataSource) {
        return open(dataSource, Clock.systemUTC());
    }

    public static Outbox open(DataSource dataSource, Clock clock) {
        Outbox outbox = new Outbox(dataSource, clock);
        SQLException failure = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(DDL);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return outbox;
            } catch (SQLException e) {
                failure = e;
                // collided with a concurrent writer on the next id: step aside briefly so the
                // writers do not collide again in lock-step
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(3));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("Could not create the host's outbox table", failure);
    }

    /**
     * Keeps the message. Like Jira's queue it accepts work and returns; unlike Jira it takes only
     * {@link SingleMailQueueItem}s (the only kind Mandate queues) and refuses a message without an address.
     */
    @Override
    public void addItem(MailQueueItem item) {
        if (!(item instanceof SingleMailQueueItem single) || single.getEmail() == null) {
            throw new IllegalArgumentException("The reference host's outbox keeps SingleMailQueueItems with an Email, not " + item);
        }
        Email email = single.getEmail();
        if (email.getTo() == null || email.getTo().isBlank()) {
            throw new IllegalArgumentException("A message without a recipient cannot be queued");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SQLException failure = null;
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            try {
                insert(email, now);
                return;
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw new IllegalStateException("Could not queue the message to " + email.getTo(), e);
                }
                failure = e;
                // collided with a concurrent writer on the next id: step aside briefly so the
                // writers do not collide again in lock-step
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(3));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("Could not queue the message to " + email.getTo(), failure);
    }

    private void insert(Email email, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(ID), 0) + 1 FROM HOST_OUTBOX")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO HOST_OUTBOX"
                    + " (ID, TO_ADDRESS, SUBJECT, BODY, MIME_TYPE, SENT_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, email.getTo());
                insert.setString(3, email.getSubject() == null ? "" : email.getSubject());
                insert.setString(4, email.getBody() == null ? "" : email.getBody());
                insert.setString(5, email.getMimeType() == null ? "text/plain" : email.getMimeType());
                insert.setObject(6, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** The newest {@code max} messages, newest first. */
    public List<Message> newestFirst(int max) {
        if (max <= 0) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT ID, TO_ADDRESS, SUBJECT, BODY, MIME_TYPE, SENT_AT"
                     + " FROM HOST_OUTBOX ORDER BY ID DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            query.setInt(1, max);
            try (ResultSet rs = query.executeQuery()) {
                List<Message> messages = new ArrayList<>();
                while (rs.next()) {
                    messages.add(new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
                return messages;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the host's outbox", e);
        }
    }
}
