// Checked against the sal-api source (code corpus: "public class ResponseException extends Exception", @since 2.0,
// constructors (), (String, Throwable), (String), (Throwable); subclasses ResponseConnectTimeoutException,
// ResponseProtocolException, ResponseTransportException, ResponseStatusException are not declared — unused).
package com.atlassian.sal.api.net;

/** A SAL request failed: the connection, the transfer, or the response handler. */
public class ResponseException extends Exception {

    public ResponseException() {
        super();
    }

    public ResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    public ResponseException(String message) {
        super(message);
    }

    public ResponseException(Throwable cause) {
        super(cause);
    }
}
