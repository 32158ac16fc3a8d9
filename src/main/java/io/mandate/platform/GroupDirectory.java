package io.mandate.platform;

import java.util.List;

/** Who is in a group: expands a group named on a decision into the people it stands for. */
public interface GroupDirectory {

    /** The group's members (active or not, see {@link UserDirectory#isActive}); empty for an unknown group. */
    List<Person> membersOf(String group);

    /** The names of the groups the user is in (nested groups included, as the host answers); empty for an unknown user. */
    java.util.Set<String> groupsOf(String userKey);
}
