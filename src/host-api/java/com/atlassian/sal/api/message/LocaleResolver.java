// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/7.8.1/com/atlassian/sal/confluence/message/ConfluenceLocaleResolver.html
// (getLocale(com.atlassian.sal.api.user.UserKey) "Specified by ... com.atlassian.sal.api.message.LocaleResolver")
// and https://docs.atlassian.com/DAC/javadoc/jira/reference/com/atlassian/jira/i18n/JiraLocaleResolver.html (Jira implements
// it). Only getLocale(UserKey) is declared; the real interface also has getLocale(), getLocale(HttpServletRequest) and
// getSupportedLocales().
package com.atlassian.sal.api.message;

import com.atlassian.sal.api.user.UserKey;

import java.util.Locale;

/** The language a user has chosen (the product's default when they chose none). */
public interface LocaleResolver {
    Locale getLocale(UserKey userKey);
}
