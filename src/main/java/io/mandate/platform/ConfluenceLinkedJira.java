package io.mandate.platform;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.util.Optional;

/**
 * {@link LinkedJira} inside Confluence, over Application Links: the primary Jira link's authenticated request
 * factory (OAuth with impersonation in a real Confluence), so every request is made as the current user. Keeps no
 * state: links, tokens and users are the host's.
 */
@ConfluenceComponent
public class ConfluenceLinkedJira implements LinkedJira {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceLinkedJira.class);
    /*
     * A page waits for Jira: fail fast when it is down or slow rather than hold a Confluence request thread. A charter
     * that cannot wait shows a notice instead (docs/admin-guide/install.md, "Confluence needs an application link to Jira").
     */
    static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    static final int READ_TIMEOUT_MILLIS = 3_000;

    private final ApplicationLinkService links;

    @Inject
    public ConfluenceLinkedJira(@ConfluenceImport ApplicationLinkService links) {
        this.links = links;
    }

    @Override
    public Optional<java.net.URI> displayUrl() {
        ApplicationLink link = links.getPrimaryApplicationLink(JiraApplicationType.class);
        return link == null ? Optional.empty() : Optional.ofNullable(link.getDisplayUrl());
    }

    @Override
    public JiraAnswer get(JiraPath path) {
        ApplicationLink link = links.getPrimaryApplicationLink(JiraApplicationType.class);
        if (link == null) {
            return new JiraAnswer.NotLinked();
        }
        ApplicationLinkRequestFactory factory = link.createAuthenticatedRequestFactory();
        ApplicationLinkRequest request;
        try {
            request = factory.createRequest(Request.MethodType.GET, path.toString());
        } catch (CredentialsRequiredException e) {
            return new JiraAnswer.AuthorisationNeeded(Optional.ofNullable(e.getAuthorisationURI()));
        }
        // not chained: the setters' return value is the implementation's business
        request.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        request.setSoTimeout(READ_TIMEOUT_MILLIS);
        // a redirect would be a login page or another host, never the JSON asked for
        request.setFollowRedirects(false);
        request.addHeader("Accept", "application/json");
        JiraAnswer answer;
        try {
            answer = request.execute(new JiraJsonHandler(factory));
        } catch (ResponseException e) {
            answer = new JiraAnswer.Unreachable(String.valueOf(e.getMessage()));
        }
        if (answer instanceof JiraAnswer.Unreachable u) {
            LOG.warn("The linked Jira did not answer GET {}: {}", path, u.reason());
        } else if (answer instanceof JiraAnswer.Unreadable u) {
            LOG.warn("The linked Jira's answer to GET {} cannot be read: {}", path, u.reason());
        }
        return answer;
    }
}
