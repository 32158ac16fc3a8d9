package io.mandate.platform;

import com.atlassian.jira.issue.Issue;

import java.util.Optional;

/**
 * The issue a host page already shows — Jira's {@code Issue} from a web panel's context — carried through the
 * capabilities as it is, so that {@link IssueAccess} judges it without asking the host for the same issue again
 * (one issue view renders two panels; each used to look its issue up by key). Lives for one request only.
 */
public final class ShownIssue {

    private final Issue issue;

    private ShownIssue(Issue issue) {
        this.issue = issue;
    }

    /** The issue of a web panel's context ({@code context.get("issue")}); empty when there is none. */
    public static Optional<ShownIssue> of(Object contextIssue) {
        return contextIssue instanceof Issue issue && issue.getKey() != null ? Optional.of(new ShownIssue(issue)) : Optional.empty();
    }

    /** The issue's key as the page shows it (for log lines). */
    public String key() {
        return issue.getKey();
    }

    Issue issue() {
        return issue;
    }

    @Override
    public String toString() {
        return "ShownIssue[" + issue.getKey() + "]";
    }
}
