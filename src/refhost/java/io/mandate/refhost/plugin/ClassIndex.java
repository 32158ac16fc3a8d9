package io.mandate.refhost.plugin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the top-level classes of a package (and sub-packages) in a class loader's jar or directory. */
final class ClassIndex {

    private ClassIndex() {
    }

    static List<String> classNames(ClassLoader loader, String pkg) {
        String path = pkg.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        if (loader instanceof PluginClassLoader plugin) {
            // the plugin jar alone: the host's copies of the classes must not count
            try (JarFile jar = new JarFile(plugin.jar())) {
                addEntries(jar, path, names);
            } catch (IOException e) {
                throw new PluginStartException("Cannot list package " + pkg, e);
            }
            return new ArrayList<>(names);
        }
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        addEntries(jar, path, names);
                    }
                } else if ("file".equals(url.getProtocol())) {
                    walk(new File(url.toURI()), pkg, names);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new PluginStartException("Cannot list package " + pkg, e);
        }
        return new ArrayList<>(names);
    }

    /**
     * Whether a class file's constant pool holds one of these type descriptors (e.g. an annotation
     * it carries), read from the bytes without loading the class.
     */
    static boolean mentionsAny(ClassLoader loader, String className, String... descriptors) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return false;
            }
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (String d : descriptors) {
                if (bytes.contains(d)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new PluginStartException("Cannot read class " + className, e);
        }
    }

    private static void addEntries(JarFile jar, String path, TreeSet<String> names) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.startsWith(path + "/") && name.endsWith(".class") && !name.contains("$")) {
                names.add(name.substring(0, name.length() - 6).replace('/', '.'));
            }
        }
    }

    private static void walk(File dir, String pkg, TreeSet<String> names) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                walk(f, pkg + "." + f.getName(), names);
            } else if (f.getName().endsWith(".class") && !f.getName().contains("$")) {
                names.add(pkg + "." + f.getName().substring(0, f.getName().length() - 6));
            }
        }
    }
}
