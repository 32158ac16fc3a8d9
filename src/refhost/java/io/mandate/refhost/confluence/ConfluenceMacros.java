package io.mandate.refhost.confluence;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * The macros Confluence itself brings that real pages use most, rendered with Confluence's classes so a page written
 * in a real Confluence reads the same here: {@code code}, {@code noformat}, {@code info}, {@code tip}, {@code note},
 * {@code warning}, {@code panel}, {@code expand}, {@code status}, {@code anchor}; {@code jira} is
 * {@link JiraIssueMacro}. Parameters that would carry styles (panel colours) are not applied; every parameter is
 * escaped. Any other macro of Confluence's (toc, children, …) is unknown here and shows Confluence's placeholder.
 */
public final class ConfluenceMacros implements MacroSource {

    private static final Set<String> NAMES = Set.of("code", "noformat", "info", "tip", "note", "warning", "panel",
            "expand", "status", "anchor");
    private static final Map<String, String[]> ADMONITIONS = Map.of(
            "info", new String[] {"information", "aui-iconfont-info"},
            "tip", new String[] {"tip", "aui-iconfont-approve"},
            "note", new String[] {"note", "aui-iconfont-warning"},
            "warning", new String[] {"warning", "aui-iconfont-error"});
    private static final Map<String, String> LOZENGES = Map.of("green", "aui-lozenge-success", "red", "aui-lozenge-error",
            "yellow", "aui-lozenge-current", "blue", "aui-lozenge-complete", "grey", "");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z0-9#+-]{1,20}");

    @Override
    public boolean has(String name) {
        return NAMES.contains(name);
    }

    @Override
    public String execute(MacroCall call, RenderContext context) {
        String name = call.name();
        return switch (name) {
            case "code" -> code(call);
            case "noformat" -> "<div class=\"preformatted panel conf-macro output-block\" data-macro-name=\"noformat\">"
                    + "<div class=\"preformattedContent panelContent\"><pre>" + escape(text(call)) + "</pre></div></div>";
            case "info", "tip", "note", "warning" -> admonition(call);
            case "panel" -> "<div class=\"panel conf-macro output-block\" data-macro-name=\"panel\">"
                    + (call.parameter("title").isEmpty() ? "" : "<div class=\"panelHeader\"><b>" + escape(call.parameter("title")) + "</b></div>")
                    + "<div class=\"panelContent\">" + body(call) + "</div></div>";
            case "expand" -> "<div class=\"expand-container conf-macro output-block\" data-macro-name=\"expand\">"
                    + "<div class=\"expand-control\"><span class=\"expand-control-text\">"
                    + escape(call.parameter("title").isEmpty() ? "Click here to expand..." : call.parameter("title"))
                    + "</span></div><div class=\"expand-content\">" + body(call) + "</div></div>";
            case "status" -> status(call);
            case "anchor" -> "<span class=\"confluence-anchor-link conf-macro output-inline\" id=\""
                    + escape(ViewRenderer.anchorId(context.page().title(), firstParameter(call))) + "\"></span>";
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String code(MacroCall call) {
        String language = call.parameter("language").toLowerCase(Locale.ROOT);
        String brush = LANGUAGE.matcher(language).matches() ? language : "java";
        String title = call.parameter("title");
        return "<div class=\"code panel pdl conf-macro output-block\" data-macro-name=\"code\">"
                + (title.isEmpty() ? "" : "<div class=\"codeHeader panelHeader pdl\"><b>" + escape(title) + "</b></div>")
                + "<div class=\"codeContent panelContent pdl\"><pre class=\"syntaxhighlighter-pre\""
                + " data-syntaxhighlighter-params=\"brush: " + brush + "; gutter: false; theme: Confluence\">"
                + escape(text(call)) + "</pre></div></div>";
    }

    private static String admonition(MacroCall call) {
        String[] kind = ADMONITIONS.get(call.name());
        String title = call.parameter("title");
        return "<div class=\"confluence-information-macro confluence-information-macro-" + kind[0]
                + " conf-macro output-block\" data-macro-name=\"" + call.name() + "\">"
                + (title.isEmpty() ? "" : "<p class=\"title\">" + escape(title) + "</p>")
                + "<span class=\"aui-icon aui-icon-small " + kind[1] + " confluence-information-macro-icon\"></span>"
                + "<div class=\"confluence-information-macro-body\">" + body(call) + "</div></div>";
    }

    private static String status(MacroCall call) {
        String colour = call.parameter("colour").toLowerCase(Locale.ROOT);
        String title = call.parameter("title").isEmpty() ? call.parameter("colour") : call.parameter("title");
        String lozenge = LOZENGES.getOrDefault(colour, "");
        boolean subtle = call.parameter("subtle").equals("true");
        return "<span class=\"status-macro aui-lozenge" + (lozenge.isEmpty() ? "" : " " + lozenge)
                + (subtle ? "" : " aui-lozenge-visual") + " conf-macro output-inline\" data-macro-name=\"status\">"
                + escape(title) + "</span>"; // the lozenge's style shows it in capitals
    }

    /** A rich body is already rendered (and filtered); a plain one is text. */
    private static String body(MacroCall call) {
        return call.bodyType() == MacroCall.BodyType.RICH_TEXT ? call.body() : escape(call.body());
    }

    /** The text of a code block: a plain body as written; a rich one as its text (tags removed, entities kept). */
    private static String text(MacroCall call) {
        return call.bodyType() == MacroCall.BodyType.RICH_TEXT
                ? org.jsoup.parser.Parser.unescapeEntities(call.body().replaceAll("<[^>]*>", ""), false) : call.body();
    }

    private static String firstParameter(MacroCall call) {
        return call.parameters().getOrDefault("", call.parameters().values().stream().findFirst().orElse(""));
    }
}
