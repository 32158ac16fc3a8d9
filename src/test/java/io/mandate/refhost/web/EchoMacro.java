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
        return "<span class=\"echo\">" + io.mandate.refhost.sal.HtmlEscapingPolicy.escape(parameters.getOrDefault("text", "")) + "</span>";
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
