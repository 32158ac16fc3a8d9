package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * The charter endpoints in Confluence against the running host: what PUT stores GET returns (members by username,
 * domains in order, version counting up), every bad field named in one answer, 409 naming {@code version}, and the
 * list of charters each caller may see. Team keys R_REST_* are removed after each test.
 */
public class CharterRestIT {

    private static final List<String> KEYS = List.of("R_REST_A", "R_REST_B", "R_REST_C");
    private String api;

    @Before
    public void setUp() {
        api = RunningHost.confluence() + "/rest/mandate/1.0/charters";
        cleanUp();
    }

    @After
    public void cleanUp() {
        for (String key : KEYS) {
            SecurityHttp.delete(api + "/" + key, "admin");
        }
    }

    private Reply put(String key, String user, String json) {
        return SecurityHttp.putJson(api + "/" + key, user, json);
    }

    /** A PUT outside the contract on purpose (too long, unknown fields, a required field left out): its answer is checked. */
    private Reply putOutside(String key, String user, String json) {
        return SecurityHttp.uncheckedPutJson(api + "/" + key, user, json);
    }

    @Test
    public void whatPutStoresGetReturnsAsTheContractShowsIt() {
        String body = "{\"teamKey\":\"R_REST_A\",\"name\":\"Platform team\",\"space\":\"TEAM\",\"purpose\":\"Keep the platform boring.\","
                + "\"members\":[{\"name\":\"Alice\",\"role\":\"Tech lead\"},{\"name\":\"carol\"}],\"domains\":[\"RELEASE\",\"arch\"]}";
        Reply created = put("R_REST_A", "alice", body);
        assertEquals(created.toString(), 200, created.status());
        JsonNode json = created.json();
        assertEquals("R_REST_A", json.get("teamKey").asText());
        assertEquals("Platform team", json.get("name").asText());
        assertEquals("TEAM", json.get("space").asText());
        assertEquals("Keep the platform boring.", json.get("purpose").asText());
        assertEquals("usernames as the host spells them, roles as given", "[{\"name\":\"alice\",\"role\":\"Tech lead\"},{\"name\":\"carol\",\"role\":null}]",
                json.get("members").toString());
        assertEquals("domain keys upper case, in the order given", "[\"RELEASE\",\"ARCH\"]", json.get("domains").toString());
        assertEquals(1, json.get("version").asInt());
        assertEquals(json, SecurityHttp.get(api + "/R_REST_A", "frank").json());

        // what GET returns can be sent back with a change
        String again = json.toString().replace("Keep the platform boring.", "Keep it boring.");
        Reply replaced = put("R_REST_A", "erin", again);
        assertEquals(replaced.toString(), 200, replaced.status());
        assertEquals(2, replaced.json().get("version").asInt());
        assertEquals("Keep it boring.", replaced.json().get("purpose").asText());

        // the same again changes nothing: no new version
        Reply same = put("R_REST_A", "erin", replaced.json().toString());
        assertEquals(2, same.json().get("version").asInt());
    }

    @Test
    public void everyBadFieldIsNamedInOneAnswer() {
        String body = "{\"teamKey\":\"R_REST_OTHER\",\"name\":\"" + "n".repeat(256) + "\",\"space\":\"NOPE\",\"purpose\":\""
                + "p".repeat(10_001) + "\",\"members\":[{\"name\":\"alice\"},{\"name\":\"zed\"},{\"name\":\"ivan\"}],"
                + "\"domains\":[\"ARCH\",\"not a key\",\"1X\"],\"colour\":\"blue\"}";
        Reply r = putOutside("R_REST_A", "alice", body);
        assertEquals(r.toString(), 400, r.status());
        JsonNode errors = r.json().get("errors");
        Set<String> fields = new TreeSet<>();
        errors.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("teamKey", "name", "space", "purpose", "members", "domains", "colour"), fields);
        assertTrue(errors.toString(), errors.get("members").asText().contains("zed") && errors.get("members").asText().contains("ivan"));
        assertFalse("alice exists: " + errors, errors.get("members").asText().contains("alice"));
        assertTrue(errors.toString(), errors.get("domains").asText().contains("not a key") && errors.get("domains").asText().contains("1X"));
        assertTrue(errors.toString(), errors.get("space").asText().contains("NOPE"));
        assertEquals("nothing was stored", 404, SecurityHttp.get(api + "/R_REST_A", "admin").status());
    }

    @Test
    public void aRoleTooLongAndAMemberNamedTwiceAreNamed() {
        Reply role = putOutside("R_REST_A", "alice", "{\"name\":\"x\",\"space\":\"TEAM\",\"members\":[{\"name\":\"alice\",\"role\":\"" + "r".repeat(101) + "\"}]}");
        assertEquals(role.toString(), 400, role.status());
        assertTrue(role.body(), role.json().get("errors").has("members"));
        Reply twice = put("R_REST_A", "alice", "{\"name\":\"x\",\"space\":\"TEAM\",\"members\":[{\"name\":\"alice\"},{\"name\":\"ALICE\"}]}");
        assertEquals(twice.toString(), 400, twice.status());
        assertTrue(twice.body(), twice.json().get("errors").get("members").asText().contains("ALICE"));
        Reply noName = putOutside("R_REST_A", "alice", "{\"space\":\"TEAM\"}");
        assertEquals(noName.toString(), 400, noName.status());
        assertEquals("Required.", noName.json().get("errors").get("name").asText());
    }

    @Test
    public void aStaleVersionIs409NamingVersionAndChangesNothing() {
        assertEquals(200, put("R_REST_A", "alice", "{\"name\":\"A\",\"space\":\"TEAM\"}").status());
        assertEquals(200, put("R_REST_A", "carol", "{\"name\":\"A by carol\",\"space\":\"TEAM\",\"version\":1}").status());
        Reply late = put("R_REST_A", "dave", "{\"name\":\"A by dave\",\"space\":\"TEAM\",\"version\":1}");
        assertEquals(late.toString(), 409, late.status());
        assertTrue(late.body(), late.json().get("errors").get("version").asText().contains("2"));
        assertEquals("A by carol", SecurityHttp.get(api + "/R_REST_A", "dave").json().get("name").asText());
        Reply missing = put("R_REST_A", "dave", "{\"name\":\"A by dave\",\"space\":\"TEAM\"}");
        assertEquals("replacing needs the version: " + missing, 400, missing.status());
        assertTrue(missing.body(), missing.json().get("errors").has("version"));
    }

    @Test
    public void eachCallerListsTheChartersOfTheSpacesTheyMayView() {
        assertEquals(200, put("R_REST_A", "alice", "{\"name\":\"A\",\"space\":\"TEAM\"}").status());
        assertEquals(200, put("R_REST_B", "alice", "{\"name\":\"B\",\"space\":\"ENG\"}").status());
        assertEquals(200, put("R_REST_C", "alice", "{\"name\":\"C\",\"space\":\"TEAM\"}").status());
        assertEquals(List.of("R_REST_A", "R_REST_C"), listed("/?maxResults=1000", "frank"));
        assertEquals(List.of("R_REST_A", "R_REST_B", "R_REST_C"), listed("/?maxResults=1000", "bob"));
        assertEquals(List.of("R_REST_B"), listed("/?space=ENG", "bob"));
        assertEquals(List.of("R_REST_A", "R_REST_C"), listed("/?space=TEAM", "heidi"));
        JsonNode page = SecurityHttp.get(api + "?space=TEAM&startAt=1&maxResults=1", "heidi").json();
        assertEquals(1, page.get("startAt").asInt());
        assertEquals(1, page.get("maxResults").asInt());
        assertTrue(page.toString(), page.get("total").asInt() >= 2);
        assertEquals(1, page.get("values").size());
    }

    @Test
    public void aCharterMovedToAnotherSpaceTakesThatSpacesPermissions() {
        assertEquals(200, put("R_REST_A", "alice", "{\"name\":\"A\",\"space\":\"TEAM\"}").status());
        assertEquals(200, SecurityHttp.get(api + "/R_REST_A", "frank").status());
        Reply moved = put("R_REST_A", "alice", "{\"name\":\"A\",\"space\":\"ENG\",\"version\":1}");
        assertEquals(moved.toString(), 200, moved.status());
        assertEquals("frank cannot view ENG", 404, SecurityHttp.get(api + "/R_REST_A", "frank").status());
        assertNotEquals("bob can", 404, SecurityHttp.get(api + "/R_REST_A", "bob").status());
    }

    private List<String> listed(String query, String user) {
        Reply r = SecurityHttp.get(api + query.replaceFirst("^/", ""), user);
        assertEquals(r.toString(), 200, r.status());
        List<String> keys = new ArrayList<>();
        for (JsonNode c : r.json().get("values")) {
            if (c.get("teamKey").asText().startsWith("R_REST_")) {
                keys.add(c.get("teamKey").asText());
            }
        }
        return keys;
    }
}
