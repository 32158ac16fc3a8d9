package io.mandate.refhost.web;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * What a Jira or Confluence server sends on every response and what it never sends, applied to the
 * reference host's Jetty:
 * <ul>
 *   <li>anti-framing and no-sniffing headers on every response: {@code X-Frame-Options: SAMEORIGIN},
 *       {@code Content-Security-Policy: frame-ancestors 'self'}, {@code X-Content-Type-Options: nosniff}
 *       (https://confluence.atlassian.com/jirakb/security-headers-in-jira-939919914.html: "Jira adds the
 *       X-Frame-Options and Content-Security-Policy security headers to each HTTP response");</li>
 *   <li>the session cookie {@code HttpOnly} and {@code SameSite=Lax}, {@code Secure} whenever the request
 *       came over https (Jetty's secure-request-only rule), as Tomcat's defaults in the products are;</li>
 *   <li>no {@code Server} / {@code X-Powered-By} header, and every error page from {@link HostErrorHandler}.</li>
 * </ul>
 */
public final class WebSecurity {

    private WebSecurity() {
    }

    /** Server-wide: no server name or version on any response, plain pages for errors outside the contexts. */
    public static void server(Server server) {
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
                // Tomcat (Jira, Confluence) hands a request to the application once its headers are in;
                // Jetty by default waits for the first body bytes, so a declared-but-unsent body would
                // hang the request until the idle timeout instead of reaching the size check
                http.getHttpConfiguration().setDelayDispatchUntilContent(false);
            }
        }
        server.setErrorHandler(new HostErrorHandler());
    }

    /** Per product context: the security headers, the session cookie's flags and the error pages. */
    public static void context(ServletContextHandler handler) {
        handler.addFilter(new FilterHolder(new SecurityHeaders()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR));
        handler.getSessionHandler().getSessionCookieConfig().setHttpOnly(true);
        handler.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        handler.getSessionHandler().setSecureRequestOnly(true);
        handler.setErrorHandler(new HostErrorHandler());
    }

    /** Sets the headers before anything is written, so pages, REST answers and error pages all carry them. */
    static final class SecurityHeaders implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("X-Frame-Options", "SAMEORIGIN");
            http.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
            http.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(request, response);
        }
    }
}
