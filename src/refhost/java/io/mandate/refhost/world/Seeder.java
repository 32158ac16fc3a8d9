package io.mandate.refhost.world;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Writes the rows of a world through one connection, so the whole sample organisation goes in as
 * one transaction; the only place besides {@link World} and {@link Schema} that holds SQL.
 */
final class Seeder {

    /** Who a permission is granted to. */
    enum Holder { GROUP, USER }

    private final Connection connection;

    Seeder(Connection connection) {
        this.connection = connection;
    }

    void user(long id, String username, String displayName, String email, boolean active,
              boolean systemAdmin, String password) throws SQLException {
        String salt = Passwords.newSalt();
        update("INSERT INTO HOST_USER (ID, USER_KEY, USERNAME, LOWER_USERNAME, DISPLAY_NAME, LOWER_DISPLAY_NAME,"
                        + " EMAIL, ACTIVE, SYSTEM_ADMIN, PASSWORD_SALT, PASSWORD_HASH)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, "JIRAUSER" + id, username, lower(username), displayName, lower(displayName), email,
                active, systemAdmin, salt, Passwords.hash(salt, password));
    }

    void group(String name) throws SQLException {
        update("INSERT INTO HOST_GROUP (GROUP_NAME) VALUES (?)", lower(name));
    }

    void member(String group, String username) throws SQLException {
        update("INSERT INTO HOST_MEMBERSHIP (GROUP_NAME, LOWER_USERNAME) VALUES (?, ?)", lower(group), lower(username));
    }

    void project(long id, String key, String name, String lead, List<String> issueTypes, List<String> components)
            throws SQLException {
        update("INSERT INTO HOST_PROJECT (ID, PROJECT_KEY, PROJECT_NAME, LEAD_USERNAME) VALUES (?, ?, ?, ?)",
                id, key.toUpperCase(Locale.ROOT), name, lead);
        for (int i = 0; i < issueTypes.size(); i++) {
            update("INSERT INTO HOST_PROJECT_ISSUE_TYPE (PROJECT_ID, SEQ, ISSUE_TYPE) VALUES (?, ?, ?)",
                    id, i, issueTypes.get(i));
        }
        for (int i = 0; i < components.size(); i++) {
            update("INSERT INTO HOST_PROJECT_COMPONENT (PROJECT_ID, SEQ, COMPONENT_NAME) VALUES (?, ?, ?)",
                    id, i, components.get(i));
        }
    }

    void projectGrant(String projectKey, String permission, Holder holderType, String holder) throws SQLException {
        update("INSERT INTO HOST_PROJECT_GRANT (PROJECT_ID, PERMISSION_NAME, HOLDER_TYPE, HOLDER)"
                        + " SELECT ID, ?, ?, ? FROM HOST_PROJECT WHERE PROJECT_KEY = ?",
                permission, holderType.name(), lower(holder), projectKey.toUpperCase(Locale.ROOT));
    }

    void globalGrant(String permission, Holder holderType, String holder) throws SQLException {
        update("INSERT INTO HOST_GLOBAL_GRANT (PERMISSION_NAME, HOLDER_TYPE, HOLDER) VALUES (?, ?, ?)",
                permission, holderType.name(), lower(holder));
    }

    void issue(long id, String projectKey, long number, String summary, String description, String issueType,
               List<String> components, List<String> labels, String status, String reporter, String assignee,
               Instant created, Instant updated) throws SQLException {
        String key = projectKey.toUpperCase(Locale.ROOT);
        update("INSERT INTO HOST_ISSUE (ID, ISSUE_KEY, PROJECT_ID, ISSUE_NUM, SUMMARY, DESCRIPTION, ISSUE_TYPE,"
                        + " ISSUE_STATUS, REPORTER, ASSIGNEE, CREATED, UPDATED)"
                        + " SELECT ?, ?, ID, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM HOST_PROJECT WHERE PROJECT_KEY = ?",
                id, key + "-" + number, number, summary, description, issueType, status, reporter, assignee,
                utc(created), utc(updated), key);
        for (int i = 0; i < components.size(); i++) {
            update("INSERT INTO HOST_ISSUE_COMPONENT (ISSUE_ID, SEQ, COMPONENT_NAME) VALUES (?, ?, ?)",
                    id, i, components.get(i));
        }
        for (String label : labels) {
            update("INSERT INTO HOST_ISSUE_LABEL (ISSUE_ID, LABEL) VALUES (?, ?)", id, label);
        }
    }

    void securityLevel(long id, String projectKey, String name) throws SQLException {
        update("INSERT INTO HOST_SECURITY_LEVEL (ID, PROJECT_ID, LEVEL_NAME) SELECT ?, ID, ? FROM HOST_PROJECT WHERE PROJECT_KEY = ?",
                id, name, projectKey.toUpperCase(Locale.ROOT));
    }

    /** A member of a level: {@code holder} is a username or group for USER and GROUP, empty for the others. */
    void securityMember(long levelId, WorldChanges.MemberType type, String holder) throws SQLException {
        update("INSERT INTO HOST_SECURITY_MEMBER (LEVEL_ID, HOLDER_TYPE, HOLDER) VALUES (?, ?, ?)",
                levelId, type.name(), lower(holder));
    }

    void issueSecurity(long issueId, long levelId) throws SQLException {
        update("INSERT INTO HOST_ISSUE_SECURITY (ISSUE_ID, LEVEL_ID) VALUES (?, ?)", issueId, levelId);
    }

    void space(long id, String key, String name) throws SQLException {
        update("INSERT INTO HOST_SPACE (ID, SPACE_KEY, SPACE_NAME) VALUES (?, ?, ?)", id, key, name);
    }

    void spaceGrant(String spaceKey, String permission, Holder holderType, String holder) throws SQLException {
        update("INSERT INTO HOST_SPACE_GRANT (SPACE_ID, PERMISSION_NAME, HOLDER_TYPE, HOLDER)"
                        + " SELECT ID, ?, ?, ? FROM HOST_SPACE WHERE SPACE_KEY = ?",
                permission, holderType.name(), lower(holder), spaceKey);
    }

    /** A page at version 1, written by the user with key {@code authorKey} at {@code created}. */
    void page(long id, String spaceKey, String title, String body, String authorKey, Instant created) throws SQLException {
        update("INSERT INTO HOST_PAGE (ID, SPACE_ID, TITLE, BODY) SELECT ?, ID, ?, ? FROM HOST_SPACE WHERE SPACE_KEY = ?",
                id, title, body, spaceKey);
        update("INSERT INTO HOST_PAGE_VERSION (PAGE_ID, VERSION_NUMBER, CREATOR_KEY, CREATED, MODIFIER_KEY, MODIFIED)"
                + " VALUES (?, 1, ?, ?, ?, ?)", id, authorKey, utc(created), authorKey, utc(created));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** TIMESTAMP columns hold UTC wall-clock time, independent of the JVM's default time zone. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            World.bind(statement, params);
            if (statement.executeUpdate() != 1) {
                // An INSERT ... SELECT that found no parent row: a mistake in the fixture, not in the data.
                throw new IllegalStateException("Expected one row from: " + sql);
            }
        }
    }
}
