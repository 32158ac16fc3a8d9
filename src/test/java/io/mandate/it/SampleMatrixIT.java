package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.RunningHost.Http.Reply;
import org.junit.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The sample matrix (docs/sample-org.md, "Decision domains and grants") is there on the first start of a fresh data
 * folder, made through the plugin's REST API: its domains, who may approve on a sample issue, the stand-in for the
 * absent tech lead, the absence itself. Read only; nothing here changes.
 */
public class SampleMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/mandate/1.0";

    private static JsonNode get(String path) {
        Reply reply = Http.get(RunningHost.jira() + API + path, "bob");
        assertEquals(path + ": " + reply.body(), 200, reply.status());
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }

    private static List<String> names(JsonNode holders, String field) {
        List<String> names = new ArrayList<>();
        holders.forEach(h -> names.add(h.get(field).get("name").asText()));
        return names;
    }

    @Test
    public void theFiveSampleDomainsAreThere() {
        List<String> keys = new ArrayList<>();
        get("/domains?maxResults=1000").get("values").forEach(d -> keys.add(d.get("key").asText()));
        assertTrue(keys.toString(), keys.containsAll(List.of("ARCH", "CHANGE", "HIRING", "RELEASE", "SPEND")));
        assertEquals(4, get("/domains/ARCH/grants").get("total").asInt());
    }

    @Test
    public void theTechLeadApprovesArchitectureAndHerBackupStandsInWhileSheIsAway() {
        JsonNode authority = get("/authority/DEMO-1");
        assertFalse(authority.get("tie").asBoolean());
        JsonNode arch = authority.get("domains").get(0);
        assertEquals("ARCH", arch.get("key").asText());
        assertTrue(arch.toString(), names(arch.get("approvers"), "holder").contains("alice"));
        assertEquals(arch.toString(), List.of("dave"), names(arch.get("standIns"), "backup"));
        assertEquals(arch.toString(), List.of("alice"), names(arch.get("absent"), "user"));
    }

    @Test
    public void theMostSpecificScopeWins() {
        assertEquals("ARCH", get("/authority/DEMO-7").get("domains").get(0).get("key").asText());
        assertEquals("CHANGE", get("/authority/OPS-9").get("domains").get(0).get("key").asText());
        assertEquals("SPEND", get("/authority/OPS-6").get("domains").get(0).get("key").asText());
        assertEquals(0, get("/authority/DEMO-17").get("domains").size());
    }

    @Test
    public void aliceIsAwayForTwoWeeksFromTheFirstStart() {
        List<String> notes = new ArrayList<>();
        get("/absences?user=alice&maxResults=1000").get("values").forEach(a -> notes.add(a.path("note").asText()));
        assertTrue(notes.toString(), notes.contains("Parental leave"));
    }
}
