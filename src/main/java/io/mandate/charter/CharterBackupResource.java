package io.mandate.charter;

import com.atlassian.plugins.rest.api.security.annotation.SystemAdminOnly;
import io.mandate.platform.backup.BackupHttp;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;

/**
 * REST: {@code /rest/mandate/1.0/backup} in Confluence (docs/rest-api.md, "Backup") — the team charters as one JSON
 * file ({@link CharterBackup}), and its import into a Confluence whose Mandate tables are empty. Confluence system
 * administrators only: a backup holds every charter, whatever space it lives in.
 */
@Path("/backup")
@SystemAdminOnly
public class CharterBackupResource {

    private final BackupHttp http;

    @Inject
    public CharterBackupResource(BackupHttp http) {
        this.http = http;
    }

    /** The backup file, streamed. */
    @GET
    public Response download() {
        return http.download(CharterBackup.FILE);
    }

    /** Imports a backup file (all or nothing), or with {@code dryRun=true} only checks it. Charters are not cached. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("dryRun") String dryRun, InputStream body) {
        return http.upload(CharterBackup.FILE, dryRun, body, () -> { });
    }
}
