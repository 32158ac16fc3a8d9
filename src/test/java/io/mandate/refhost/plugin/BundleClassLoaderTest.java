package io.mandate.refhost.plugin;

import io.mandate.refhost.plugin.fixture.UsesHostPackages;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.lang.reflect.InvocationTargetException;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The reference host loads a plugin as Felix does in Jira and Confluence: its manifest's
 * Import-Package is resolved against what the product exports, and the plugin's classes see only
 * java.* and what they import.
 */
public class BundleClassLoaderTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ClassLoader host = getClass().getClassLoader();

    private File bundle(String importPackage) throws Exception {
        return TestBundles.jar(folder.newFile(), importPackage, null, UsesHostPackages.class);
    }

    private static String startFailure(File jar, ProductExports exports) {
        try {
            PluginClassLoader.forJar(jar, ClassLoader.getSystemClassLoader(), exports);
            fail("the bundle must not resolve");
            return null;
        } catch (PluginStartException e) {
            return e.getMessage();
        }
    }

    @Test
    public void aRequiredImportTheProductDoesNotExportStopsTheStartNamingThePackage() throws Exception {
        String message = startFailure(bundle("javax.inject,com.atlassian.confluence.macro"), ProductExports.JIRA);
        assertTrue(message, message.contains("missing requirement")
                && message.contains("osgi.wiring.package=com.atlassian.confluence.macro")
                && message.contains("jira does not export com.atlassian.confluence.macro"));
    }

    @Test
    public void confluenceExportsNoJiraPackage() throws Exception {
        String message = startFailure(bundle("com.atlassian.jira.issue"), ProductExports.CONFLUENCE);
        assertTrue(message, message.contains("osgi.wiring.package=com.atlassian.jira.issue"));
        assertTrue(ProductExports.CONFLUENCE.versionOf("com.atlassian.query.clause").isEmpty());
        assertTrue(ProductExports.JIRA.versionOf("com.atlassian.jira.issue").isPresent());
    }

    @Test
    public void anImportWhoseRangeExcludesTheExportedVersionStopsTheStart() throws Exception {
        String message = startFailure(bundle("com.atlassian.sal.api;version=\"[7.0,8)\""), ProductExports.JIRA);
        assertTrue(message, message.contains("osgi.wiring.package=com.atlassian.sal.api")
                && message.contains("(version[7.0.0,8.0.0))") && message.contains("at version 6.0.0"));
    }

    @Test
    public void anOptionalImportTheProductDoesNotExportIsInvisibleButDoesNotStopTheStart() throws Exception {
        PluginClassLoader plugin = PluginClassLoader.forJar(
                bundle("com.atlassian.confluence.macro;resolution:=optional,javax.inject"), host, ProductExports.JIRA);
        assertFalse(plugin.bundle().sees("com.atlassian.confluence.macro"));
        assertTrue(plugin.bundle().sees("javax.inject"));
        ClassNotFoundException e = assertThrows(ClassNotFoundException.class,
                () -> plugin.bundle().loadClass("com.atlassian.confluence.macro.Macro"));
        assertTrue(e.getMessage(), e.getMessage().contains("package com.atlassian.confluence.macro is not in the plugin and not imported"));
    }

    @Test
    public void aPluginClassSeesTheHostsClassOfAPackageItImports() throws Exception {
        PluginClassLoader plugin = PluginClassLoader.forJar(bundle("javax.inject"), host, ProductExports.JIRA);
        Class<?> pluginClass = plugin.loadClass(UsesHostPackages.class.getName());
        assertSame("the plugin's own class comes from its jar", plugin.bundle(), pluginClass.getClassLoader());
        assertNotSame(UsesHostPackages.class, pluginClass);
        assertSame("an imported class is the host's", javax.inject.Named.class,
                pluginClass.getMethod("injectAnnotation").invoke(null));
    }

    @Test
    public void aPluginClassCannotSeeAHostPackageItDidNotImport() throws Exception {
        PluginClassLoader plugin = PluginClassLoader.forJar(bundle("javax.inject"), host, ProductExports.JIRA);
        Class<?> pluginClass = plugin.loadClass(UsesHostPackages.class.getName());
        Throwable failure = null;
        try {
            pluginClass.getMethod("springContext").invoke(null);
        } catch (InvocationTargetException e) {
            failure = e.getCause();
        } catch (LinkageError e) {
            failure = e;
        }
        assertTrue("the call must fail: " + failure, failure instanceof NoClassDefFoundError);
        String messages = messages(failure);
        assertTrue(messages, messages.contains("package org.springframework.context.support is not in the plugin and not imported"));
    }

    @Test
    public void theHostsOwnMachineryStillReachesHostClassesThroughThePluginLoader() throws Exception {
        // Spring, Jersey and Velocity load through the plugin loader; only the plugin's classes are restricted
        PluginClassLoader plugin = PluginClassLoader.forJar(bundle(null), host, ProductExports.JIRA);
        assertEquals(org.springframework.context.support.StaticApplicationContext.class,
                plugin.loadClass("org.springframework.context.support.StaticApplicationContext"));
        assertThrows(ClassNotFoundException.class,
                () -> plugin.bundle().loadClass("org.springframework.context.support.StaticApplicationContext"));
    }

    @Test
    public void javaPackagesAreAlwaysVisibleAndCannotBeImported() throws Exception {
        PluginClassLoader plugin = PluginClassLoader.forJar(bundle(null), host, ProductExports.JIRA);
        assertSame(String.class, plugin.bundle().loadClass("java.lang.String"));
        assertSame(java.sql.Date.class, plugin.bundle().loadClass("java.sql.Date"));
        String message = startFailure(bundle("java.util"), ProductExports.JIRA);
        assertTrue(message, message.contains("java.util") && message.contains("cannot be imported"));
    }

    @Test
    public void aMalformedImportPackageStopsTheStart() throws Exception {
        String message = startFailure(bundle("javax.inject;version=\"[1,2"), ProductExports.JIRA);
        assertTrue(message, message.contains("malformed Import-Package"));
    }

    @Test
    public void jirasOwnSearcherNamedInTheDescriptorNeedsItsPackageImported() throws Exception {
        // Jira loads a customfield-searcher's class through the plugin, even one of Jira's own
        String searcher = "<atlassian-plugin key=\"t\" name=\"T\"><customfield-searcher key=\"s\" name=\"S\""
                + " class=\"com.atlassian.jira.issue.customfields.searchers.ExactTextSearcher\">"
                + "<valid-customfield-type package=\"com.atlassian.jira.plugin.system.customfieldtypes\" key=\"textfield\"/>"
                + "</customfield-searcher></atlassian-plugin>";
        PluginDescriptor d = PluginDescriptor.read(new java.io.ByteArrayInputStream(
                searcher.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "jira");
        PluginClassLoader without = PluginClassLoader.forJar(bundle(null), host, ProductExports.JIRA);
        PluginStartException e = assertThrows(PluginStartException.class, () -> JiraModuleChecks.check(without, d));
        assertTrue(e.getMessage(), e.getMessage().contains("does not import its package com.atlassian.jira.issue.customfields.searchers"));
        JiraModuleChecks.check(PluginClassLoader.forJar(bundle("com.atlassian.jira.issue.customfields.searchers"),
                host, ProductExports.JIRA), d);
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c).append(" | ");
        }
        return all.toString();
    }
}
