package io.mandate.refhost.web;

import javax.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Who is calling in the current request, and in which language. Request-scoped (a thread-local set
 * and cleared by {@link AuthFilter}), like Jira's authentication context; never shared state.
 */
public final class RequestContext {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final String username;
    private final Locale locale;
    private final HttpServletRequest request;
    private final PageResources pageResources = new PageResources();

    public RequestContext(String username, Locale locale, HttpServletRequest request) {
        this.username = username;
        this.locale = locale;
        this.request = request;
    }

    public static RequestContext current() {
        RequestContext c = CURRENT.get();
        return c == null ? new RequestContext(null, Locale.ENGLISH, null) : c;
    }

    /** Whether a request (or a test's {@link #runAs}) is being served on this thread. */
    public static boolean inRequest() {
        return CURRENT.get() != null;
    }

    /** Runs work as the given user (null = anonymous); used by the filter and by tests. */
    public static <T> T runAs(RequestContext context, java.util.function.Supplier<T> work) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The logged-in username, or null for an anonymous caller. */
    public String username() {
        return username;
    }

    public Locale locale() {
        return locale;
    }

    public HttpServletRequest request() {
        return request;
    }

    /** The web resources this request's page required through the {@link RefPageBuilderService}. */
    public PageResources pageResources() {
        return pageResources;
    }
}
