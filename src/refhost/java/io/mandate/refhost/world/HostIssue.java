package io.mandate.refhost.world;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Jira issue of the reference host; text fields hold exactly what the user typed (never escaped).
 *
 * @param id          numeric id, unique in the host
 * @param key         the issue key ({@code DEMO-13})
 * @param projectKey  the key of the project the issue belongs to
 * @param number      the number within the project (13 for {@code DEMO-13})
 * @param summary     the one-line summary, verbatim
 * @param description the description as plain text, verbatim (empty when there is none)
 * @param issueType   the issue type name
 * @param components  component names
 * @param labels      labels, sorted
 * @param status      the workflow status name ("To Do", "In Progress", "Done")
 * @param reporter    username of the reporter
 * @param assignee    username of the assignee, or null when unassigned
 * @param created     when the issue was created
 * @param updated     when the issue was last updated
 * @param securityLevelId the id of the issue's security level, or null when anyone who may browse the project sees
 *                    it (Jira keeps it on the issue's row, so it is read with the issue)
 */
public record HostIssue(long id, String key, String projectKey, long number, String summary, String description,
                        String issueType, List<String> components, List<String> labels, String status,
                        String reporter, String assignee, Instant created, Instant updated,
                        Long securityLevelId) {

    public HostIssue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(issueType, "issueType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        components = List.copyOf(components);
        labels = List.copyOf(labels);
    }
}
