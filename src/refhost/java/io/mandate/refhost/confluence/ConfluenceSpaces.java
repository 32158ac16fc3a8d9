package io.mandate.refhost.confluence;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.security.Permission;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.spaces.Space;
import com.atlassian.confluence.spaces.SpaceManager;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import io.mandate.refhost.world.HostSpace;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import java.util.Objects;

/**
 * Confluence's spaces, users and permission checks in the reference host, over its {@link World}: a space is one of
 * the world's spaces, a user one of its users, and the checks are the world's space grants — viewing needs the view
 * grant, creating a page needs the view and the edit grant (as Confluence's page delegate asks), anonymous and
 * deactivated users have none. Other permissions and targets are refused loudly, as Confluence throws for a
 * permission that does not apply. Three host services, each its own object ({@link #spaceManager()},
 * {@link #permissionManager()}, {@link #userAccessor()}), as the plugin's container looks them up by type.
 */
public final class ConfluenceSpaces {

    /** Confluence's user in the reference host: a world user, by key and username. */
    public record RefConfluenceUser(String key, String username) implements ConfluenceUser {
        public RefConfluenceUser {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(username, "username");
        }
    }

    private final World world;

    public ConfluenceSpaces(World world) {
        this.world = world;
    }

    public SpaceManager spaceManager() {
        return new SpaceManager() {
            @Override
            @SuppressWarnings("deprecation")
            public Space getSpace(String spaceKey) {
                return spaceKey == null ? null : world.space(spaceKey).map(ConfluenceSpaces::toSpace).orElse(null);
            }
        };
    }

    public UserAccessor userAccessor() {
        return key -> key == null ? null
                : world.userByKey(key.getStringValue()).map(u -> (ConfluenceUser) new RefConfluenceUser(u.key(), u.username())).orElse(null);
    }

    public PermissionManager permissionManager() {
        return new PermissionManager() {
            @Override
            public boolean hasPermission(ConfluenceUser user, Permission permission, Object target) {
                if (target == null) {
                    return false;
                }
                if (!(target instanceof Space space)) {
                    throw new IllegalStateException("The reference host checks permissions on spaces only, not on " + target.getClass().getName());
                }
                if (permission != Permission.VIEW) {
                    throw new IllegalStateException("The reference host checks only VIEW on a space, not " + permission);
                }
                return world.canViewSpace(username(user), space.getKey());
            }

            @Override
            public boolean hasCreatePermission(ConfluenceUser user, Object container, Class<?> typeToCreate) {
                if (container == null) {
                    return false;
                }
                if (!(container instanceof Space space) || typeToCreate != Page.class) {
                    throw new IllegalStateException("The reference host checks only the creation of pages in spaces");
                }
                return world.canEditSpace(username(user), space.getKey());
            }
        };
    }

    /** The user's current username, or null for anonymous (and for a user the world no longer has). */
    private String username(ConfluenceUser user) {
        if (user == null) {
            return null;
        }
        if (!(user instanceof RefConfluenceUser ref)) {
            throw new IllegalArgumentException("Not a user of this host: " + user);
        }
        // by key: a user renamed since the object was made is still the same user
        return world.userByKey(ref.key()).filter(HostUser::active).map(HostUser::username).orElse(null);
    }

    private static Space toSpace(HostSpace s) {
        Space space = new Space(s.key());
        space.setName(s.name());
        return space;
    }
}
