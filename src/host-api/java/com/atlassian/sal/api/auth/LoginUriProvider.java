// Checked against the decompiled sal-api LoginUriProvider source (four methods, java.net.URI / EnumSet<PageCapability> / UserRole)
// and https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/page/package-use.html
package com.atlassian.sal.api.auth;

import com.atlassian.sal.api.page.PageCapability;
import com.atlassian.sal.api.user.UserRole;

import java.net.URI;
import java.util.EnumSet;

/** Builds the URI of the host's login page, returning the user to a given URI afterwards. */
public interface LoginUriProvider {
    URI getLoginUri(URI returnUri);

    URI getLoginUri(URI returnUri, EnumSet<PageCapability> pageCaps);

    URI getLoginUriForRole(URI returnUri, UserRole role);

    URI getLoginUriForRole(URI returnUri, UserRole role, EnumSet<PageCapability> pageCaps);
}
