package io.mandate.platform.backup;

import io.mandate.platform.AuditLog;
import io.mandate.platform.ClusterLocks;
import io.mandate.platform.Entities;
import io.mandate.platform.IdSequences;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;
import net.java.ao.Query;

import javax.inject.Inject;
import javax.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backup and restore of a product's Mandate tables (docs/admin-guide/backup.md): export every row to a versioned JSON
 * file ({@link BackupFile}) while reading, and import such a file into an instance whose Mandate tables are empty — all
 * of it in one transaction, with the ids the rows had, so the references between rows (a participant's decision, a
 * revision's key, the grant an audit entry names) and the ids in REST addresses ({@code /grants/12}) stay what they
 * were. Issue ids, user keys, group names and domain keys are written as they are stored: a backup goes back into the
 * same Jira (or Confluence), or one restored from its backup.
 *
 * <p>One import at a time in the cluster (a cluster lock); the tables must be empty when it starts. Callers check who
 * may do it (system administrators) and, after a committed import, drop what their caches hold.
 */
@Named
public class Backups {

    /** The Active Objects model version of Mandate's tables: that of the newest upgrade task (BackupModelVersionTest). */
    public static final int MODEL_VERSION = 1;
    static final String IMPORT_LOCK = "io.mandate.backup.import";

    private final Entities entities;
    private final IdSequences ids;
    private final ClusterLocks locks;
    private final AuditLog auditLog;

    @Inject
    public Backups(Entities entities, IdSequences ids, ClusterLocks locks, AuditLog auditLog) {
        this.entities = entities;
        this.ids = ids;
        this.locks = locks;
        this.auditLog = auditLog;
    }

    /** What an import did or, in a dry run, would do. */
    public record Result(boolean dryRun, boolean imported, Map<String, Long> rows, Map<String, Long> existingRows) {
        public Result {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
            existingRows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(existingRows));
        }

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The rows each of the file's tables holds now (sections without rows left out). */
    public Map<String, Long> existingRows(BackupFile file) {
        Map<String, Long> present = new LinkedHashMap<>();
        for (BackupTable t : file.sections()) {
            long n = entities.count(t.entity(), Query.select());
            if (n > 0) {
                present.put(t.section(), n);
            }
        }
        return present;
    }

    /**
     * Writes the whole file to {@code out}, reading page by page; records the export in the product's audit log when
     * it is complete.
     */
    public Map<String, Long> export(BackupFile file, OutputStream out) throws IOException {
        return export(file, out, BackupExport.PAGE);
    }

    Map<String, Long> export(BackupFile file, OutputStream out, int page) throws IOException {
        Map<String, Long> rows = new BackupExport(entities, page).write(file, MODEL_VERSION, out);
        auditLog.record(new AuditLog.Entry("mandate.audit.backup.exported", "backup", file.product(), null,
                List.of(new AuditLog.Change("rows", null, describe(rows)))));
        return rows;
    }

    /**
     * Reads a backup file and, unless {@code dryRun}, writes its rows in one transaction. Refused, with nothing
     * written: 400 for a file that is malformed, truncated or of another format or product (naming the field and
     * line); 409 when the file is of another model version, another import is running, the database cannot keep ids,
     * or — for an import, not a dry run — the tables already hold rows (naming each section and how many).
     */
    public Result restore(BackupFile file, InputStream body, boolean dryRun) {
        return locks.ifFree(IMPORT_LOCK, () -> restoreLocked(file, body, dryRun)).orElseThrow(() ->
                ApiException.conflict(Message.of("mandate.backup.error.running"), Map.of("backup", Message.of("mandate.backup.error.runningField"))));
    }

    private Result restoreLocked(BackupFile file, InputStream body, boolean dryRun) {
        BackupRestore restore = new BackupRestore(entities, ids, file, MODEL_VERSION);
        try (BackupRestore.Reading reading = restore.open(body)) {
            Map<String, Long> present = existingRows(file);
            if (dryRun) {
                return new Result(true, false, reading.rows(false), present);
            }
            if (!present.isEmpty()) {
                Map<String, Message> errors = new LinkedHashMap<>();
                present.forEach((section, n) -> errors.put(section, Message.of("mandate.backup.error.notEmptyField", n)));
                throw ApiException.conflict(Message.of("mandate.backup.error.notEmpty", file.product()), errors);
            }
            ids.whyIdsCannotBeKept().ifPresent(database -> {
                throw ApiException.conflict(Message.of("mandate.backup.error.database", database),
                        Map.of("database", Message.of("mandate.backup.error.databaseField", database)));
            });
            Map<String, Long> rows = entities.inTransaction(() -> reading.rows(true));
            auditLog.record(new AuditLog.Entry("mandate.audit.backup.imported", "backup", file.product(), null,
                    List.of(new AuditLog.Change("rows", null, describe(rows)))));
            return new Result(false, true, rows, Map.of());
        }
    }

    /** "decisions 16, participants 3, …" for the audit log. */
    static String describe(Map<String, Long> rows) {
        return rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
