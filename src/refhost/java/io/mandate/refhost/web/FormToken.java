package io.mandate.refhost.web;

import javax.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Jira's XSRF token for the host's own forms: each session gets a random token, every form sends it back as
 * {@code atl_token}, and a POST without the session's token changes nothing (Jira shows its "XSRF Security
 * Token Missing" page; the host answers 403).
 */
public final class FormToken {

    /** The form field, as Jira names it. */
    public static final String FIELD = "atl_token";
    private static final String SESSION_ATTRIBUTE = "mandate.refhost.atl_token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormToken() {
    }

    /** The session's token, created with the session when there is none yet. */
    public static String of(HttpServletRequest request) {
        var session = request.getSession(true);
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String t) {
            return t;
        }
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String created = HexFormat.of().formatHex(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, created);
        return created;
    }

    /** Whether the request carries its session's token (compared in constant time). */
    public static boolean isValid(HttpServletRequest request) {
        var session = request.getSession(false);
        String sent = request.getParameter(FIELD);
        if (session == null || sent == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** The hidden input every form of the host carries. */
    public static String hiddenInput(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + of(request) + "\">";
    }
}
