package io.mandate.refhost.world;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The run-time changes of the Jira world that Jira's administrators and users make: projects created,
 * re-keyed and deleted, issues created, moved and deleted, issue security levels, users and groups created,
 * deactivated and deleted. Each change is one transaction, so another node never sees half of it. Permission checks
 * are the caller's ({@code jira.IssueLifecycle}, {@code jira.UserAdministration}); this class keeps the data
 * consistent the way Jira does:
 * <ul>
 *     <li>ids and issue numbers are never reused (a deleted issue's id never comes back as another issue);</li>
 *     <li>user keys are never reused either: a deleted user's key stays in whatever a plugin keeps by it, and the host
 *         answers "no such user" for it from then on ({@code UserManager.getUserByKey} is null);</li>
 *     <li>a deactivated user stays, with their memberships and grants, but cannot log in and holds no permission
 *         ({@code ApplicationUser.isActive()} is false);</li>
 *     <li>an issue keeps the keys it had before a move or a project re-key (they still find it);</li>
 *     <li>a project's old keys stay reserved; deleting a project frees its key and forgets its issues' keys.</li>
 * </ul>
 */
public final class WorldChanges {

    /** Jira's default project key pattern ({@code jira.projectkey.pattern}) and maximum length. */
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z]+");
    private static final int MAX_PROJECT_KEY = 10;
    /** Who a security level admits (Jira's level member types the host models). */
    public enum MemberType { USER, GROUP, REPORTER, ASSIGNEE, PROJECT_LEAD }

    private final DataSource dataSource;
    private final World world;

    WorldChanges(DataSource dataSource, World world) {
        this.dataSource = dataSource;
        this.world = world;
    }

    /**
     * Creates a project with Jira's default permission scheme as the host models it: Browse, Create, Edit
     * and Move issues for {@code jira-software-users}; Delete issues, Set issue security and Administer
     * project for the lead.
     *
     * @throws IllegalArgumentException naming the field that is wrong (key, name, lead)
     */
    public HostProject createProject(String key, String name, String lead) {
        String projectKey = checkNewProjectKey(key);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: A project name is required.");
        }
        HostUser leader = world.userByName(lead).filter(HostUser::active)
                .orElseThrow(() -> new IllegalArgumentException("lead: The user '" + lead + "' does not exist."));
        inTransaction(c -> {
            long id = next(c, "PROJECT", "SELECT MAX(ID) FROM HOST_PROJECT");
            update(c, "INSERT INTO HOST_PROJECT (ID, PROJECT_KEY, PROJECT_NAME, LEAD_USERNAME) VALUES (?, ?, ?, ?)",
                    id, projectKey, name.trim(), leader.username());
            List<String> types = List.of("Task", "Story", "Bug");
            for (int i = 0; i < types.size(); i++) {
                update(c, "INSERT INTO HOST_PROJECT_ISSUE_TYPE (PROJECT_ID, SEQ, ISSUE_TYPE) VALUES (?, ?, ?)", id, i, types.get(i));
            }
            for (String permission : List.of(World.BROWSE_PROJECTS, World.CREATE_ISSUES, World.EDIT_ISSUES, World.MOVE_ISSUES)) {
                grant(c, id, permission, "GROUP", "jira-software-users");
            }
            for (String permission : List.of(World.DELETE_ISSUES, World.SET_ISSUE_SECURITY, World.ADMINISTER_PROJECTS)) {
                grant(c, id, permission, "USER", Seeder.lower(leader.username()));
            }
            update(c, "INSERT INTO HOST_PROJECT_COUNTER (PROJECT_ID, LAST_NUM) VALUES (?, 0)", id);
            return null;
        });
        return world.project(projectKey).orElseThrow();
    }

    /** Grants a project permission to a user or group (the host's stand-in for editing a permission scheme). */
    public void grant(String projectKey, String permission, MemberType holderType, String holder) {
        if (!World.PROJECT_PERMISSIONS.contains(permission) || (holderType != MemberType.USER && holderType != MemberType.GROUP)) {
            throw new IllegalArgumentException("Unknown permission or holder: " + permission + " " + holderType);
        }
        HostProject project = requireProject(projectKey);
        inTransaction(c -> {
            grant(c, project.id(), permission, holderType.name(), Seeder.lower(holder));
            return null;
        });
    }

    /**
     * Creates an issue with the project's next number, reported by {@code reporter}, optionally at one of the
     * project's security levels.
     */
    public HostIssue createIssue(String projectKey, String summary, String issueType, String reporter, Long securityLevelId) {
        HostProject project = requireProject(projectKey);
        if (summary == null || summary.isBlank() || summary.length() > 255) {
            throw new IllegalArgumentException("summary: You must specify a summary of the issue (at most 255 characters).");
        }
        String type = issueType == null ? project.issueTypes().get(0) : issueType;
        if (!project.issueTypes().contains(type)) {
            throw new IllegalArgumentException("issuetype: The issue type '" + type + "' is not available in " + project.key() + ".");
        }
        if (securityLevelId != null) {
            requireLevelOf(project, securityLevelId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = inTransaction(c -> {
            long issueId = next(c, "ISSUE", "SELECT MAX(ID) FROM HOST_ISSUE");
            long number = nextNumber(c, project.id());
            update(c, "INSERT INTO HOST_ISSUE (ID, ISSUE_KEY, PROJECT_ID, ISSUE_NUM, SUMMARY, DESCRIPTION, ISSUE_TYPE,"
                            + " ISSUE_STATUS, REPORTER, ASSIGNEE, CREATED, UPDATED) VALUES (?, ?, ?, ?, ?, '', ?, 'To Do', ?, ?, ?, ?)",
                    issueId, project.key() + "-" + number, project.id(), number, summary, type, Seeder.lower(reporter), null,
                    Seeder.utc(now), Seeder.utc(now));
            if (securityLevelId != null) {
                update(c, "INSERT INTO HOST_ISSUE_SECURITY (ISSUE_ID, LEVEL_ID) VALUES (?, ?)", issueId, securityLevelId);
            }
            return issueId;
        });
        return world.issue(id).orElseThrow();
    }

    /** Deletes the issue with everything that hangs off it, its old keys included. */
    public void deleteIssue(long issueId) {
        inTransaction(c -> {
            deleteIssueRows(c, issueId);
            return null;
        });
    }

    /**
     * Moves the issue to another project: same id, the target's next number, the old key kept so it still finds
     * the issue. Components and the security level belong to the old project and are cleared (Jira asks the
     * user to map them; the host maps them to none).
     */
    public HostIssue moveIssue(long issueId, String targetProjectKey) {
        HostIssue issue = world.issue(issueId).orElseThrow(() -> new IllegalArgumentException("issue: no issue " + issueId));
        HostProject target = requireProject(targetProjectKey);
        if (target.key().equals(issue.projectKey())) {
            throw new IllegalArgumentException("project: The issue is already in " + target.key() + ".");
        }
        inTransaction(c -> {
            long number = nextNumber(c, target.id());
            update(c, "INSERT INTO HOST_MOVED_ISSUE_KEY (OLD_ISSUE_KEY, ISSUE_ID) VALUES (?, ?)", issue.key(), issueId);
            update(c, "UPDATE HOST_ISSUE SET PROJECT_ID = ?, ISSUE_NUM = ?, ISSUE_KEY = ?, UPDATED = ? WHERE ID = ?",
                    target.id(), number, target.key() + "-" + number, Seeder.utc(Instant.now()), issueId);
            execute(c, "DELETE FROM HOST_ISSUE_COMPONENT WHERE ISSUE_ID = ?", issueId);
            execute(c, "DELETE FROM HOST_ISSUE_SECURITY WHERE ISSUE_ID = ?", issueId);
            return null;
        });
        return world.issue(issueId).orElseThrow();
    }

    /**
     * Gives the project a new key: every issue gets its new key, the old project key stays reserved and every
     * old issue key still finds its issue.
     */
    public HostProject changeProjectKey(String oldKey, String newKey) {
        HostProject project = requireProject(oldKey);
        String key = checkNewProjectKey(newKey);
        List<HostIssue> issues = world.issuesOfProject(project.key());
        inTransaction(c -> {
            update(c, "INSERT INTO HOST_OLD_PROJECT_KEY (PROJECT_KEY, PROJECT_ID) VALUES (?, ?)", project.key(), project.id());
            update(c, "UPDATE HOST_PROJECT SET PROJECT_KEY = ? WHERE ID = ?", key, project.id());
            for (HostIssue issue : issues) {
                update(c, "INSERT INTO HOST_MOVED_ISSUE_KEY (OLD_ISSUE_KEY, ISSUE_ID) VALUES (?, ?)", issue.key(), issue.id());
                update(c, "UPDATE HOST_ISSUE SET ISSUE_KEY = ? WHERE ID = ?", key + "-" + issue.number(), issue.id());
            }
            return null;
        });
        return world.project(key).orElseThrow();
    }

    /** Renames the project (its key stays). */
    public HostProject renameProject(String key, String name) {
        HostProject project = requireProject(key);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: A project name is required.");
        }
        inTransaction(c -> update(c, "UPDATE HOST_PROJECT SET PROJECT_NAME = ? WHERE ID = ?", name.trim(), project.id()));
        return world.project(key).orElseThrow();
    }

    /**
     * Deletes the project and all its issues (their old keys included), its security levels, grants and old
     * project keys; the key is free again afterwards.
     *
     * @return the issues that were deleted, as they were
     */
    public List<HostIssue> deleteProject(String key) {
        HostProject project = requireProject(key);
        List<HostIssue> issues = world.issuesOfProject(project.key());
        inTransaction(c -> {
            for (HostIssue issue : issues) {
                deleteIssueRows(c, issue.id());
            }
            long id = project.id();
            execute(c, "DELETE FROM HOST_SECURITY_MEMBER WHERE LEVEL_ID IN (SELECT ID FROM HOST_SECURITY_LEVEL WHERE PROJECT_ID = ?)", id);
            execute(c, "DELETE FROM HOST_SECURITY_LEVEL WHERE PROJECT_ID = ?", id);
            for (String table : List.of("HOST_PROJECT_GRANT", "HOST_PROJECT_ISSUE_TYPE", "HOST_PROJECT_COMPONENT",
                    "HOST_PROJECT_COUNTER", "HOST_OLD_PROJECT_KEY")) {
                execute(c, "DELETE FROM " + table + " WHERE PROJECT_ID = ?", id); // table names are constants
            }
            execute(c, "DELETE FROM HOST_PROJECT WHERE ID = ?", id);
            return null;
        });
        return issues;
    }

    /** Adds a level to the project's issue security scheme. */
    public HostSecurityLevel addSecurityLevel(String projectKey, String name) {
        HostProject project = requireProject(projectKey);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: A security level needs a name.");
        }
        long id = inTransaction(c -> {
            long levelId = next(c, "SECURITY_LEVEL", "SELECT MAX(ID) FROM HOST_SECURITY_LEVEL");
            update(c, "INSERT INTO HOST_SECURITY_LEVEL (ID, PROJECT_ID, LEVEL_NAME) VALUES (?, ?, ?)", levelId, project.id(), name.trim());
            return levelId;
        });
        return new HostSecurityLevel(id, project.key(), name.trim());
    }

    /** Admits a user, a group, or the issue's reporter / assignee / project lead ({@code holder} ignored) to the level. */
    public void addSecurityLevelMember(long levelId, MemberType type, String holder) {
        String value = switch (type) {
            case USER, GROUP -> Seeder.lower(Objects.requireNonNull(holder, "holder"));
            default -> "";
        };
        inTransaction(c -> update(c, "INSERT INTO HOST_SECURITY_MEMBER (LEVEL_ID, HOLDER_TYPE, HOLDER) VALUES (?, ?, ?)",
                levelId, type.name(), value));
    }

    /** Puts the issue at one of its project's levels, or (null) at none. */
    public void setSecurityLevel(long issueId, Long levelId) {
        HostIssue issue = world.issue(issueId).orElseThrow(() -> new IllegalArgumentException("issue: no issue " + issueId));
        if (levelId != null) {
            requireLevelOf(world.project(issue.projectKey()).orElseThrow(), levelId);
        }
        inTransaction(c -> {
            execute(c, "DELETE FROM HOST_ISSUE_SECURITY WHERE ISSUE_ID = ?", issueId);
            if (levelId != null) {
                update(c, "INSERT INTO HOST_ISSUE_SECURITY (ISSUE_ID, LEVEL_ID) VALUES (?, ?)", issueId, levelId);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- users and groups

    /**
     * Creates an active user (key {@code JIRAUSER} + a new id, never one a deleted user had), password = username: a
     * fixture for tests, as the sample organisation's users.
     *
     * @throws IllegalArgumentException naming the field that is wrong (username, displayName)
     */
    public HostUser createUser(String username, String displayName) {
        if (username == null || username.isBlank() || username.length() > 255) {
            throw new IllegalArgumentException("username: A username is required (at most 255 characters).");
        }
        if (world.userByName(username).isPresent()) {
            throw new IllegalArgumentException("username: A user with that username already exists.");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.trim();
        inTransaction(c -> {
            long id = next(c, "USER", "SELECT MAX(ID) FROM HOST_USER");
            new Seeder(c).user(id, username.trim(), name, Seeder.lower(username.trim()) + "@example.com", true, false,
                    username.trim());
            return null;
        });
        return world.userByName(username).orElseThrow();
    }

    /** Deactivates or reactivates a user, as Jira's Edit user form does: memberships and grants stay. */
    public void setUserActive(String username, boolean active) {
        HostUser user = requireUser(username);
        inTransaction(c -> update(c, "UPDATE HOST_USER SET ACTIVE = ? WHERE USER_KEY = ?", active, user.key()));
    }

    /**
     * Deletes a user, as Jira's Delete user does: refused for the lead of a project (Jira asks for another lead
     * first); their memberships and the permissions granted to them go with them, their key is never given again.
     * Issues they reported or are assigned keep the name (Jira shows it as a deleted user's).
     */
    public void deleteUser(String username) {
        HostUser user = requireUser(username);
        List<String> leads = world.projects().stream().filter(p -> p.lead().equalsIgnoreCase(user.username()))
                .map(HostProject::key).toList();
        if (!leads.isEmpty()) {
            throw new IllegalArgumentException("username: " + user.username() + " cannot be deleted: they lead "
                    + String.join(", ", leads) + ".");
        }
        String lower = Seeder.lower(user.username());
        inTransaction(c -> {
            // the id sequence exists from here on, started above this user's id: their key can never come back
            next(c, "USER", "SELECT MAX(ID) FROM HOST_USER");
            execute(c, "DELETE FROM HOST_MEMBERSHIP WHERE LOWER_USERNAME = ?", lower);
            for (String grants : List.of("HOST_PROJECT_GRANT", "HOST_SPACE_GRANT", "HOST_GLOBAL_GRANT", "HOST_SECURITY_MEMBER")) {
                execute(c, "DELETE FROM " + grants + " WHERE HOLDER_TYPE = 'USER' AND HOLDER = ?", lower); // constant names
            }
            update(c, "DELETE FROM HOST_USER WHERE USER_KEY = ?", user.key());
            return null;
        });
    }

    /** Creates an empty group. */
    public void createGroup(String name) {
        if (name == null || name.isBlank() || world.groupExists(name)) {
            throw new IllegalArgumentException("name: A new group needs a name no group has.");
        }
        inTransaction(c -> {
            new Seeder(c).group(name.trim());
            return null;
        });
    }

    /** Adds a user to a group. */
    public void addToGroup(String group, String username) {
        HostUser user = requireUser(username);
        if (!world.groupExists(group)) {
            throw new IllegalArgumentException("groupname: No group " + group + ".");
        }
        inTransaction(c -> {
            new Seeder(c).member(group, user.username());
            return null;
        });
    }

    /** Deletes a group, as Jira's Delete group does: its memberships and the permissions granted to it go with it. */
    public void deleteGroup(String name) {
        if (!world.groupExists(name)) {
            throw new IllegalArgumentException("groupname: No group " + name + ".");
        }
        String lower = Seeder.lower(name);
        inTransaction(c -> {
            execute(c, "DELETE FROM HOST_MEMBERSHIP WHERE GROUP_NAME = ?", lower);
            for (String grants : List.of("HOST_PROJECT_GRANT", "HOST_SPACE_GRANT", "HOST_GLOBAL_GRANT", "HOST_SECURITY_MEMBER")) {
                execute(c, "DELETE FROM " + grants + " WHERE HOLDER_TYPE = 'GROUP' AND HOLDER = ?", lower); // constant names
            }
            update(c, "DELETE FROM HOST_GROUP WHERE GROUP_NAME = ?", lower);
            return null;
        });
    }

    private HostUser requireUser(String username) {
        return world.userByName(username)
                .orElseThrow(() -> new IllegalArgumentException("username: The user '" + username + "' does not exist."));
    }

    // ---------------------------------------------------------------- helpers

    private String checkNewProjectKey(String key) {
        String k = key == null ? "" : key.trim();
        if (!PROJECT_KEY.matcher(k).matches() || k.length() > MAX_PROJECT_KEY) {
            throw new IllegalArgumentException("projectKey: Specify a valid project key: 2 to " + MAX_PROJECT_KEY
                    + " upper-case letters, starting with a letter.");
        }
        if (world.isProjectKeyInUse(k)) {
            throw new IllegalArgumentException("projectKey: Project '" + k + "' uses this project key.");
        }
        return k;
    }

    private HostProject requireProject(String key) {
        return world.project(key).orElseThrow(() -> new IllegalArgumentException("project: No project could be found with key '" + key + "'."));
    }

    private void requireLevelOf(HostProject project, long levelId) {
        if (world.securityLevels(project.key()).stream().noneMatch(l -> l.id() == levelId)) {
            throw new IllegalArgumentException("security: Security level " + levelId + " is not a level of " + project.key() + ".");
        }
    }

    private static void grant(Connection c, long projectId, String permission, String holderType, String holder) throws SQLException {
        update(c, "INSERT INTO HOST_PROJECT_GRANT (PROJECT_ID, PERMISSION_NAME, HOLDER_TYPE, HOLDER) VALUES (?, ?, ?, ?)",
                projectId, permission, holderType, holder);
    }

    private static void deleteIssueRows(Connection c, long issueId) throws SQLException {
        for (String table : List.of("HOST_ISSUE_COMPONENT", "HOST_ISSUE_LABEL", "HOST_ISSUE_SECURITY", "HOST_MOVED_ISSUE_KEY")) {
            execute(c, "DELETE FROM " + table + " WHERE ISSUE_ID = ?", issueId); // table names are constants
        }
        execute(c, "DELETE FROM HOST_ISSUE WHERE ID = ?", issueId);
    }

    /** The next value of a sequence, started above the highest id already in the table (the seeded ones). */
    private static long next(Connection c, String sequence, String maxSql) throws SQLException {
        if (execute(c, "UPDATE HOST_SEQUENCE SET LAST_VALUE = LAST_VALUE + 1 WHERE SEQ_NAME = ?", sequence) == 0) {
            long max = Math.max(single(c, maxSql), 10_099L);
            update(c, "INSERT INTO HOST_SEQUENCE (SEQ_NAME, LAST_VALUE) VALUES (?, ?)", sequence, max + 1);
        }
        return single(c, "SELECT LAST_VALUE FROM HOST_SEQUENCE WHERE SEQ_NAME = '" + sequence + "'"); // a constant name
    }

    /** The project's next issue number (Jira's pcounter), started above its highest number when missing. */
    private static long nextNumber(Connection c, long projectId) throws SQLException {
        if (execute(c, "UPDATE HOST_PROJECT_COUNTER SET LAST_NUM = LAST_NUM + 1 WHERE PROJECT_ID = ?", projectId) == 0) {
            long max = single(c, "SELECT MAX(ISSUE_NUM) FROM HOST_ISSUE WHERE PROJECT_ID = " + projectId); // a long, not text
            update(c, "INSERT INTO HOST_PROJECT_COUNTER (PROJECT_ID, LAST_NUM) VALUES (?, ?)", projectId, max + 1);
        }
        return single(c, "SELECT LAST_NUM FROM HOST_PROJECT_COUNTER WHERE PROJECT_ID = " + projectId);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new WorldException("Could not change the Jira world", e);
        } finally {
            world.changed(); // committed or rolled back: no cache of any node keeps what was there before
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        int rows = execute(c, sql, params);
        if (rows != 1) {
            throw new WorldException("Expected one row from: " + sql, null);
        }
        return rows;
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            World.bind(statement, params);
            return statement.executeUpdate();
        }
    }
}
