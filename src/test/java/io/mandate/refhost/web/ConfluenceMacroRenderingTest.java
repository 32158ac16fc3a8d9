package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.plugin.PluginClassLoader;
import io.mandate.refhost.plugin.ProductExports;
import io.mandate.refhost.plugin.TestBundles;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.World;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The Confluence page view runs a plugin's xhtml-macro for each {@code ac:structured-macro} of its
 * name, with the macro's parameters and body; other macros show Confluence's "Unknown macro: {name}" placeholder.
 */
public class ConfluenceMacroRenderingTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Database database;
    private ProductNode confluence;

    @Before
    public void startConfluenceWithATestPlugin() throws Exception {
        // a bundle with the macro class inside, importing the Confluence API it implements
        File jar = TestBundles.jar(folder.newFile("test-plugin.jar"),
                "com.atlassian.confluence.macro,com.atlassian.confluence.content.render.xhtml",
                "<atlassian-plugin key=\"test.macros\" name=\"Test macros\">"
                        + "<xhtml-macro name=\"echo\" key=\"echo\" class=\"io.mandate.refhost.web.EchoMacro\">"
                        + "<parameters><parameter name=\"text\" type=\"string\"/></parameters></xhtml-macro>"
                        + "</atlassian-plugin>", EchoMacro.class);
        database = Database.hsqldbMemory("macros" + System.nanoTime());
        World world = World.open(database.dataSource());
        confluence = ProductNode.start(ProductNode.Product.CONFLUENCE, database, world,
                PluginClassLoader.forJar(jar, getClass().getClassLoader(), ProductExports.CONFLUENCE));
    }

    @After
    public void stop() {
        confluence.close();
        database.close();
    }

    private String render(String body) {
        return new ConfluencePageServlet(confluence).render(new HostPage(1, "TEAM", "t", body));
    }

    @Test
    public void aPluginMacroIsExecutedWithItsParameters() {
        String html = render("<p>before</p><ac:structured-macro ac:name=\"echo\"><ac:parameter ac:name=\"text\">"
                + "hello &lt;b&gt;</ac:parameter></ac:structured-macro><p>after</p>");
        assertTrue(html, html.contains("<span class=\"echo\">hello &lt;b&gt;</span>"));
        assertTrue(html, html.indexOf("before") < html.indexOf("echo") && html.indexOf("echo") < html.indexOf("after"));
    }

    @Test
    public void thePluginMacroGetsItsRichBodyRenderedAndConfluencesOwnMacrosInIt() {
        String html = render("<ac:structured-macro ac:name=\"echo\" ac:schema-version=\"1\" ac:macro-id=\"e-1\">"
                + "<ac:parameter ac:name=\"text\">x</ac:parameter><ac:rich-text-body><p>in <em>body</em></p>"
                + "<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"title\">done</ac:parameter></ac:structured-macro>"
                + "</ac:rich-text-body></ac:structured-macro>");
        assertTrue(html, html.contains("<div class=\"echo-body\"><p>in <em>body</em></p><span class=\"status-macro"));
    }

    @Test
    public void aPlainTextBodyReachesThePluginMacroAsWritten() {
        String html = render("<ac:structured-macro ac:name=\"echo\"><ac:plain-text-body><![CDATA[a <b> & c]]></ac:plain-text-body>"
                + "</ac:structured-macro>");
        assertTrue("the macro got the text itself (and, here, printed it unescaped: its own business)",
                html.contains("<div class=\"echo-body\">a <b> & c</div>"));
    }

    @Test
    public void anUnknownMacroShowsConfluencesPlaceholder() {
        String html = render("<ac:structured-macro ac:name=\"nope\"/>");
        assertTrue(html, html.contains(">Unknown macro: {nope}</span>"));
    }

    @Test
    public void aFailingMacroShowsItsErrorInsteadOfBreakingThePage() {
        String html = render("<ac:structured-macro ac:name=\"echo\"><ac:parameter ac:name=\"fail\">x</ac:parameter></ac:structured-macro><p>rest</p>");
        assertTrue(html, html.contains("asked to fail"));
        assertTrue(html, html.contains("rest"));
        assertEquals(1, confluence.plugin().descriptor().macros().size());
    }
}
