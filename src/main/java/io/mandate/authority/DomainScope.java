package io.mandate.authority;

import io.mandate.platform.IssueRef;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** Whether the issue falls in this scope. */
    public boolean matches(IssueRef issue) {
        return rule().matches(issue);
    }

    /**
     * The scope ready to test many issues: its names lower-cased once ({@link DomainIndex} keeps one per domain, as
     * every issue view and every decision of a report asks).
     */
    Rule rule() {
        return new Rule(lower(projects), lower(issueTypes), lower(components), labels, specificity());
    }

    /** A scope's rules with project keys, issue types and components lower-cased (Jira ignores their case). */
    record Rule(Set<String> projects, Set<String> issueTypes, Set<String> components, List<String> labels, int specificity) {

        boolean matches(IssueRef issue) {
            return matches(Facts.of(issue));
        }

        /** The issue's facts with its names lower-cased once, for testing it against many rules. */
        boolean matches(Facts issue) {
            if (specificity == 0) {
                return false;
            }
            if (!projects.isEmpty() && (issue.project() == null || !projects.contains(issue.project()))) {
                return false;
            }
            if (!issueTypes.isEmpty() && (issue.issueType() == null || !issueTypes.contains(issue.issueType()))) {
                return false;
            }
            if (!components.isEmpty() && issue.components().stream().noneMatch(components::contains)) {
                return false;
            }
            if (labels.isEmpty()) {
                return true;
            }
            for (String label : labels) {
                if (issue.labels().contains(label)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What the rules test of an issue: project key, issue type and components lower-cased (Jira ignores their case),
     * labels as they are. Made once per issue, then tested against each candidate rule.
     */
    record Facts(String project, String issueType, List<String> components, List<String> labels) {

        static Facts of(IssueRef issue) {
            List<String> components = issue.components().isEmpty() ? List.of()
                    : issue.components().stream().map(DomainScope::lower).toList();
            return new Facts(issue.projectKey() == null ? null : lower(issue.projectKey()),
                    issue.issueType() == null ? null : lower(issue.issueType()), components, issue.labels());
        }
    }

    static Set<String> lower(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(lower(n)));
        return Set.copyOf(lower);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
