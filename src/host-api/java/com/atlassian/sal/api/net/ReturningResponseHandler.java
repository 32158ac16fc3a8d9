// Checked against the sal-api source (code corpus: "public interface ReturningResponseHandler<T extends Response, R>",
// @since 2.2.0, one member R handle(T response) throws ResponseException). The plugin implements it (through
// ApplicationLinkResponseHandler), so this is exactly the real abstract member.
package com.atlassian.sal.api.net;

/** Turns a response into a value. */
public interface ReturningResponseHandler<T extends Response, R> {

    R handle(T response) throws ResponseException;
}
