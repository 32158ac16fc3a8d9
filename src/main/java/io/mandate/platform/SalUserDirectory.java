package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.Optional;

/** {@link UserDirectory} over SAL's UserManager, which both Jira and Confluence provide. */
@Named
public class SalUserDirectory implements UserDirectory {

    private final UserManager userManager;
    private final LocaleResolver locales;

    @Inject
    public SalUserDirectory(@ComponentImport UserManager userManager, @ComponentImport LocaleResolver locales) {
        this.userManager = userManager;
        this.locales = locales;
    }

    @Override
    public Optional<Person> currentUser() {
        return Optional.ofNullable(userManager.getRemoteUser()).map(SalUserDirectory::toPerson);
    }

    @Override
    public Optional<Person> byName(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(userManager.getUserProfile(username)).map(SalUserDirectory::toPerson);
    }

    @Override
    public Optional<Person> byKey(String userKey) {
        if (userKey == null || userKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(userManager.getUserProfile(new UserKey(userKey))).map(SalUserDirectory::toPerson);
    }

    @Override
    public boolean isActive(Person person) {
        // SAL has no "active" flag; SAL's licensed check is false for deactivated users.
        return userManager.isLicensed(new UserKey(person.key()));
    }

    @Override
    public boolean isAdmin(Person person) {
        return userManager.isAdmin(new UserKey(person.key()));
    }

    @Override
    public boolean isSystemAdmin(Person person) {
        return userManager.isSystemAdmin(new UserKey(person.key()));
    }

    @Override
    public boolean groupExists(String group) {
        if (group == null || group.isBlank()) {
            return false;
        }
        for (String name : userManager.findGroupNamesByPrefix(group, 0, 50)) {
            if (name.equals(group)) {
                return true;
            }
        }
        return false;
    }


    @Override
    public Optional<String> emailAddress(Person person) {
        return Optional.ofNullable(userManager.getUserProfile(new UserKey(person.key())))
                .map(UserProfile::getEmail)
                .map(String::trim)
                .filter(email -> !email.isEmpty());
    }

    @Override
    public java.util.Locale locale(Person person) {
        return locales.getLocale(new UserKey(person.key()));
    }

    private static Person toPerson(UserProfile profile) {
        return new Person(profile.getUserKey().getStringValue(), profile.getUsername(), profile.getFullName());
    }
}
