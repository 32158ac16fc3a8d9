package io.mandate.accountability;

import java.util.Locale;

/**
 * Writes one SVG document for {@link Charts}. Everything that is not markup written here — data and the caller's
 * words alike — goes through {@link #escape}, so a username or domain name can never open an element or an
 * attribute; numbers go through {@link #num}, so the bytes do not depend on the server's locale.
 */
final class Svg {

    static final String NS = "http://www.w3.org/2000/svg";
    private static final char REPLACEMENT = '\uFFFD';

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * The root element with {@code <title>} and {@code <desc>} first: its accessible name and description
     * ({@code aria-labelledby}). The font is set once here and inherited by every text.
     */
    static Svg document(String id, int width, int height, String title, String description) {
        Svg svg = new Svg();
        svg.open("svg", "xmlns", NS, "role", "img", "aria-labelledby", id + "-title " + id + "-desc",
                "viewBox", "0 0 " + width + " " + height, "width", String.valueOf(width), "height", String.valueOf(height),
                "font-family", "Arial, sans-serif", "font-size", "12", "fill", Charts.TEXT);
        svg.element("title", title, "id", id + "-title");
        svg.element("desc", description, "id", id + "-desc");
        return svg;
    }

    /** {@code <name attr="value" …>}; attributes as name, value pairs. */
    Svg open(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append(">\n");
        return this;
    }

    Svg close(String name) {
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** {@code <name …/>}. */
    Svg empty(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** {@code <name …>text</name>}, the text escaped. */
    Svg element(String name, String text, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>').append(escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    /**
     * A text whose full form is longer than it may be drawn: the shortened form, and the full one as a
     * {@code <title>} child that shows on hover.
     */
    Svg text(String full, int maxChars, String... attributes) {
        String shown = Charts.shorten(full, maxChars);
        if (shown.equals(full)) {
            return element("text", full, attributes);
        }
        out.append("<text");
        attributes(attributes);
        out.append("><title>").append(escape(full)).append("</title>").append(escape(shown)).append("</text>\n");
        return this;
    }

    String finish() {
        out.append("</svg>\n");
        return out.toString();
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    /**
     * The text as XML character data: {@code & < > " '} as entities, and every character XML 1.0 does not allow
     * (NUL and the other C0 controls but TAB, LF, CR; lone surrogates; U+FFFE, U+FFFF) replaced by U+FFFD, so the
     * document always parses and a reader sees that something was there. Null is empty.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    if (allowedInXml(c)) {
                        s.appendCodePoint(c);
                    } else {
                        s.append(REPLACEMENT);
                    }
                }
            }
        });
        return s.toString();
    }

    /** XML 1.0, production Char. A lone surrogate arrives here as a code point of its own and is not allowed. */
    static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** A coordinate or value: at most two decimals, no trailing zeros, always a dot. */
    static String num(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }
}
