package io.mandate.refhost.world;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The reference host's world — users, groups, Jira projects, issues and permissions, Confluence
 * spaces and pages — kept in the host's own {@code HOST_*} tables and read with plain JDBC.
 *
 * <p>Thread-safe. Users, groups, memberships, projects, permission grants and issue security levels are answered
 * from caches, as Jira answers them ({@link WorldCaches}); every write of the world clears them, on every world
 * opened on the same database, so two host nodes on one PostgreSQL always agree (the Data Center rule). Issues and
 * pages are read from the database on every call, as Jira reads an issue. Usernames and
 * group names are case-insensitive, project and issue keys are matched in upper case, space keys
 * exactly. Inactive users cannot log in and hold no permissions.
 */
public final class World {

    /** Jira permission: see the project and its issues. */
    public static final String BROWSE_PROJECTS = "BROWSE_PROJECTS";
    /** Jira permission: edit the project's issues. */
    public static final String EDIT_ISSUES = "EDIT_ISSUES";
    /** Jira permission: administer the project. */
    public static final String ADMINISTER_PROJECTS = "ADMINISTER_PROJECTS";
    /** Jira permission: create issues in the project. */
    public static final String CREATE_ISSUES = "CREATE_ISSUES";
    /** Jira permission: delete the project's issues. */
    public static final String DELETE_ISSUES = "DELETE_ISSUES";
    /** Jira permission: move the project's issues to another project. */
    public static final String MOVE_ISSUES = "MOVE_ISSUES";
    /** Jira permission: set the security level of the project's issues. */
    public static final String SET_ISSUE_SECURITY = "SET_ISSUE_SECURITY";
    /**
     * Jira global permission "Browse users and groups" ({@code GlobalPermissionKey.USER_PICKER}): the
     * user and group pickers suggest matches only to holders.
     */
    public static final String USER_PICKER = "USER_PICKER";
    /** Confluence space permission names as stored in HOST_SPACE_GRANT (Confluence's own names). */
    static final String VIEW_SPACE = "VIEWSPACE";
    static final String EDIT_SPACE = "EDITSPACE";
    /** Space administration ("Admin" in a space's permissions): Confluence's own name. Mandate reads no such right. */
    static final String ADMINISTER_SPACE = "SETSPACEPERMISSIONS";

    static final Set<String> PROJECT_PERMISSIONS = Set.of(BROWSE_PROJECTS, EDIT_ISSUES, ADMINISTER_PROJECTS,
            CREATE_ISSUES, DELETE_ISSUES, MOVE_ISSUES, SET_ISSUE_SECURITY);
    private static final String JIRA_ADMINISTRATORS = "jira-administrators";
    /*
     * Nodes starting together on one PostgreSQL race twice: on CREATE TABLE (the loser fails once the
     * winner's DDL commits) and on seeding (the loser fails once the winner's rows commit). Each lost
     * race means the winner's work is now visible, so the third attempt finds everything and adds nothing.
     */
    private static final int OPEN_ATTEMPTS = 3;

    private static final String USER_COLUMNS = "ID, USER_KEY, USERNAME, DISPLAY_NAME, EMAIL, ACTIVE";
    /*
     * The security level by the issue's key (a sub-select, as Jira reads its own jiraissue.SECURITY column): joined,
     * PostgreSQL hashed the whole level table (50,000 rows at L) for every bulk read of 500 issues — 9.5 ms a read,
     * against 3 ms now (EXPLAIN ANALYZE in docs/benchmarks.md).
     */
    private static final String ISSUE_SELECT = "SELECT i.ID, i.ISSUE_KEY, p.PROJECT_KEY, i.ISSUE_NUM, i.SUMMARY,"
            + " i.DESCRIPTION, i.ISSUE_TYPE, i.ISSUE_STATUS, i.REPORTER, i.ASSIGNEE, i.CREATED, i.UPDATED,"
            + " (SELECT s.LEVEL_ID FROM HOST_ISSUE_SECURITY s WHERE s.ISSUE_ID = i.ID),"
            + " c.SEQ, c.COMPONENT_NAME, l.LABEL"
            + " FROM HOST_ISSUE i JOIN HOST_PROJECT p ON p.ID = i.PROJECT_ID"
            + " LEFT JOIN HOST_ISSUE_COMPONENT c ON c.ISSUE_ID = i.ID LEFT JOIN HOST_ISSUE_LABEL l ON l.ISSUE_ID = i.ID";
    private static final String PAGE_SELECT = "SELECT pg.ID, s.SPACE_KEY, pg.TITLE, pg.BODY"
            + " FROM HOST_PAGE pg JOIN HOST_SPACE s ON s.ID = pg.SPACE_ID";
    private final DataSource dataSource;
    private final WorldCaches caches;
    /** Users by lower-case username, and by key: with what Crowd keeps of them (password hash, system admin). */
    private final Map<String, Optional<UserRecord>> usersByName;
    private final Map<String, Optional<UserRecord>> usersByKey;
    /** The groups of a user (lower-case username), sorted. */
    private final Map<String, List<String>> groupsOfUser;
    private final Map<String, List<String>> membersOfGroup;
    /** The one entry {@link #ALL}: all group names. */
    private final Map<String, List<String>> allGroups;
    /** The one entry {@link #ALL}: all projects, by key. */
    private final Map<String, List<HostProject>> allProjects;
    private final Map<String, Map<String, HostProject>> projectsByKey;
    /** The one entry {@link #ALL}: project key → permission → holders (the permission schemes). */
    private final Map<String, Map<String, Map<String, List<Holder>>>> projectGrants;
    /** The one entry {@link #ALL}: space key → permission → holders. */
    private final Map<String, Map<String, Map<String, List<Holder>>>> spaceGrants;
    /** The one entry {@link #ALL}: {@link #ALL} → permission → holders of the global permissions. */
    private final Map<String, Map<String, Map<String, List<Holder>>>> globalGrants;
    /** A project's issue security levels (project key upper case). */
    private final Map<String, List<HostSecurityLevel>> securityLevelsOfProject;
    /** A security level's members: holder type and holder. */
    private final Map<Long, List<Holder>> securityMembers;
    private static final String ALL = "all";

    /** A user row with what only the host reads: the password's salt and hash, the system administrator flag. */
    private record UserRecord(HostUser user, String salt, String hash, boolean systemAdmin) {
    }

    /** A permission's holder: {@code USER} (lower-case username), {@code GROUP} (group name) or a level's member type. */
    private record Holder(String type, String name) {
    }

    /** Whether {@link #open} seeded the sample organisation (a fresh database), rather than finding one. */
    private volatile boolean seededNow;

    /** Whether this opening seeded the sample organisation into an empty database (a fresh data folder). */
    public boolean seededNow() {
        return seededNow;
    }

    private World(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.caches = new WorldCaches(databaseOf(dataSource));
        this.usersByName = caches.cache();
        this.usersByKey = caches.cache();
        this.groupsOfUser = caches.cache();
        this.membersOfGroup = caches.cache();
        this.allGroups = caches.cache();
        this.allProjects = caches.cache();
        this.projectsByKey = caches.cache();
        this.projectGrants = caches.cache();
        this.spaceGrants = caches.cache();
        this.globalGrants = caches.cache();
        this.securityLevelsOfProject = caches.cache();
        this.securityMembers = caches.cache();
    }

    /** The database's identity — URL and schema — shared by every world opened on it (the nodes of a cluster). */
    private static String databaseOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL() + "|" + connection.getSchema();
        } catch (SQLException e) {
            throw new WorldException("Could not open the host's world", e);
        }
    }

    /**
     * Clears the caches of this world and of every world on the same database: what Jira needs after its tables were
     * changed behind its back (plain SQL); every write through the world does it itself.
     */
    public void flushCaches() {
        caches.invalidateEverywhere();
    }

    /** After a write of the world committed (or failed): no cache keeps what it changed. */
    void changed() {
        caches.invalidateEverywhere();
    }

    /** What an empty database is given when the world is opened. */
    public enum Contents {
        /** The sample organisation (docs/sample-org.md). */
        SAMPLE_ORGANISATION,
        /** Nothing: the tables only, for a generated dataset (docs/datasets.md) to fill. */
        NONE
    }

    /**
     * Opens the world in the given database: creates the {@code HOST_*} tables that are missing and, when
     * there are no users yet, seeds the {@link SampleOrganisation} in one transaction.
     *
     * @throws WorldException when the database cannot be prepared
     */
    public static World open(DataSource dataSource) {
        return open(dataSource, Contents.SAMPLE_ORGANISATION);
    }

    /**
     * Opens the world in the given database: creates the {@code HOST_*} tables that are missing and, when there are
     * no users yet, gives it {@code contents}.
     *
     * @throws WorldException when the database cannot be prepared
     */
    public static World open(DataSource dataSource, Contents contents) {
        World world = new World(dataSource);
        SQLException failure = null;
        for (int attempt = 1; attempt <= OPEN_ATTEMPTS; attempt++) {
            try {
                world.createAndSeed(contents);
                world.changed(); // another node on this database may have cached the empty world
                return world;
            } catch (SQLException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        throw new WorldException("Could not create or seed the host's tables", failure);
    }

    private void createAndSeed(Contents contents) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Schema.create(connection);
                connection.commit();
                if (!hasUsers(connection)) {
                    if (contents == Contents.SAMPLE_ORGANISATION) {
                        SampleOrganisation.seed(new Seeder(connection));
                        seededNow = true;
                    }
                } else if (!hasRows(connection, "HOST_GLOBAL_GRANT")) {
                    // a data folder from before global permissions: give it the sample organisation's grant
                    new Seeder(connection).globalGrant(USER_PICKER, Seeder.Holder.GROUP, "jira-software-users");
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

    private static boolean hasUsers(Connection connection) throws SQLException {
        return hasRows(connection, "HOST_USER");
    }

    /** {@code table} is a constant of this class, never input. */
    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** The run-time changes of the Jira world (projects, issues, security levels), each in one transaction. */
    public WorldChanges changes() {
        return new WorldChanges(dataSource, this);
    }

    /** Confluence's page writes (create, edit with the version rule, delete), each in one transaction. */
    public Pages pages() {
        return new Pages(dataSource, this);
    }

    // ---------------------------------------------------------------- users

    public Optional<HostUser> userByName(String username) {
        return userRecord(username).map(UserRecord::user);
    }

    public Optional<HostUser> userByKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return caches.get(usersByKey, key, () -> first(query("SELECT " + USER_RECORD_COLUMNS + " FROM HOST_USER"
                + " WHERE USER_KEY = ?", World::userRecord, key))).map(UserRecord::user);
    }

    private static final String USER_RECORD_COLUMNS = USER_COLUMNS + ", PASSWORD_SALT, PASSWORD_HASH, SYSTEM_ADMIN";

    private Optional<UserRecord> userRecord(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return caches.get(usersByName, lower(username), () -> first(query("SELECT " + USER_RECORD_COLUMNS
                + " FROM HOST_USER WHERE LOWER_USERNAME = ?", World::userRecord, lower(username))));
    }

    private static UserRecord userRecord(ResultSet rs) throws SQLException {
        return new UserRecord(user(rs), rs.getString(7), rs.getString(8), rs.getBoolean(9));
    }

    /** Active users only: inactive ones can neither log in nor hold permissions. */
    private Optional<UserRecord> activeUser(String username) {
        return userRecord(username).filter(u -> u.user().active());
    }

    /** All users, inactive ones included, ordered by username. */
    public List<HostUser> users() {
        return query("SELECT " + USER_COLUMNS + " FROM HOST_USER ORDER BY LOWER_USERNAME", World::user);
    }

    /** True only for an active user whose password matches; inactive users cannot log in. */
    public boolean checkPassword(String username, String password) {
        if (username == null || password == null) {
            return false;
        }
        Optional<UserRecord> user = activeUser(username);
        return user.isPresent() && Passwords.matches(password, user.get().salt(), user.get().hash());
    }

    public boolean isSystemAdmin(String username) {
        return activeUser(username).map(UserRecord::systemAdmin).orElse(false);
    }

    /** System administrators and active members of jira-administrators. */
    public boolean isAdmin(String username) {
        return activeUser(username).map(u -> u.systemAdmin() || groupsOf(username).contains(JIRA_ADMINISTRATORS))
                .orElse(false);
    }

    /**
     * Active users whose username or display name starts with {@code prefix}, ignoring case, ordered by
     * username — what a user picker offers. Inactive users are left out because they cannot act.
     */
    public List<HostUser> findUsers(String prefix, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String pattern = likePrefix(prefix);
        return query("SELECT " + USER_COLUMNS + " FROM HOST_USER WHERE ACTIVE = TRUE"
                        + " AND (LOWER_USERNAME LIKE ? ESCAPE '!' OR LOWER_DISPLAY_NAME LIKE ? ESCAPE '!')"
                        + " ORDER BY LOWER_USERNAME OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY",
                World::user, pattern, pattern, limit);
    }

    /**
     * Renames a user as Jira 10 does: the key stays, the username (login name) changes. The host keeps
     * memberships, permission grants, project leads and issue reporters/assignees by username (Jira
     * keeps them by key), so they follow in the same transaction. A change of case only is allowed.
     *
     * @throws IllegalArgumentException when there is no such user, or another user has the new name
     */
    public void renameUser(String username, String newUsername) {
        if (newUsername == null || newUsername.isBlank()) {
            throw new IllegalArgumentException("A username cannot be blank");
        }
        HostUser user = userByName(username)
                .orElseThrow(() -> new IllegalArgumentException("No user is called " + username));
        Optional<HostUser> holder = userByName(newUsername);
        if (holder.isPresent() && !holder.get().key().equals(user.key())) {
            throw new IllegalArgumentException("Another user is already called " + newUsername);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                renameUser(connection, user, newUsername);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new WorldException("Could not rename " + username + " to " + newUsername, e);
        } finally {
            changed();
        }
    }

    private static void renameUser(Connection connection, HostUser user, String newUsername) throws SQLException {
        String oldLower = lower(user.username());
        String newLower = lower(newUsername);
        // memberships reference LOWER_USERNAME: take them off the old name and put them on the new one
        List<String> groups = query(connection, "SELECT GROUP_NAME FROM HOST_MEMBERSHIP WHERE LOWER_USERNAME = ?",
                rs -> rs.getString(1), oldLower);
        renameUpdate(connection, "DELETE FROM HOST_MEMBERSHIP WHERE LOWER_USERNAME = ?", oldLower);
        renameUpdate(connection, "UPDATE HOST_USER SET USERNAME = ?, LOWER_USERNAME = ? WHERE USER_KEY = ?",
                newUsername, newLower, user.key());
        for (String group : groups) {
            renameUpdate(connection, "INSERT INTO HOST_MEMBERSHIP (GROUP_NAME, LOWER_USERNAME) VALUES (?, ?)", group, newLower);
        }
        for (String grants : List.of("HOST_PROJECT_GRANT", "HOST_SPACE_GRANT")) {
            renameUpdate(connection, "UPDATE " + grants + " SET HOLDER = ? WHERE HOLDER_TYPE = 'USER' AND HOLDER = ?",
                    newLower, oldLower);
        }
        for (String[] column : new String[][] {{"HOST_PROJECT", "LEAD_USERNAME"}, {"HOST_ISSUE", "REPORTER"},
                {"HOST_ISSUE", "ASSIGNEE"}}) {
            renameUpdate(connection, "UPDATE " + column[0] + " SET " + column[1] + " = ? WHERE LOWER(" + column[1] + ") = ?",
                    newUsername, oldLower);
        }
    }

    private static void renameUpdate(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- groups

    public boolean groupExists(String group) {
        return group != null && groups().contains(lower(group));
    }

    /** All group names (lower case), sorted. */
    public List<String> groups() {
        return caches.get(allGroups, ALL, () -> List.copyOf(query("SELECT GROUP_NAME FROM HOST_GROUP ORDER BY GROUP_NAME",
                rs -> rs.getString(1))));
    }

    public List<String> groupsOf(String username) {
        if (username == null) {
            return List.of();
        }
        return caches.get(groupsOfUser, lower(username), () -> List.copyOf(query(
                "SELECT GROUP_NAME FROM HOST_MEMBERSHIP WHERE LOWER_USERNAME = ? ORDER BY GROUP_NAME",
                rs -> rs.getString(1), lower(username))));
    }

    public boolean isUserInGroup(String username, String group) {
        return username != null && group != null && groupsOf(username).contains(lower(group));
    }

    /** Usernames of the group's members, inactive ones included, sorted. */
    public List<String> membersOf(String group) {
        if (group == null) {
            return List.of();
        }
        // cached as Jira's group membership cache is; every membership, user or group change clears it (WorldCaches)
        return caches.get(membersOfGroup, lower(group), () -> List.copyOf(query(
                "SELECT u.USERNAME FROM HOST_MEMBERSHIP m JOIN HOST_USER u ON u.LOWER_USERNAME = m.LOWER_USERNAME"
                + " WHERE m.GROUP_NAME = ? ORDER BY u.LOWER_USERNAME", rs -> rs.getString(1), lower(group))));
    }

    /** Group names starting with {@code prefix} (ignoring case), sorted, skipping {@code start}, at most {@code limit}. */
    public List<String> findGroups(String prefix, int start, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return query("SELECT GROUP_NAME FROM HOST_GROUP WHERE GROUP_NAME LIKE ? ESCAPE '!'"
                        + " ORDER BY GROUP_NAME OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                rs -> rs.getString(1), likePrefix(prefix), Math.max(0, start), limit);
    }

    // ---------------------------------------------------------------- Jira

    /** All projects, ordered by key. */
    public List<HostProject> projects() {
        return caches.get(allProjects, ALL, () -> projects("", new Object[0]));
    }

    public Optional<HostProject> project(String key) {
        if (key == null) {
            return Optional.empty();
        }
        // a map lookup, as Jira's ProjectManager answers from its project cache: asked for every issue a report reads
        Map<String, HostProject> byKey = caches.get(projectsByKey, ALL, () -> {
            Map<String, HostProject> m = new java.util.HashMap<>();
            projects().forEach(p -> m.putIfAbsent(p.key(), p));
            return m;
        });
        return Optional.ofNullable(byKey.get(upper(key)));
    }

    /**
     * The issue with this key, ignoring case ({@code demo-1} finds {@code DEMO-1}); as in Jira, a key the issue
     * had before a move or a project re-key still finds it, the current key first.
     */
    public Optional<HostIssue> issue(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<HostIssue> current = first(issues(" WHERE i.ISSUE_KEY = ?", upper(key)));
        if (current.isPresent()) {
            return current;
        }
        return first(issues(" WHERE i.ID IN (SELECT m.ISSUE_ID FROM HOST_MOVED_ISSUE_KEY m WHERE m.OLD_ISSUE_KEY = ?)",
                upper(key)));
    }

    /** Whether the key is a project's current key or one it had before a re-key (Jira keeps those reserved). */
    public boolean isProjectKeyInUse(String key) {
        return key != null && (project(key).isPresent()
                || exists("SELECT 1 FROM HOST_OLD_PROJECT_KEY WHERE PROJECT_KEY = ?", upper(key)));
    }

    /** The project's issue security levels, by name. */
    public List<HostSecurityLevel> securityLevels(String projectKey) {
        if (projectKey == null) {
            return List.of();
        }
        return caches.get(securityLevelsOfProject, upper(projectKey), () -> List.copyOf(query(
                "SELECT l.ID, p.PROJECT_KEY, l.LEVEL_NAME FROM HOST_SECURITY_LEVEL l"
                + " JOIN HOST_PROJECT p ON p.ID = l.PROJECT_ID WHERE p.PROJECT_KEY = ? ORDER BY l.LEVEL_NAME",
                World::securityLevel, upper(projectKey))));
    }

    /** The security level the issue is at (its project's level, from the cache); empty when there is none. */
    public Optional<HostSecurityLevel> securityLevelOf(HostIssue issue) {
        if (issue.securityLevelId() == null) {
            return Optional.empty();
        }
        return securityLevels(issue.projectKey()).stream().filter(l -> l.id() == issue.securityLevelId()).findFirst();
    }

    /** The security level the issue is at; empty when anyone who may browse the project sees it. */
    public Optional<HostSecurityLevel> securityLevelOf(long issueId) {
        return first(query("SELECT l.ID, p.PROJECT_KEY, l.LEVEL_NAME FROM HOST_ISSUE_SECURITY s"
                + " JOIN HOST_SECURITY_LEVEL l ON l.ID = s.LEVEL_ID JOIN HOST_PROJECT p ON p.ID = l.PROJECT_ID"
                + " WHERE s.ISSUE_ID = ?", World::securityLevel, issueId));
    }

    /**
     * Whether the user may see the issue: Browse permission in its project and, when the issue is at a
     * security level, membership of that level (directly, through a group, or as the issue's reporter,
     * assignee or project lead where the level names those). As in Jira, administrators are not exempt
     * from issue security: they see such an issue only as members.
     */
    public boolean canBrowseIssue(String usernameOrNull, HostIssue issue) {
        if (issue == null || !hasProjectPermission(usernameOrNull, issue.projectKey(), BROWSE_PROJECTS)) {
            return false;
        }
        // the level is the issue's own data, read with it (Jira's issue row); its members come from the cache
        return issue.securityLevelId() == null || isInSecurityLevel(usernameOrNull, issue.securityLevelId(), issue);
    }

    private boolean isInSecurityLevel(String username, long levelId, HostIssue issue) {
        String user = lower(username);
        List<Holder> members = caches.get(securityMembers, levelId, () -> List.copyOf(query(
                "SELECT HOLDER_TYPE, HOLDER FROM HOST_SECURITY_MEMBER WHERE LEVEL_ID = ?",
                rs -> new Holder(rs.getString(1), rs.getString(2)), levelId)));
        for (Holder member : members) {
            boolean in = switch (member.type()) {
                case "USER" -> member.name().equals(user);
                case "GROUP" -> isUserInGroup(user, member.name());
                case "REPORTER" -> user.equals(lower(issue.reporter()));
                case "ASSIGNEE" -> issue.assignee() != null && user.equals(lower(issue.assignee()));
                case "PROJECT_LEAD" -> project(issue.projectKey()).map(p -> user.equals(lower(p.lead()))).orElse(false);
                default -> false;
            };
            if (in) {
                return true;
            }
        }
        return false;
    }

    private static HostSecurityLevel securityLevel(ResultSet rs) throws SQLException {
        return new HostSecurityLevel(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    public Optional<HostIssue> issue(long id) {
        return first(issues(" WHERE i.ID = ?", id));
    }

    /**
     * The issues of the ids that exist, in the order of the ids, read in one statement per 500 ids (Jira's
     * {@code IssueManager.getIssueObjects} reads them in bulk too).
     */
    public List<HostIssue> issues(java.util.Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, HostIssue> found = new java.util.HashMap<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (HostIssue issue : issues(" WHERE i.ID IN (" + marks + ")", chunk.toArray())) {
                found.put(issue.id(), issue);
            }
        }
        return ids.stream().filter(java.util.Objects::nonNull).map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The project's issues ordered by number; empty for an unknown project. */
    public List<HostIssue> issuesOfProject(String projectKey) {
        if (projectKey == null) {
            return List.of();
        }
        return issues(" WHERE p.PROJECT_KEY = ?", upper(projectKey));
    }

    /**
     * Whether the user holds the permission in the project, directly or through a group. Anonymous
     * (null) and inactive users hold none; active system administrators hold all.
     *
     * @param permission one of the project permissions of this class ({@link #BROWSE_PROJECTS}, {@link #EDIT_ISSUES}, …)
     * @throws IllegalArgumentException for any other permission name, so a typo fails loudly instead of denying
     */
    public boolean hasProjectPermission(String usernameOrNull, String projectKey, String permission) {
        if (!PROJECT_PERMISSIONS.contains(permission)) {
            throw new IllegalArgumentException("Unknown project permission: " + permission);
        }
        if (usernameOrNull == null || projectKey == null) {
            return false;
        }
        return holds(usernameOrNull, caches.get(projectGrants, ALL, () -> grants(
                "SELECT p.PROJECT_KEY, g.PERMISSION_NAME, g.HOLDER_TYPE, g.HOLDER FROM HOST_PROJECT_GRANT g"
                        + " JOIN HOST_PROJECT p ON p.ID = g.PROJECT_ID")).getOrDefault(upper(projectKey), Map.of())
                .getOrDefault(permission, List.of()));
    }

    /**
     * Whether the active user is a system administrator (who holds every permission) or one of the holders, directly
     * ({@code USER}) or through a group ({@code GROUP}).
     */
    private boolean holds(String username, List<Holder> holders) {
        Optional<UserRecord> user = activeUser(username);
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().systemAdmin()) {
            return true;
        }
        String lower = lower(username);
        List<String> groups = null;
        for (Holder holder : holders) {
            if (holder.type().equals("USER") && holder.name().equals(lower)) {
                return true;
            }
            if (holder.type().equals("GROUP")) {
                if (groups == null) {
                    groups = groupsOf(username);
                }
                if (groups.contains(holder.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Grants by owner (the first column) and permission; {@code sql} is a constant of this class. */
    private Map<String, Map<String, List<Holder>>> grants(String sql) {
        Map<String, Map<String, List<Holder>>> grants = new java.util.HashMap<>();
        for (Object[] row : query(sql, rs -> new Object[] {rs.getString(1), rs.getString(2),
                new Holder(rs.getString(3), rs.getString(4))})) {
            grants.computeIfAbsent((String) row[0], k -> new java.util.HashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>()).add((Holder) row[2]);
        }
        return grants;
    }

    /**
     * Whether the user holds the Jira global permission, directly or through a group. Anonymous (null)
     * and inactive users hold none; active system administrators hold all.
     *
     * @param permission {@link #USER_PICKER}
     * @throws IllegalArgumentException for any other permission name
     */
    public boolean hasGlobalPermission(String usernameOrNull, String permission) {
        if (!USER_PICKER.equals(permission)) {
            throw new IllegalArgumentException("Unknown global permission: " + permission);
        }
        if (usernameOrNull == null) {
            return false;
        }
        return holds(usernameOrNull, caches.get(globalGrants, ALL, () -> grants(
                "SELECT '" + ALL + "', g.PERMISSION_NAME, g.HOLDER_TYPE, g.HOLDER FROM HOST_GLOBAL_GRANT g"))
                .getOrDefault(ALL, Map.of()).getOrDefault(permission, List.of()));
    }

    // ---------------------------------------------------------------- Confluence

    /** All spaces, ordered by key. */
    public List<HostSpace> spaces() {
        return query("SELECT ID, SPACE_KEY, SPACE_NAME FROM HOST_SPACE ORDER BY SPACE_KEY", World::space);
    }

    public Optional<HostSpace> space(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return first(query("SELECT ID, SPACE_KEY, SPACE_NAME FROM HOST_SPACE WHERE SPACE_KEY = ?", World::space, key));
    }

    public Optional<HostPage> page(long id) {
        return first(query(PAGE_SELECT + " WHERE pg.ID = ?", World::page, id));
    }

    /** The space's pages ordered by title; empty for an unknown space. */
    public List<HostPage> pagesOfSpace(String spaceKey) {
        if (spaceKey == null) {
            return List.of();
        }
        return query(PAGE_SELECT + " WHERE s.SPACE_KEY = ? ORDER BY pg.TITLE, pg.ID", World::page, spaceKey);
    }

    /** Anonymous and inactive users see nothing; active system administrators see every space. */
    public boolean canViewSpace(String usernameOrNull, String spaceKey) {
        return hasSpacePermission(usernameOrNull, spaceKey, VIEW_SPACE);
    }

    /** Editing needs both grants, as in Confluence: nobody edits a space they cannot see. */
    public boolean canEditSpace(String usernameOrNull, String spaceKey) {
        return hasSpacePermission(usernameOrNull, spaceKey, VIEW_SPACE)
                && hasSpacePermission(usernameOrNull, spaceKey, EDIT_SPACE);
    }

    /** Space administrators hold the view grant and the space's admin grant; system administrators administer every space. */
    public boolean canAdministerSpace(String usernameOrNull, String spaceKey) {
        return hasSpacePermission(usernameOrNull, spaceKey, VIEW_SPACE)
                && hasSpacePermission(usernameOrNull, spaceKey, ADMINISTER_SPACE);
    }

    /**
     * Replaces a page's body (Confluence storage format).
     *
     * @throws IllegalArgumentException when there is no page with this id
     */
    public void updatePageBody(long pageId, String storageFormatBody) {
        Objects.requireNonNull(storageFormatBody, "storageFormatBody");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE HOST_PAGE SET BODY = ? WHERE ID = ?")) {
            bind(statement, storageFormatBody, pageId);
            int rows = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (rows == 0) {
                throw new IllegalArgumentException("No page with id " + pageId);
            }
        } catch (SQLException e) {
            throw new WorldException("Could not update page " + pageId, e);
        }
    }

    private boolean hasSpacePermission(String usernameOrNull, String spaceKey, String permission) {
        if (usernameOrNull == null || spaceKey == null) {
            return false;
        }
        return holds(usernameOrNull, caches.get(spaceGrants, ALL, () -> grants(
                "SELECT s.SPACE_KEY, g.PERMISSION_NAME, g.HOLDER_TYPE, g.HOLDER FROM HOST_SPACE_GRANT g"
                        + " JOIN HOST_SPACE s ON s.ID = g.SPACE_ID")).getOrDefault(spaceKey, Map.of())
                .getOrDefault(permission, List.of()));
    }

    // ---------------------------------------------------------------- loading projects and issues

    /** {@code where} is a constant fragment of this class; values go through {@code params}. */
    private List<HostProject> projects(String where, Object[] params) {
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> rows = query(connection, "SELECT p.ID, p.PROJECT_KEY, p.PROJECT_NAME, p.LEAD_USERNAME"
                    + " FROM HOST_PROJECT p" + where + " ORDER BY p.PROJECT_KEY", rs -> new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}, params);
            Map<Long, List<String>> types = grouped(connection, "SELECT t.PROJECT_ID, t.ISSUE_TYPE"
                    + " FROM HOST_PROJECT_ISSUE_TYPE t JOIN HOST_PROJECT p ON p.ID = t.PROJECT_ID" + where
                    + " ORDER BY t.PROJECT_ID, t.SEQ", params);
            Map<Long, List<String>> components = grouped(connection, "SELECT c.PROJECT_ID, c.COMPONENT_NAME"
                    + " FROM HOST_PROJECT_COMPONENT c JOIN HOST_PROJECT p ON p.ID = c.PROJECT_ID" + where
                    + " ORDER BY c.PROJECT_ID, c.SEQ", params);
            List<HostProject> projects = new ArrayList<>();
            for (Object[] row : rows) {
                long id = (Long) row[0];
                projects.add(new HostProject(id, (String) row[1], (String) row[2], (String) row[3],
                        types.getOrDefault(id, List.of()), components.getOrDefault(id, List.of())));
            }
            return List.copyOf(projects);
        } catch (SQLException e) {
            throw new WorldException("Could not read projects", e);
        }
    }

    /**
     * One query whatever the number of issues, as Jira reads an issue's row: the rows with their security level, each
     * joined with its components and labels (an issue has a few of each; the rows they multiply are folded here).
     */
    private List<HostIssue> issues(String where, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, IssueRow> rows = new LinkedHashMap<>();
            Map<Long, java.util.TreeMap<Integer, String>> components = new java.util.HashMap<>();
            Map<Long, java.util.TreeSet<String>> labels = new java.util.HashMap<>();
            query(connection, ISSUE_SELECT + where + " ORDER BY p.PROJECT_KEY, i.ISSUE_NUM", rs -> {
                IssueRow row = rows.get(rs.getLong(1));
                if (row == null) {
                    row = issueRow(rs);
                    rows.put(row.id(), row);
                }
                String component = rs.getString(15);
                if (component != null) {
                    components.computeIfAbsent(row.id(), id -> new java.util.TreeMap<>()).put(rs.getInt(14), component);
                }
                String label = rs.getString(16);
                if (label != null) {
                    labels.computeIfAbsent(row.id(), id -> new java.util.TreeSet<>()).add(label);
                }
                return null;
            }, params);
            return rows.values().stream().map(row -> row.toIssue(
                    List.copyOf(components.getOrDefault(row.id(), new java.util.TreeMap<>()).values()),
                    List.copyOf(labels.getOrDefault(row.id(), new java.util.TreeSet<>())))).toList();
        } catch (SQLException e) {
            throw new WorldException("Could not read issues", e);
        }
    }

    /** An issue row before its components and labels are attached. */
    private record IssueRow(long id, String key, String projectKey, long number, String summary, String description,
                            String issueType, String status, String reporter, String assignee,
                            LocalDateTime created, LocalDateTime updated, Long securityLevelId) {

        HostIssue toIssue(List<String> components, List<String> labels) {
            return new HostIssue(id, key, projectKey, number, summary, description, issueType, components, labels,
                    status, reporter, assignee, created.toInstant(ZoneOffset.UTC), updated.toInstant(ZoneOffset.UTC),
                    securityLevelId);
        }
    }

    private static IssueRow issueRow(ResultSet rs) throws SQLException {
        return new IssueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDateTime.class), rs.getObject(12, LocalDateTime.class),
                rs.getObject(13) == null ? null : rs.getLong(13));
    }

    private static Map<Long, List<String>> grouped(Connection connection, String sql, Object[] params)
            throws SQLException {
        Map<Long, List<String>> grouped = new LinkedHashMap<>();
        for (Object[] row : query(connection, sql, rs -> new Object[] {rs.getLong(1), rs.getString(2)}, params)) {
            grouped.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return grouped;
    }

    // ---------------------------------------------------------------- mapping and JDBC plumbing

    private static HostUser user(ResultSet rs) throws SQLException {
        return new HostUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6));
    }

    private static HostSpace space(ResultSet rs) throws SQLException {
        return new HostSpace(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    private static HostPage page(ResultSet rs) throws SQLException {
        return new HostPage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** Reads one row into a value; may throw SQLException, unlike {@link java.util.function.Function}. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, mapper, params);
        } catch (SQLException e) {
            throw new WorldException("Could not read the host's world", e);
        }
    }

    private static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private boolean exists(String sql, Object... params) {
        return !query(sql, rs -> Boolean.TRUE, params).isEmpty();
    }

    /** Binds values in order; a null is bound as a VARCHAR null, the only nullable column type here. */
    static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A LIKE pattern matching values that start with the lower-cased prefix, taken literally. */
    private static String likePrefix(String prefix) {
        String literal = prefix == null ? "" : lower(prefix);
        return literal.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
