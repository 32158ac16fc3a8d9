package io.mandate.platform;

import java.util.Objects;

/**
 * A user as the capabilities see one: host-neutral, immutable, safe to cache and to serialise.
 *
 * <p>Mandate keeps people by the host's user key, so its data outlives them: a stored key may name a user who has
 * since been deactivated ({@link State#INACTIVE}) or deleted ({@link State#DELETED}, shown by the key, the only thing
 * left of them). {@link People#ofKey} says which; whatever shows a person says it too ({@link PersonLabel}).
 */
public record Person(String key, String name, String displayName, State state) implements java.io.Serializable {

    /** Whether the host still has the user, and whether they may act. */
    public enum State {
        ACTIVE, INACTIVE, DELETED;

        /** How the REST API writes it: {@code active}, {@code inactive}, {@code deleted}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Person {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** A user the host has, as its directory answers (whether they are active is {@link People}'s to say). */
    public Person(String key, String name, String displayName) {
        this(key, name, displayName, State.ACTIVE);
    }

    /** A stored user key the host no longer knows: a deleted user, shown by the key (the audit trail and grants outlive users). */
    public static Person deleted(String userKey) {
        return new Person(userKey, userKey, userKey, State.DELETED);
    }

    /** The same person in another state. */
    public Person in(State state) {
        return state == this.state ? this : new Person(key, name, displayName, state);
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }
}
