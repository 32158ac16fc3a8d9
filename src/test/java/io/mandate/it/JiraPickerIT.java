package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The reference host's copies of Jira's user and group pickers, which the decision dialog calls:
 * Jira's paths and shapes, logged-in users only, bounded pages, escaped {@code html}.
 */
public class JiraPickerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String api;

    @BeforeClass
    public static void startHost() {
        api = RunningHost.jira() + "/rest/api/2";
    }

    private static JsonNode get(String pathAndQuery, String user) {
        Http.Reply reply = Http.get(api + pathAndQuery, user);
        assertEquals(reply.body(), 200, reply.status());
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    @Test
    public void anonymousCallersGet401() {
        assertEquals(401, Http.get(api + "/user/picker?query=a", null).status());
        assertEquals(401, Http.get(api + "/groups/picker?query=d", null).status());
    }

    @Test
    public void userPickerAnswersInJirasShapeWithTheMatchInStrong() {
        JsonNode body = get("/user/picker?query=ali", "bob");
        assertEquals(List.of("alice"), names(body.get("users")));
        JsonNode alice = body.get("users").get(0);
        assertTrue(alice.get("key").asText().length() > 0);
        assertEquals("Alice Adams", alice.get("displayName").asText());
        // no e-mail address: the host's e-mail visibility is hidden, and Jira shows it only when public
        assertEquals("<strong>Ali</strong>ce Adams (<strong>ali</strong>ce)", alice.get("html").asText());
        assertFalse(body.toString(), body.toString().contains("@example.com"));
        assertEquals(1, body.get("total").asInt());
        assertEquals("Showing 1 of 1 matching users", body.get("header").asText());
    }

    @Test
    public void userPickerFindsActiveUsersOnly() {
        assertEquals(0, get("/user/picker?query=ivan", "alice").get("total").asInt());
    }

    @Test
    public void resultsAreBoundedAndTotalCountsEveryMatch() {
        JsonNode all = get("/user/picker?query=&maxResults=1000", "alice");
        int everyone = all.get("users").size();
        assertEquals(everyone, all.get("total").asInt());
        assertTrue("the sample organisation has more than two active users", everyone > 2);
        JsonNode two = get("/user/picker?query=&maxResults=2", "alice");
        assertEquals(2, two.get("users").size());
        assertEquals(everyone, two.get("total").asInt());
        assertEquals("Showing 2 of " + everyone + " matching users", two.get("header").asText());
        assertEquals("more than Jira's maximum is cut to it", everyone,
                get("/user/picker?query=&maxResults=100000", "alice").get("users").size());

        JsonNode groups = get("/groups/picker?query=&maxResults=1", "alice");
        assertEquals(1, groups.get("groups").size());
        int allGroups = groups.get("total").asInt();
        assertTrue(allGroups > 1);
        assertEquals("Showing 1 of " + allGroups + " matching groups", groups.get("header").asText());
    }

    @Test
    public void groupPickerAnswersInJirasShape() {
        JsonNode body = get("/groups/picker?query=dev", "frank");
        assertEquals(List.of("developers"), names(body.get("groups")));
        assertEquals("<strong>dev</strong>elopers", body.get("groups").get(0).get("html").asText());
        assertEquals(1, body.get("total").asInt());
    }

    @Test
    public void excludedNamesAreLeftOut() {
        JsonNode body = get("/user/picker?query=a&exclude=alice", "alice");
        assertFalse(names(body.get("users")).contains("alice"));
        assertTrue(names(body.get("users")).contains("admin"));
    }

    @Test
    public void htmlIsEscapedTextWithOnlyTheHighlightAsMarkup() {
        JsonNode body = get("/user/picker?query=%3Cb%3E", "alice");
        assertEquals("markup in the query matches nobody", 0, body.get("total").asInt());
        for (String query : List.of("", "a", "C")) {
            for (JsonNode user : get("/user/picker?query=" + query, "alice").get("users")) {
                String text = user.get("html").asText().replace("<strong>", "").replace("</strong>", "");
                assertFalse(user.toString(), text.contains("<") || text.contains(">") || text.contains("\""));
            }
        }
    }
}
