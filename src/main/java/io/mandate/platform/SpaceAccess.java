package io.mandate.platform;

import java.util.Optional;

/**
 * Confluence's spaces as the current user may use them: whether a space exists for them (they may view it) and
 * whether they may edit it (add and change pages). Confluence only ({@link ConfluenceSpaceAccess}); charters take
 * their permissions from the space they live in.
 */
public interface SpaceAccess {

    /** The space, if it exists and the current user may view it; a space they may not view is reported as absent. */
    Optional<SpaceRef> viewable(String spaceKey);

    /** Whether the current user may edit the space: Confluence's view and edit space permissions (add pages). */
    boolean canEdit(String spaceKey);

    /** A space by its key and name. */
    record SpaceRef(String key, String name) {
        public SpaceRef {
            java.util.Objects.requireNonNull(key, "key");
            name = name == null || name.isBlank() ? key : name;
        }
    }
}
