// Checked against a decompiled Platform 7-era sal-api (code corpus: "public interface Response" with getStatusCode(),
// getResponseBodyAsString() throws ResponseException, getResponseBodyAsStream() throws ResponseException,
// <T> T getEntity(Class<T>) throws ResponseException, getStatusText(), isSuccessful(), getHeader(String),
// getHeaders()) and https://docs.atlassian.com/sal-parent/3.0.4/xref/com/atlassian/sal/core/net/HttpClientRequest.html.
// Declared: the members Mandate calls.
package com.atlassian.sal.api.net;

import java.io.InputStream;

/** The response to a SAL {@link Request}, readable while the response handler runs. */
public interface Response {

    int getStatusCode();

    /** The body as it arrives (not buffered by the host), so a caller can bound what it reads. */
    InputStream getResponseBodyAsStream() throws ResponseException;

    /** The value of a response header, or null. */
    String getHeader(String name);
}
