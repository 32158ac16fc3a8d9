package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.refhost.RefHost;
import io.mandate.testing.RunningHost.Http;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The sample organisation's decisions on a fresh host of its own (the shared test host has none): the DEMO report is
 * exactly the hand check of docs/user-guide/accountability-demo-check.md — on the first
 * start's day, while alice is away and dave stands in for her — the decisions carry their history's dates, and a
 * restart adds nothing.
 */
public class SampleDecisionsIT {

    private static final String API = "/jira/rest/mandate/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The product's time zone, as the host takes it: "today" of the due and review dates. */
    private static final java.time.ZoneId ZONE =
            io.mandate.refhost.sal.RefTimeZoneManager.fromSystemProperty().getDefaultTimeZone().toZoneId();
    private static File data;
    private static RefHost host;

    private static RefHost start() throws Exception {
        return RefHost.start(new RefHost.Settings(0, data, null, "postgres", "",
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui")));
    }

    @BeforeClass
    public static void startHost() throws Exception {
        data = Files.createTempDirectory("mandate-sample-decisions").toFile();
        host = start();
    }

    @AfterClass
    public static void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private static JsonNode get(String path, String user) throws Exception {
        Http.Reply reply = Http.get(host.baseUrl() + API + path, user);
        assertEquals(path + ": " + reply.body(), 200, reply.status());
        return JSON.readTree(reply.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(n -> all.add(n.asText()));
        return all;
    }

    @Test
    public void theDemoReportIsTheHandCheckOfTheUserGuide() throws Exception {
        JsonNode r = get("/reports/accountability?project=DEMO", "alice");
        assertEquals(12, r.at("/totals/decisions").asInt());
        assertEquals(5, r.at("/totals/open").asInt());
        assertEquals(7, r.at("/totals/decided").asInt());
        assertEquals(List.of("DEMO-9"), texts(r.get("unowned")));
        assertEquals(List.of("DEMO-3", "DEMO-9"), texts(r.get("overdue")));
        assertEquals(List.of("DEMO-10"), texts(r.get("violations")));
        assertEquals(List.of("DEMO-3", "DEMO-9", "DEMO-15"), texts(r.get("consultationGaps")));
        List<String> load = new ArrayList<>();
        r.get("load").forEach(l -> load.add(l.get("user").asText() + " " + l.get("count").asInt()));
        assertEquals(List.of("alice 5", "erin 4", "carol 1", "dave 1"), load);
        // pairs |5−4| + |5−1| + |5−1| + |4−1| + |4−1| + |1−1| = 15, both ways 30, over 2 · 4 people · 11 decisions
        assertEquals(30.0 / 88, r.get("gini").asDouble(), 1e-9);
        assertEquals(5.0 / 11, r.get("topShare").asDouble(), 1e-9);
        assertEquals(List.of(), texts(r.get("singlePointsOfFailure")));
        assertEquals(2, r.at("/busFactor/value").asInt());
        assertEquals(List.of("alice", "erin"), texts(r.at("/busFactor/people")));
        // cycle days 1, 2, 3, 7, 11, 14, 21: the 4th and the 7th of seven (nearest rank)
        assertEquals(7, r.at("/cycleTimeDays/median").asInt());
        assertEquals(21, r.at("/cycleTimeDays/p90").asInt());

        YearMonth october = YearMonth.of(2026, 10);
        YearMonth november = YearMonth.of(2026, 11);
        boolean octoberShown = false;
        boolean novemberShown = false;
        for (JsonNode month : r.get("trend")) {
            YearMonth m = YearMonth.parse(month.get("month").asText());
            if (m.equals(october)) {
                octoberShown = true;
                // alice 2, erin 1, carol 1 and dave 0 (he may approve architecture today): Gini 12/32
                assertEquals(4, month.get("decisions").asInt());
                assertEquals(1 - 12.0 / 32, month.get("index").asDouble(), 1e-9);
            } else if (m.equals(november)) {
                novemberShown = true;
                // alice 3, erin 3, dave 1 (DEMO-9 has no approver): Gini 8/42
                assertEquals(8, month.get("decisions").asInt());
                assertEquals(1 - 8.0 / 42, month.get("index").asDouble(), 1e-9);
            } else {
                assertEquals(month.toString(), 0, month.get("decisions").asInt());
                assertTrue("no index without decisions: " + month, month.get("index").isNull());
            }
        }
        // the history is fixed in 2026; the trend shows the last twelve months only
        YearMonth first = YearMonth.now(ZONE).minusMonths(11);
        assertEquals(!october.isBefore(first), octoberShown);
        assertEquals(!november.isBefore(first), novemberShown);
    }

    @Test
    public void theWhatIfOfTheMostLoadedApproverNamesTheBackupsThatKeepTheDomainsGoing() throws Exception {
        // DEMO: alice carries the most (5); away, ARCH goes on through her backup dave, RELEASE loses her as a
        // co-decider (leads AGREE), nothing stalls, and her two open decisions wait
        JsonNode demo = get("/reports/accountability?project=DEMO", "alice");
        assertEquals("alice", demo.at("/load/0/user").asText());
        JsonNode alice = get("/reports/whatif?absent=alice&project=DEMO", "alice");
        assertEquals(List.of(), texts(alice.get("stalled")));
        assertEquals("[{\"domain\":\"ARCH\",\"standIns\":[{\"holder\":\"alice\",\"backup\":\"dave\"}]}]",
                alice.get("coveredByBackup").toString());
        assertEquals("[{\"domain\":\"RELEASE\",\"people\":[\"alice\"]}]", alice.get("coDecidersLost").toString());
        assertEquals(List.of("DEMO-3", "DEMO-18"), texts(alice.get("decisionsWaiting")));

        // the whole instance: erin carries the most (6); away, RELEASE goes on through bob, the others keep a
        // second approver; with alice away as well, SPEND stalls
        JsonNode all = get("/reports/accountability", "admin");
        assertEquals("erin 6", all.at("/load/0/user").asText() + " " + all.at("/load/0/count").asInt());
        JsonNode erin = get("/reports/whatif?absent=erin", "admin");
        assertEquals(List.of(), texts(erin.get("stalled")));
        assertEquals("[{\"domain\":\"RELEASE\",\"standIns\":[{\"holder\":\"erin\",\"backup\":\"bob\"}]}]",
                erin.get("coveredByBackup").toString());
        assertEquals(List.of("DEMO-2", "DEMO-15", "OPS-4", "OPS-6"), texts(erin.get("decisionsWaiting")));
        assertEquals(List.of("SPEND"), texts(get("/reports/whatif?absent=erin,alice", "admin").get("stalled")));
    }

    @Test
    public void theDecisionsCarryTheirHistorysDates() throws Exception {
        JsonNode d = get("/decisions/DEMO-1", "alice");
        assertEquals("2026-10-05T12:00:00Z", d.get("created").asText());
        assertEquals("2026-10-19T12:00:00Z", d.get("decidedAt").asText());
        assertEquals(LocalDate.now(ZONE).minusDays(7).toString(), d.get("reviewDate").asText());
        JsonNode history = get("/decisions/DEMO-1/history", "alice");
        assertFalse(history.isEmpty());
        history.forEach(e -> assertTrue(e.toString(), e.get("at").asText().startsWith("2026-10-05T12:00")));
        JsonNode open = get("/decisions/DEMO-9", "alice");
        assertTrue(open.get("decidedAt").isNull());
        assertEquals(LocalDate.now(ZONE).minusDays(1).toString(), open.get("dueDate").asText());
    }

    @Test
    public void aRestartAddsNoDecisionTwice() throws Exception {
        host.close();
        host = start();
        assertEquals(12, get("/reports/accountability?project=DEMO", "admin").at("/totals/decisions").asInt());
        assertEquals(16, get("/decisions?maxResults=50", "admin").get("total").asInt());
    }
}
