package io.mandate.refhost.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import io.mandate.refhost.web.RequestContext;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;

/** SAL's UserManager over the host's user directory (the world's users and groups). */
public final class RefUserManager implements UserManager {

    private final World world;

    public RefUserManager(World world) {
        this.world = world;
    }

    @Override
    public UserProfile getRemoteUser() {
        String username = RequestContext.current().username();
        return username == null ? null : getUserProfile(username);
    }

    @Override
    public UserKey getRemoteUserKey() {
        UserProfile p = getRemoteUser();
        return p == null ? null : p.getUserKey();
    }

    @Override
    public UserProfile getRemoteUser(HttpServletRequest request) {
        return getRemoteUser();
    }

    @Override
    public UserKey getRemoteUserKey(HttpServletRequest request) {
        return getRemoteUserKey();
    }

    @Override
    public UserProfile getUserProfile(String username) {
        return username == null ? null : world.userByName(username).map(Profile::new).orElse(null);
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return userKey == null ? null : world.userByKey(userKey.getStringValue()).map(Profile::new).orElse(null);
    }

    @Override
    public boolean isUserInGroup(UserKey userKey, String group) {
        return name(userKey) != null && world.isUserInGroup(name(userKey), group);
    }

    @Override
    public boolean isSystemAdmin(UserKey userKey) {
        return name(userKey) != null && world.isSystemAdmin(name(userKey));
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        return name(userKey) != null && world.isAdmin(name(userKey));
    }

    @Override
    public boolean isLicensed(UserKey userKey) {
        return userKey != null && world.userByKey(userKey.getStringValue()).map(HostUser::active).orElse(false);
    }

    @Override
    public Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults) {
        return world.findGroups(prefix == null ? "" : prefix, startIndex, maxResults);
    }

    @Override
    public java.security.Principal resolve(String username) {
        return world.userByName(username).map(u -> (java.security.Principal) u::username).orElse(null);
    }

    @Override
    public boolean isAnonymousAccessEnabled() {
        return false;
    }

    private String name(UserKey key) {
        return key == null ? null : world.userByKey(key.getStringValue()).map(HostUser::username).orElse(null);
    }

    private record Profile(HostUser user) implements UserProfile {
        @Override
        public UserKey getUserKey() {
            return new UserKey(user.key());
        }

        @Override
        public String getUsername() {
            return user.username();
        }

        @Override
        public String getFullName() {
            return user.displayName();
        }

        @Override
        public String getEmail() {
            return user.email();
        }

        @Override
        public URI getProfilePictureUri(int width, int height) {
            return null;
        }

        @Override
        public URI getProfilePictureUri() {
            return null;
        }

        @Override
        public URI getProfilePageUri() {
            return URI.create("/secure/ViewProfile.jspa?name=" + java.net.URLEncoder.encode(user.username(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
