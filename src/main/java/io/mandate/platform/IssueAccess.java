package io.mandate.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue lookup with Jira's permissions applied, issue security included. An issue the user cannot browse is
 * reported exactly like an issue that does not exist, so nothing leaks through the difference. Issues and
 * projects are identified by id; keys are only what users type and read.
 */
public interface IssueAccess {

    /** The issue with this key (current or, as Jira keeps them, an earlier one), if the user (empty = anonymous) may browse it. */
    Optional<IssueRef> browsable(String issueKey, Optional<Person> user);

    /** The issue with this id as it is now, if it still exists and the user (empty = anonymous) may browse it. */
    Optional<IssueRef> browsable(long issueId, Optional<Person> user);

    /**
     * The issues with these ids as they are now that still exist and the user (empty = anonymous) may browse, by id,
     * in the order of the ids given: what a list or a report shows, judged in one call to the host (Jira's
     * {@code IssueManager.getIssueObjects}) instead of one per issue. This default asks once per id; the product's
     * implementation asks in bulk.
     */
    default Map<Long, IssueRef> browsableByIds(Collection<Long> issueIds, Optional<Person> user) {
        Map<Long, IssueRef> visible = new LinkedHashMap<>();
        for (Long id : issueIds) {
            browsable(id, user).ifPresent(issue -> visible.put(issue.id(), issue));
        }
        return visible;
    }

    /**
     * The issue a host page already shows (a web panel's {@code issue}), if the user may browse it: judged on the
     * host's own issue object, without looking it up again.
     */
    Optional<IssueRef> browsable(ShownIssue shown, Optional<Person> user);

    /** Whether the user may edit the issue a host page already shows (Jira's "Edit issues"), without looking it up again. */
    boolean canEdit(ShownIssue shown, Person user);

    /**
     * Ids of the projects the user (empty = anonymous) may browse: the first filter of every list and report.
     * Project-level only — an issue at a security level can still be hidden; check each issue with
     * {@link #browsable(long, Optional)} before showing or counting it.
     */
    Set<Long> browsableProjects(Optional<Person> user);

    /** The id of the project with this (current) key, if the user may browse it. */
    Optional<Long> browsableProject(String projectKey, Optional<Person> user);

    /**
     * The current keys (upper case) of the projects the user administers (Jira's "Administer projects"
     * permission): where a project administrator may manage the authority matrix.
     */
    Set<String> administeredProjectKeys(Person user);

    /** Whether the user may edit the issue (Jira's "Edit issues" project permission). */
    boolean canEdit(IssueRef issue, Person user);

    /**
     * The issue by key if the user may browse it, with whether they may edit it — judged on one lookup of the issue (a
     * write needs both; {@link #browsable(String, Optional)} then {@link #canEdit(IssueRef, Person)} would look it up
     * twice). Empty when the issue does not exist or is hidden from the user.
     */
    default Optional<Editable> editable(String issueKey, Optional<Person> user) {
        return browsable(issueKey, user).map(issue -> new Editable(issue, user.map(u -> canEdit(issue, u)).orElse(false)));
    }

    /** A browsable issue and whether the user who asked may edit it. */
    record Editable(IssueRef issue, boolean mayEdit) {
    }

    /**
     * Asks the host to re-index the issue after its decision changed, so that searches answered from
     * the index (the "Decision owner" field) see the change. Failures are logged, never thrown.
     */
    void reindex(IssueRef issue);
}
