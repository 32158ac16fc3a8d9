package io.mandate.refhost.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Loads the plugin from its built jar, child-first for the plugin's own classes and resources, so
 * the host runs what ships (a template or class missing from the jar fails here, as in Jira).
 * Host-provided packages (com.atlassian, javax, net.java.ao, ...) come from the host.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private PluginClassLoader(URL jar, ClassLoader host) {
        super(new URL[]{jar}, host);
    }

    public static ClassLoader forJar(File jar, ClassLoader host) {
        if (!jar.isFile()) {
            throw new PluginStartException("The plugin jar " + jar + " does not exist; build it with `mvn package`.");
        }
        try {
            return new PluginClassLoader(jar.toURI().toURL(), host);
        } catch (MalformedURLException e) {
            throw new PluginStartException("Bad plugin jar path " + jar, e);
        }
    }

    private static boolean isPluginClass(String name) {
        return name.startsWith("io.mandate.") && !name.startsWith("io.mandate.refhost.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isPluginClass(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name); // the jar only: a class missing from it is missing
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * The plugin's resources (descriptor, Spring Scanner index, templates, i18n, web resources) come
     * from its jar only, as from an OSGi bundle: a file missing from the jar is missing, even if the
     * host's class path has one of that name. Class files fall back to the host (Spring reads them).
     */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null || !name.endsWith(".class") ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL own = findResource(name);
        if (own != null) {
            return Collections.enumeration(Collections.singletonList(own));
        }
        return name.endsWith(".class") ? super.getResources(name) : Collections.emptyEnumeration();
    }
}
