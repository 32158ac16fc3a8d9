package io.mandate.platform;

import java.util.List;

/** The few facts about a Jira issue that decisions and domain rules need. */
public record IssueRef(long id, String key, String summary, String projectKey, String issueType,
                       List<String> components, List<String> labels) {
    public IssueRef {
        components = List.copyOf(components);
        labels = List.copyOf(labels);
    }
}
