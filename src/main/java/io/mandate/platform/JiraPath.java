package io.mandate.platform;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A path of Jira's REST API, relative to Jira's base URL, built so that no value can change which resource it
 * names: the fixed root is a literal of plain segments, and every value added to it is percent-encoded (a "/",
 * "?", "#" or "%" in an issue key stays part of that one segment).
 */
public final class JiraPath {

    /* One or more segments of unreserved characters: no scheme, no "//", no query, no "." or ".." tricks. */
    private static final Pattern ROOT = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

    private final String path;
    private final String query;

    private JiraPath(String path, String query) {
        this.path = path;
        this.query = query;
    }

    /** A fixed path written in the code, e.g. {@code /rest/mandate/1.0/decisions}; never user input. */
    public static JiraPath root(String literal) {
        if (literal == null || !ROOT.matcher(literal).matches()) {
            throw new IllegalArgumentException("Not a plain REST path: " + literal);
        }
        return new JiraPath(literal, "");
    }

    /** This path with one more segment holding {@code value}, encoded; "", "." and ".." are refused. */
    public JiraPath segment(String value) {
        if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("A path segment may not be empty, \".\" or \"..\"");
        }
        if (!query.isEmpty()) {
            throw new IllegalStateException("Add segments before query parameters");
        }
        return new JiraPath(path + "/" + encode(value), query);
    }

    /** This path with the query parameter {@code name=value}, both encoded. */
    public JiraPath query(String name, String value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("A query parameter needs a name and a value");
        }
        return new JiraPath(path, query + (query.isEmpty() ? "?" : "&") + encode(name) + "=" + encode(value));
    }

    /** The path and query as sent, starting with "/" (relative to Jira's base URL). */
    @Override
    public String toString() {
        return path + query;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JiraPath p && p.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /* RFC 3986: everything but the unreserved characters as %XX of its UTF-8 bytes (also "+" and space). */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
