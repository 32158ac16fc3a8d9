package io.mandate.refhost.world;

import java.util.Objects;

/**
 * A user of the reference host, as Jira's and Confluence's user managers would describe one.
 *
 * @param id          numeric id, unique in the host
 * @param key         the immutable user key, Jira style ({@code JIRAUSER10001})
 * @param username    the login name; lookups ignore case
 * @param displayName the full name shown in the UI
 * @param email       the e-mail address
 * @param active      false for deactivated users, who can neither log in nor hold permissions
 */
public record HostUser(long id, String key, String username, String displayName, String email, boolean active) {

    public HostUser {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }
}
