package io.mandate.refhost.db;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs a plugin's Active Objects upgrade tasks the way Atlassian's AO plugin does
 * (ActiveObjectUpgradeManagerImpl with SalModelVersionManager): the model version of a table
 * prefix is kept by the host (here the table {@code HOST_AO_MODEL_VERSION}, where AO uses the
 * product's plugin settings key {@code AO_xxxxxx_#}); a prefix never seen has version 0, so a fresh
 * install runs every task. Tasks run in ascending version order, each newer than the current one in
 * its own transaction together with recording its version, each told the version it starts from.
 * Two tasks with the same version are refused. A failing task rolls back, stops the upgrade and
 * leaves the version of the last task that succeeded, so the next start resumes there.
 *
 * <p>On PostgreSQL the task runs with the driver's server-side prepared statements switched off, as
 * AO's PostgresActiveObjectsUpgradeTask does: a statement prepared before a task altered a table
 * would otherwise describe the table as it was (AO's schema reader then fails to find a new column).
 *
 * <p>Nodes of a cluster may start together: the version is only ever moved from the value the task
 * started from (compare and set), so of two nodes running the same task one commits and the
 * other's transaction is rolled back; that node then finds the newer version and carries on.
 */
public final class AoUpgradeTasks {

    private static final Logger LOG = Logger.getLogger(AoUpgradeTasks.class.getName());
    /* Portable like the host's other tables (HSQLDB 2.7 and PostgreSQL); never AO_*, so AO leaves it alone. */
    private static final String DDL = "CREATE TABLE IF NOT EXISTS HOST_AO_MODEL_VERSION ("
            + " TABLE_PREFIX VARCHAR(64) NOT NULL PRIMARY KEY,"
            + " MODEL_VERSION INTEGER NOT NULL)";
    private static final int CREATE_ATTEMPTS = 3;

    private AoUpgradeTasks() {
    }

    /** Thrown when an upgrade task fails or the tasks are inconsistent; names the task and the version. */
    public static final class UpgradeFailure extends RuntimeException {
        UpgradeFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Brings the model of {@code tablePrefix} up to the newest task's version.
     *
     * @return the model version after the upgrade
     */
    public static ModelVersion run(RefActiveObjects ao, String tablePrefix, List<ActiveObjectsUpgradeTask> tasks) {
        List<ActiveObjectsUpgradeTask> sorted = sortAndVerify(tasks);
        ModelVersion current = currentVersion(ao.database(), tablePrefix);
        for (ActiveObjectsUpgradeTask task : sorted) {
            ModelVersion target = task.getModelVersion();
            if (!current.isOlderThan(target)) {
                continue;
            }
            ModelVersion from = current;
            String name = task.getClass().getName();
            LOG.info(() -> "Upgrading the Active Objects model " + tablePrefix + " from version " + from + " to "
                    + target + " with " + name);
            try {
                ao.executeInTransaction(() -> {
                    withoutServerPreparedStatements(ao, () -> task.upgrade(from, ao));
                    record(ao, tablePrefix, from, target);
                    return null;
                });
                current = target;
            } catch (RuntimeException e) {
                ModelVersion now = currentVersion(ao.database(), tablePrefix);
                if (!now.isOlderThan(target)) {
                    LOG.info(() -> "Another node upgraded " + tablePrefix + " to version " + now + " meanwhile");
                    current = now;
                    continue;
                }
                throw new UpgradeFailure("The Active Objects upgrade task " + name + " (model version " + target
                        + ") failed; the model stays at version " + from + ": " + e.getMessage(), e);
            }
        }
        return current;
    }

    /** The recorded model version of the prefix; 0 when none is recorded (a fresh install). */
    public static ModelVersion currentVersion(Database database, String tablePrefix) {
        createTable(database);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT MODEL_VERSION FROM HOST_AO_MODEL_VERSION WHERE TABLE_PREFIX = ?")) {
            select.setString(1, tablePrefix);
            try (ResultSet rs = select.executeQuery()) {
                return ModelVersion.valueOf(rs.next() ? String.valueOf(rs.getInt(1)) : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the Active Objects model version of " + tablePrefix, e);
        }
    }

    private static List<ActiveObjectsUpgradeTask> sortAndVerify(List<ActiveObjectsUpgradeTask> tasks) {
        List<ActiveObjectsUpgradeTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(ActiveObjectsUpgradeTask::getModelVersion));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).getModelVersion().isSame(sorted.get(i - 1).getModelVersion())) {
                throw new UpgradeFailure("There is more than one upgrade task with model version "
                        + sorted.get(i).getModelVersion() + ": " + sorted.get(i - 1).getClass().getName() + " and "
                        + sorted.get(i).getClass().getName(), null);
            }
        }
        return sorted;
    }

    /** Runs the work on the transaction's connection with PostgreSQL's prepare threshold at 0, then restores it. */
    private static void withoutServerPreparedStatements(RefActiveObjects ao, Runnable work) {
        if (ao.database().kind() != Database.Kind.POSTGRESQL) {
            work.run();
            return;
        }
        try {
            // reflection: the driver is the host's runtime dependency, not an API the host compiles against
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
            Object connection = ao.entityManager().getProvider().getConnection().unwrap(pgConnection);
            java.lang.reflect.Method get = pgConnection.getMethod("getPrepareThreshold");
            java.lang.reflect.Method set = pgConnection.getMethod("setPrepareThreshold", int.class);
            Object previous = get.invoke(connection);
            set.invoke(connection, 0);
            try {
                work.run();
            } finally {
                set.invoke(connection, previous);
            }
        } catch (SQLException e) {
            throw new RefActiveObjects.ActiveObjectsSqlException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot switch off PostgreSQL's server-side prepared statements", e);
        }
    }

    /** Moves the version from {@code from} to {@code to} on the transaction's connection; fails if it is no longer {@code from}. */
    private static void record(RefActiveObjects ao, String tablePrefix, ModelVersion from, ModelVersion to) {
        try {
            // inside executeInTransaction AO hands out the transaction's own connection (not closable)
            Connection c = ao.entityManager().getProvider().getConnection();
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE HOST_AO_MODEL_VERSION SET MODEL_VERSION = ?"
                    + " WHERE TABLE_PREFIX = ? AND MODEL_VERSION = ?")) {
                update.setInt(1, Integer.parseInt(to.toString()));
                update.setString(2, tablePrefix);
                update.setInt(3, Integer.parseInt(from.toString()));
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                // no row yet (version 0), or another node moved it: the primary key refuses a second insert
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO HOST_AO_MODEL_VERSION (TABLE_PREFIX, MODEL_VERSION) VALUES (?, ?)")) {
                    insert.setString(1, tablePrefix);
                    insert.setInt(2, Integer.parseInt(to.toString()));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new RefActiveObjects.ActiveObjectsSqlException(e);
        }
    }

    private static void createTable(Database database) {
        SQLException failure = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute(DDL);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return;
            } catch (SQLException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e; // nodes starting together race on CREATE TABLE; the loser finds it next time
            }
        }
        throw new IllegalStateException("Could not create the host's table HOST_AO_MODEL_VERSION", failure);
    }
}
