package io.mandate.refhost.applinks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

/**
 * Which users have authorised Confluence's link to Jira to act for them — the reference host's stand-in for the
 * OAuth access tokens a real Confluence keeps. Rows of {@code HOST_APPLINK_GRANT} in Confluence's database, by user
 * key (a rename keeps the grant), so every node sees the same grants and they survive restarts.
 */
public final class LinkGrants {

    private static final String DDL = "CREATE TABLE IF NOT EXISTS HOST_APPLINK_GRANT ("
            + " USER_KEY VARCHAR(255) NOT NULL PRIMARY KEY,"
            + " GRANTED_AT TIMESTAMP NOT NULL)";
    /* Nodes starting together on one PostgreSQL can race on CREATE TABLE; the loser finds the table next time. */
    private static final int CREATE_ATTEMPTS = 3;

    private final DataSource dataSource;

    private LinkGrants(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The grants in this database; creates the table when it is missing. */
    public static LinkGrants open(DataSource dataSource) {
        SQLException failure = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(DDL);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return new LinkGrants(dataSource);
            } catch (SQLException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        throw new IllegalStateException("HOST_APPLINK_GRANT cannot be created", failure);
    }

    public boolean isGranted(String userKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM HOST_APPLINK_GRANT WHERE USER_KEY = ?")) {
            s.setString(1, userKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the link grant of " + userKey + " failed", e);
        }
    }

    /** Records the user's authorisation; granting twice keeps one row. */
    public void grant(String userKey) {
        if (isGranted(userKey)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO HOST_APPLINK_GRANT (USER_KEY, GRANTED_AT) VALUES (?, ?)")) {
            s.setString(1, userKey);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            if (!isGranted(userKey)) { // a concurrent grant of the same user is success
                throw new IllegalStateException("Recording the link grant of " + userKey + " failed", e);
            }
        }
    }

    public void revoke(String userKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM HOST_APPLINK_GRANT WHERE USER_KEY = ?")) {
            s.setString(1, userKey);
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Revoking the link grant of " + userKey + " failed", e);
        }
    }
}
