package io.mandate.refhost.world;

import java.util.Objects;

/**
 * A Confluence space of the reference host.
 *
 * @param id   numeric id, unique in the host
 * @param key  the space key ({@code TEAM}); exact match, as in Confluence
 * @param name the space name
 */
public record HostSpace(long id, String key, String name) {

    public HostSpace {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
