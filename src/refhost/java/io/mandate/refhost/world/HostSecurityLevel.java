package io.mandate.refhost.world;

import java.util.Objects;

/**
 * A level of a project's issue security scheme ("Compensation"): an issue at a level is browsable only by
 * the level's members, on top of the project's Browse permission.
 *
 * @param id         numeric id, unique in the host
 * @param projectKey the current key of the project whose scheme holds the level
 * @param name       the level's name
 */
public record HostSecurityLevel(long id, String projectKey, String name) {

    public HostSecurityLevel {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(name, "name");
    }
}
