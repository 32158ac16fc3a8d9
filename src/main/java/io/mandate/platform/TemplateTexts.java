package io.mandate.platform;

import com.atlassian.sal.api.message.I18nResolver;

/**
 * The {@code $i18n} of Mandate's Velocity templates: the plugin's texts in the current user's language,
 * and nothing else. Jira 10 and Confluence 9 let a template call only allowlisted methods, and a plugin
 * may allowlist only its own classes (atlassian-plugin.xml, {@code velocity-allowlist}); so templates get
 * this small class of ours, never the host's I18nResolver itself.
 */
public final class TemplateTexts {

    private final I18nResolver i18n;

    public TemplateTexts(I18nResolver i18n) {
        this.i18n = i18n;
    }

    /** The text of {@code key}; the host escapes it like every other reference. */
    public String getText(String key) {
        return i18n.getText(key);
    }

    /** The text of {@code key} with one argument (a name, say); the host escapes the whole text, argument included. */
    public String getText(String key, String argument) {
        return i18n.getText(key, argument);
    }
}
