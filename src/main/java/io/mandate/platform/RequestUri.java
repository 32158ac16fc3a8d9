package io.mandate.platform;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The address a request asked for, as a {@link URI} — for sending an anonymous caller to the login
 * page and back. Browsers and proxies pass characters a URI may not hold ({@code |"{}^} and others)
 * through in the query as they are; {@code URI.create(requestURL + "?" + query)}, the usual recipe,
 * then throws. Here every such character is percent-encoded (as UTF-8) and everything already
 * valid, escapes included, is kept, so the caller comes back to the same address.
 */
public final class RequestUri {

    /** RFC 3986 characters allowed in a path or query as they are (besides '%' before two hex digits). */
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";

    private RequestUri() {
    }

    public static URI of(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String path = request.getRequestURI();
        String origin = url.endsWith(path) ? url.substring(0, url.length() - path.length()) : "";
        String query = request.getQueryString();
        String target = encode(path) + (query == null ? "" : "?" + encode(query));
        try {
            return URI.create(origin + target);
        } catch (IllegalArgumentException oddHost) {
            return URI.create(target); // the login page resolves a relative address against itself
        }
    }

    /** Percent-encodes what a URI may not hold, keeping what it may (valid escapes included). */
    static String encode(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c < 128 && ALLOWED.indexOf(c) >= 0 || c == '%' && isEscape(raw, i)) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int percent) {
        return percent + 2 < s.length() && Character.digit(s.charAt(percent + 1), 16) >= 0
                && Character.digit(s.charAt(percent + 2), 16) >= 0;
    }
}
