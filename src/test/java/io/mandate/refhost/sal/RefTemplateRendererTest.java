package io.mandate.refhost.sal;

import com.atlassian.templaterenderer.RenderingException;
import org.junit.Test;

import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The plugin's template renderer escapes what Atlassian's would and leaves ...Html references raw. */
public class RefTemplateRendererTest {

    private static final String ATTACK = "<img src=x onerror=alert(1)>";
    private static final String ESCAPED = "&lt;img src=x onerror=alert(1)&gt;";

    private final RefTemplateRenderer renderer = new RefTemplateRenderer(getClass().getClassLoader(),
            VelocityAllowlist.forPlugin(getClass().getClassLoader(),
                    java.util.List.of("io.mandate.refhost.sal.RefTemplateRendererTest$Texts#getText(java.lang.String)")));

    /** Stands in for the i18n resolver: returns markup so an unescaped call would show. */
    public static final class Texts {
        public String getText(String key) {
            return ATTACK;
        }
    }

    private String render() {
        return renderer.renderToString("templates/test/escaping.vm",
                Map.of("summary", ATTACK, "descriptionHtml", "<b>bold</b>", "i18n", new Texts()));
    }

    @Test
    public void plainReferenceComesOutEscaped() {
        assertTrue(render(), render().contains("<p class=\"summary\">" + ESCAPED + "</p>"));
    }

    @Test
    public void quietReferenceComesOutEscaped() {
        assertTrue(render(), render().contains("<p class=\"quiet\">" + ESCAPED + "</p>"));
    }

    @Test
    public void htmlReferenceComesOutRaw() {
        assertTrue(render(), render().contains("<div class=\"description\"><b>bold</b></div>"));
    }

    @Test
    public void methodWithHtmlArgumentComesOutEscaped() {
        assertTrue(render(), render().contains("<p class=\"text\">" + ESCAPED + "</p>"));
    }

    @Test
    public void attackMarkupNeverAppearsRaw() {
        assertFalse(render(), render().contains(ATTACK));
    }

    @Test
    public void fragmentIsEscapedToo() {
        assertEquals("<p>" + ESCAPED + "</p>", renderer.renderFragment("<p>$summary</p>", Map.of("summary", ATTACK)));
    }

    @Test
    public void templatesAreFoundOnThePluginClassLoaderOnly() {
        assertTrue(renderer.resolve("templates/test/escaping.vm"));
        assertFalse(renderer.resolve("templates/test/missing.vm"));
    }

    @Test
    public void missingTemplateIsARenderingException() {
        try {
            renderer.renderToString("templates/test/missing.vm", Map.of());
            fail("expected a RenderingException");
        } catch (RenderingException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("templates/test/missing.vm"));
        }
    }
}
