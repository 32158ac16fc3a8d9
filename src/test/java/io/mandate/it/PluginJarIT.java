package io.mandate.it;

import io.mandate.refhost.plugin.OsgiHeader;
import io.mandate.testing.Bytecode;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * What ships: the built plugin jar as Jira and Confluence would receive it. Descriptor at the
 * root, OSGi headers whose Import-Package covers what the bytecode uses, no Atlassian classes, no
 * bundled libraries but the ones in {@link #EMBEDDED}, and a Spring Scanner index that lists exactly
 * the annotated components and imports.
 */
public class PluginJarIT {

    /**
     * The third-party libraries embedded on purpose (pom.xml, mandate.bnd.private): package → why.
     * Their classes ship inside the jar, with their licence, and their packages are never imported.
     */
    static final Map<String, String> EMBEDDED = Map.of(
            "org.apache.commons.csv", "Apache Commons CSV 1.10.0: the matrix CSV (docs/rest-api.md); no product exports it");

    private static File jarFile;
    private static List<String> entries;

    @BeforeClass
    public static void openJar() throws IOException {
        jarFile = new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar"));
        assertTrue("build the jar first: " + jarFile, jarFile.isFile());
        entries = new ArrayList<>();
        try (JarFile jar = new JarFile(jarFile)) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                entries.add(e.nextElement().getName());
            }
        }
    }

    @Test
    public void descriptorIsAtTheRootWithTheFilteredPluginKey() throws IOException {
        assertTrue(entries.contains("atlassian-plugin.xml"));
        String descriptor = read("atlassian-plugin.xml");
        assertTrue(descriptor, descriptor.contains("key=\"io.mandate.mandate\""));
        assertTrue("no unfiltered ${...} placeholders", !descriptor.contains("${"));
    }

    /** UPM reads the plugin-info images from the plugin's jar (PluginInfoTest checks what they are). */
    @Test
    public void everyImageThePluginInfoNamesIsInTheJar() throws IOException {
        Matcher m = Pattern.compile("<param name=\"(plugin|vendor)-(icon|logo|banner)\">([^<]+)</param>").matcher(read("atlassian-plugin.xml"));
        int images = 0;
        while (m.find()) {
            assertTrue("missing in the jar: " + m.group(3), entries.contains(m.group(3).trim()));
            images++;
        }
        assertEquals(5, images);
    }

    @Test
    public void manifestHasTheOsgiHeadersOfATransformerlessPlugin() throws IOException {
        Attributes main = manifest();
        assertEquals("io.mandate.mandate", main.getValue("Atlassian-Plugin-Key"));
        assertEquals("*", main.getValue("Spring-Context"));
        assertEquals("io.mandate.mandate", main.getValue("Bundle-SymbolicName"));
        assertEquals("2", main.getValue("Bundle-ManifestVersion"));
        assertNull("the plugin exports nothing", main.getValue("Export-Package"));
        Map<String, OsgiHeader.Clause> imports = imports();
        assertTrue(imports.keySet().toString(), imports.containsKey("com.atlassian.activeobjects.external"));
        assertTrue("no blanket import", imports.keySet().stream().noneMatch(p -> p.contains("*")));
    }

    /** Product packages are optional (one jar for both products); every other import is required. */
    @Test
    public void onlyProductPackagesAreOptionalImports() throws IOException {
        Map<String, OsgiHeader.Clause> imports = imports();
        assertTrue(imports.keySet().toString(), imports.containsKey("com.atlassian.jira.issue"));
        imports.forEach((pkg, clause) -> {
            boolean optional = "optional".equals(clause.directives().get("resolution"));
            boolean productOnly = pkg.startsWith("com.atlassian.jira.") || pkg.equals("com.atlassian.jira")
                    || pkg.startsWith("com.atlassian.query.") || pkg.startsWith("com.atlassian.confluence.")
                    || pkg.equals("com.atlassian.mail") || pkg.startsWith("com.atlassian.mail.");
            assertEquals(pkg + " optional", productOnly, optional);
        });
    }

    /** The platform packages carry the Platform 7 major version range (pom.xml says where each comes from). */
    @Test
    public void platformImportsCarryTheirPlatform7Range() throws IOException {
        Map<String, OsgiHeader.Clause> imports = imports();
        assertEquals("[6.0,7)", imports.get("com.atlassian.sal.api.user").attributes().get("version"));
        assertEquals("[6.0,7)", imports.get("com.atlassian.activeobjects.external").attributes().get("version"));
        assertEquals("[6.0,7)", imports.get("com.atlassian.templaterenderer").attributes().get("version"));
        assertEquals("[2.0,3)", imports.get("javax.ws.rs").attributes().get("version"));
        assertNull("no range claimed where the version is not known", imports.get("org.slf4j").attributes().get("version"));
        // the Web Resource Manager (PageBuilderService): imported, required, no range (pom.xml says why)
        OsgiHeader.Clause wrm = imports.get("com.atlassian.webresource.api.assembler");
        assertNotNull(imports.keySet().toString(), wrm);
        assertNull(wrm.attributes().get("version"));
        assertNull("not optional: both products have it", wrm.directives().get("resolution"));
    }

    /**
     * Every package the shipped classes reference (in signatures, bodies, annotations, constants)
     * is imported, except java.* and the plugin's own; and every import is used by the bytecode or
     * by a class the descriptor names (which the product loads through the plugin).
     */
    @Test
    public void importPackageCoversEveryPackageTheBytecodeUses() throws IOException {
        Set<String> referenced = new TreeSet<>();
        try (JarFile jar = new JarFile(jarFile)) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        referenced.addAll(Bytecode.referencedPackages(in.readAllBytes()));
                    }
                }
            }
        }
        referenced.removeIf(p -> p.startsWith("java.") || p.startsWith("io.mandate.") || EMBEDDED.containsKey(p) || p.isEmpty());
        assertTrue("the analysis sees the host packages: " + referenced, referenced.contains("com.atlassian.sal.api.timezone")
                && referenced.contains("com.atlassian.query.clause"));
        Set<String> imported = imports().keySet();
        Set<String> missing = new TreeSet<>(referenced);
        missing.removeAll(imported);
        assertTrue("used by the classes but not in Import-Package: " + missing, missing.isEmpty());

        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("class=\"([\\w.$]+)\\.[\\w$]+\"").matcher(read("atlassian-plugin.xml"));
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> unused = new TreeSet<>(imported);
        unused.removeAll(referenced);
        unused.removeAll(named);
        assertTrue("imported but used by nothing: " + unused, unused.isEmpty());
    }

    private static Attributes manifest() throws IOException {
        try (JarFile jar = new JarFile(jarFile)) {
            return jar.getManifest().getMainAttributes();
        }
    }

    private static Map<String, OsgiHeader.Clause> imports() throws IOException {
        Map<String, OsgiHeader.Clause> imports = new TreeMap<>();
        for (OsgiHeader.Clause c : OsgiHeader.parse(manifest().getValue("Import-Package"))) {
            assertNull("imported twice: " + c.path(), imports.put(c.path(), c));
        }
        return imports;
    }

    @Test
    public void noAtlassianClassesShip() {
        List<String> atlassian = entries.stream().filter(e -> e.startsWith("com/atlassian/")).toList();
        assertTrue("host-api declarations must never ship: " + atlassian, atlassian.isEmpty());
    }

    @Test
    public void noThirdPartyLibraryIsBundledButTheListedOnes() {
        List<String> foreign = entries.stream()
                .filter(e -> e.endsWith(".class") || e.endsWith(".jar"))
                .filter(e -> !e.startsWith("io/mandate/") || e.startsWith("io/mandate/refhost/") || e.startsWith("io/mandate/testing/")
                        || e.startsWith("io/mandate/generated/")) // the client generated from the REST contract is test code
                .filter(e -> !EMBEDDED.containsKey(packageOf(e)))
                .toList();
        assertTrue("only the plugin's own classes and " + EMBEDDED.keySet() + " ship: " + foreign, foreign.isEmpty());
        assertTrue(entries.stream().noneMatch(e -> e.startsWith("META-INF/lib/")));
    }

    /** Each listed library is really inside (inline, not as a nested jar), with its licence, and is not imported. */
    @Test
    public void theEmbeddedLibrariesAreInsideAndNotImported() throws IOException {
        Set<String> imported = imports().keySet();
        for (String pkg : EMBEDDED.keySet()) {
            assertTrue(pkg + " classes are in the jar", entries.stream().anyMatch(e -> e.endsWith(".class") && packageOf(e).equals(pkg)));
            assertTrue(pkg + " is not imported: " + imported, imported.stream().noneMatch(i -> i.equals(pkg) || i.startsWith(pkg + ".")));
        }
        assertTrue(entries.contains("org/apache/commons/csv/CSVParser.class"));
        assertTrue(read("META-INF/commons-csv/NOTICE.txt").contains("Apache Commons CSV"));
        assertTrue(read("META-INF/commons-csv/LICENSE.txt").contains("Apache License"));
    }

    private static String packageOf(String entry) {
        int slash = entry.lastIndexOf('/');
        return slash < 0 ? "" : entry.substring(0, slash).replace('/', '.');
    }

    @Test
    public void springScannerIndexListsExactlyTheAnnotatedComponents() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jarFile.toURI().toURL()}, getClass().getClassLoader())) {
            Set<String> common = new TreeSet<>();
            Set<String> jira = new TreeSet<>();
            Set<String> confluence = new TreeSet<>();
            Set<String> imports = new TreeSet<>();
            Set<String> jiraImports = new TreeSet<>();
            Set<String> confluenceImports = new TreeSet<>();
            for (String entry : entries) {
                if (!entry.startsWith("io/mandate/") || !entry.endsWith(".class") || entry.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(entry.substring(0, entry.length() - 6).replace('/', '.'), false, loader);
                if (c.isAnnotationPresent(javax.inject.Named.class)) {
                    common.add(c.getName());
                }
                if (c.isAnnotationPresent(com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent.class)) {
                    jira.add(c.getName());
                }
                if (c.isAnnotationPresent(com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent.class)) {
                    confluence.add(c.getName());
                }
                for (java.lang.reflect.Constructor<?> constructor : c.getDeclaredConstructors()) {
                    Annotation[][] params = constructor.getParameterAnnotations();
                    for (int i = 0; i < params.length; i++) {
                        for (Annotation a : params[i]) {
                            String type = constructor.getParameterTypes()[i].getName();
                            if (a instanceof com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport) {
                                imports.add(type);
                            } else if (a instanceof com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport) {
                                jiraImports.add(type);
                            } else if (a instanceof com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport) {
                                confluenceImports.add(type);
                            }
                        }
                    }
                }
            }
            assertEquals(common, index("component"));
            assertEquals(jira, index("component-jira"));
            assertEquals(confluence, index("component-confluence"));
            assertEquals(imports, index("imports"));
            assertEquals(jiraImports, index("imports-jira"));
            assertEquals(confluenceImports, index("imports-confluence"));
            assertTrue("the index is not empty", !common.isEmpty() && !jira.isEmpty());
        }
    }

    @Test
    public void springContextAsksForTheScannerIndexes() throws IOException {
        String context = read("META-INF/spring/plugin-context.xml");
        assertTrue(context.contains("<atlassian-scanner:scan-indexes/>"));
        assertTrue(context.contains("http://www.atlassian.com/schema/atlassian-scanner/2"));
    }

    private static Set<String> index(String name) throws IOException {
        String text = read("META-INF/plugin-components/" + name);
        return text.lines().map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.contains("#") ? l.substring(0, l.indexOf('#')) : l)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String read(String entry) throws IOException {
        try (JarFile jar = new JarFile(jarFile)) {
            JarEntry e = jar.getJarEntry(entry);
            assertNotNull("missing in the jar: " + entry, e);
            try (InputStream in = jar.getInputStream(e);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().collect(Collectors.joining("\n"));
            }
        }
    }
}
