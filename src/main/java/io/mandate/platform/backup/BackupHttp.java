package io.mandate.platform.backup;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.ProductClock;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.inject.Named;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * What Jira's and Confluence's backup resources share ({@code GET} and {@code POST /rest/mandate/1.0/backup}): the
 * system administrator check, the download with its file name, the import's answer. The resources are annotated
 * {@code @SystemAdminOnly}, which the host enforces; this checks again, so the rule does not rest on one annotation.
 */
@Named
public class BackupHttp {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final Backups backups;
    private final People people;
    private final ProductClock clock;
    private final I18nResolver i18n;

    @Inject
    public BackupHttp(Backups backups, People people, ProductClock clock, @ComponentImport I18nResolver i18n) {
        this.backups = backups;
        this.people = people;
        this.clock = clock;
        this.i18n = i18n;
    }

    /** 401 for nobody, 403 for anyone but a system administrator. */
    public Person requireSystemAdmin() {
        Person caller = people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.backup.error.login")));
        if (!people.isSystemAdmin(caller)) {
            throw ApiException.forbidden(Message.of("mandate.backup.error.forbidden"));
        }
        return caller;
    }

    /**
     * The file as a download, written while the tables are read. The tables are counted first, so a database that
     * does not answer is a 503 before the first byte; a failure later cuts the file short, and an import refuses it.
     */
    public Response download(BackupFile file) {
        requireSystemAdmin();
        backups.existingRows(file);
        StreamingOutput body = out -> backups.export(file, out);
        return Response.ok(body, JSON)
                .header("Content-Disposition", "attachment; filename=\"mandate-" + file.product() + "-backup-" + clock.today() + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Imports the file (or checks it, {@code dryRun=true}); {@code afterImport} runs once an import has committed. */
    public Response upload(BackupFile file, String dryRun, InputStream body, Runnable afterImport) {
        requireSystemAdmin();
        boolean dry = dryRun(dryRun);
        Backups.Result result = backups.restore(file, body, dry);
        if (result.imported()) {
            afterImport.run();
        }
        Message message = result.imported() ? Message.of("mandate.backup.result.imported", result.total())
                : result.existingRows().isEmpty() ? Message.of("mandate.backup.result.dryRun", result.total())
                : Message.of("mandate.backup.result.dryRunNotEmpty", result.total());
        return Response.ok(new ResultJson(text(message), result.dryRun(), result.imported(), result.rows(), result.existingRows()), JSON)
                .build();
    }

    /** The answer to an import: the rows of each section of the file, and those already here (a dry run's reason). */
    public record ResultJson(String message, boolean dryRun, boolean imported, Map<String, Long> rows, Map<String, Long> existingRows) {
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("dryRun", Message.of("mandate.backup.error.dryRun"));
        };
    }

    private String text(Message message) {
        return i18n.getText(message.key(), message.arguments());
    }
}
