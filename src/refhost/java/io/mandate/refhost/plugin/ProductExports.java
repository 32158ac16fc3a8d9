package io.mandate.refhost.plugin;

import java.util.List;
import java.util.Optional;

/**
 * The packages one product of the reference host exports to plugins, with their versions: what a
 * plugin's {@code Import-Package} is resolved against, as Felix resolves it in Jira 10 and
 * Confluence 9 (Platform 7). A package no entry matches is not exported: a plugin cannot import it.
 *
 * <p>Modelled on the real products: the platform components at the versions Platform 7 ships
 * (bitbucket.org/atlassian/platform-module-usage, developer.atlassian.com/platform/marketplace/dc-apps-platform-7,
 * the same sources as the ranges in pom.xml), the JDK's non-{@code java.*} packages (exported by
 * the system bundle), and each product's own API: {@code com.atlassian.jira.*},
 * {@code com.atlassian.query.*} and Jira's mail queue only in Jira, {@code com.atlassian.confluence.*}
 * only in Confluence. Where the real version is not known the export has version 0.0.0, the OSGi
 * default, so a plugin that claims a range for it fails here until the version is checked.
 */
public final class ProductExports {

    /** One exported package, or every package under a prefix when the name ends in {@code .*}. */
    public record Export(String name, OsgiVersion version) {
        boolean matches(String pkg) {
            if (name.endsWith(".*")) {
                String prefix = name.substring(0, name.length() - 2);
                return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
            }
            return pkg.equals(name);
        }
    }

    private static final List<Export> PLATFORM_7 = List.of(
            // JDK packages outside java.*, exported by the system bundle
            export("javax.xml.*", "0"), export("org.w3c.dom.*", "0"), export("org.xml.sax.*", "0"),
            export("javax.naming.*", "0"), export("javax.sql.*", "0"), export("javax.net.*", "0"),
            export("javax.crypto.*", "0"), export("javax.security.*", "0"), export("javax.management.*", "0"),
            // Java EE 8 (javax) APIs of Platform 7: JAX-RS 2.1, Servlet 4.0, JSR-330
            export("javax.ws.rs.*", "2.1.6"), export("javax.servlet.*", "4.0.0"), export("javax.inject", "1.0.0"),
            // Spring 5.3, which the plugin framework shares with plugins (RFC-77: Platform 7 is on 5.3.x)
            export("org.springframework.*", "5.3.0"),
            // third-party libraries Platform 7 keeps public (versions not verified)
            export("com.fasterxml.jackson.*", "0"), export("org.slf4j", "0"),
            // Atlassian Platform 7 components
            export("com.atlassian.sal.api.*", "6.0.0"),
            export("com.atlassian.templaterenderer.*", "6.0.0"),
            export("com.atlassian.plugins.rest.api.*", "8.0.0"),
            export("com.atlassian.event.api.*", "6.0.0"),
            export("com.atlassian.cache.*", "7.0.1"),
            export("com.atlassian.beehive.*", "6.0.0"),
            // atlassian-scheduler's API (SchedulerService, JobRunner, config.*, status.*): public in both products; the
            // version it is exported at in Jira 10 / Confluence 9 was not found, hence 0 (pom.xml claims no range)
            export("com.atlassian.scheduler.*", "0"),
            export("com.atlassian.annotations.*", "0"),
            export("com.atlassian.plugin", "0"), export("com.atlassian.plugin.web.*", "0"),
            export("com.atlassian.plugin.spring.scanner.annotation.*", "0"),
            // the Web Resource Manager's API (PageBuilderService): public in both products; the version its packages
            // are exported at in Jira 10 / Confluence 9 was not found, hence 0 (pom.xml claims no range)
            export("com.atlassian.webresource.api.*", "0"),
            export("net.java.ao.*", "0"));

    public static final ProductExports JIRA = new ProductExports("jira", concat(PLATFORM_7, List.of(
            export("com.atlassian.activeobjects.*", "6.1.1"),
            export("com.atlassian.applinks.api.*", "10.0.0"),
            // advanced auditing: module "auditing" 2.0.2 in Jira 10.0 (platform-module-usage/wiki/auditing.md)
            export("com.atlassian.audit.api", "2.0.2"), export("com.atlassian.audit.entity", "2.0.2"),
            export("com.atlassian.jira.*", "0"),
            export("com.atlassian.query.*", "0"),
            export("com.atlassian.mail.*", "0"))));

    public static final ProductExports CONFLUENCE = new ProductExports("confluence", concat(PLATFORM_7, List.of(
            export("com.atlassian.activeobjects.*", "6.0.1"),
            export("com.atlassian.applinks.api.*", "10.0.0"),
            // advanced auditing: module "auditing" 2.0.3 in Confluence 9.0 (platform-module-usage/wiki/auditing.md)
            export("com.atlassian.audit.api", "2.0.3"), export("com.atlassian.audit.entity", "2.0.3"),
            export("com.atlassian.confluence.*", "0"))));

    private final String product;
    private final List<Export> exports;

    public ProductExports(String product, List<Export> exports) {
        this.product = product;
        this.exports = List.copyOf(exports);
    }

    /** The exports of a product by its id ({@code jira}, {@code confluence}). */
    public static ProductExports of(String product) {
        return switch (product) {
            case "jira" -> JIRA;
            case "confluence" -> CONFLUENCE;
            default -> throw new IllegalArgumentException("Unknown product " + product);
        };
    }

    public String product() {
        return product;
    }

    /** The version at which the product exports a package, if it does. */
    public Optional<OsgiVersion> versionOf(String pkg) {
        return exports.stream().filter(e -> e.matches(pkg)).map(Export::version).findFirst();
    }

    /** These exports plus more, e.g. a test's own API package. */
    public ProductExports with(Export... more) {
        return new ProductExports(product, concat(exports, List.of(more)));
    }

    public static Export export(String name, String version) {
        return new Export(name, OsgiVersion.parse(version));
    }

    private static List<Export> concat(List<Export> a, List<Export> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
