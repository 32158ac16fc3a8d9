package io.mandate.platform;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * A part of a host page that a plugin module renders into a string — a Confluence macro's output — from one of the
 * plugin's templates: the model under its name, the plugin's texts as {@code $i18n}, and Mandate's styles required on
 * the page the fragment goes into.
 */
public final class PageFragments {

    private PageFragments() {
    }

    public static String render(TemplateRenderer templates, I18nResolver i18n, PageBuilderService pageBuilder, String template,
                                String name, Object model) throws IOException {
        pageBuilder.assembler().resources().requireWebResource(WebResourceKeys.STYLES);
        Map<String, Object> velocity = new HashMap<>();
        velocity.put(name, model);
        velocity.put("i18n", new TemplateTexts(i18n));
        StringWriter out = new StringWriter();
        templates.render(template, velocity, out);
        return out.toString();
    }
}
