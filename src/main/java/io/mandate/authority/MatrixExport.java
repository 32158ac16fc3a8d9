package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.People;
import io.mandate.platform.PersonLabel;

import javax.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The matrix CSV export (docs/rest-api.md, "Matrix CSV"): every grant, domain by domain, with people by
 * username and groups by name — the file the import reads back without a change. Who can no longer act is marked
 * in the cell ({@link PersonLabel#csv}): {@code ivan (inactive)}, a deleted user by the stored key,
 * {@code JIRAUSER10042 (deleted)}, a deleted group {@code old-team (deleted)}; the import reads the marks back.
 * Streamed from the store row by row; the host is asked once per person and group. Jira administrators only.
 */
@JiraComponent
public class MatrixExport {

    private final AuthorityService authority;
    private final People people;

    @Inject
    public MatrixExport(AuthorityService authority, People people) {
        this.authority = authority;
        this.people = people;
    }

    /** 401/403 unless the caller is an administrator: call before the response starts. */
    public void requireAllowed() {
        authority.requireAdminCaller();
    }

    /** Writes the whole matrix; {@link UncheckedIOException} when the client goes away. */
    public void write(Appendable out) throws IOException {
        MatrixCsv.Writer csv = MatrixCsv.writer(out);
        Map<String, String> names = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        authority.forEachGrant(g -> {
            try {
                csv.write(new MatrixCsv.Row(0, g.domainKey(), g.holder().type(),
                        g.holder().isUser() ? name(names, g.holder().id())
                                : groups.computeIfAbsent(g.holder().id(), group -> PersonLabel.csvGroup(group, people.groupExists(group))),
                        g.level(),
                        name(names, g.backupKey()), name(names, g.menteeKey()), g.validFrom(), g.validTo(), g.note()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private String name(Map<String, String> names, String userKey) {
        if (userKey == null) {
            return null;
        }
        return names.computeIfAbsent(userKey, key -> PersonLabel.csv(people.ofKey(key)));
    }
}
