package io.mandate.refhost.web;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Atlassian REST's XSRF rules for mutating REST calls, as its {@code XsrfResourceFilter} applies them
 * (atlassian-rest-common, com.atlassian.plugins.rest.common.security.jersey.XsrfResourceFilter, read in its
 * decompiled source; https://confluence.atlassian.com/x/DhpJMQ for the no-check header):
 * <ul>
 *   <li>a request whose User-Agent is a browser's must come from this site: its {@code Origin} or its
 *       {@code Referer} has the host's scheme, host and port (a browser extension origin also passes;
 *       the host allows no other origin by CORS);</li>
 *   <li>a body a plain HTML form can send — <em>no Content-Type at all</em>, {@code application/x-www-form-urlencoded},
 *       {@code multipart/form-data}, {@code text/plain} — needs {@code X-Atlassian-Token: no-check}
 *       (the deprecated {@code nocheck} still counts).</li>
 * </ul>
 * Jira enforces both on POST and only logs them on PUT, PATCH and DELETE. The reference host is
 * stricter, never laxer: it enforces the origin rule on every mutating method and the content-type
 * rule on every mutating method that carries a form-like type; a PUT, PATCH or DELETE without any
 * Content-Type (a DELETE has no body) passes, as in Jira.
 */
final class XsrfCheck {

    private static final Logger LOG = Logger.getLogger(XsrfCheck.class.getName());
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");
    private static final Set<String> EXTENSION_SCHEMES = Set.of("chrome-extension", "safari-extension");
    /** What UserAgentUtil recognises as a browser family; anything else (curl, Java, scripts) is not a browser. */
    private static final Set<String> BROWSER_MARKERS = Set.of("mozilla/", "chrome/", "firefox/", "safari/", "msie ", "trident/", "opera", "edg/");

    private XsrfCheck() {
    }

    /** Why the request fails the XSRF check, or empty when it passes. */
    static Optional<String> failure(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!MUTATING.contains(method)) {
            return Optional.empty();
        }
        if (isBrowser(request.getHeader("User-Agent")) && !fromThisSite(request)) {
            LOG.warning(() -> "XSRF check failed for " + method + " " + request.getRequestURI() + ": origin "
                    + request.getHeader("Origin") + ", referrer " + request.getHeader("Referer"));
            return Optional.of("XSRF check failed: a browser request must come from this site (Origin or Referer).");
        }
        String type = mediaType(request.getContentType());
        boolean formLike = type == null ? "POST".equals(method) : FORM_TYPES.contains(type);
        if (formLike && !hasNoCheckToken(request)) {
            LOG.warning(() -> "XSRF check failed for " + method + " " + request.getRequestURI() + ": content type " + type);
            return Optional.of("XSRF check failed: send X-Atlassian-Token: no-check with form content types or no content type.");
        }
        return Optional.empty();
    }

    private static boolean hasNoCheckToken(HttpServletRequest request) {
        String token = request.getHeader("X-Atlassian-Token");
        return token != null && Set.of("no-check", "nocheck").contains(token.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isBrowser(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return BROWSER_MARKERS.stream().anyMatch(ua::contains);
    }

    private static boolean fromThisSite(HttpServletRequest request) {
        URI self = URI.create(request.getRequestURL().toString());
        String referrer = request.getHeader("Referer");
        String origin = request.getHeader("Origin");
        return sameOrigin(referrer, self) || sameOrigin(origin, self) || isExtension(origin);
    }

    private static boolean sameOrigin(String candidate, URI self) {
        if (candidate == null || candidate.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(candidate.trim());
            return uri.getScheme() != null && uri.getHost() != null
                    && uri.getScheme().equalsIgnoreCase(self.getScheme())
                    && uri.getHost().equalsIgnoreCase(self.getHost())
                    && port(uri) == port(self);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isExtension(String origin) {
        if (origin == null) {
            return false;
        }
        try {
            URI uri = new URI(origin.trim());
            return uri.getScheme() != null && EXTENSION_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) && !uri.isOpaque();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
