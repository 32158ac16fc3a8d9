package io.mandate.refhost.plugin;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small plugin jars for tests: a manifest, a descriptor and classes copied from the test class path. */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * A bundle whose manifest imports {@code importPackage} (null: no Import-Package header), with
     * the given descriptor at its root and the named classes (and their inner classes are not copied).
     */
    public static File jar(File file, String importPackage, String descriptor, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.bundle");
        if (importPackage != null) {
            main.putValue("Import-Package", importPackage);
        }
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(file), manifest)) {
            if (descriptor != null) {
                put(out, "atlassian-plugin.xml", descriptor.getBytes(StandardCharsets.UTF_8));
            }
            for (Class<?> c : classes) {
                String path = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                    put(out, path, in.readAllBytes());
                }
            }
        }
        return file;
    }

    /** A copy of a jar whose main manifest attributes are changed (a null value removes the attribute). */
    public static File withManifest(File source, File target, Map<String, String> changes) throws IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(source)) {
            Manifest manifest = new Manifest(in.getManifest());
            changes.forEach((name, value) -> {
                if (value == null) {
                    manifest.getMainAttributes().remove(new Attributes.Name(name));
                } else {
                    manifest.getMainAttributes().putValue(name, value);
                }
            });
            try (JarOutputStream out = new JarOutputStream(new FileOutputStream(target), manifest)) {
                for (var e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    try (InputStream data = in.getInputStream(entry)) {
                        put(out, entry.getName(), data.readAllBytes());
                    }
                }
            }
        }
        return target;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
