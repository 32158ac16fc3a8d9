package io.mandate.refhost.web;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;

import java.util.Map;

/** A test plugin's macro: echoes its parameter (escaped by the macro, as macros must) or fails on demand. */
public class EchoMacro implements Macro {

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException {
        if (parameters.containsKey("fail")) {
            throw new MacroExecutionException("asked to fail");
        }
        String echoed = "<span class=\"echo\">" + escape(parameters.getOrDefault("text", "")) + "</span>";
        // a body arrives rendered (rich text) or as written (plain text); shown as it came, so the test sees which
        return body == null || body.isEmpty() ? echoed : echoed + "<div class=\"echo-body\">" + body + "</div>";
    }

    /** The plugin's own escaping: it lives in the plugin jar and sees only what it imports. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.INLINE;
    }
}
