package io.mandate.platform;

import com.atlassian.jira.user.ApplicationUser;

/** Jira users as the capabilities see them. */
public final class JiraPeople {

    private JiraPeople() {
    }

    /** The user as Jira has them now: active, or deactivated ({@code isActive()} false). */
    public static Person person(ApplicationUser user) {
        return new Person(user.getKey(), user.getUsername(), user.getDisplayName(),
                user.isActive() ? Person.State.ACTIVE : Person.State.INACTIVE);
    }
}
