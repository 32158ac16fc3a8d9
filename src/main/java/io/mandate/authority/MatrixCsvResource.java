package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.BoundedBody;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * REST: {@code /rest/mandate/1.0/matrix.csv} (docs/rest-api.md, "Matrix CSV") — the whole authority matrix as
 * CSV, and its import. Jira administrators only ({@link AdminOnly}; {@link AuthorityService} checks again).
 *
 * <p>The import takes the body whatever its Content-Type ({@code text/csv} is what clients should send; curl's
 * {@code --data-binary} sends {@code application/x-www-form-urlencoded}, which Atlassian's XSRF check admits only
 * with {@code X-Atlassian-Token: no-check}), reads at most {@link MatrixCsv#MAX_BYTES} while reading (413 past
 * it), and answers with the problems of every line and the summary of the change.
 */
@Path("/matrix.csv")
@AdminOnly
public class MatrixCsvResource {

    private static final String CSV = "text/csv; charset=UTF-8";

    private final MatrixImport imports;
    private final MatrixExport export;
    private final AuthorityService authority;
    private final I18nResolver i18n;

    @Inject
    public MatrixCsvResource(MatrixImport imports, MatrixExport export, AuthorityService authority,
                             @ComponentImport I18nResolver i18n) {
        this.imports = imports;
        this.export = export;
        this.authority = authority;
        this.i18n = i18n;
    }

    /** The whole matrix as a CSV download (UTF-8 with BOM, CRLF). */
    @GET
    public Response download() {
        export.requireAllowed();
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            export.write(writer);
            writer.flush();
        };
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"mandate-matrix-" + authority.today() + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Imports a CSV file, or with {@code dryRun=true} (the default) only says what it would do. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("dryRun") String dryRun,
                           @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength, InputStream body) {
        authority.requireAdminCaller();
        boolean dry = dryRun(dryRun);
        MatrixImport.Result result = imports.run(read(body, contentLength), dry);
        int status = !dry && !result.errors().isEmpty() ? 400 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(json(result)).build();
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("dryRun", Message.of("mandate.csv.error.dryRun"));
        };
    }

    private static byte[] read(InputStream body, long contentLength) {
        try (InputStream in = BoundedBody.open(body, contentLength, MatrixCsv.MAX_BYTES)) {
            return in.readAllBytes();
        } catch (BoundedBody.TooLarge e) {
            throw BoundedBody.tooLarge(e.maxBytes());
        } catch (IOException e) {
            throw ApiException.invalid("body", Message.of("mandate.error.body.incomplete"));
        }
    }

    /** The import's answer as JSON, its texts in the caller's language. */
    public record ImportJson(String message, boolean dryRun, boolean applied, SummaryJson summary, List<LineErrorJson> errors) {
    }

    public record SummaryJson(int added, int changed, int removed, int unchanged, List<String> domains) {
    }

    /** {@code column} is a header name, or null for the line as a whole. */
    public record LineErrorJson(int line, String column, String message) {
    }

    private ImportJson json(MatrixImport.Result r) {
        MatrixImport.Summary s = r.summary();
        Message message;
        if (!r.errors().isEmpty()) {
            message = Message.of("mandate.csv.result.errors", r.errors().size(),
                    r.errors().stream().map(MatrixCsv.LineError::line).distinct().count());
        } else if (r.dryRun()) {
            message = Message.of("mandate.csv.result.dryRun", s.added(), s.changed(), s.removed(), s.unchanged());
        } else {
            message = Message.of("mandate.csv.result.applied", s.added(), s.changed(), s.removed(), s.unchanged());
        }
        return new ImportJson(text(message), r.dryRun(), r.applied(),
                new SummaryJson(s.added(), s.changed(), s.removed(), s.unchanged(), s.domains()),
                r.errors().stream().map(e -> new LineErrorJson(e.line(), e.column(), text(e.message()))).toList());
    }

    private String text(Message message) {
        return i18n.getText(message.key(), message.arguments());
    }
}
