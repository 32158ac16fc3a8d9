package io.mandate.platform;

import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A stored key as the person it stands for now: active, deactivated, or deleted (the host no longer knows the key). */
public class PeopleTest {

    private final UserDirectory users = mock(UserDirectory.class);
    private final People people = new People(users);

    public PeopleTest() {
        when(users.byKey(anyString())).thenAnswer(i -> switch (i.<String>getArgument(0)) {
            case "k-alice" -> Optional.of(new Person("k-alice", "alice", "Alice Adams"));
            case "k-ivan" -> Optional.of(new Person("k-ivan", "ivan", "Ivan Ivanov"));
            default -> Optional.empty();
        });
        when(users.byName("ivan")).thenReturn(Optional.of(new Person("k-ivan", "ivan", "Ivan Ivanov")));
        when(users.isActive(any())).thenAnswer(i -> !i.<Person>getArgument(0).name().equals("ivan"));
    }

    @Test
    public void aStoredKeyIsAnActiveAnInactiveOrADeletedPerson() {
        assertEquals(Person.State.ACTIVE, people.ofKey("k-alice").state());
        assertEquals(new Person("k-ivan", "ivan", "Ivan Ivanov", Person.State.INACTIVE), people.ofKey("k-ivan"));
        assertEquals(new Person("k-gone", "k-gone", "k-gone", Person.State.DELETED), people.ofKey("k-gone"));
        assertEquals("byKey says the same, and nothing for a deleted user", Optional.of(Person.State.INACTIVE),
                people.byKey("k-ivan").map(Person::state));
        assertEquals(Optional.empty(), people.byKey("k-gone"));
        assertEquals(Person.State.INACTIVE, people.byName("ivan").orElseThrow().state());
    }

    @Test
    public void onlyAnActiveUserTheHostHasMayAct() {
        assertTrue(people.isActiveKey("k-alice"));
        assertFalse(people.isActiveKey("k-ivan"));
        assertFalse(people.isActiveKey("k-gone"));
        assertFalse(people.isActiveKey(null));
    }
}
