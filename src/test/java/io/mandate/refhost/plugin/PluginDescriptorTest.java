package io.mandate.refhost.plugin;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Reading atlassian-plugin.xml for one product, as Atlassian's plugin system does. */
public class PluginDescriptorTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static final String TWO_PRODUCTS = """
            <atlassian-plugin key="io.mandate.mandate" name="Mandate" plugins-version="2">
                <plugin-info><version>0.1.0</version></plugin-info>
                <ao key="ao" namespace="io.mandate"><entity>io.mandate.decision.DecisionEntity</entity></ao>
                <rest key="rest" path="/mandate" version="1.0"><package>io.mandate.decision</package></rest>
                <web-item key="jira-link" section="admin_plugins_menu/admin-section" weight="10" application="jira">
                    <link linkId="mandate-admin">/plugins/servlet/mandate/admin</link>
                </web-item>
                <web-item key="confluence-link" section="system.admin/configuration" application="confluence">
                    <link linkId="mandate-admin-c">/plugins/servlet/mandate/admin</link>
                </web-item>
                <web-section key="admin-section" location="admin_plugins_menu" application="JIRA"/>
            </atlassian-plugin>
            """;

    private static PluginDescriptor read(String xml, String product) {
        return PluginDescriptor.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), product);
    }

    private static PluginStartException rejected(String xml) {
        try {
            read(xml, "jira");
        } catch (PluginStartException e) {
            return e;
        }
        fail("expected a PluginStartException");
        return null;
    }

    @Test
    public void jiraLeavesOutConfluenceModules() {
        PluginDescriptor d = read(TWO_PRODUCTS, "jira");
        assertEquals(List.of("jira-link"), d.webItems().stream().map(PluginDescriptor.WebItem::key).toList());
    }

    @Test
    public void confluenceLeavesOutJiraModules() {
        PluginDescriptor d = read(TWO_PRODUCTS, "confluence");
        assertEquals(List.of("confluence-link"), d.webItems().stream().map(PluginDescriptor.WebItem::key).toList());
        assertEquals(List.of(), d.webSections());
    }

    @Test
    public void applicationIsMatchedIgnoringCase() {
        assertEquals(1, read(TWO_PRODUCTS, "jira").webSections().size());
    }

    @Test
    public void modulesWithoutApplicationAreKeptForEveryProduct() {
        for (String product : new String[] {"jira", "confluence"}) {
            PluginDescriptor d = read(TWO_PRODUCTS, product);
            assertEquals(product, "io.mandate", d.ao().namespace());
            assertEquals(product, "/mandate", d.rests().get(0).path());
        }
    }

    @Test
    public void missingRequiredAttributeNamesModuleAndAttribute() {
        PluginStartException e = rejected("""
                <atlassian-plugin key="p"><rest key="rest-api" version="1.0"/></atlassian-plugin>
                """);
        assertTrue(e.getMessage(), e.getMessage().contains("rest-api"));
        assertTrue(e.getMessage(), e.getMessage().contains("'path'"));
    }

    @Test
    public void missingKeyNamesTheModuleKind() {
        PluginStartException e = rejected("""
                <atlassian-plugin key="p"><servlet class="a.B"><url-pattern>/x</url-pattern></servlet></atlassian-plugin>
                """);
        assertTrue(e.getMessage(), e.getMessage().contains("<servlet>"));
        assertTrue(e.getMessage(), e.getMessage().contains("'key'"));
    }

    @Test
    public void missingAttributeOfAnotherProductsModuleIsNotAnError() {
        PluginDescriptor d = read("""
                <atlassian-plugin key="p"><xhtml-macro key="m" application="confluence"/></atlassian-plugin>
                """, "jira");
        assertEquals(List.of(), d.macros());
    }

    @Test
    public void doctypeIsRejected() {
        PluginStartException e = rejected("""
                <?xml version="1.0"?>
                <!DOCTYPE atlassian-plugin [<!ENTITY name "Mandate">]>
                <atlassian-plugin key="p" name="&name;"/>
                """);
        assertTrue(e.getMessage(), e.getMessage().toLowerCase().contains("doctype"));
    }

    @Test
    public void externalEntityIsNeverRead() throws Exception {
        File secret = temp.newFile("secret.txt");
        Files.writeString(secret.toPath(), "TOP-SECRET-42");
        PluginStartException e = rejected("""
                <?xml version="1.0"?>
                <!DOCTYPE atlassian-plugin [<!ENTITY leak SYSTEM "%s">]>
                <atlassian-plugin key="p" name="&leak;"><plugin-info><version>&leak;</version></plugin-info></atlassian-plugin>
                """.formatted(secret.toURI()));
        assertFalse(e.getMessage(), e.getMessage().contains("TOP-SECRET-42"));
    }

    @Test
    public void secondAoModuleIsRejected() {
        PluginStartException e = rejected("""
                <atlassian-plugin key="p"><ao key="a"/><ao key="b"/></atlassian-plugin>
                """);
        assertTrue(e.getMessage(), e.getMessage().contains("<ao>"));
    }

    @Test
    public void aoNamespaceDefaultsToThePluginKey() {
        assertEquals("p", read("<atlassian-plugin key=\"p\"><ao key=\"a\"/></atlassian-plugin>", "jira").ao().namespace());
    }

    @Test
    public void velocityAllowlistMethodsOfEveryModuleAreRead() {
        PluginDescriptor d = read("""
                <atlassian-plugin key="k" name="K">
                    <velocity-allowlist key="a"><method>io.x.A#getB()</method></velocity-allowlist>
                    <velocity-allowlist key="b" application="confluence"><method>io.x.C#d(java.lang.String)</method></velocity-allowlist>
                </atlassian-plugin>
                """, "jira");
        assertEquals(List.of("io.x.A#getB()"), d.velocityAllowlist());
    }

    @Test
    public void theShippedAllowlistNamesOnlyMandatesOwnClasses() throws Exception {
        PluginDescriptor d = PluginDescriptor.read(Files.newInputStream(new File("atlassian-plugin.xml").toPath()), "jira");
        assertFalse(d.velocityAllowlist().isEmpty());
        d.velocityAllowlist().forEach(entry -> assertTrue(entry, entry.startsWith("io.mandate.")));
    }
}
