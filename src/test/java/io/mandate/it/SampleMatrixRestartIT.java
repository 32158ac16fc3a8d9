package io.mandate.it;

import io.mandate.refhost.RefHost;
import io.mandate.testing.RunningHost.Http;
import org.junit.Test;

import java.io.File;
import java.nio.file.Files;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The sample matrix is made on the first start of a fresh data folder only: a host restarted on the same folder
 * keeps what is there — nothing twice, and a domain an administrator deleted stays deleted. Without the sample
 * decisions, which would keep HIRING from being deleted (SampleDecisionsIT restarts a host with them).
 */
public class SampleMatrixRestartIT {

    private static final String API = "/jira/rest/mandate/1.0";

    private static RefHost start(File data) throws Exception {
        return RefHost.start(new RefHost.Settings(0, data, null, "postgres", "",
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")), new File("target/aui")), false);
    }

    private static String body(RefHost host, String path) {
        Http.Reply reply = Http.get(host.baseUrl() + API + path, "admin");
        assertEquals(path + ": " + reply.body(), 200, reply.status());
        return reply.body();
    }

    @Test
    public void aRestartOnAnExistingDataFolderAddsNothing() throws Exception {
        File data = Files.createTempDirectory("mandate-restart").toFile();
        try (RefHost first = start(data)) {
            assertTrue(body(first, "/domains").matches("(?s).*\"total\":5[,}].*"));
            assertTrue(body(first, "/domains/ARCH/grants").matches("(?s).*\"total\":4[,}].*"));
            Http.Reply deleted = Http.send("DELETE", first.baseUrl() + API + "/domains/HIRING", "admin", null, null);
            assertEquals(deleted.body(), 204, deleted.status());
        }
        try (RefHost again = start(data)) {
            assertTrue("HIRING stays deleted: " + body(again, "/domains"), body(again, "/domains").matches("(?s).*\"total\":4[,}].*"));
            assertTrue(body(again, "/domains/ARCH/grants").matches("(?s).*\"total\":4[,}].*"));
            String absences = body(again, "/absences?user=alice");
            assertEquals(absences, 1, absences.split("Parental leave", -1).length - 1);
        }
    }
}
