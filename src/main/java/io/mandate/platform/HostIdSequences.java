package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.rdbms.TransactionalExecutorFactory;
import net.java.ao.RawEntity;

import javax.inject.Inject;
import javax.inject.Named;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link IdSequences} over SAL's JDBC connection, by the database's product name (JDBC metadata):
 * <ul>
 *   <li>HSQLDB, MySQL and Microsoft SQL Server move their identity counter past an id written explicitly — nothing to
 *       do. HSQLDB: shown by {@code BackupRoundTripTest}. MySQL: "the sequence is reset so that the next automatically
 *       generated value follows sequentially from the largest column value" (dev.mysql.com/doc/en/example-auto-increment.html).
 *       SQL Server, where Active Objects sends {@code SET IDENTITY_INSERT … ON} for a given id: "If the value inserted is
 *       larger than the current identity value for the table, SQL Server automatically uses the new inserted value as
 *       the current identity value" (learn.microsoft.com/en-us/sql/t-sql/statements/set-identity-insert-transact-sql).
 *       Neither tried here;</li>
 *   <li>PostgreSQL: Active Objects' {@code SERIAL} sequence stays where it was, so it is set to the highest id
 *       ({@code setval}; not transactional, so a rolled-back import leaves it ahead, which is harmless);</li>
 *   <li>Oracle: Active Objects' insert trigger replaces every id with the next of its sequence (AO 3.2.11's
 *       {@code OracleDatabaseProvider}), so ids cannot be kept; H2 and anything else: not known here — both refused.</li>
 * </ul>
 */
@Named
public class HostIdSequences implements IdSequences {

    private final TransactionalExecutorFactory executors;

    @Inject
    public HostIdSequences(@ComponentImport TransactionalExecutorFactory executors) {
        this.executors = executors;
    }

    private enum Kind { KEEPS_COUNTING, POSTGRESQL, UNSUPPORTED }

    private record Database(String name, Kind kind) {
    }

    private Database database() {
        return Entities.guarded(() -> executors.createExecutor(true, false).execute(connection -> {
            try {
                String name = connection.getMetaData().getDatabaseProductName();
                String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
                Kind kind = n.contains("postgresql") ? Kind.POSTGRESQL
                        : n.contains("hsql") || n.contains("mysql") || n.contains("mariadb") || n.contains("microsoft sql server")
                        ? Kind.KEEPS_COUNTING : Kind.UNSUPPORTED;
                return new Database(name, kind);
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the database's name failed", e);
            }
        }));
    }

    @Override
    public Optional<String> whyIdsCannotBeKept() {
        Database db = database();
        return db.kind() == Kind.UNSUPPORTED ? Optional.of(String.valueOf(db.name())) : Optional.empty();
    }

    @Override
    public void continueAfter(Class<? extends RawEntity<?>> entity, int maxId) {
        if (maxId < 1 || database().kind() != Kind.POSTGRESQL) {
            return;
        }
        String table = HostSqlAggregates.tableName(entity);
        Entities.guarded(() -> executors.createExecutor(false, true).execute(connection -> {
            // the table name is Active Objects' (upper case, so quoted inside the text argument); the value a parameter
            try (PreparedStatement s = connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'ID'), ?)")) {
                s.setString(1, '"' + table + '"');
                s.setLong(2, maxId);
                s.execute();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Moving the id sequence of " + table + " failed", e);
            }
        }));
    }
}
