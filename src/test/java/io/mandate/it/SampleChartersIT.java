package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.refhost.world.SampleCharters;
import io.mandate.refhost.world.SampleOrganisation;
import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.junit.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The first start of a fresh data folder (the shared test host's) made the sample Confluence content: both charter
 * pages with both macros, readable through Confluence's content REST API, and — through the plugin's charter REST API —
 * the two sample charters (a plugin without that API would be skipped with a warning, not fail the start:
 * SampleChartersTest). Read only.
 */
public class SampleChartersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(Http.Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }

    @Test
    public void bothCharterPagesCarryTheCharterAndTheReportOfTheirTeam() {
        for (String[] page : List.of(new String[] {"Platform team charter", "PLATFORM", String.valueOf(SampleOrganisation.TEAM_CHARTER_PAGE_ID)},
                new String[] {"Operations team charter", "OPS_TEAM", String.valueOf(SampleOrganisation.OPERATIONS_CHARTER_PAGE_ID)})) {
            Http.Reply reply = Http.get(RunningHost.confluence() + "/rest/api/content?spaceKey=TEAM&expand=body.storage&title="
                    + URLEncoder.encode(page[0], StandardCharsets.UTF_8), "heidi");
            assertEquals(reply.body(), 200, reply.status());
            JsonNode found = json(reply).get("results").get(0);
            assertEquals(page[2], found.get("id").asText());
            String storage = found.get("body").get("storage").get("value").asText();
            for (String macro : List.of("mandate-team-charter", "mandate-accountability-report")) {
                assertTrue(storage, storage.contains("<ac:structured-macro ac:name=\"" + macro + "\" ac:schema-version=\"1\" ac:macro-id=\""));
            }
            assertEquals(storage, 2, storage.split("<ac:parameter ac:name=\"team\">" + page[1] + "</ac:parameter>", -1).length - 1);
        }
    }

    @Test
    public void theSampleChartersWereMadeOnTheFirstStart() {
        // the plugin has the charter API, so the first start made both; a second seeding finds them and adds nothing
        SampleCharters.Outcome again = SampleCharters.seed(RunningHost.confluence());
        assertEquals(SampleCharters.Outcome.CHARTERS_NOT_EMPTY, again);
        for (SampleCharters.Charter charter : SampleCharters.charters()) {
            Http.Reply reply = Http.get(RunningHost.confluence() + "/rest/mandate/1.0/charters/" + charter.teamKey(), "frank");
            assertEquals(reply.body(), 200, reply.status());
            JsonNode read = json(reply);
            assertEquals(charter.space(), read.get("space").asText());
            List<String> members = new ArrayList<>();
            read.get("members").forEach(m -> members.add(m.get("name").asText() + ":" + m.get("role").asText()));
            assertEquals(charter.members().stream().map(m -> m.name() + ":" + m.role()).toList(), members);
            List<String> domains = new ArrayList<>();
            read.get("domains").forEach(d -> domains.add(d.isTextual() ? d.asText() : d.path("key").asText()));
            assertEquals(charter.domains(), domains);
        }
    }
}
