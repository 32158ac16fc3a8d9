package io.mandate.refhost.applinks;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;

/** The reference host's link from Confluence to its Jira node; authenticates as the current user (impersonating). */
final class RefJiraLink implements ApplicationLink {

    private final RefApplicationLinks.Target target;
    private final RefApplicationLinks links;

    RefJiraLink(RefApplicationLinks.Target target, RefApplicationLinks links) {
        this.target = target;
        this.links = links;
    }

    @Override
    public ApplicationLinkRequestFactory createAuthenticatedRequestFactory() {
        return new RefLinkRequestFactory(target, links);
    }

    /** Jira's base URL: the link goes where people open Jira too (no separate RPC URL here). */
    @Override
    public java.net.URI getDisplayUrl() {
        return target.jiraBaseUrl();
    }
}
