package io.mandate.refhost.world;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The DDL of the host's own tables ({@code HOST_*}, never {@code AO_*}, so they cannot clash with the
 * plugin's Active Objects tables), written to run unchanged on HSQLDB 2.7 and PostgreSQL 14/15.
 */
final class Schema {

    /*
     * Portable on purpose: only VARCHAR, BIGINT, INTEGER, BOOLEAN and TIMESTAMP; ids assigned by the
     * host, not IDENTITY/SERIAL; TIMESTAMP holds UTC wall-clock time so nodes in different time zones
     * agree. Lower-cased copies of names are computed in Java (Locale.ROOT) so both databases
     * compare them identically. Order matters: referenced tables first.
     */
    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS HOST_USER ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " USER_KEY VARCHAR(255) NOT NULL UNIQUE,"
                    + " USERNAME VARCHAR(255) NOT NULL,"
                    + " LOWER_USERNAME VARCHAR(255) NOT NULL UNIQUE,"
                    + " DISPLAY_NAME VARCHAR(255) NOT NULL,"
                    + " LOWER_DISPLAY_NAME VARCHAR(255) NOT NULL,"
                    + " EMAIL VARCHAR(255) NOT NULL,"
                    + " ACTIVE BOOLEAN NOT NULL,"
                    + " SYSTEM_ADMIN BOOLEAN NOT NULL,"
                    + " PASSWORD_SALT VARCHAR(64) NOT NULL,"
                    + " PASSWORD_HASH VARCHAR(64) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS HOST_GROUP ("
                    + " GROUP_NAME VARCHAR(255) NOT NULL PRIMARY KEY)",
            "CREATE TABLE IF NOT EXISTS HOST_MEMBERSHIP ("
                    + " GROUP_NAME VARCHAR(255) NOT NULL REFERENCES HOST_GROUP (GROUP_NAME),"
                    + " LOWER_USERNAME VARCHAR(255) NOT NULL REFERENCES HOST_USER (LOWER_USERNAME),"
                    + " PRIMARY KEY (GROUP_NAME, LOWER_USERNAME))",
            "CREATE INDEX IF NOT EXISTS HOST_MEMBERSHIP_USER ON HOST_MEMBERSHIP (LOWER_USERNAME)",
            "CREATE TABLE IF NOT EXISTS HOST_PROJECT ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " PROJECT_KEY VARCHAR(255) NOT NULL UNIQUE,"
                    + " PROJECT_NAME VARCHAR(255) NOT NULL,"
                    + " LEAD_USERNAME VARCHAR(255) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS HOST_PROJECT_ISSUE_TYPE ("
                    + " PROJECT_ID BIGINT NOT NULL REFERENCES HOST_PROJECT (ID),"
                    + " SEQ INTEGER NOT NULL,"
                    + " ISSUE_TYPE VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (PROJECT_ID, SEQ))",
            "CREATE TABLE IF NOT EXISTS HOST_PROJECT_COMPONENT ("
                    + " PROJECT_ID BIGINT NOT NULL REFERENCES HOST_PROJECT (ID),"
                    + " SEQ INTEGER NOT NULL,"
                    + " COMPONENT_NAME VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (PROJECT_ID, SEQ))",
            // HOLDER_TYPE is GROUP or USER; HOLDER is the lower-cased group name or username.
            "CREATE TABLE IF NOT EXISTS HOST_PROJECT_GRANT ("
                    + " PROJECT_ID BIGINT NOT NULL REFERENCES HOST_PROJECT (ID),"
                    + " PERMISSION_NAME VARCHAR(64) NOT NULL,"
                    + " HOLDER_TYPE VARCHAR(16) NOT NULL,"
                    + " HOLDER VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (PROJECT_ID, PERMISSION_NAME, HOLDER_TYPE, HOLDER))",
            "CREATE TABLE IF NOT EXISTS HOST_ISSUE ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " ISSUE_KEY VARCHAR(255) NOT NULL UNIQUE,"
                    + " PROJECT_ID BIGINT NOT NULL REFERENCES HOST_PROJECT (ID),"
                    + " ISSUE_NUM BIGINT NOT NULL,"
                    + " SUMMARY VARCHAR(255) NOT NULL,"
                    + " DESCRIPTION VARCHAR(32000) NOT NULL,"
                    + " ISSUE_TYPE VARCHAR(255) NOT NULL,"
                    + " ISSUE_STATUS VARCHAR(64) NOT NULL,"
                    + " REPORTER VARCHAR(255) NOT NULL,"
                    + " ASSIGNEE VARCHAR(255),"
                    + " CREATED TIMESTAMP NOT NULL,"
                    + " UPDATED TIMESTAMP NOT NULL,"
                    + " UNIQUE (PROJECT_ID, ISSUE_NUM))",
            "CREATE TABLE IF NOT EXISTS HOST_ISSUE_COMPONENT ("
                    + " ISSUE_ID BIGINT NOT NULL REFERENCES HOST_ISSUE (ID),"
                    + " SEQ INTEGER NOT NULL,"
                    + " COMPONENT_NAME VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (ISSUE_ID, SEQ))",
            "CREATE TABLE IF NOT EXISTS HOST_ISSUE_LABEL ("
                    + " ISSUE_ID BIGINT NOT NULL REFERENCES HOST_ISSUE (ID),"
                    + " LABEL VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (ISSUE_ID, LABEL))",
            // Jira keeps the keys an issue had before a move or a project re-key (its moved_issue_key table),
            // so old links still resolve; a project's old keys stay reserved (Jira's project_key table).
            // Ids are never reused (Jira's SEQUENCE_VALUE_ITEM): a deleted issue's id must not come back
            // as another issue, or whatever a plugin keeps by id would attach to the wrong one.
            "CREATE TABLE IF NOT EXISTS HOST_SEQUENCE ("
                    + " SEQ_NAME VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " LAST_VALUE BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS HOST_MOVED_ISSUE_KEY ("
                    + " OLD_ISSUE_KEY VARCHAR(255) NOT NULL PRIMARY KEY,"
                    + " ISSUE_ID BIGINT NOT NULL REFERENCES HOST_ISSUE (ID))",
            "CREATE TABLE IF NOT EXISTS HOST_OLD_PROJECT_KEY ("
                    + " PROJECT_KEY VARCHAR(255) NOT NULL PRIMARY KEY,"
                    + " PROJECT_ID BIGINT NOT NULL REFERENCES HOST_PROJECT (ID))",
            // Jira's pcounter: issue numbers are never reused, not even after a delete or a move out.
            "CREATE TABLE IF NOT EXISTS HOST_PROJECT_COUNTER ("
                    + " PROJECT_ID BIGINT NOT NULL PRIMARY KEY REFERENCES HOST_PROJECT (ID),"
                    + " LAST_NUM BIGINT NOT NULL)",
            // Issue security: each project's scheme has levels; HOLDER_TYPE is USER, GROUP, REPORTER,
            // ASSIGNEE or PROJECT_LEAD (HOLDER empty for the last three), as Jira's level members.
            "CREATE TABLE IF NOT EXISTS HOST_SECURITY_LEVEL ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " PROJECT_ID BIGINT NOT NULL REFERENCES HOST_PROJECT (ID),"
                    + " LEVEL_NAME VARCHAR(255) NOT NULL,"
                    + " UNIQUE (PROJECT_ID, LEVEL_NAME))",
            "CREATE TABLE IF NOT EXISTS HOST_SECURITY_MEMBER ("
                    + " LEVEL_ID BIGINT NOT NULL REFERENCES HOST_SECURITY_LEVEL (ID),"
                    + " HOLDER_TYPE VARCHAR(16) NOT NULL,"
                    + " HOLDER VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (LEVEL_ID, HOLDER_TYPE, HOLDER))",
            "CREATE TABLE IF NOT EXISTS HOST_ISSUE_SECURITY ("
                    + " ISSUE_ID BIGINT NOT NULL PRIMARY KEY REFERENCES HOST_ISSUE (ID),"
                    + " LEVEL_ID BIGINT NOT NULL REFERENCES HOST_SECURITY_LEVEL (ID))",
            "CREATE TABLE IF NOT EXISTS HOST_SPACE ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " SPACE_KEY VARCHAR(255) NOT NULL UNIQUE,"
                    + " SPACE_NAME VARCHAR(255) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS HOST_SPACE_GRANT ("
                    + " SPACE_ID BIGINT NOT NULL REFERENCES HOST_SPACE (ID),"
                    + " PERMISSION_NAME VARCHAR(64) NOT NULL,"
                    + " HOLDER_TYPE VARCHAR(16) NOT NULL,"
                    + " HOLDER VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (SPACE_ID, PERMISSION_NAME, HOLDER_TYPE, HOLDER))",
            // A page body is a whole XHTML document; 1,000,000 is within both databases' VARCHAR limits.
            "CREATE TABLE IF NOT EXISTS HOST_PAGE ("
                    + " ID BIGINT NOT NULL PRIMARY KEY,"
                    + " SPACE_ID BIGINT NOT NULL REFERENCES HOST_SPACE (ID),"
                    + " TITLE VARCHAR(255) NOT NULL,"
                    + " BODY VARCHAR(1000000) NOT NULL)",
            // Confluence keeps page titles unique within a space; the index catches what two nodes might race past.
            "CREATE UNIQUE INDEX IF NOT EXISTS HOST_PAGE_TITLE ON HOST_PAGE (SPACE_ID, TITLE)",
            // A page's current version (Confluence's version.number, starting at 1) and who made it when, by user
            // key so a renamed user stays the author. A page without a row (a data folder from before) is at 1.
            "CREATE TABLE IF NOT EXISTS HOST_PAGE_VERSION ("
                    + " PAGE_ID BIGINT NOT NULL PRIMARY KEY REFERENCES HOST_PAGE (ID),"
                    + " VERSION_NUMBER INTEGER NOT NULL,"
                    + " CREATOR_KEY VARCHAR(255) NOT NULL,"
                    + " CREATED TIMESTAMP NOT NULL,"
                    + " MODIFIER_KEY VARCHAR(255) NOT NULL,"
                    + " MODIFIED TIMESTAMP NOT NULL)",
            // Jira's global permissions (only USER_PICKER, "Browse users and groups", so far); holders as above.
            "CREATE TABLE IF NOT EXISTS HOST_GLOBAL_GRANT ("
                    + " PERMISSION_NAME VARCHAR(64) NOT NULL,"
                    + " HOLDER_TYPE VARCHAR(16) NOT NULL,"
                    + " HOLDER VARCHAR(255) NOT NULL,"
                    + " PRIMARY KEY (PERMISSION_NAME, HOLDER_TYPE, HOLDER))");

    private Schema() {
    }

    /** Creates every table and index that does not exist yet; existing ones are left as they are. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }
}
