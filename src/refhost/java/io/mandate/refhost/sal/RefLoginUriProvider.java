package io.mandate.refhost.sal;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.page.PageCapability;
import com.atlassian.sal.api.user.UserRole;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/** Points at the host's login page, returning to the given page afterwards. */
public final class RefLoginUriProvider implements LoginUriProvider {

    private final String contextPath;

    public RefLoginUriProvider(String contextPath) {
        this.contextPath = contextPath;
    }

    @Override
    public URI getLoginUri(URI returnUri) {
        return URI.create(contextPath + "/login.jsp?os_destination="
                + URLEncoder.encode(returnUri.toString(), StandardCharsets.UTF_8));
    }

    @Override
    public URI getLoginUri(URI returnUri, EnumSet<PageCapability> pageCaps) {
        return getLoginUri(returnUri);
    }

    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role) {
        return getLoginUri(returnUri);
    }

    @Override
    public URI getLoginUriForRole(URI returnUri, UserRole role, EnumSet<PageCapability> pageCaps) {
        return getLoginUri(returnUri);
    }
}
