package io.mandate.refhost.applinks;

import com.atlassian.sal.api.net.Response;

import java.io.InputStream;
import java.net.HttpURLConnection;

/** Jira's response to a link request, readable while the handler runs; the body streams, unbuffered. */
final class RefLinkResponse implements Response {

    private final int status;
    private final InputStream body;
    private final HttpURLConnection connection;

    RefLinkResponse(int status, InputStream body, HttpURLConnection connection) {
        this.status = status;
        this.body = body == null ? InputStream.nullInputStream() : body;
        this.connection = connection;
    }

    @Override
    public int getStatusCode() {
        return status;
    }

    @Override
    public InputStream getResponseBodyAsStream() {
        return body;
    }

    @Override
    public String getHeader(String name) {
        return connection.getHeaderField(name);
    }
}
