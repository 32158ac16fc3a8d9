package io.mandate.platform;

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

    private final HostComponents host;

    @Inject
    public Texts(HostComponents host) {
        this.host = host;
    }

    /** The text of {@code key} in {@code locale}, with {@code {0}}-style arguments filled in. */
    public String get(Locale locale, String key, Serializable... arguments) {
        return host.i18n().getText(locale, key, arguments);
    }
}
