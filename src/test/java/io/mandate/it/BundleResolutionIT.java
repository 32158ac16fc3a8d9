package io.mandate.it;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.plugin.OsgiHeader;
import io.mandate.refhost.plugin.PluginClassLoader;
import io.mandate.refhost.plugin.PluginStartException;
import io.mandate.refhost.plugin.ProductExports;
import io.mandate.refhost.plugin.TestBundles;
import io.mandate.refhost.world.World;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The built bundle resolves in both products of the reference host, and the host refuses a copy
 * of it whose manifest lacks an import its classes need, naming the package, as Jira would.
 */
public class BundleResolutionIT {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final File jar = new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar"));
    private Database database;

    @After
    public void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** A copy of the built jar with one Import-Package clause rewritten (null: removed). */
    private File withImport(String pkg, String replacement) throws IOException {
        String header;
        try (JarFile in = new JarFile(jar)) {
            header = in.getManifest().getMainAttributes().getValue("Import-Package");
        }
        String changed = OsgiHeader.rawClauses(header).stream()
                .map(c -> c.trim().equals(pkg) || c.trim().startsWith(pkg + ";") ? replacement : c)
                .filter(c -> c != null)
                .collect(Collectors.joining(","));
        assertFalse("the built jar imports " + pkg, changed.equals(header));
        return TestBundles.withManifest(jar, folder.newFile(), Map.of("Import-Package", changed));
    }

    private String startFailure(ProductNode.Product product, File plugin) {
        database = Database.hsqldbMemory("bundle" + System.nanoTime());
        World world = World.open(database.dataSource());
        try (ProductNode node = ProductNode.start(product, database, world, PluginClassLoader.forJar(plugin,
                getClass().getClassLoader(), ProductExports.of(product.id())))) {
            fail("the plugin must not start in " + product.id() + " (" + node + ")");
            return null;
        } catch (PluginStartException e) {
            return e.getMessage();
        }
    }

    @Test
    public void aBundleLackingAnImportItsClassesNeedIsRefusedNamingThePackage() throws IOException {
        String message = startFailure(ProductNode.Product.JIRA, withImport("com.atlassian.sal.api.timezone", null));
        assertTrue(message, message.contains("package com.atlassian.sal.api.timezone is not in the plugin and not imported"));
    }

    @Test
    public void aRequiredImportOfTheOtherProductsApiIsRefusedAtResolution() throws IOException {
        String message = startFailure(ProductNode.Product.CONFLUENCE,
                withImport("com.atlassian.jira.issue.index", "com.atlassian.jira.issue.index"));
        assertTrue(message, message.contains("missing requirement")
                && message.contains("osgi.wiring.package=com.atlassian.jira.issue.index"));
    }

    @Test
    public void theBuiltBundleResolvesInBothProductsAndConfluenceWiresNoJiraPackage() {
        PluginClassLoader jira = PluginClassLoader.forJar(jar, getClass().getClassLoader(), ProductExports.JIRA);
        PluginClassLoader confluence = PluginClassLoader.forJar(jar, getClass().getClassLoader(), ProductExports.CONFLUENCE);
        assertTrue(jira.bundle().wiredPackages().toString(), jira.bundle().sees("com.atlassian.jira.issue"));
        assertTrue(confluence.bundle().wiredPackages().toString(), confluence.bundle().wiredPackages().stream()
                .noneMatch(p -> p.startsWith("com.atlassian.jira") || p.startsWith("com.atlassian.query")));
        assertTrue(confluence.bundle().sees("com.atlassian.sal.api.user"));
    }
}
