package io.mandate.platform;

import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where names people type become the users and groups they mean. Validation helpers add a field-named problem to {@code errors}
 * instead of throwing, so a form reports every bad field at once.
 */
@Named
public class People {

    /** A user or group as typed in input: its type and the username or group name. */
    public record Named(Principal.Type type, String name) {
    }

    private final UserDirectory users;

    @Inject
    public People(UserDirectory users) {
        this.users = users;
    }

    public Optional<Person> currentUser() {
        return users.currentUser();
    }

    /** The user with this key, {@link Person#state() active or inactive}; empty when the host no longer has them. */
    public Optional<Person> byKey(String userKey) {
        return users.byKey(userKey).map(this::judged);
    }

    /**
     * The person a stored key stands for, as they are now: active, inactive, or — when the host no longer has them —
     * {@link Person#deleted deleted}, shown by the key. Never empty: what shows stored people shows every one.
     */
    public Person ofKey(String userKey) {
        return byKey(userKey).orElseGet(() -> Person.deleted(userKey));
    }

    /** Whether the stored key names a user who may act today: one the host has and who is active. */
    public boolean isActiveKey(String userKey) {
        return userKey != null && users.byKey(userKey).map(users::isActive).orElse(false);
    }

    private Person judged(Person person) {
        return person.in(users.isActive(person) ? Person.State.ACTIVE : Person.State.INACTIVE);
    }

    /** The current username of a stored user key, or the key itself for a user the host no longer knows. */
    public String nameOf(String userKey) {
        return userKey == null ? null : users.byKey(userKey).map(Person::name).orElse(userKey);
    }

    /** The user with this username, {@link Person#state() active or inactive}. */
    public Optional<Person> byName(String username) {
        return username == null ? Optional.empty() : users.byName(username.trim()).map(this::judged);
    }

    public boolean isAdmin(Person person) {
        return users.isAdmin(person);
    }

    public boolean isSystemAdmin(Person person) {
        return users.isSystemAdmin(person);
    }

    public boolean isActive(Person person) {
        return users.isActive(person);
    }

    public boolean groupExists(String group) {
        return users.groupExists(group);
    }

    /**
     * An existing user by username, active or not (filters may name a deactivated user); null and a
     * {@code mandate.error.user.unknown} problem otherwise. Blank input is "no filter" (null, no problem).
     */
    public String existingUserKey(String field, String username, Map<String, Message> errors) {
        if (username == null || username.isBlank()) {
            return null;
        }
        Optional<Person> person = users.byName(username.trim());
        if (person.isEmpty()) {
            errors.put(field, Message.of("mandate.error.user.unknown", username));
            return null;
        }
        return person.get().key();
    }

    /**
     * One active user by username (an approver, a driver): the key, or null with a problem for an
     * unknown or deactivated user. Null input is "nobody" (null, no problem). Skipped when the field
     * already has a problem.
     */
    public String activeUserKey(String field, String username, Map<String, Message> errors) {
        if (username == null || errors.containsKey(field)) {
            return null;
        }
        Optional<Person> person = users.byName(username);
        if (person.isEmpty()) {
            errors.put(field, Message.of("mandate.error.user.unknown", username));
            return null;
        }
        if (!users.isActive(person.get())) {
            errors.put(field, Message.of("mandate.error.user.inactive", username));
            return null;
        }
        return person.get().key();
    }

    /** Active users by username, duplicates dropped; every name that is unknown or inactive is named in one problem. */
    public List<String> activeUserKeys(String field, List<String> usernames, Map<String, Message> errors) {
        if (errors.containsKey(field)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : usernames.stream().distinct().toList()) {
            Optional<Person> p = users.byName(name).filter(users::isActive);
            if (p.isPresent()) {
                keys.add(p.get().key());
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            errors.put(field, Message.of("mandate.error.users.unknown", String.join(", ", unknown)));
        }
        return keys;
    }

    /**
     * Active users and existing groups, duplicates dropped; every unknown one is named in one
     * problem with the given message key.
     */
    public List<Principal> principals(String field, List<Named> names, String unknownKey, Map<String, Message> errors) {
        if (errors.containsKey(field)) {
            return List.of();
        }
        List<Principal> result = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Named n : names.stream().distinct().toList()) {
            if (n.type() == Principal.Type.GROUP) {
                if (users.groupExists(n.name())) {
                    result.add(Principal.group(n.name()));
                } else {
                    unknown.add(n.name());
                }
            } else {
                Optional<Person> p = users.byName(n.name()).filter(users::isActive);
                if (p.isPresent()) {
                    result.add(Principal.user(p.get().key()));
                } else {
                    unknown.add(n.name());
                }
            }
        }
        if (!unknown.isEmpty()) {
            errors.put(field, Message.of(unknownKey, String.join(", ", unknown)));
        }
        return result;
    }
}
