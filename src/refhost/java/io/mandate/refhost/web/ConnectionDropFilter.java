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
        chain.doFilter(request, new Dropping((HttpServletResponse) response));
    }

    private static final class Dropping extends HttpServletResponseWrapper {
        Dropping(HttpServletResponse response) {
            super(response);
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
            if (DROPPING.contains(status) && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
    }
}
