package io.mandate.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.platform.Person;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** {@code GET /decisions/{issueKey}/history}: stored user keys are shown with the people's current names. */
public class DecisionHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    /** bob was renamed to robert after the entries were written; the key stayed. */
    private static final Map<String, Person> PEOPLE = Map.of(
            "k-alice", new Person("k-alice", "alice", "Alice Adams"),
            "k-bob", new Person("k-bob", "robert", "Robert Brown"),
            "k-carol", new Person("k-carol", "carol", "Carol Clark"));

    private DecisionService decisions;
    private DecisionResource resource;

    @Before
    public void setUp() {
        decisions = mock(DecisionService.class);
        when(decisions.person(anyString())).thenAnswer(i -> Optional.ofNullable(PEOPLE.get(i.<String>getArgument(0))));
        resource = new DecisionResource(decisions);
    }

    private JsonNode history(AuditEntry... entries) {
        when(decisions.history("DEMO-1")).thenReturn(List.of(entries));
        return JSON.valueToTree(resource.history("DEMO-1"));
    }

    private static AuditEntry entry(String field, String before, String after) {
        return new AuditEntry("DEMO-1", "k-alice", AT, field, before, after);
    }

    @Test
    public void aPersonFieldShowsTheCurrentNameOfTheStoredKey() {
        JsonNode e = history(entry("approver", "k-bob", "k-carol")).get(0);
        assertEquals("robert", e.get("before").asText());
        assertEquals("carol", e.get("after").asText());
        assertEquals("k-bob", e.get("beforeValue").get("key").asText());
        assertEquals("robert", e.get("beforeValue").get("name").asText());
        assertEquals("Robert Brown", e.get("beforeValue").get("displayName").asText());
        assertEquals("Carol Clark", e.get("afterValue").get("displayName").asText());
    }

    @Test
    public void aUserTheHostNoLongerKnowsShowsTheStoredKey() {
        JsonNode e = history(entry("driver", null, "k-gone")).get(0);
        assertEquals("k-gone", e.get("after").asText());
        assertEquals("k-gone", e.get("afterValue").get("key").asText());
        assertEquals("k-gone", e.get("afterValue").get("name").asText());
        assertTrue(e.get("before").isNull());
        assertTrue(e.get("beforeValue").isNull());
    }

    @Test
    public void contributorsAreAListOfUsersWithCurrentNames() {
        JsonNode e = history(entry("contributors", "[\"k-carol\"]", "[\"k-bob\",\"k-carol\"]")).get(0);
        assertEquals("carol", e.get("before").asText());
        assertEquals("robert, carol", e.get("after").asText());
        assertEquals(2, e.get("afterValue").size());
        assertEquals("Robert Brown", e.get("afterValue").get(0).get("displayName").asText());
    }

    @Test
    public void informedKeepsUsersAndGroupsApart() {
        JsonNode e = history(entry("informed", null,
                "[{\"type\":\"group\",\"name\":\"developers\"},{\"type\":\"user\",\"key\":\"k-bob\"}]")).get(0);
        assertEquals("group:developers, robert", e.get("after").asText());
        JsonNode group = e.get("afterValue").get(0);
        assertEquals("group", group.get("type").asText());
        assertEquals("developers", group.get("name").asText());
        JsonNode user = e.get("afterValue").get(1);
        assertEquals("user", user.get("type").asText());
        assertEquals("k-bob", user.get("key").asText());
        assertEquals("robert", user.get("name").asText());
        assertEquals("Robert Brown", user.get("displayName").asText());
    }

    @Test
    public void otherFieldsKeepTheirTextAndHaveNoPeopleValue() {
        JsonNode e = history(entry("status", "OPEN", "IN_PROGRESS")).get(0);
        assertEquals("OPEN", e.get("before").asText());
        assertEquals("IN_PROGRESS", e.get("after").asText());
        assertTrue(e.get("afterValue").isNull());
        assertEquals("alice", e.get("author").get("name").asText());
    }
}
