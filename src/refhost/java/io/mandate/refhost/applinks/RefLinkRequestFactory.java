package io.mandate.refhost.applinks;

import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.sal.api.net.Request;
import io.mandate.refhost.web.RequestContext;

import java.net.URI;

/**
 * Requests over the link as the user of the current request, as an impersonating OAuth link makes them: the user
 * is read when the request is created, and a user who has not authorised the link (or nobody, for an anonymous
 * visitor) gets {@link CredentialsRequiredException} with the authorisation page.
 */
final class RefLinkRequestFactory implements ApplicationLinkRequestFactory {

    private final RefApplicationLinks.Target target;
    private final RefApplicationLinks links;

    RefLinkRequestFactory(RefApplicationLinks.Target target, RefApplicationLinks links) {
        this.target = target;
        this.links = links;
    }

    @Override
    public ApplicationLinkRequest createRequest(Request.MethodType methodType, String url) throws CredentialsRequiredException {
        String username = RequestContext.current().username();
        if (username == null || !links.isAuthorised(username)) {
            throw new CredentialsRequiredException(this, "Authorise Confluence to read Jira as "
                    + (username == null ? "you (log in first)" : username) + ".");
        }
        return new RefLinkRequest(methodType, resolve(url), username, target.signature());
    }

    @Override
    public URI getAuthorisationURI(URI callback) {
        return links.authorisationUri(callback);
    }

    @Override
    public URI getAuthorisationURI() {
        return links.authorisationUri(null);
    }

    /*
     * Relative URLs go to Jira's base URL, as Application Links prepends the RPC URL. Unlike a real link, an absolute
     * URL must also point into the linked Jira: the signature says "this is user X" and must not leave this host.
     */
    private URI resolve(String url) {
        String base = target.jiraBaseUrl().toString().replaceAll("/+$", "");
        if (url.contains("://")) {
            if (!url.startsWith(base + "/")) {
                throw new IllegalArgumentException("The reference host's link only sends requests into the linked Jira: " + url);
            }
            return URI.create(url);
        }
        return URI.create(base + (url.startsWith("/") ? "" : "/") + url);
    }
}
