package io.mandate.refhost.confluence;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.plugin.PluginInstance;

import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The plugin's {@code <xhtml-macro>} modules: the macro object the host made for the module (autowired, one per
 * module), called with the parameters, the body and a display conversion context, in the request's thread — so a
 * macro that reads Jira over the application link does so as the page's viewer.
 */
public final class PluginMacros implements MacroSource {

    private static final ConversionContext DISPLAY = () -> "display";

    private final PluginInstance plugin;

    public PluginMacros(PluginInstance plugin) {
        this.plugin = plugin;
    }

    @Override
    public boolean has(String name) {
        return module(name).isPresent();
    }

    @Override
    public String execute(MacroCall call, RenderContext context) throws MacroFailure {
        PluginDescriptor.XhtmlMacro module = module(call.name()).orElseThrow();
        Macro macro = plugin.moduleObject(module.className(), Macro.class);
        try {
            // a map of its own: Confluence hands every macro a mutable map it may change
            return macro.execute(new LinkedHashMap<>(call.parameters()), call.body(), DISPLAY);
        } catch (MacroExecutionException e) {
            throw new MacroFailure(e.getMessage());
        }
    }

    private Optional<PluginDescriptor.XhtmlMacro> module(String name) {
        return plugin.descriptor().macros().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
