package io.mandate.refhost.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OSGi manifest header such as {@code Import-Package}, parsed as the OSGi core specification
 * (3.2.4, "Common header syntax") writes it: clauses separated by commas, each clause one or more
 * paths then {@code ;}-separated attributes ({@code name=value}) and directives ({@code name:=value}),
 * values optionally in double quotes, inside which commas and semicolons are plain text.
 */
public final class OsgiHeader {

    /** One path of a clause with the clause's attributes and directives (quotes removed). */
    public record Clause(String path, Map<String, String> attributes, Map<String, String> directives) {
        public Clause {
            attributes = Map.copyOf(attributes);
            directives = Map.copyOf(directives);
        }
    }

    private OsgiHeader() {
    }

    /** The clauses of a header value; an absent or blank header has none. */
    public static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                throw new IllegalArgumentException("Empty clause in header: " + header);
            }
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                String p = part.trim();
                int directive = indexOutsideQuotes(p, ":=");
                int attribute = indexOutsideQuotes(p, "=");
                if (directive >= 0 && directive < attribute) {
                    directives.put(p.substring(0, directive).trim(), unquote(p.substring(directive + 2).trim()));
                } else if (attribute >= 0) {
                    attributes.put(p.substring(0, attribute).trim(), unquote(p.substring(attribute + 1).trim()));
                } else if (!attributes.isEmpty() || !directives.isEmpty()) {
                    throw new IllegalArgumentException("Path after parameters in clause: " + clause);
                } else if (p.isEmpty()) {
                    throw new IllegalArgumentException("Empty path in clause: " + clause);
                } else {
                    paths.add(p);
                }
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("Clause without a path: " + clause);
            }
            paths.forEach(path -> clauses.add(new Clause(path, attributes, directives)));
        }
        return clauses;
    }

    /** A header's clauses as written (split on commas outside quotes), e.g. to rewrite one. */
    public static List<String> rawClauses(String header) {
        return header == null || header.isBlank() ? List.of() : split(header, ',');
    }

    /** Splits on a separator that is not inside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unclosed quote in header: " + text);
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String text, String token) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
