package io.mandate.platform;

import java.util.Optional;

/**
 * Issue lookup with Jira's permissions applied. An issue the user cannot browse is reported
 * exactly like an issue that does not exist, so nothing leaks through the difference.
 */
public interface IssueAccess {

    /** The issue, if it exists and the user (empty = anonymous) may browse it. */
    Optional<IssueRef> browsable(String issueKey, Optional<Person> user);

    /** Keys of the projects the user (empty = anonymous) may browse: the filter of every list and report. */
    java.util.Set<String> browsableProjects(Optional<Person> user);

    /** Whether the user may edit the issue (Jira's "Edit issues" project permission). */
    boolean canEdit(IssueRef issue, Person user);

    /**
     * Asks the host to re-index the issue after its decision changed, so that searches answered from
     * the index (the "Decision owner" field) see the change. Failures are logged, never thrown.
     */
    void reindex(IssueRef issue);
}
