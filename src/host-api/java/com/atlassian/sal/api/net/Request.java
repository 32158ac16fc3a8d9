// Checked against https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/net/TrustedRequest.html
// (Request's members: addBasicAuthentication, addHeader, addRequestParameters, execute, execute, executeAndReturn,
// getHeaders, setConnectionTimeout, setEntity, setFiles, setFollowRedirects, setHeader, setRequestBody,
// setRequestBody, setSoTimeout, setUrl) and a decompiled Platform 7-era sal-api (code corpus: "public interface
// Request<T extends Request<?, ?>, RESP extends Response>", setters returning T, timeouts in milliseconds, nested
// enum MethodType { GET, POST, PUT, DELETE, HEAD, TRACE, OPTIONS, PATCH }).
// Declared: the members Mandate calls. Not declared: setUrl, setRequestBody(×2), setFiles, setEntity,
// addRequestParameters, addBasicAuthentication, setHeader, getHeaders, execute(ResponseHandler), execute(),
// executeAndReturn(ReturningResponseHandler).
package com.atlassian.sal.api.net;

/** An outgoing HTTP request made through the host (SAL); setters return the request for chaining. */
public interface Request<T extends Request<?, ?>, RESP extends Response> {

    /** Milliseconds to wait for the connection. */
    T setConnectionTimeout(int connectionTimeout);

    /** Milliseconds to wait for data on the open connection. */
    T setSoTimeout(int soTimeout);

    /** Adds a header, keeping earlier values of the same name. */
    T addHeader(String headerName, String headerValue);

    T setFollowRedirects(boolean follow);

    /** The HTTP method of a request. */
    enum MethodType {
        GET, POST, PUT, DELETE, HEAD, TRACE, OPTIONS, PATCH
    }
}
