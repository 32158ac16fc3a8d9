package io.mandate.refhost.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The plugin bundle's own class loader, strict as Felix's: it defines the plugin's classes from
 * its jar, and what those classes see is {@code java.*} (from the JDK) and the packages its
 * manifest's {@code Import-Package} names and the product exports (from the host) — nothing else.
 * A class of any other package that is not in the jar fails with a message naming the package.
 *
 * <p>Resolution happens when the loader is made: a required import the product does not export
 * stops the plugin with Felix's "missing requirement" message; an optional one is left unwired
 * (its classes are invisible).
 */
public final class BundleClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final Set<String> wired;

    private BundleClassLoader(URL jar, ClassLoader host, Set<String> wired) {
        // the parent is never asked: java.* goes to the platform loader, imports to the host
        super(new URL[]{jar}, null);
        this.host = host;
        this.wired = Set.copyOf(wired);
    }

    /** Resolves the jar's imports against the product's exports and makes its loader. */
    static BundleClassLoader resolve(URL jar, String jarName, Manifest manifest, ClassLoader host, ProductExports exports) {
        Set<String> wired = new TreeSet<>();
        for (Import i : imports(manifest, jarName)) {
            var exported = exports.versionOf(i.pkg());
            boolean satisfied = exported.isPresent() && i.range().includes(exported.get());
            if (satisfied) {
                wired.add(i.pkg());
            } else if (!i.optional()) {
                throw new PluginStartException("Unresolved constraint in bundle " + symbolicName(manifest, jarName)
                        + ": Unable to resolve: missing requirement osgi.wiring.package; (&(osgi.wiring.package="
                        + i.pkg() + ")" + (i.range() == OsgiVersion.Range.ANY ? "" : "(version" + i.range() + ")")
                        + ") — " + exports.product() + (exported.isPresent()
                        ? " exports " + i.pkg() + " at version " + exported.get() + ", outside " + i.range()
                        : " does not export " + i.pkg()));
            }
        }
        return new BundleClassLoader(jar, host, wired);
    }

    /** The packages wired to the host: imported by the plugin and exported by the product. */
    public Set<String> wiredPackages() {
        return wired;
    }

    /** Whether the plugin's classes can see this package of the host (java.* or wired). */
    public boolean sees(String pkg) {
        return pkg.startsWith("java.") || wired.contains(pkg);
    }

    /** Whether the jar itself has this class (the plugin's own content). */
    boolean contains(String className) {
        return findResource(className.replace('.', '/') + ".class") != null;
    }

    /**
     * Packages that always come from the JDK: java.*, and the JDK's reflection accessors, which the
     * JVM generates in a loader below the plugin's (Felix's implicit boot delegation covers these).
     */
    private static boolean bootDelegated(String pkg) {
        return pkg.startsWith("java.") || pkg.equals("jdk.internal.reflect") || pkg.equals("sun.reflect");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String pkg = packageOf(name);
        if (bootDelegated(pkg)) {
            return ClassLoader.getPlatformClassLoader().loadClass(name);
        }
        if (wired.contains(pkg)) {
            return host.loadClass(name); // an imported package never comes from the bundle itself
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // no cause: this message, naming the package, is the one a start failure must show
                    throw new ClassNotFoundException(name + " not found by the plugin: package " + pkg
                            + " is not in the plugin and not imported (Import-Package) from the host");
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        // as for classes: an imported package's resources come from the exporter, the rest from the jar
        if (name.startsWith("java/") || wired.contains(pkgOfPath(name))) {
            return host.getResource(name);
        }
        return findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.startsWith("java/") || wired.contains(pkgOfPath(name))) {
            return host.getResources(name);
        }
        URL own = findResource(name);
        return own == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(own));
    }

    private static String pkgOfPath(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** One Import-Package entry: the package, the versions it accepts, and whether it is optional. */
    record Import(String pkg, OsgiVersion.Range range, boolean optional) {
    }

    static List<Import> imports(Manifest manifest, String jarName) {
        String header = manifest == null ? null : manifest.getMainAttributes().getValue("Import-Package");
        Map<String, Import> imports = new LinkedHashMap<>();
        try {
            for (OsgiHeader.Clause c : OsgiHeader.parse(header)) {
                if (c.path().startsWith("java.")) {
                    throw new PluginStartException("Bundle " + jarName + " imports " + c.path()
                            + ": java.* packages cannot be imported (they always come from the JDK)");
                }
                String version = c.attributes().get("version");
                Import i = new Import(c.path(), version == null ? OsgiVersion.Range.ANY : OsgiVersion.Range.parse(version),
                        "optional".equals(c.directives().get("resolution")));
                if (imports.put(i.pkg(), i) != null) {
                    throw new PluginStartException("Bundle " + jarName + " imports " + i.pkg() + " twice");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new PluginStartException("Bundle " + jarName + " has a malformed Import-Package header: " + e.getMessage(), e);
        }
        return List.copyOf(imports.values());
    }

    static Manifest manifestOf(java.io.File jar) {
        try (JarFile file = new JarFile(jar)) {
            return file.getManifest();
        } catch (IOException e) {
            throw new PluginStartException("The plugin jar " + jar + " cannot be read", e);
        }
    }

    private static String symbolicName(Manifest manifest, String jarName) {
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return name == null ? jarName : name;
    }
}
