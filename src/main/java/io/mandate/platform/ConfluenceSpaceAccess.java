package io.mandate.platform;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.security.Permission;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.spaces.Space;
import com.atlassian.confluence.spaces.SpaceManager;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;

import javax.inject.Inject;
import java.util.Optional;

/**
 * {@link SpaceAccess} inside Confluence: the current user from SAL, resolved to Confluence's user, and Confluence's
 * own permission checks — {@code Permission.VIEW} on the space, and "may create a page in it" for editing (the
 * space's view and edit permissions; {@code Permission.EDIT} on a space would mean administering it). Keeps no state.
 */
@ConfluenceComponent
public class ConfluenceSpaceAccess implements SpaceAccess {

    private final PermissionManager permissions;
    private final SpaceManager spaces;
    private final UserAccessor users;
    private final UserManager salUsers;

    @Inject
    public ConfluenceSpaceAccess(@ConfluenceImport PermissionManager permissions, @ConfluenceImport SpaceManager spaces,
                                 @ConfluenceImport UserAccessor users, @ComponentImport UserManager salUsers) {
        this.permissions = permissions;
        this.spaces = spaces;
        this.users = users;
        this.salUsers = salUsers;
    }

    @Override
    public Optional<SpaceRef> viewable(String spaceKey) {
        Space space = space(spaceKey);
        if (space == null || !permissions.hasPermission(currentUser(), Permission.VIEW, space)) {
            return Optional.empty();
        }
        return Optional.of(new SpaceRef(space.getKey(), space.getName()));
    }

    @Override
    public boolean canEdit(String spaceKey) {
        Space space = space(spaceKey);
        return space != null && permissions.hasCreatePermission(currentUser(), space, Page.class);
    }

    @SuppressWarnings("deprecation") // SpaceManager.getSpace(String): deprecated for the REST model, still Confluence 9's way to the entity
    private Space space(String spaceKey) {
        return spaceKey == null || spaceKey.isBlank() ? null : spaces.getSpace(spaceKey);
    }

    /** Confluence's user of the current request; null for an anonymous one (Confluence's checks take null as anonymous). */
    private ConfluenceUser currentUser() {
        UserKey key = salUsers.getRemoteUserKey();
        return key == null ? null : users.getExistingUserByKey(key);
    }
}
