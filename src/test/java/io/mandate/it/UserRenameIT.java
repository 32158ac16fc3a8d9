package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.refhost.world.World;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;

import static org.junit.Assert.assertEquals;

/**
 * A user renamed in Jira (Jira 10 keeps the key and changes the username) stays the owner of what
 * they owned, and the decision and its history call them by the new name. The rename is undone
 * afterwards: the host is shared by the test JVM.
 */
public class UserRenameIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The HR project's administrator, in hr-team, which may browse and edit HR. */
    private static final String EDITOR = "heidi";
    private static final String ISSUE = "HR-1"; // read by other tests, never given a decision there

    private String api;
    private World world;

    @Before
    public void setUp() {
        api = RunningHost.jira() + "/rest/mandate/1.0/decisions/" + ISSUE;
        world = RunningHost.get().jira().world();
        Http.send("DELETE", api, EDITOR, null, null);
    }

    @After
    public void undo() {
        if (world.userByName("grace.green").isPresent()) {
            world.renameUser("grace.green", "grace");
        }
        Http.send("DELETE", api, EDITOR, null, null);
    }

    private static JsonNode json(Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.body(), e);
        }
    }

    @Test
    public void afterARenameTheDecisionAndItsHistoryShowTheNewName() {
        Reply put = Http.putJson(api, EDITOR, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\",\"approver\":\"grace\"}");
        assertEquals(put.body(), 200, put.status());
        String key = json(put).get("approver").get("key").asText();

        world.renameUser("grace", "grace.green");

        JsonNode decision = json(Http.get(api, EDITOR));
        assertEquals(key, decision.get("approver").get("key").asText());
        assertEquals("grace.green", decision.get("approver").get("name").asText());

        JsonNode approver = null;
        for (JsonNode entry : json(Http.get(api + "/history", EDITOR))) {
            if (approver == null && entry.get("field").asText().equals("approver")) {
                approver = entry; // the newest
            }
        }
        assertEquals("one approver entry", "grace.green", approver.get("after").asText());
        assertEquals(key, approver.get("afterValue").get("key").asText());
        assertEquals("grace.green", approver.get("afterValue").get("name").asText());
        assertEquals("Grace Green", approver.get("afterValue").get("displayName").asText());

        // the same person under the new name is no change: same version, no new history entry
        int entries = json(Http.get(api + "/history", EDITOR)).size();
        Reply again = Http.putJson(api, EDITOR, "{\"status\":\"IN_PROGRESS\",\"driver\":\"heidi\","
                + "\"approver\":\"grace.green\",\"version\":1}");
        assertEquals(again.body(), 200, again.status());
        assertEquals(1, json(again).get("version").asInt());
        assertEquals(entries, json(Http.get(api + "/history", EDITOR)).size());
    }
}
