// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/9.0.2/com/atlassian/confluence/macro/Macro.html
// and https://docs.atlassian.com/ConfluenceServer/javadoc/8.4.2/com/atlassian/confluence/macro/Macro.html (nested Macro.BodyType,
// Macro.OutputType). IMPLEMENTED by the plugin: these are exactly the real abstract members.
package com.atlassian.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;

import java.util.Map;

/** A Confluence (XHTML) macro. */
public interface Macro {
    String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException;

    BodyType getBodyType();

    OutputType getOutputType();

    /** The kind of body a macro takes. */
    enum BodyType {
        PLAIN_TEXT,
        RICH_TEXT,
        NONE
    }

    /** Whether a macro renders inline or as a block. */
    enum OutputType {
        INLINE,
        BLOCK
    }
}
