package io.mandate.refhost.web;

import io.mandate.refhost.plugin.PluginDescriptor;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What a page of the reference host gets of the plugin's web resources: only what the host page's own contexts
 * bring and what the request required through the PageBuilderService, dependencies first, each module once.
 */
public class PageResourcesTest {

    private static final PluginDescriptor PLUGIN = PluginDescriptor.read(new ByteArrayInputStream("""
            <atlassian-plugin key="io.mandate.mandate" name="Mandate" plugins-version="2">
                <plugin-info><version>0.1.0</version></plugin-info>
                <web-resource key="styles">
                    <dependency>com.atlassian.auiplugin:ajs</dependency>
                    <resource type="download" name="mandate.css" location="web/mandate.css"/>
                    <context>jira.view.issue</context>
                </web-resource>
                <web-resource key="dialog">
                    <resource type="download" name="dialog.js" location="web/dialog.js"/>
                    <context>jira.view.issue</context>
                </web-resource>
                <web-resource key="matrix">
                    <dependency>com.atlassian.auiplugin:dialog2</dependency>
                    <dependency>io.mandate.mandate:common</dependency>
                    <resource type="download" name="matrix.js" location="web/matrix.js"/>
                </web-resource>
                <web-resource key="common">
                    <dependency>io.mandate.mandate:matrix</dependency>
                    <resource type="download" name="common.js" location="web/common.js"/>
                    <resource type="download" name="common.css" location="web/common.css"/>
                    <context>mandate.only.mine</context>
                </web-resource>
            </atlassian-plugin>
            """.getBytes(StandardCharsets.UTF_8)), "jira");

    private static PageResources.Resolution resolve(List<String> hostContexts, PageResources page) {
        return PageResources.resolve(PLUGIN, hostContexts, page.required());
    }

    @Test
    public void aPageThatRequiresNothingGetsNoneOfThePluginsResources() {
        PageResources.Resolution r = resolve(List.of(), new PageResources());
        assertEquals(List.of(), r.modules());
        assertEquals("", PageResources.tags("/jira", PLUGIN, r));
        // a host context no module names brings nothing either
        assertEquals(List.of(), resolve(List.of("atl.admin", "mandate.admin"), new PageResources()).modules());
    }

    @Test
    public void theHostPagesOwnContextBringsTheModulesThatNameIt() {
        PageResources.Resolution r = resolve(List.of("jira.view.issue"), new PageResources());
        assertEquals(List.of("styles", "dialog"), r.keys());
        assertEquals("<link rel=\"stylesheet\" href=\"/jira/download/resources/io.mandate.mandate:styles/mandate.css\">"
                + "<script src=\"/jira/download/resources/io.mandate.mandate:dialog/dialog.js\"></script>",
                PageResources.tags("/jira", PLUGIN, r));
    }

    @Test
    public void aRequiredModuleComesWithItsDependenciesFirstAndEachModuleOnce() {
        PageResources page = new PageResources();
        assertSame("chained, as RequiredResources returns itself", page,
                page.resources().requireWebResource("io.mandate.mandate:styles").requireWebResource("io.mandate.mandate:matrix"));
        page.requireWebResource("io.mandate.mandate:styles");
        PageResources.Resolution r = resolve(List.of(), page);
        // matrix depends on common, which depends back on matrix: the cycle is broken, common comes first
        assertEquals(List.of("styles", "common", "matrix"), r.keys());
        assertEquals(List.of(), r.unknown());
        String tags = PageResources.tags("/jira", PLUGIN, r);
        assertTrue(tags, tags.contains("io.mandate.mandate:common/common.css"));
        assertTrue(tags, tags.indexOf("common.js") < tags.indexOf("matrix.js"));
        assertFalse("dialog is in no required context", tags.contains("dialog.js"));
    }

    @Test
    public void aRequiredContextBringsItsModulesAfterTheHostsOwn() {
        PageResources page = new PageResources();
        page.requireContext("mandate.only.mine");
        assertEquals(List.of("styles", "dialog", "matrix", "common"), resolve(List.of("jira.view.issue"), page).keys());
    }

    @Test
    public void aKeyThatNamesNoModuleIsLeftOutAndReported() {
        PageResources page = new PageResources();
        page.requireWebResource("io.mandate.mandate:nope").requireWebResource("com.example.other:thing")
                .requireWebResource("com.atlassian.auiplugin:dialog2").requireWebResource("io.mandate.mandate:styles");
        PageResources.Resolution r = resolve(List.of(), page);
        assertEquals(List.of("styles"), r.keys());
        assertEquals("AUI is on every host page, so requiring it is not an error",
                List.of("io.mandate.mandate:nope", "com.example.other:thing"), r.unknown());
    }

    @Test
    public void thePageBuilderServiceCollectsPerRequestAndNotOutsideOne() {
        RefPageBuilderService service = new RefPageBuilderService();
        try {
            service.assembler();
            fail("outside a request there is no page to require resources for");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("outside a request"));
        }
        List<PageResources.Requirement> first = RequestContext.runAs(new RequestContext("alice", Locale.ENGLISH, null), () -> {
            service.assembler().resources().requireWebResource("io.mandate.mandate:matrix");
            service.assembler().resources().requireContext("mandate.only.mine");
            return RequestContext.current().pageResources().required();
        });
        assertEquals(List.of(new PageResources.Requirement(false, "io.mandate.mandate:matrix"),
                new PageResources.Requirement(true, "mandate.only.mine")), first);
        List<PageResources.Requirement> second = RequestContext.runAs(new RequestContext("alice", Locale.ENGLISH, null),
                () -> RequestContext.current().pageResources().required());
        assertEquals("the next request starts empty", List.of(), second);
    }
}
