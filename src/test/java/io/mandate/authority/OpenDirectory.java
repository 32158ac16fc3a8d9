package io.mandate.authority;

import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;

import java.util.Locale;
import java.util.Optional;

/**
 * Test double: a user directory in which every name is an active user (key "key-" + name) and {@code admin} is the
 * one Jira administrator, logged in on every thread; groups {@code developers} and {@code leads} exist. For the
 * matrix's concurrency and fault tests, which make thousands of grants for as many people.
 */
final class OpenDirectory implements UserDirectory {

    static final Person ADMIN = new Person("key-admin", "admin", "Administrator");

    @Override
    public Optional<Person> currentUser() {
        return Optional.of(ADMIN);
    }

    @Override
    public Optional<Person> byName(String username) {
        return Optional.of(new Person("key-" + username, username, username.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Optional<Person> byKey(String userKey) {
        return userKey.startsWith("key-") ? byName(userKey.substring(4)) : Optional.empty();
    }

    @Override
    public boolean isActive(Person person) {
        return true;
    }

    @Override
    public boolean groupExists(String group) {
        return group.equals("developers") || group.equals("leads");
    }

    @Override
    public boolean isAdmin(Person person) {
        return person.name().equals("admin");
    }

    @Override
    public boolean isSystemAdmin(Person person) {
        return person.name().equals("admin");
    }

    @Override
    public Optional<String> emailAddress(Person person) {
        return Optional.empty();
    }

    @Override
    public Locale locale(Person person) {
        return Locale.ENGLISH;
    }
}
