package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;

import java.util.Optional;

/**
 * {@link IssueAccess} inside Confluence: there are no Jira issues in Confluence's own database, so
 * every lookup is "not found". Confluence reads decisions from the linked Jira over REST instead.
 */
@ConfluenceComponent
public class ConfluenceIssueAccess implements IssueAccess {

    @Override
    public Optional<IssueRef> browsable(String issueKey, Optional<Person> user) {
        return Optional.empty();
    }

    @Override
    public Optional<IssueRef> browsable(long issueId, Optional<Person> user) {
        return Optional.empty();
    }

    @Override
    public java.util.Set<Long> browsableProjects(Optional<Person> user) {
        return java.util.Set.of();
    }

    @Override
    public Optional<Long> browsableProject(String projectKey, Optional<Person> user) {
        return Optional.empty();
    }

    @Override
    public boolean canEdit(IssueRef issue, Person user) {
        return false;
    }

    @Override
    public void reindex(IssueRef issue) {
        // Confluence has no issue index; decisions are never changed here
    }
}
