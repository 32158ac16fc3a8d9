package io.mandate.refhost.sal;

import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;

import java.util.Locale;

/**
 * SAL's per-user language. The reference host keeps no language preference per user, so every user
 * gets the host's default language, English — what Jira does for a user who chose none.
 */
public final class RefLocaleResolver implements LocaleResolver {

    @Override
    public Locale getLocale(UserKey userKey) {
        return Locale.ENGLISH;
    }
}
