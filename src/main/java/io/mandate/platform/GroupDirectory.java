package io.mandate.platform;

import java.util.List;

/** Who is in a group: expands a group named on a decision into the people it stands for. */
public interface GroupDirectory {

    /** The group's members (active or not, see {@link UserDirectory#isActive}); empty for an unknown group. */
    List<Person> membersOf(String group);
}
