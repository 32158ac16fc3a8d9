package io.mandate.refhost.confluence;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.applinks.RefApplicationLinks;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Confluence's storage-to-view conversion: the page as its readers see it ({@code body.view}, the page view).
 * <ul>
 *     <li>{@code ac:structured-macro}: the first {@link MacroSource} that has a macro of that name runs it with the
 *     parsed parameters and its body (an {@code ac:rich-text-body} rendered first, an {@code ac:plain-text-body} as
 *     text); a macro nobody has is Confluence's placeholder "Unknown macro: {name}", a failing one "Error rendering
 *     macro 'name' : message" — never dropped, never an error page;</li>
 *     <li>{@code ac:link} with {@code ri:page}, {@code ri:user}, {@code ri:space}, {@code ri:url}: links, resolved for
 *     the viewer (a page in a space they cannot see is not revealed); {@code ac:image}, {@code ac:task-list},
 *     {@code ac:layout}, {@code ac:emoticon} as Confluence shows them; {@code ac:placeholder} not at all;</li>
 *     <li>HTML through {@link HtmlAllowlist}; every text and attribute escaped. Macro output is the macro's own
 *     responsibility, as in Confluence.</li>
 * </ul>
 */
public final class ViewRenderer {

    private static final Logger LOG = Logger.getLogger(ViewRenderer.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<String, String> EMOTICONS = Map.ofEntries(Map.entry("smile", "\uD83D\uDE42"),
            Map.entry("sad", "\uD83D\uDE41"), Map.entry("cheeky", "\uD83D\uDE1B"), Map.entry("laugh", "\uD83D\uDE00"),
            Map.entry("wink", "\uD83D\uDE09"), Map.entry("thumbs-up", "\uD83D\uDC4D"), Map.entry("thumbs-down", "\uD83D\uDC4E"),
            Map.entry("information", "\u2139\uFE0F"), Map.entry("tick", "\u2705"), Map.entry("cross", "\u274C"),
            Map.entry("warning", "\u26A0\uFE0F"), Map.entry("plus", "\u2795"), Map.entry("minus", "\u2796"),
            Map.entry("question", "\u2753"), Map.entry("light-on", "\uD83D\uDCA1"), Map.entry("light-off", "\uD83D\uDCA1"),
            Map.entry("yellow-star", "\u2B50"), Map.entry("heart", "\u2764\uFE0F"));

    private final World world;
    private final List<MacroSource> macros;

    /** @param macros where macros come from, asked in order (the plugin's before Confluence's own) */
    public ViewRenderer(World world, List<MacroSource> macros) {
        this.world = world;
        this.macros = List.copyOf(macros);
    }

    /**
     * Confluence's renderer for a Confluence node: the plugin's macros first, then Confluence's own, the Jira macro over
     * the node's application link.
     */
    public static ViewRenderer forConfluence(ProductNode confluence) {
        RefApplicationLinks links = confluence.applinks();
        return new ViewRenderer(confluence.world(), List.of(new PluginMacros(confluence.plugin()), new ConfluenceMacros(),
                new JiraIssueMacro(links, () -> links == null ? null
                        : links.target().map(RefApplicationLinks.Target::jiraBaseUrl).orElse(null))));
    }

    /** The page's view; a stored body that is not well-formed shows as a notice instead of the content. */
    public String render(RenderContext context) {
        try {
            return render(StorageFormat.parse(context.page().body()), context);
        } catch (StorageFormatException e) {
            return "<div class=\"error storage-format-error\"><p>" + escape("The content of this page could not be read: "
                    + e.getMessage()) + "</p></div>";
        }
    }

    /** The view of a parsed body ({@link StorageFormat#parse}). */
    public String render(Element storage, RenderContext context) {
        StringBuilder out = new StringBuilder();
        children(storage, out, context);
        return out.toString();
    }

    private void children(Element parent, StringBuilder out, RenderContext context) {
        for (Node child : parent.childNodes()) {
            node(child, out, context);
        }
    }

    private void node(Node node, StringBuilder out, RenderContext context) {
        if (node instanceof CDataNode cdata) {
            out.append(escape(cdata.getWholeText()));
        } else if (node instanceof TextNode text) {
            out.append(escape(text.getWholeText()));
        } else if (node instanceof Element element) {
            element(element, out, context);
        }
    }

    private void element(Element element, StringBuilder out, RenderContext context) {
        String name = element.tagName().toLowerCase(Locale.ROOT);
        if (name.startsWith("ac:")) {
            confluenceElement(element, name.substring(3), out, context);
        } else if (name.startsWith("ri:") || HtmlAllowlist.isDroppedWhole(name)) {
            return; // an identifier outside a link shows nothing; scripts and the like are dropped with their content
        } else if (HtmlAllowlist.isAllowed(name)) {
            out.append('<').append(name);
            for (Attribute a : element.attributes()) {
                HtmlAllowlist.attribute(name, a.getKey(), a.getValue()).ifPresent(v ->
                        out.append(' ').append(a.getKey().toLowerCase(Locale.ROOT)).append("=\"").append(escape(v)).append('"'));
            }
            out.append('>');
            if (HtmlAllowlist.isVoid(name)) {
                return;
            }
            if (name.equals("time") && element.childNodeSize() == 0) {
                out.append(escape(date(element.attr("datetime"))));
            }
            children(element, out, context);
            out.append("</").append(name).append('>');
        } else {
            children(element, out, context); // an element outside the storage format: its content only
        }
    }

    private void confluenceElement(Element element, String name, StringBuilder out, RenderContext context) {
        switch (name) {
            case "structured-macro", "macro" -> macro(element, out, context);
            case "link" -> link(element, out, context);
            case "image" -> image(element, out, context);
            case "emoticon" -> emoticon(element, out);
            case "task-list" -> {
                out.append("<ul class=\"inline-task-list\">");
                for (Element task : element.children()) {
                    if (task.tagName().equalsIgnoreCase("ac:task")) {
                        task(task, out, context);
                    }
                }
                out.append("</ul>");
            }
            case "task" -> task(element, out, context);
            case "layout" -> wrap("<div class=\"contentLayout2\">", element, "</div>", out, context);
            case "layout-section" -> {
                String type = element.attr("ac:type");
                String cls = NAME.matcher(type).matches() ? type : "single";
                wrap("<div class=\"columnLayout " + cls + "\" data-layout=\"" + cls + "\">", element, "</div>", out, context);
            }
            case "layout-cell" -> wrap("<div class=\"cell normal\" data-type=\"normal\"><div class=\"innerCell\">", element,
                    "</div></div>", out, context);
            case "plain-text-body", "plain-text-link-body" -> out.append(escape(element.wholeText()));
            case "placeholder", "parameter", "default-parameter", "task-id", "task-status", "task-uuid" -> {
                // instructions for authors and a macro's own parts: nothing for readers
            }
            default -> children(element, out, context); // rich-text-body, link-body, task-body, inline comment markers …
        }
    }

    private void wrap(String open, Element element, String close, StringBuilder out, RenderContext context) {
        out.append(open);
        children(element, out, context);
        out.append(close);
    }

    // ---------------------------------------------------------------- macros

    private void macro(Element element, StringBuilder out, RenderContext context) {
        String name = element.attr("ac:name");
        for (MacroSource source : macros) {
            if (!source.has(name)) {
                continue;
            }
            try {
                out.append(source.execute(call(element, name, context), context));
            } catch (MacroSource.MacroFailure e) {
                out.append(macroError(name, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Macro " + name + " failed on page " + context.page().id(), e);
                out.append(macroError(name, null));
            }
            return;
        }
        out.append("<span class=\"error unknown-macro\" data-macro-name=\"").append(escape(name)).append("\">")
                .append(escape("Unknown macro: {" + name + "}")).append("</span>");
    }

    private static String macroError(String name, String message) {
        return "<span class=\"error macro-error\" data-macro-name=\"" + escape(name) + "\">"
                + escape("Error rendering macro '" + name + "'" + (message == null ? "" : " : " + message)) + "</span>";
    }

    private MacroCall call(Element element, String name, RenderContext context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Element rich = null;
        Element plain = null;
        for (Element child : element.children()) {
            switch (child.tagName().toLowerCase(Locale.ROOT)) {
                case "ac:parameter" -> parameters.put(child.attr("ac:name"), parameterValue(child));
                case "ac:rich-text-body" -> rich = child;
                case "ac:plain-text-body" -> plain = child;
                default -> {
                    // other children (placeholders) are not part of the call
                }
            }
        }
        if (rich != null) {
            StringBuilder body = new StringBuilder();
            children(rich, body, context);
            return new MacroCall(name, parameters, body.toString(), MacroCall.BodyType.RICH_TEXT);
        }
        if (plain != null) {
            return new MacroCall(name, parameters, plain.wholeText(), MacroCall.BodyType.PLAIN_TEXT);
        }
        return new MacroCall(name, parameters, "", MacroCall.BodyType.NONE);
    }

    /** A parameter's text; one made of resource identifiers is the identifiers they name, comma-separated. */
    private String parameterValue(Element parameter) {
        List<Element> identifiers = parameter.children().stream()
                .filter(c -> c.tagName().toLowerCase(Locale.ROOT).startsWith("ri:")).toList();
        if (identifiers.isEmpty()) {
            return parameter.wholeText();
        }
        StringBuilder value = new StringBuilder();
        for (Element ri : identifiers) {
            String named = switch (ri.tagName().toLowerCase(Locale.ROOT)) {
                case "ri:user" -> user(ri).map(HostUser::username).orElse(firstNonEmpty(ri.attr("ri:username"), ri.attr("ri:userkey")));
                case "ri:page", "ri:blog-post" -> ri.attr("ri:content-title");
                case "ri:space" -> ri.attr("ri:space-key");
                case "ri:url" -> ri.attr("ri:value");
                case "ri:attachment" -> ri.attr("ri:filename");
                default -> ri.wholeText();
            };
            value.append(value.isEmpty() ? "" : ",").append(named);
        }
        return value.toString();
    }

    // ---------------------------------------------------------------- links, images, tasks

    /** Where a link goes: an address, or none (shown as unresolved text), and the text it shows without a body. */
    private record Target(String href, String cssClass, String text, Map<String, String> data) {
        static Target unresolved(String text) {
            return new Target(null, "unresolved", text, Map.of());
        }
    }

    private void link(Element element, StringBuilder out, RenderContext context) {
        Element ri = element.children().stream().filter(c -> c.tagName().toLowerCase(Locale.ROOT).startsWith("ri:"))
                .findFirst().orElse(null);
        String anchor = element.attr("ac:anchor");
        Target target = target(ri, anchor, context);
        String body = null;
        for (Element child : element.children()) {
            String n = child.tagName().toLowerCase(Locale.ROOT);
            if (n.equals("ac:plain-text-link-body")) {
                body = escape(child.wholeText());
            } else if (n.equals("ac:link-body")) {
                StringBuilder rich = new StringBuilder();
                children(child, rich, context);
                body = rich.toString();
            }
        }
        String shown = body == null || body.isBlank() ? escape(target.text()) : body;
        if (target.href() == null) {
            out.append("<span class=\"").append(target.cssClass()).append("\">").append(shown).append("</span>");
            return;
        }
        out.append("<a href=\"").append(escape(target.href())).append('"');
        if (target.cssClass() != null) {
            out.append(" class=\"").append(target.cssClass()).append('"');
        }
        target.data().forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        out.append('>').append(shown).append("</a>");
    }

    private Target target(Element ri, String anchor, RenderContext context) {
        String ctx = context.contextPath();
        if (ri == null) {
            return anchor.isEmpty() ? Target.unresolved("")
                    : new Target("#" + anchorId(context.page().title(), anchor), null, anchor, Map.of());
        }
        switch (ri.tagName().toLowerCase(Locale.ROOT)) {
            case "ri:page" -> {
                String title = ri.attr("ri:content-title");
                String spaceKey = ri.hasAttr("ri:space-key") ? ri.attr("ri:space-key") : context.page().spaceKey();
                Optional<HostPage> page = world.canViewSpace(context.viewer(), spaceKey)
                        ? world.pages().byTitle(spaceKey, title) : Optional.empty();
                if (page.isPresent()) {
                    String fragment = anchor.isEmpty() ? "" : "#" + anchorId(page.get().title(), anchor);
                    return new Target(ctx + "/pages/viewpage.action?pageId=" + page.get().id() + fragment, null,
                            page.get().title(), Map.of());
                }
                // Confluence links a page that does not exist (for this reader) to creating it
                return new Target(ctx + "/pages/createpage.action?spaceKey=" + encode(spaceKey) + "&title=" + encode(title),
                        "createlink", title, Map.of());
            }
            case "ri:user" -> {
                return user(ri).map(u -> new Target(ctx + "/display/~" + encode(u.username()),
                                "confluence-userlink user-mention", u.displayName(), Map.of("data-username", u.username())))
                        .orElseGet(() -> Target.unresolved(firstNonEmpty(ri.attr("ri:username"), ri.attr("ri:userkey"))));
            }
            case "ri:space" -> {
                String key = ri.attr("ri:space-key");
                return world.space(key).filter(s -> world.canViewSpace(context.viewer(), s.key()))
                        .map(s -> new Target(ctx + "/display/" + encode(s.key()), null, s.name(), Map.of()))
                        .orElseGet(() -> Target.unresolved(key));
            }
            case "ri:url" -> {
                String url = ri.attr("ri:value");
                return HtmlAllowlist.safeLink(url).map(u -> new Target(u, "external-link", url, Map.of()))
                        .orElseGet(() -> Target.unresolved(url));
            }
            default -> {
                return Target.unresolved(firstNonEmpty(ri.attr("ri:filename"), ri.attr("ri:content-title"), ri.attr("ri:value")));
            }
        }
    }

    private Optional<HostUser> user(Element ri) {
        if (ri.hasAttr("ri:userkey")) {
            return world.userByKey(ri.attr("ri:userkey"));
        }
        return world.userByName(ri.attr("ri:username"));
    }

    private void image(Element element, StringBuilder out, RenderContext context) {
        Element ri = element.children().stream().filter(c -> c.tagName().toLowerCase(Locale.ROOT).startsWith("ri:"))
                .findFirst().orElse(null);
        String src = null;
        String cls = "confluence-embedded-image";
        String alt = element.attr("ac:alt");
        if (ri != null && ri.tagName().equalsIgnoreCase("ri:url")) {
            src = HtmlAllowlist.safeImage(ri.attr("ri:value")).orElse(null);
            cls += " confluence-external-resource";
        } else if (ri != null && ri.tagName().equalsIgnoreCase("ri:attachment")) {
            String file = ri.attr("ri:filename");
            src = context.contextPath() + "/download/attachments/" + context.page().id() + "/" + encode(file).replace("+", "%20");
            alt = alt.isEmpty() ? file : alt;
        }
        if (src == null) {
            return;
        }
        out.append("<img class=\"").append(cls).append("\" src=\"").append(escape(src)).append('"');
        if (!alt.isEmpty()) {
            out.append(" alt=\"").append(escape(alt)).append('"');
        }
        for (String dimension : List.of("width", "height")) {
            HtmlAllowlist.attribute("img", dimension, element.attr("ac:" + dimension))
                    .ifPresent(v -> out.append(' ').append(dimension).append("=\"").append(v).append('"'));
        }
        if (!element.attr("ac:title").isEmpty()) {
            out.append(" title=\"").append(escape(element.attr("ac:title"))).append('"');
        }
        out.append('>');
    }

    private static void emoticon(Element element, StringBuilder out) {
        String name = element.attr("ac:name");
        if (!NAME.matcher(name).matches()) {
            return;
        }
        out.append("<span class=\"emoticon emoticon-").append(name).append("\" title=\"(").append(name).append(")\">")
                .append(escape(EMOTICONS.getOrDefault(name, "(" + name + ")"))).append("</span>");
    }

    private void task(Element task, StringBuilder out, RenderContext context) {
        Element status = task.children().stream().filter(c -> c.tagName().equalsIgnoreCase("ac:task-status")).findFirst().orElse(null);
        boolean complete = status != null && status.wholeText().trim().equals("complete");
        out.append(complete ? "<li class=\"checked\">" : "<li>");
        for (Element child : task.children()) {
            if (child.tagName().equalsIgnoreCase("ac:task-body")) {
                children(child, out, context);
            }
        }
        out.append("</li>");
    }

    // ---------------------------------------------------------------- small helpers

    /** Confluence's anchor ids: the page title without spaces, a hyphen, the anchor name. */
    static String anchorId(String pageTitle, String anchor) {
        return (pageTitle + "-" + anchor).replaceAll("[^A-Za-z0-9_.-]", "");
    }

    private static String date(String datetime) {
        try {
            return DATE.format(LocalDate.parse(datetime));
        } catch (DateTimeParseException e) {
            return datetime;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
