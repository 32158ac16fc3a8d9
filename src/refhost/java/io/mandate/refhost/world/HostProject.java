package io.mandate.refhost.world;

import java.util.List;
import java.util.Objects;

/**
 * A Jira project of the reference host with the issue types and components it offers.
 *
 * @param id         numeric id, unique in the host
 * @param key        the project key, upper case ({@code DEMO})
 * @param name       the project name
 * @param lead       username of the project lead
 * @param issueTypes issue type names in display order
 * @param components component names in display order
 */
public record HostProject(long id, String key, String name, String lead, List<String> issueTypes,
                          List<String> components) {

    public HostProject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lead, "lead");
        issueTypes = List.copyOf(issueTypes);
        components = List.copyOf(components);
    }
}
