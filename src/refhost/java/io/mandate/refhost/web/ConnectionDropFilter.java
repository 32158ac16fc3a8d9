package io.mandate.refhost.web;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;

/**
 * What Tomcat, and so Jira and Confluence, does after an answer whose status says the request
 * itself was bad (Http11Processor.statusDropsConnection): {@code Connection: close}, and the
 * connection ends. Such an answer may come before the body was read — a 413 from the declared
 * length, a 400 from the first bad bytes — and the rest of that body must not be taken for the
 * next request, nor may a client reuse a connection the host is about to drop.
 */
public final class ConnectionDropFilter implements Filter {

    /** Tomcat's list. */
    static final Set<Integer> DROPPING = Set.of(400, 408, 411, 413, 414, 500, 501, 503);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, new Dropping((HttpServletResponse) response, hasBody(request)));
    }

    /** Whether the request came with a body (declared length or chunked) that a refusal may leave unread. */
    private static boolean hasBody(ServletRequest request) {
        return request.getContentLengthLong() > 0 || (request instanceof javax.servlet.http.HttpServletRequest http
                && "chunked".equalsIgnoreCase(http.getHeader("Transfer-Encoding")));
    }

    private static final class Dropping extends HttpServletResponseWrapper {
        private final boolean requestHadBody;

        Dropping(HttpServletResponse response, boolean requestHadBody) {
            super(response);
            this.requestHadBody = requestHadBody;
        }

        @Override
        public void setStatus(int status) {
            drop(status);
            super.setStatus(status);
        }

        @Override
        @SuppressWarnings("deprecation") // Jersey sets the reason phrase through it
        public void setStatus(int status, String reason) {
            drop(status);
            super.setStatus(status, reason);
        }

        @Override
        public void sendError(int status) throws IOException {
            drop(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            drop(status);
            super.sendError(status, message);
        }

        private void drop(int status) {
            // A refusal of a request with a body (401, 403 before anything read it, 409 …) may leave the body unread;
            // the server then ends the connection rather than read it all, and a client that was not told so reuses a
            // connection that is gone ("header parser received no bytes"). Say so, whatever the status.
            if ((DROPPING.contains(status) || (status >= 400 && requestHadBody)) && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
    }
}
