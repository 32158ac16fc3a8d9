// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/ApplicationLinkRequestFactory.html
// (extends AuthorisationURIGenerator; ApplicationLinkRequest createRequest(Request.MethodType, String) throws
// CredentialsRequiredException) and a decompiled Platform 7-era copy (code corpus) with the same single member.
package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Request;

/** Makes requests over one application link, authenticated by the link. */
public interface ApplicationLinkRequestFactory extends AuthorisationURIGenerator {

    /**
     * A request to {@code url}: a URL without a scheme is taken relative to the linked application's RPC URL.
     *
     * @throws CredentialsRequiredException when the link needs the current user to authorise it first
     */
    ApplicationLinkRequest createRequest(Request.MethodType methodType, String url) throws CredentialsRequiredException;
}
