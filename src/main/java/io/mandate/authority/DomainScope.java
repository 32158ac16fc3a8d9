package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that say which issues (and Confluence spaces) a decision domain covers (product brief,
 * "Decision domain"). An issue matches when every non-empty Jira dimension matches — AND across
 * dimensions, any-of within one list. A scope without any Jira dimension (spaces only, or nothing)
 * matches no issue: it would otherwise claim every issue of the instance at specificity 0.
 *
 * <p>Comparison follows Jira: project keys and issue type and component names are matched without
 * regard to case (Jira treats them so); labels exactly (Jira's labels are case-sensitive).
 */
public record DomainScope(List<String> projects, List<String> issueTypes, List<String> components,
                          List<String> labels, List<String> spaces) implements java.io.Serializable {

    public DomainScope {
        projects = List.copyOf(projects);
        issueTypes = List.copyOf(issueTypes);
        components = List.copyOf(components);
        labels = List.copyOf(labels);
        spaces = List.copyOf(spaces);
    }

    /** How specific the scope is: the number of non-empty Jira dimensions (0–4); the most specific match wins. */
    public int specificity() {
        int n = 0;
        for (List<String> dimension : List.of(projects, issueTypes, components, labels)) {
            if (!dimension.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Whether the issue falls in this scope. */
    public boolean matches(IssueRef issue) {
        if (specificity() == 0) {
            return false;
        }
        return anyIgnoringCase(projects, Set.of(issue.projectKey()))
                && anyIgnoringCase(issueTypes, issue.issueType() == null ? Set.of() : Set.of(issue.issueType()))
                && anyIgnoringCase(components, Set.copyOf(issue.components()))
                && (labels.isEmpty() || labels.stream().anyMatch(issue.labels()::contains));
    }

    private static boolean anyIgnoringCase(List<String> wanted, Set<String> present) {
        if (wanted.isEmpty()) {
            return true;
        }
        Set<String> have = present.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return wanted.stream().anyMatch(w -> have.contains(w.toLowerCase(Locale.ROOT)));
    }
}
