package io.mandate.refhost.sal;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;

import java.util.Locale;
import java.util.Set;

/**
 * Atlassian's Velocity auto-escaping: every reference is HTML-encoded unless the reference (or
 * the method it ends in) is named like HTML — ends in "html", or is render…/getRender…, or is
 * xHtmlContent, body or head. {@code $!x} only hides null; it does not escape differently.
 */
public final class HtmlEscapingPolicy implements ReferenceInsertionEventHandler {

    private static final Set<String> SAFE_NAMES = Set.of("xhtmlcontent", "body", "head");

    @Override
    public Object referenceInsert(String reference, Object value) {
        if (value == null || isHtmlSafe(reference)) {
            return value;
        }
        return escape(String.valueOf(value));
    }

    /** Whether the reference as written in the template may insert raw HTML. */
    static boolean isHtmlSafe(String reference) {
        String name = lastName(reference).toLowerCase(Locale.ROOT);
        return name.endsWith("html") || name.startsWith("render") || name.startsWith("getrender")
                || SAFE_NAMES.contains(name);
    }

    /** "$!{a.b.getC("x.y")}" → "getC": argument lists are dropped before the last segment is taken. */
    static String lastName(String reference) {
        StringBuilder stripped = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : reference.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // string literals inside arguments never count as structure
                }
            } else if (depth > 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && c != '$' && c != '!' && c != '{' && c != '}') {
                stripped.append(c);
            }
        }
        String s = stripped.toString().trim();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(dot + 1);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
