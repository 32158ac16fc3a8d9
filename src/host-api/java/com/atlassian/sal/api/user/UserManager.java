// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/9.5.2/com/atlassian/sal/confluence/user/SetupUserManager.html
// and the decompiled Platform-era sal-api UserManager source (isLicensed(UserKey) exists; resolve throws UserResolutionException).
// Only the members the plugin uses are declared; the real interface also has getRemoteUsername(), getRemoteUsername(HttpServletRequest),
// isUserInGroup(String,String), isSystemAdmin(String), isAdmin(String), authenticate(String,String),
// isLimitedUnlicensedAccessEnabled() and default isLimitedUnlicensedUser(UserKey). @Nullable annotations (JSR-305) omitted.
package com.atlassian.sal.api.user;

import javax.servlet.http.HttpServletRequest;
import java.security.Principal;

/** SAL's cross-product view of users: who is making the request, their profile, groups and admin/licence status. */
public interface UserManager {
    UserProfile getRemoteUser();

    UserKey getRemoteUserKey();

    UserProfile getRemoteUser(HttpServletRequest request);

    UserKey getRemoteUserKey(HttpServletRequest request);

    UserProfile getUserProfile(String username);

    UserProfile getUserProfile(UserKey userKey);

    boolean isUserInGroup(UserKey userKey, String group);

    boolean isSystemAdmin(UserKey userKey);

    boolean isAdmin(UserKey userKey);

    boolean isLicensed(UserKey userKey);

    Principal resolve(String username) throws UserResolutionException;

    Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults);

    boolean isAnonymousAccessEnabled();
}
