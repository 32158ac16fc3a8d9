package io.mandate.refhost.web;

import io.mandate.refhost.applinks.LinkSignature;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Establishes who is calling: the session of a form login, HTTP Basic credentials on the
 * request (wrong credentials are 401, never silently anonymous), or, in Jira, Confluence's
 * application link acting for a user ({@link LinkSignature}; an invalid signature is ignored).
 * Also applies Atlassian REST's XSRF rules ({@link XsrfCheck}) to every call under {@code /rest/}.
 */
public final class AuthFilter implements Filter {

    public static final String SESSION_USER = "mandate.refhost.user";

    private final World world;
    private final LinkSignature trustedLink;

    public AuthFilter(World world) {
        this(world, null);
    }

    /** @param trustedLink the application link whose signed requests act as their user here; null = none (Confluence) */
    public AuthFilter(World world, LinkSignature trustedLink) {
        this.world = world;
        this.trustedLink = trustedLink;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String username = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            username = basicUser(authorization.substring(6).trim());
            if (username == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Mandate reference host\"");
                Json.error(response, 401, "Wrong username or password.");
                return;
            }
        } else {
            username = linkedUser(request);
            HttpSession session = request.getSession(false);
            if (username == null && session != null && session.getAttribute(SESSION_USER) instanceof String name
                    && world.userByName(name).map(HostUser::active).orElse(false)) {
                username = name;
            }
        }
        if (isRest(request)) {
            java.util.Optional<String> xsrf = XsrfCheck.failure(request);
            if (xsrf.isPresent()) {
                Json.error(response, 403, xsrf.get());
                return;
            }
        }
        String user = username;
        RequestContext context = new RequestContext(user, locale(request), request);
        try {
            RequestContext.runAs(context, () -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
                return null;
            });
        } catch (FilterFailure f) {
            if (f.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) f.getCause();
        }
    }

    /** The user of a valid link signature; a missing, forged, stale or non-loopback one is ignored. */
    private String linkedUser(HttpServletRequest request) {
        if (trustedLink == null || request.getHeader(LinkSignature.USER) == null) {
            return null;
        }
        return trustedLink.verify(request).filter(name -> world.userByName(name).map(HostUser::active).orElse(false)).orElse(null);
    }

    private String basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String name = decoded.substring(0, colon);
            return world.checkPassword(name, decoded.substring(colon + 1)) ? name : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isRest(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/rest/");
    }

    /** German when the browser asks for it first, English otherwise (the bundles we ship). */
    private static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("locale");
        if (lang == null) {
            String header = request.getHeader("Accept-Language");
            lang = header == null ? "en" : header;
        }
        return lang.toLowerCase(Locale.ROOT).startsWith("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }
}
