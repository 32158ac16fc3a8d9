package io.mandate.platform;

import java.util.List;

/**
 * The few facts about a Jira issue that decisions and domain rules need, as the issue is now. The id and the
 * project id identify it; the keys are for display only, because they change when the issue is moved or its
 * project re-keyed, and come back on other issues when a project is deleted and re-created.
 */
public record IssueRef(long id, String key, String summary, long projectId, String projectKey, String issueType,
                       List<String> components, List<String> labels) {
    public IssueRef {
        components = List.copyOf(components);
        labels = List.copyOf(labels);
    }

    /** The number of the key, 12 of {@code DEMO-12} (0 when the key has none): lists sort by project, then number. */
    public long number() {
        return numberOf(key);
    }

    /** The number of an issue key, 12 of {@code DEMO-12}; 0 when there is none. */
    public static long numberOf(String issueKey) {
        int dash = issueKey.lastIndexOf('-');
        try {
            return dash < 0 ? 0 : Long.parseLong(issueKey.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
