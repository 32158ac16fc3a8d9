package io.mandate.refhost.web;

import io.mandate.refhost.db.Statements;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * For tests of a started host: the JDBC statements each HTTP request causes, every one of them — the host's tables
 * and Active Objects, on every database the request touches ({@link Statements}). A test opens a {@link Recording}
 * for a path prefix, sends its requests, and takes each request's statements in order; nothing is recorded while no
 * recording is open (the filter then costs one volatile read). Only the request's own thread is counted, so the
 * scheduler's jobs and the cluster's polling never add to a request's count.
 *
 * <pre>{@code
 * try (RequestStatements.Recording r = host.requestStatements().record("/jira/rest/api/2/myself")) {
 *     Http.get(url, "alice");
 *     List<String> sql = r.next();
 * }
 * }</pre>
 */
public final class RequestStatements implements Filter {

    private volatile Recording open;

    /** Records every request whose URI (context path included) starts with {@code pathPrefix}, until closed. */
    public Recording record(String pathPrefix) {
        Recording recording = new Recording(pathPrefix);
        open = recording;
        return recording;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        Recording recording = open;
        if (recording == null || !((HttpServletRequest) req).getRequestURI().startsWith(recording.pathPrefix)) {
            chain.doFilter(req, res);
            return;
        }
        Statements.start();
        try {
            chain.doFilter(req, res);
        } finally {
            recording.done.add(Statements.stop());
        }
    }

    /** The statements of the requests on one path prefix, in the order they finished. */
    public final class Recording implements AutoCloseable {
        private final String pathPrefix;
        private final BlockingQueue<List<String>> done = new LinkedBlockingQueue<>();

        private Recording(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        /**
         * The statements of the next recorded request, waiting for it to finish (the client may have its answer a
         * moment before the host has left the request).
         *
         * @throws IllegalStateException when no request finished within 30 seconds
         */
        public List<String> next() {
            try {
                List<String> statements = done.poll(30, TimeUnit.SECONDS);
                if (statements == null) {
                    throw new IllegalStateException("No request on " + pathPrefix + " finished");
                }
                return statements;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            if (open == this) {
                open = null;
            }
        }
    }
}
