package io.mandate.it;

import io.mandate.refhost.RefHost;
import io.mandate.refhost.dataset.DatasetException;
import io.mandate.refhost.world.World;
import io.mandate.testing.RunningHost.Http;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The reference host started with {@code -Dmandate.dataset=S} on an empty data folder: it generates S, starts on it
 * without the sample organisation, serves the generated decisions through the plugin's REST API to the generated
 * users, and starts on the same folder again without generating twice.
 */
public class DatasetHostIT {

    private static File data;
    private static RefHost host;

    @BeforeClass
    public static void startOnDatasetS() throws Exception {
        data = Files.createTempDirectory("mandate-dataset").toFile();
        host = RefHost.start(settings("S"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private static RefHost.Settings settings(String dataset) {
        return new RefHost.Settings(0, data, null, null, null,
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui"),
                dataset, RefHost.Settings.DEFAULT_SEED);
    }

    private static String api() {
        return host.baseUrl() + "/jira/rest/mandate/1.0";
    }

    @Test
    public void aGeneratedUserReadsAGeneratedDecisionThroughThePlugin() {
        Http.Reply list = Http.get(api() + "/decisions?project=PAB&maxResults=5", "u00001");
        assertEquals(list.body(), 200, list.status());
        Matcher key = Pattern.compile("\"issueKey\":\"(PAB-\\d+)\"").matcher(list.body());
        assertTrue(list.body(), key.find());

        Http.Reply decision = Http.get(api() + "/decisions/" + key.group(1), "u00001");

        assertEquals(decision.body(), 200, decision.status());
        assertTrue(decision.body(), decision.body().matches("(?s).*\"driver\":\\{\"key\":\"JIRAUSER\\d+\",\"name\":\"u\\d{5}\".*"));
        assertTrue(decision.body(), decision.body().contains("\"version\":"));
    }

    @Test
    public void theGeneratedPeopleLogInAndTheSampleOrganisationIsNotThere() {
        World world = host.jira().world();
        assertTrue(world.checkPassword("admin", "admin"));
        assertTrue(world.checkPassword("u00001", "u00001"));
        assertEquals(50, world.users().size());
        assertFalse(world.userByName("alice").isPresent());
        assertFalse(world.project("DEMO").isPresent());
        assertEquals(200, Http.get(host.baseUrl() + "/jira/rest/api/2/myself", "u00001").status());
    }

    @Test
    public void startsAgainOnTheSameFolderWithoutGeneratingTwiceAndRefusesAnotherDataset() throws Exception {
        String before = Http.get(api() + "/decisions?project=PAC&maxResults=3", "admin").body();
        host.close();
        try {
            RefHost.start(settings("M")).close();
            fail("started M on a folder holding S");
        } catch (DatasetException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("holds dataset S (seed 1), not M"));
        }
        host = RefHost.start(settings("S"));
        assertEquals(before, Http.get(api() + "/decisions?project=PAC&maxResults=3", "admin").body());
        assertEquals(50, host.jira().world().users().size());
    }
}
