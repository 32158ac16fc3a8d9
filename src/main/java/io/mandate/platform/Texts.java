package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;

import javax.inject.Inject;
import javax.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The plugin's i18n texts in a given language, for output that is not tied to the current request
 * (mail goes to people who each have their own language).
 */
@Named
public class Texts {

    private final I18nResolver i18n;

    @Inject
    public Texts(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    /** The text of {@code key} in {@code locale}, with {@code {0}}-style arguments filled in. */
    public String get(Locale locale, String key, Serializable... arguments) {
        return i18n.getText(locale, key, arguments);
    }
}
