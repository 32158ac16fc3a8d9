package io.mandate.refhost.applinks;

import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.sal.api.net.ResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request over the link, sent over loopback HTTP with the link's signature for its user. A 401 from Jira goes to
 * the handler's {@code credentialsRequired} (Jira no longer accepts the link for this user), everything else to
 * {@code handle}. Redirects are never followed: the signature covers one path and must not travel elsewhere, so
 * asking to follow them is refused loudly rather than ignored.
 */
final class RefLinkRequest implements ApplicationLinkRequest {

    /* SAL's defaults are the product's settings; these are the reference host's. */
    private static final int DEFAULT_TIMEOUT_MILLIS = 10_000;

    private final MethodType method;
    private final URI target;
    private final String username;
    private final LinkSignature signature;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private int connectionTimeout = DEFAULT_TIMEOUT_MILLIS;
    private int soTimeout = DEFAULT_TIMEOUT_MILLIS;

    RefLinkRequest(MethodType method, URI target, String username, LinkSignature signature) {
        this.method = method;
        this.target = target;
        this.username = username;
        this.signature = signature;
    }

    @Override
    public ApplicationLinkRequest setConnectionTimeout(int connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
        return this;
    }

    @Override
    public ApplicationLinkRequest setSoTimeout(int soTimeout) {
        this.soTimeout = soTimeout;
        return this;
    }

    @Override
    public ApplicationLinkRequest addHeader(String headerName, String headerValue) {
        if (headerName.regionMatches(true, 0, "X-Refhost-Applink-", 0, 18)) {
            throw new IllegalArgumentException("The link's own headers cannot be set by a plugin: " + headerName);
        }
        headers.add(Map.entry(headerName, headerValue));
        return this;
    }

    @Override
    public ApplicationLinkRequest setFollowRedirects(boolean follow) {
        if (follow) {
            throw new UnsupportedOperationException("The reference host's link does not follow redirects");
        }
        return this;
    }

    @Override
    public <R> R execute(ApplicationLinkResponseHandler<R> responseHandler) throws ResponseException {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) target.toURL().openConnection();
        } catch (IOException e) {
            throw new ResponseException("Cannot open " + target, e);
        }
        try {
            connection.setRequestMethod(method.name());
            connection.setConnectTimeout(connectionTimeout);
            connection.setReadTimeout(soTimeout);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            headers.forEach(h -> connection.addRequestProperty(h.getKey(), h.getValue()));
            signature.headers(username, method.name(), target).forEach(connection::setRequestProperty);
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                RefLinkResponse response = new RefLinkResponse(status, body, connection);
                return status == 401 ? responseHandler.credentialsRequired(response) : responseHandler.handle(response);
            }
        } catch (IOException e) {
            throw new ResponseException(method + " " + target + " failed: " + e, e);
        } finally {
            connection.disconnect();
        }
    }
}
