package io.mandate.platform;

import com.atlassian.jira.user.ApplicationUser;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A Jira user (a group's member, a JQL function's argument) carries whether Jira has deactivated them. */
public class JiraPeopleTest {

    private static ApplicationUser user(String key, String name, boolean active) {
        ApplicationUser u = mock(ApplicationUser.class);
        when(u.getKey()).thenReturn(key);
        when(u.getUsername()).thenReturn(name);
        when(u.getDisplayName()).thenReturn(name.toUpperCase(java.util.Locale.ROOT));
        when(u.isActive()).thenReturn(active);
        return u;
    }

    @Test
    public void aDeactivatedJiraUserIsAnInactivePerson() {
        assertEquals(new Person("JIRAUSER10001", "alice", "ALICE"), JiraPeople.person(user("JIRAUSER10001", "alice", true)));
        assertEquals(new Person("JIRAUSER10009", "ivan", "IVAN", Person.State.INACTIVE),
                JiraPeople.person(user("JIRAUSER10009", "ivan", false)));
    }
}
