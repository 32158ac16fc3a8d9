// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/package-summary.html and the
// applinks-api source (code corpus: "public interface ApplicationLinkResponseHandler<R> extends
// ReturningResponseHandler<Response, R>", R credentialsRequired(Response) throws ResponseException; a decompiled
// Platform 7-era copy is identical). The plugin implements it: the abstract members are exactly this one and the
// inherited R handle(Response) throws ResponseException.
package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ReturningResponseHandler;

/** Handles the response of an {@link ApplicationLinkRequest}, including "the user must authorise the link". */
public interface ApplicationLinkResponseHandler<R> extends ReturningResponseHandler<Response, R> {

    /** Called instead of {@code handle} when the remote application rejected the link's credentials for this user. */
    R credentialsRequired(Response response) throws ResponseException;
}
