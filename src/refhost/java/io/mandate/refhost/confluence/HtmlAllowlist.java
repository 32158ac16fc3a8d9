package io.mandate.refhost.confluence;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTML a page's storage format may carry into the view. Confluence's storage format is a subset of XHTML; what is
 * outside it never reaches a reader: scripts, styles, frames, objects, forms and their content are dropped whole;
 * any other unknown element is dropped but its content kept (and filtered the same way); attributes outside the
 * element's list are dropped — no event handlers, no {@code id} (a page must not clobber the page around it), links
 * only to http, https, mailto, relative or same-page addresses, inline styles only for text and colour properties.
 */
final class HtmlAllowlist {

    private static final Set<String> GLOBAL = Set.of("class", "title", "style", "dir", "lang");
    private static final Map<String, Set<String>> ELEMENTS = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("hr", Set.of()),
            Map.entry("h1", Set.of()), Map.entry("h2", Set.of()), Map.entry("h3", Set.of()),
            Map.entry("h4", Set.of()), Map.entry("h5", Set.of()), Map.entry("h6", Set.of()),
            Map.entry("strong", Set.of()), Map.entry("b", Set.of()), Map.entry("em", Set.of()), Map.entry("i", Set.of()),
            Map.entry("u", Set.of()), Map.entry("s", Set.of()), Map.entry("strike", Set.of()), Map.entry("del", Set.of()),
            Map.entry("ins", Set.of()), Map.entry("sub", Set.of()), Map.entry("sup", Set.of()), Map.entry("small", Set.of()),
            Map.entry("big", Set.of()), Map.entry("code", Set.of()), Map.entry("pre", Set.of()), Map.entry("kbd", Set.of()),
            Map.entry("samp", Set.of()), Map.entry("var", Set.of()), Map.entry("tt", Set.of()), Map.entry("cite", Set.of()),
            Map.entry("q", Set.of()), Map.entry("abbr", Set.of()), Map.entry("blockquote", Set.of()),
            Map.entry("span", Set.of()), Map.entry("div", Set.of()),
            Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start", "type")), Map.entry("li", Set.of("value")),
            Map.entry("dl", Set.of()), Map.entry("dt", Set.of()), Map.entry("dd", Set.of()),
            Map.entry("table", Set.of()), Map.entry("caption", Set.of()), Map.entry("colgroup", Set.of("span")),
            Map.entry("col", Set.of("span")), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()),
            Map.entry("tfoot", Set.of()), Map.entry("tr", Set.of()),
            Map.entry("th", Set.of("colspan", "rowspan", "scope", "align")),
            Map.entry("td", Set.of("colspan", "rowspan", "align")),
            Map.entry("a", Set.of("href")), Map.entry("img", Set.of("src", "alt", "width", "height")),
            Map.entry("time", Set.of("datetime")));
    /** Elements whose content is code or controls, not text: dropped with everything inside. */
    private static final Set<String> DROPPED_WHOLE = Set.of("script", "style", "template", "title", "head", "iframe",
            "frame", "frameset", "object", "embed", "applet", "noembed", "noframes", "svg", "math", "form", "input",
            "button", "select", "textarea", "option", "link", "meta", "base", "audio", "video", "canvas");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "col");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Set<String> STYLE_PROPERTIES = Set.of("color", "background-color", "text-align", "text-decoration",
            "font-weight", "font-style", "font-size", "width", "min-width", "margin-left", "padding-left", "vertical-align",
            "white-space", "text-indent");
    private static final Pattern STYLE_VALUE = Pattern.compile("[#%a-zA-Z0-9 .,()\\-]*");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,6}(%|px)?");

    private HtmlAllowlist() {
    }

    /** An element the view may show, with its allowed attributes. */
    static boolean isAllowed(String element) {
        return ELEMENTS.containsKey(element);
    }

    static boolean isDroppedWhole(String element) {
        return DROPPED_WHOLE.contains(element);
    }

    static boolean isVoid(String element) {
        return VOID.contains(element);
    }

    /** The attribute's value as the view may carry it, or empty when the attribute is not shown. */
    static Optional<String> attribute(String element, String attribute, String value) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (!GLOBAL.contains(name) && !ELEMENTS.getOrDefault(element, Set.of()).contains(name)) {
            return Optional.empty();
        }
        if (name.equals("style")) {
            return style(value);
        }
        if (URL_ATTRIBUTES.contains(name)) {
            return safeUrl(value, element.equals("img") ? IMAGE_SCHEMES : LINK_SCHEMES);
        }
        if (Set.of("colspan", "rowspan", "span", "start", "value", "width", "height").contains(name)) {
            return NUMBER.matcher(value.trim()).matches() ? Optional.of(value.trim()) : Optional.empty();
        }
        return Optional.of(value);
    }

    /** A link target: http, https, mailto, a relative address or a same-page anchor; nothing else. */
    static Optional<String> safeLink(String url) {
        return safeUrl(url, LINK_SCHEMES);
    }

    /** An image source: http, https or relative. */
    static Optional<String> safeImage(String url) {
        return safeUrl(url, IMAGE_SCHEMES);
    }

    private static Optional<String> safeUrl(String url, Set<String> schemes) {
        // browsers ignore control characters and white space inside a scheme ("java\tscript:"), so judge without them
        String compact = url.replaceAll("[\\x00-\\x20\\x7f]", "");
        var scheme = SCHEME.matcher(compact);
        if (scheme.find() && !schemes.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (compact.startsWith("//") || compact.startsWith("\\") || compact.startsWith("/\\")) {
            return Optional.empty(); // another host without saying which scheme (browsers read "/\\" as "//")
        }
        return Optional.of(url.trim());
    }

    /** Only declarations of text and colour properties with plain values; no url(), no expression(). */
    private static Optional<String> style(String value) {
        StringBuilder kept = new StringBuilder();
        for (String declaration : value.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String v = declaration.substring(colon + 1).trim();
            String lower = v.toLowerCase(Locale.ROOT);
            if (STYLE_PROPERTIES.contains(property) && STYLE_VALUE.matcher(v).matches()
                    && !lower.contains("url") && !lower.contains("expression")) {
                kept.append(property).append(": ").append(v).append(';');
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.toString());
    }
}
