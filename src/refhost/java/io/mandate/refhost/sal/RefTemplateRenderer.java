package io.mandate.refhost.sal;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.commons.collections.ExtendedProperties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The TemplateRenderer of a plugin: Velocity 1.7 reading templates from the plugin's class loader,
 * with Atlassian's HTML auto-escaping ({@link HtmlEscapingPolicy}) on every render and Platform 7's
 * method allowlist ({@link AllowlistUberspector}): a call to a method on no allowlist fails the render.
 */
public final class RefTemplateRenderer implements TemplateRenderer {

    private final RuntimeInstance engine;

    /**
     * @param allowlist the host's global allowlist plus the plugin's own {@code velocity-allowlist}
     *                  entries ({@link VelocityAllowlist#forPlugin})
     */
    public RefTemplateRenderer(ClassLoader pluginLoader, VelocityAllowlist allowlist) {
        engine = new RuntimeInstance();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADER, "plugin");
        engine.setProperty("plugin.resource.loader.instance", new PluginResourceLoader(pluginLoader));
        engine.setProperty("plugin.resource.loader.cache", "true");
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.setProperty(RuntimeConstants.OUTPUT_ENCODING, "UTF-8");
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        engine.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AllowlistUberspector.class.getName());
        try {
            engine.init();
        } catch (Exception e) {
            throw new IllegalStateException("Velocity cannot start", e);
        }
        allow(allowlist);
    }

    /** Replaces the allowlist; the host sets the plugin's once the plugin has started, before any page is served. */
    public void allow(VelocityAllowlist allowlist) {
        ((AllowlistUberspector) engine.getUberspect()).allow(allowlist);
    }

    @Override
    public void render(String templateName, Writer writer) throws RenderingException, IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws RenderingException, IOException {
        Template template;
        try {
            template = engine.getTemplate(templateName, "UTF-8");
        } catch (Exception e) {
            throw new RenderingException("Cannot load template " + templateName, e);
        }
        try {
            template.merge(escapingContext(context), writer);
        } catch (RuntimeException e) {
            throw new RenderingException("Cannot render template " + templateName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            engine.evaluate(escapingContext(context), out, "fragment", fragment);
        } catch (RuntimeException e) {
            throw new RenderingException("Cannot render fragment: " + e.getMessage(), e);
        }
        return out.toString();
    }

    @Override
    public boolean resolve(String templateName) {
        return engine.getLoaderNameForResource(templateName) != null;
    }

    public String renderToString(String templateName, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            render(templateName, context, out);
        } catch (IOException e) {
            throw new RenderingException(e);
        }
        return out.toString();
    }

    private static VelocityContext escapingContext(Map<String, Object> context) {
        VelocityContext velocity = new VelocityContext(new java.util.HashMap<>(context));
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new HtmlEscapingPolicy());
        cartridge.attachToContext(velocity);
        return velocity;
    }

    /** Reads templates from the plugin's class loader (Velocity's own loader uses the thread's). */
    static final class PluginResourceLoader extends ResourceLoader {
        private final ClassLoader loader;

        PluginResourceLoader(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void init(ExtendedProperties configuration) {
        }

        @Override
        public InputStream getResourceStream(String source) {
            InputStream in = loader.getResourceAsStream(source.startsWith("/") ? source.substring(1) : source);
            if (in == null) {
                throw new org.apache.velocity.exception.ResourceNotFoundException("No template " + source + " in the plugin");
            }
            return in;
        }

        @Override
        public boolean isSourceModified(Resource resource) {
            return false;
        }

        @Override
        public long getLastModified(Resource resource) {
            return 0;
        }
    }
}
