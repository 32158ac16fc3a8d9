// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/package-summary.html and the
// applinks-api source (code corpus: "public interface ApplicationLinkRequest extends Request<ApplicationLinkRequest,
// Response>", <R> R execute(ApplicationLinkResponseHandler<R>) throws ResponseException; a decompiled Platform 7-era
// copy is identical).
package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;

/** A SAL request preconfigured with the link's authentication. */
public interface ApplicationLinkRequest extends Request<ApplicationLinkRequest, Response> {

    /**
     * Executes the request; the handler learns when the remote side asks for credentials (its
     * {@code credentialsRequired}) instead of receiving that answer as an ordinary response.
     */
    <R> R execute(ApplicationLinkResponseHandler<R> responseHandler) throws ResponseException;
}
