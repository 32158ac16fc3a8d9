package io.mandate.refhost.confluence;

import java.util.Map;

/**
 * One {@code <ac:structured-macro>} of a page, as a macro receives it.
 *
 * @param name       {@code ac:name}
 * @param parameters the {@code ac:parameter}s by name, as text ({@code ri:} values as the identifier they name)
 * @param body       the rendered HTML of an {@code ac:rich-text-body}, the text of an {@code ac:plain-text-body}, or
 *                   empty
 * @param bodyType   which kind of body the storage format gave the macro
 */
public record MacroCall(String name, Map<String, String> parameters, String body, BodyType bodyType) {

    /** The body a macro has in storage format. */
    public enum BodyType { NONE, PLAIN_TEXT, RICH_TEXT }

    public MacroCall {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.getOrDefault(name, "");
    }
}
