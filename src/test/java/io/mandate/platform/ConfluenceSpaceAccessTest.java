package io.mandate.platform;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.security.Permission;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.spaces.Space;
import com.atlassian.confluence.spaces.SpaceManager;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import org.junit.Before;
import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What SpaceAccess asks Confluence: view is Permission.VIEW on the space, edit is "may create a page in it". */
public class ConfluenceSpaceAccessTest {

    private PermissionManager permissions;
    private SpaceManager spaces;
    private UserAccessor users;
    private UserManager sal;
    private ConfluenceSpaceAccess access;
    private final ConfluenceUser alice = mock(ConfluenceUser.class);
    private final Space team = space("TEAM", "Team Space");

    private static Space space(String key, String name) {
        Space s = new Space(key);
        s.setName(name);
        return s;
    }

    @Before
    public void setUp() {
        permissions = mock(PermissionManager.class);
        spaces = mock(SpaceManager.class);
        users = mock(UserAccessor.class);
        sal = mock(UserManager.class);
        when(sal.getRemoteUserKey()).thenReturn(new UserKey("JIRAUSER10001"));
        when(users.getExistingUserByKey(new UserKey("JIRAUSER10001"))).thenReturn(alice);
        when(spaces.getSpace("TEAM")).thenReturn(team);
        access = new ConfluenceSpaceAccess(permissions, spaces, users, sal);
    }

    @Test
    public void aSpaceTheUserMayViewIsThereWithItsName() {
        when(permissions.hasPermission(alice, Permission.VIEW, team)).thenReturn(true);
        assertEquals(Optional.of(new SpaceAccess.SpaceRef("TEAM", "Team Space")), access.viewable("TEAM"));
    }

    @Test
    public void aSpaceTheUserMayNotViewIsAbsentLikeAMissingOne() {
        assertEquals(Optional.empty(), access.viewable("TEAM"));
        assertEquals(Optional.empty(), access.viewable("NOPE"));
        assertEquals(Optional.empty(), access.viewable(null));
    }

    @Test
    public void editingIsMayCreateAPageInTheSpaceNotPermissionEdit() {
        when(permissions.hasCreatePermission(alice, team, Page.class)).thenReturn(true);
        assertTrue(access.canEdit("TEAM"));
        verify(permissions, never()).hasPermission(any(), any(), any());
        assertFalse("an unknown space is not editable", access.canEdit("NOPE"));
    }

    @Test
    public void anAnonymousCallerIsAskedAboutAsNull() {
        when(sal.getRemoteUserKey()).thenReturn(null);
        access.viewable("TEAM");
        verify(permissions).hasPermission(null, Permission.VIEW, team);
        verify(users, never()).getExistingUserByKey(any());
    }
}
