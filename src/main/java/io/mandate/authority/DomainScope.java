package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.List;
import java.util.Locale;

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
        return (projects.isEmpty() ? 0 : 1) + (issueTypes.isEmpty() ? 0 : 1) + (components.isEmpty() ? 0 : 1)
                + (labels.isEmpty() ? 0 : 1);
    }

    /**
     * Whether the issue falls in this scope. Plain loops, no collections made: every issue view and every decision
     * of a report asks this of each candidate domain ({@link DomainIndex}).
     */
    public boolean matches(IssueRef issue) {
        if (specificity() == 0) {
            return false;
        }
        return (projects.isEmpty() || anyIgnoringCase(projects, issue.projectKey()))
                && (issueTypes.isEmpty() || issue.issueType() != null && anyIgnoringCase(issueTypes, issue.issueType()))
                && (components.isEmpty() || anyComponent(issue.components()))
                && (labels.isEmpty() || anyLabel(issue.labels()));
    }

    private boolean anyComponent(java.util.Collection<String> present) {
        for (String component : present) {
            if (anyIgnoringCase(components, component)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyLabel(java.util.Collection<String> present) {
        for (String label : labels) {
            if (present.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyIgnoringCase(List<String> wanted, String present) {
        if (present == null) {
            return false;
        }
        String have = lower(present);
        for (String w : wanted) {
            if (lower(w).equals(have)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
