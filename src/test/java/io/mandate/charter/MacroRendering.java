package io.mandate.charter;

import com.atlassian.confluence.macro.Macro;
import io.mandate.platform.WebResourceKeys;
import io.mandate.refhost.sal.RefI18nResolver;
import io.mandate.refhost.sal.RefTemplateRenderer;
import io.mandate.refhost.sal.VelocityAllowlist;
import io.mandate.refhost.web.RequestContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * What the macro tests render with: the host's real template renderer (Atlassian's escaping, the Platform 7
 * allowlist with the plugin's one entry) and texts, and a macro run as Confluence runs it — in a request of the
 * viewer, with Mandate's styles required into the page and no exception text in what comes out.
 */
final class MacroRendering {

    private MacroRendering() {
    }

    static RefTemplateRenderer templates() {
        ClassLoader loader = MacroRendering.class.getClassLoader();
        RefTemplateRenderer templates = new RefTemplateRenderer(loader, VelocityAllowlist.host());
        templates.allow(VelocityAllowlist.forPlugin(loader, List.of("io.mandate.platform.TemplateTexts#getText(java.lang.String)")));
        return templates;
    }

    static RefI18nResolver i18n() {
        return new RefI18nResolver(List.of("i18n/mandate"), MacroRendering.class.getClassLoader());
    }

    /** The macro's output as the page would get it, for the viewer (null: anonymous) in that language. */
    static Document render(Macro macro, Map<String, String> parameters, String viewer, Locale locale) {
        String html = RequestContext.runAs(new RequestContext(viewer, locale, null), () -> {
            try {
                String out = macro.execute(parameters, "", null);
                assertTrue("the macro requires Mandate's styles",
                        RequestContext.current().pageResources().required().toString().contains(WebResourceKeys.STYLES));
                return out;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertFalse("no exception text: " + html, html.contains("Exception") || html.contains(".java:"));
        return Jsoup.parseBodyFragment(html);
    }
}
