package io.mandate.backup;

import com.atlassian.plugins.rest.api.security.annotation.SystemAdminOnly;
import io.mandate.authority.AuthorityService;
import io.mandate.decision.DecisionService;
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
 * REST: {@code /rest/mandate/1.0/backup} in Jira (docs/rest-api.md, "Backup") — all of Mandate's data in Jira as one
 * JSON file ({@link JiraBackup}), and its import into a Jira whose Mandate tables are empty. Jira system administrators
 * only: a backup holds every decision of every project, whoever may browse it.
 */
@Path("/backup")
@SystemAdminOnly
public class BackupResource {

    private final BackupHttp http;
    private final DecisionService decisions;
    private final AuthorityService authority;

    @Inject
    public BackupResource(BackupHttp http, DecisionService decisions, AuthorityService authority) {
        this.http = http;
        this.decisions = decisions;
        this.authority = authority;
    }

    /** The backup file, streamed. */
    @GET
    public Response download() {
        return http.download(JiraBackup.FILE);
    }

    /** Imports a backup file (all or nothing), or with {@code dryRun=true} only checks it. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("dryRun") String dryRun, InputStream body) {
        return http.upload(JiraBackup.FILE, dryRun, body, () -> {
            decisions.forgetCached();
            authority.forgetCached();
        });
    }
}
