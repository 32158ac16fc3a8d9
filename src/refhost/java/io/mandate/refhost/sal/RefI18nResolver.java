package io.mandate.refhost.sal;

import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.refhost.web.RequestContext;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** SAL's I18nResolver over the plugin's i18n bundles, in the language of the current request. */
public final class RefI18nResolver implements I18nResolver {

    private final List<String> bundles;
    private final ClassLoader loader;

    public RefI18nResolver(List<String> bundles, ClassLoader loader) {
        this.bundles = List.copyOf(bundles);
        this.loader = loader;
    }

    @Override
    public String getText(String key) {
        return getText(RequestContext.current().locale(), key);
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return getText(RequestContext.current().locale(), key, arguments);
    }

    /**
     * Formatted even without arguments, as SAL's {@code AbstractI18nResolver} ({@code resolveText(key, EMPTY)}) and
     * Jira's and Confluence's i18n do: an apostrophe in a text is written {@code ''} whether or not it has arguments,
     * and a lone one vanishes here as it would there ({@code I18nBundlesTest} keeps the bundles right).
     */
    @Override
    public String getText(Locale locale, String key) {
        return getText(locale, key, new Serializable[0]);
    }

    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        String raw = raw(locale, key);
        return raw == null ? key : new MessageFormat(raw, locale).format(arguments);
    }

    @Override
    public String getRawText(String key) {
        String raw = raw(RequestContext.current().locale(), key);
        return raw == null ? key : raw;
    }

    @Override
    public Map<String, String> getAllTranslationsForPrefix(String prefix) {
        return getAllTranslationsForPrefix(prefix, RequestContext.current().locale());
    }

    @Override
    public Map<String, String> getAllTranslationsForPrefix(String prefix, Locale locale) {
        Map<String, String> result = new TreeMap<>();
        for (String bundle : bundles) {
            ResourceBundle rb = ResourceBundle.getBundle(bundle.replace('/', '.'), locale, loader, CONTROL);
            for (String key : rb.keySet()) {
                if (key.startsWith(prefix)) {
                    result.put(key, rb.getString(key));
                }
            }
        }
        return result;
    }

    private String raw(Locale locale, String key) {
        for (String bundle : bundles) {
            try {
                return ResourceBundle.getBundle(bundle.replace('/', '.'), locale, loader, CONTROL).getString(key);
            } catch (MissingResourceException ignored) {
                // next bundle
            }
        }
        return null;
    }

    /** Falls back to the base bundle (English), never to the JVM's default locale. */
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
}
