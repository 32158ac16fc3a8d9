package io.mandate.refhost.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The plugin as the host's own machinery (Spring, Jersey, Velocity, the reference host's code)
 * sees it, like Spring DM's bundle-delegating class loader in Atlassian's plugin framework: the
 * plugin's classes and resources come from its {@link BundleClassLoader} (child-first, from the jar,
 * so the host runs what ships), everything else from the host. The plugin's classes themselves
 * are defined by the bundle loader, so what <em>they</em> see is only {@code java.*} and what the
 * manifest imports.
 */
public final class PluginClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final File jar;
    private final BundleClassLoader bundle;
    private final ClassLoader host;

    private PluginClassLoader(File jar, BundleClassLoader bundle, ClassLoader host) {
        super("plugin " + jar.getName(), host);
        this.jar = jar;
        this.bundle = bundle;
        this.host = host;
    }

    /**
     * Installs and resolves the plugin jar in a product: its {@code Import-Package} against the
     * packages the product exports. A required import the product does not export stops the start
     * with a message naming the package.
     */
    public static PluginClassLoader forJar(File jar, ClassLoader host, ProductExports exports) {
        if (!jar.isFile()) {
            throw new PluginStartException("The plugin jar " + jar + " does not exist; build it with `mvn package`.");
        }
        try {
            URL url = jar.toURI().toURL();
            return new PluginClassLoader(jar, BundleClassLoader.resolve(url, jar.getName(),
                    BundleClassLoader.manifestOf(jar), host, exports), host);
        } catch (MalformedURLException e) {
            throw new PluginStartException("Bad plugin jar path " + jar, e);
        }
    }

    /** The plugin jar. */
    public File jar() {
        return jar;
    }

    /** The loader that defines the plugin's classes, with the plugin's own restricted view. */
    public BundleClassLoader bundle() {
        return bundle;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (bundle.contains(name)) {
            return bundle.loadClass(name);
        }
        return host.loadClass(name);
    }

    /**
     * The plugin's resources (descriptor, Spring Scanner index, templates, i18n, web resources) come
     * from its jar only, as from an OSGi bundle: a file missing from the jar is missing, even if the
     * host's class path has one of that name. Class files fall back to the host (Spring reads them).
     */
    @Override
    public URL getResource(String name) {
        URL own = bundle.findResource(name);
        return own != null || !name.endsWith(".class") ? own : host.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL own = bundle.findResource(name);
        if (own != null) {
            return Collections.enumeration(Collections.singletonList(own));
        }
        return name.endsWith(".class") ? host.getResources(name) : Collections.emptyEnumeration();
    }
}
