// Checked against https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/message/I18nResolver.html
// (extends nothing). Only the members the plugin uses are declared; the real interface also has getText(Message),
// getText(Locale, Message), getRawText(Locale, String), createMessage(String, Serializable...) and createMessageCollection().
package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/** Resolves i18n keys to text in the current user's (or a given) locale. */
public interface I18nResolver {
    String getText(String key);

    String getText(String key, Serializable... arguments);

    String getText(Locale locale, String key);

    String getText(Locale locale, String key, Serializable... arguments);

    String getRawText(String key);

    Map<String, String> getAllTranslationsForPrefix(String prefix);

    Map<String, String> getAllTranslationsForPrefix(String prefix, Locale locale);
}
