// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/7.18.2/com/atlassian/sal/confluence/user/ConfluenceUserProfile.html
// (all seven methods are "Specified by ... UserProfile"); unverified: no further abstract members added on Platform 7.
package com.atlassian.sal.api.user;

import java.net.URI;

/** A user's profile as SAL exposes it: key, username, full name, e-mail and profile URIs. */
public interface UserProfile {
    UserKey getUserKey();

    String getUsername();

    String getFullName();

    String getEmail();

    URI getProfilePictureUri(int width, int height);

    URI getProfilePictureUri();

    URI getProfilePageUri();
}
