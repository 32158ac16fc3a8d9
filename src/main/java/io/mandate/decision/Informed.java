package io.mandate.decision;

import java.util.Locale;

/**
 * Someone told of a decision's outcome: a user (ref = the user's key) or a group (ref = its name).
 * Users are kept by key so a rename does not lose them; the API shows usernames.
 */
public record Informed(Kind kind, String ref) {

    public enum Kind {
        USER, GROUP;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
