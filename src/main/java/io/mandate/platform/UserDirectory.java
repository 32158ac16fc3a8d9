package io.mandate.platform;

import java.util.Optional;

/** Who is calling and who exists: the capabilities' view of the host's user management. */
public interface UserDirectory {

    /** The logged-in user of the current request, or empty for an anonymous caller. */
    Optional<Person> currentUser();

    /** An existing user by username (active or not); see {@link #isActive(Person)}. */
    Optional<Person> byName(String username);

    /** An existing user by the host's stable user key. */
    Optional<Person> byKey(String userKey);

    boolean isActive(Person person);

    boolean groupExists(String group);

    /** Whether the user is an administrator of the product (Jira administrators, Confluence administrators). */
    boolean isAdmin(Person person);

    /**
     * Whether the user is a system administrator of the product (SAL's {@code isSystemAdmin}). No by default, so a
     * directory that does not say (a test double) grants nothing only system administrators may do.
     */
    default boolean isSystemAdmin(Person person) {
        return false;
    }


    /** The user's e-mail address; empty when the host has none (blank counts as none). */
    Optional<String> emailAddress(Person person);

    /** The language the user reads in (the host's default when they chose none). */
    java.util.Locale locale(Person person);
}
