package io.mandate.it;

import io.mandate.refhost.RefHost;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.TestDatabases;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.nio.file.Files;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The reference host on PostgreSQL ({@code -Dmandate.db.url}), two nodes on one database as in a
 * Data Center cluster: the sample organisation is seeded once, and a decision written through one
 * node is read through the other.
 */
public class PostgresHostIT {

    private static RefHost node1;
    private static RefHost node2;

    @BeforeClass
    public static void startTwoNodes() throws Exception {
        String url = TestDatabases.postgres().getJdbcUrl("postgres", "postgres");
        File jar = new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar"));
        File aui = new File("target/aui");
        node1 = RefHost.start(new RefHost.Settings(0, Files.createTempDirectory("node1").toFile(), url, "postgres", "", jar, aui));
        node2 = RefHost.start(new RefHost.Settings(0, Files.createTempDirectory("node2").toFile(), url, "postgres", "", jar, aui));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    @Test
    public void aDecisionWrittenOnOneNodeIsReadOnTheOther() {
        String body = "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\",\"dueDate\":\"2026-12-24\"}";
        Http.Reply put = Http.putJson(node1.baseUrl() + "/jira/rest/mandate/1.0/decisions/OPS-2", "erin", body);
        assertEquals(put.body(), 200, put.status());
        Http.Reply get = Http.get(node2.baseUrl() + "/jira/rest/mandate/1.0/decisions/OPS-2", "bob");
        assertEquals(200, get.status());
        assertTrue(get.body(), get.body().contains("\"dueDate\":\"2026-12-24\""));
    }

    @Test
    public void theSampleOrganisationIsSeededOnceForBothNodes() {
        assertEquals(10, node1.jira().world().users().size());
        assertEquals(10, node2.jira().world().users().size());
        assertTrue(node2.jira().world().checkPassword("alice", "alice"));
    }

    @Test
    public void pluginTablesLiveInTheJiraSchemaOfPostgres() {
        assertEquals(io.mandate.refhost.db.Database.Kind.POSTGRESQL, node1.jira().database().kind());
        assertEquals("jira", node1.jira().database().schema());
        assertEquals("confluence", node1.confluence().database().schema());
    }

    @Test
    public void theSampleMatrixIsMadeOnceForTheCluster() {
        // node 1 seeded the organisation and then the matrix; node 2 found both (docs/sample-org.md)
        Http.Reply domains = Http.get(node2.baseUrl() + "/jira/rest/mandate/1.0/domains", "bob");
        assertEquals(domains.body(), 200, domains.status());
        assertTrue(domains.body(), domains.body().matches("(?s).*\"total\":5[,}].*"));
        Http.Reply grants = Http.get(node2.baseUrl() + "/jira/rest/mandate/1.0/domains/ARCH/grants", "bob");
        assertTrue(grants.body(), grants.body().matches("(?s).*\"total\":4[,}].*"));
    }

    @Test
    public void theSampleDecisionsAreMadeOnceAndDatedBackOnPostgres() {
        // node 1 made them through the REST API and dated them back with SQL on PostgreSQL's quoted AO tables
        Http.Reply decisions = Http.get(node2.baseUrl() + "/jira/rest/mandate/1.0/decisions?project=DEMO&maxResults=50", "admin");
        assertEquals(decisions.body(), 200, decisions.status());
        assertTrue(decisions.body(), decisions.body().matches("(?s).*\"total\":12[,}].*"));
        Http.Reply one = Http.get(node2.baseUrl() + "/jira/rest/mandate/1.0/decisions/DEMO-7", "alice");
        assertTrue(one.body(), one.body().contains("\"created\":\"2026-10-12T12:00:00Z\"")
                && one.body().contains("\"decidedAt\":\"2026-11-02T12:00:00Z\""));
    }
}
