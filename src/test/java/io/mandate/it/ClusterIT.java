package io.mandate.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.testing.RunningHost.Http;
import io.mandate.testing.TestDatabases;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Two reference-host nodes, each in its own JVM, on one PostgreSQL and nothing else shared (issue 11 item 9): each is
 * {@code RefHost} started with {@code -Dmandate.node}, so each product joins its database's cluster
 * ({@code platform.DatabaseCluster}: cache invalidation through {@code HOST_CLUSTER_MESSAGE}, locks in
 * {@code HOST_CLUSTER_LOCK}, once-per-cluster runs claimed in {@code HOST_CLUSTER_JOB}).
 * <ol>
 *   <li>Writes alternate between the nodes ({@code -Dmandate.cluster.writes}, 200): before each write both nodes read the
 *   decision (so both cache it), then one node writes and the other is read until it shows the new version — the reads
 *   before that are the race with the invalidation's delivery (allowed, counted, and the time to the first fresh read is
 *   the delivery delay); every read after it, on either node, must show the newest version: 0 stale reads.</li>
 *   <li>The notification job, once per cluster: the test makes the job due ({@code NEXT_RUN} in the job table) while
 *   both nodes' schedulers look for due jobs every 50 ms; each scheduled run runs on exactly one node, and every mail the
 *   plugin queued reaches the (shared) outbox exactly once.</li>
 *   <li>The cluster lock: both JVMs run the job by hand at the same time, many times; a run by hand holds the job's
 *   cluster lock from start to end, and no two runs' times overlap.</li>
 * </ol>
 * The figures go to standard output and {@code target/cluster-it/figures.txt} (docs/reliability.md).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterIT {

    private static final int WRITES = Integer.getInteger("mandate.cluster.writes", 200);
    private static final int JOB_RUNS = Integer.getInteger("mandate.cluster.jobRuns", 10);
    private static final int LOCK_RUNS_PER_THREAD = Integer.getInteger("mandate.cluster.lockRuns", 15);
    private static final long POLL_MILLIS = 100;
    /** Where the writes go: four of these that have no decided or reversed sample decision (OPS-5…9: the job's). */
    private static final String[] CANDIDATES = {"OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-10"};
    private static final int ISSUES = 4;
    private static final String JOB = "io.mandate.notifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final File DIR = new File("target/cluster-it");

    private static String jdbcUrl;
    private static Node node1;
    private static Node node2;

    /** One node: a JVM running the reference host. */
    private record Node(String id, Process process, File log, String baseUrl) {
        String jira() {
            return baseUrl + "/jira";
        }
    }

    @BeforeClass
    public static void startTwoNodes() throws Exception {
        DIR.mkdirs();
        Files.deleteIfExists(new File(DIR, "figures.txt").toPath());
        // a database of its own on the tests' PostgreSQL: other tests use the jira/confluence schemas of "postgres"
        String database = "cluster_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(TestDatabases.postgres().getJdbcUrl("postgres", "postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        jdbcUrl = TestDatabases.postgres().getJdbcUrl("postgres", database);
        node1 = start("node1"); // seeds the sample organisation first
        node2 = start("node2");
    }

    private static Node start(String id) throws Exception {
        File log = new File(DIR, id + ".log");
        File data = Files.createTempDirectory("cluster-" + id).toFile();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx512m",
                "-Dmandate.node=" + id, "-Dmandate.port=0", "-Dmandate.data=" + data,
                "-Dmandate.db.url=" + jdbcUrl, "-Dmandate.db.user=postgres", "-Dmandate.db.password=",
                "-Dmandate.jar=" + new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")).getAbsolutePath(),
                "-Dmandate.aui=" + new File("target/aui").getAbsolutePath(),
                "-Dmandate.cluster.poll=" + POLL_MILLIS, "-Dmandate.scheduler.tick=50",
                "-cp", classpath, "io.mandate.refhost.RefHost"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        Pattern ready = Pattern.compile("Mandate reference host is running: (http://\\S+)/jira");
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = ready.matcher(Files.readString(log.toPath(), StandardCharsets.UTF_8));
            if (m.find()) {
                return new Node(id, process, log, m.group(1));
            }
            if (!process.isAlive()) {
                fail(id + " stopped: " + tail(log));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError(id + " did not start in 5 minutes: " + tail(log));
    }

    private static String tail(File log) throws IOException {
        String text = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    @AfterClass
    public static void stopNodes() throws Exception {
        for (Node node : new Node[]{node2, node1}) {
            if (node != null) {
                node.process().destroy(); // SIGTERM: the host's shutdown hook closes it
                if (!node.process().waitFor(60, TimeUnit.SECONDS)) {
                    node.process().destroyForcibly();
                }
                // what the node measured itself: from a message's insert on the other node to its delivery here
                Matcher left = Pattern.compile("Node \\S+ leaves the database cluster of schema jira: .*")
                        .matcher(Files.readString(node.log().toPath(), StandardCharsets.UTF_8));
                if (left.find()) {
                    figure(left.group());
                }
            }
        }
    }

    private static void figure(String line) throws IOException {
        System.out.println("[ClusterIT] " + line);
        Files.writeString(new File(DIR, "figures.txt").toPath(), line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // ----- 1: writes on one node, reads on the other -----

    /** The decision's version as the node shows it now (0: none). */
    private static int version(Node node, String issue) throws IOException {
        Http.Reply reply = Http.get(node.jira() + "/rest/mandate/1.0/decisions/" + issue, "bob");
        if (reply.status() == 404) {
            return 0;
        }
        assertEquals(reply.body(), 200, reply.status());
        return JSON.readTree(reply.body()).path("version").asInt();
    }

    @Test
    public void a_writesOnOneNodeAreReadOnTheOtherWithNoStaleReadAfterDelivery() throws Exception {
        Map<String, Integer> latest = new LinkedHashMap<>();
        for (String issue : CANDIDATES) {
            Http.Reply reply = Http.get(node1.jira() + "/rest/mandate/1.0/decisions/" + issue, "bob");
            String status = reply.status() == 200 ? JSON.readTree(reply.body()).path("status").asText() : "";
            if (latest.size() < ISSUES && !status.equals("DECIDED") && !status.equals("REVERSED")) {
                latest.put(issue, version(node1, issue));
            }
        }
        assertEquals(latest.toString(), ISSUES, latest.size());
        String[] issues = latest.keySet().toArray(String[]::new);
        long staleAfterDelivery = 0;
        long readsAfterDelivery = 0;
        long racingStale = 0;
        long maxDelayMicros = 0;
        long totalDelayMicros = 0;
        LocalDate due = LocalDate.of(2027, 1, 1);
        long t0 = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            String issue = issues[i % ISSUES];
            Node writer = (i / ISSUES) % 2 == 0 ? node1 : node2;
            Node reader = writer == node1 ? node2 : node1;
            int expected = latest.get(issue);
            // both nodes read it (and so cache it) before the write: each read must show the newest version
            for (Node node : new Node[]{reader, writer}) {
                readsAfterDelivery++;
                if (version(node, issue) != expected) {
                    staleAfterDelivery++;
                }
            }
            String body = "{" + (expected == 0 ? "" : "\"version\":" + expected + ",")
                    + "\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\",\"dueDate\":\""
                    + due.plusDays(i) + "\"}";
            Http.Reply put = Http.putJson(writer.jira() + "/rest/mandate/1.0/decisions/" + issue, "erin", body);
            assertEquals(put.body(), 200, put.status());
            int written = JSON.readTree(put.body()).path("version").asInt();
            assertEquals(put.body(), expected + 1, written);
            latest.put(issue, written);
            long wroteAt = System.nanoTime();
            // the race: the reader may show the old version until the invalidation reaches it
            while (true) {
                int seen = version(reader, issue);
                if (seen == written) {
                    break;
                }
                assertEquals("never an older version than the one before the write", expected, seen);
                racingStale++;
                if (System.nanoTime() - wroteAt > TimeUnit.SECONDS.toNanos(30)) {
                    fail("node " + reader.id() + " still shows version " + seen + " of " + issue + " 30 s after the write");
                }
                Thread.sleep(5);
            }
            long delay = (System.nanoTime() - wroteAt) / 1000;
            maxDelayMicros = Math.max(maxDelayMicros, delay);
            totalDelayMicros += delay;
            // after delivery: every read on either node shows the write
            for (Node node : new Node[]{reader, writer}) {
                readsAfterDelivery++;
                if (version(node, issue) != written) {
                    staleAfterDelivery++;
                }
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        figure(String.format("writes=%d (alternating node1/node2 over %d issues, %d s), reads after delivery=%d, stale reads after"
                        + " delivery=%d, stale reads while racing the delivery=%d, delivery delay max=%d ms mean=%d ms (poll %d ms)",
                WRITES, ISSUES, seconds, readsAfterDelivery, staleAfterDelivery, racingStale, maxDelayMicros / 1000,
                totalDelayMicros / WRITES / 1000, POLL_MILLIS));
        assertEquals("stale reads after the invalidation was delivered", 0, staleAfterDelivery);
        assertTrue("control: the reading node served its cached copy until the invalidation reached it", racingStale > 0);
    }

    // ----- 2: the scheduled job once per cluster -----

    private static Connection jiraDb() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO jira");
        }
        return c;
    }

    private static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String mailTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'jira' AND table_name LIKE 'AO\\_%\\_MAIL'")) {
            assertTrue("the plugin's mail table exists", rs.next());
            return "\"" + rs.getString(1) + "\"";
        }
    }

    @Test
    public void b_eachScheduledRunOfTheNotificationJobRunsOnExactlyOneNode() throws Exception {
        try (Connection db = jiraDb()) {
            List<Long> forced = new ArrayList<>();
            for (int round = 0; round < JOB_RUNS; round++) {
                // something for the job to send: a decision decided (or reversed) — each (issue, status) once, so the
                // quiet period coalesces none of them
                String issue = "OPS-" + (5 + round / 2);
                Node writer = round % 2 == 0 ? node1 : node2;
                int version = version(writer, issue);
                String status = round % 2 == 0 ? "DECIDED" : "REVERSED";
                String body = "{" + (version == 0 ? "" : "\"version\":" + version + ",") + "\"status\":\"" + status
                        + "\",\"driver\":\"alice\",\"approver\":\"carol\",\"outcome\":\"Outcome of round " + round + "\"}";
                Http.Reply put = Http.putJson(writer.jira() + "/rest/mandate/1.0/decisions/" + issue, "erin", body);
                assertEquals(put.body(), 200, put.status());
                // the job falls due in 300 ms on both nodes, whose schedulers look every 50 ms
                long dueAt = System.currentTimeMillis() + 300;
                try (PreparedStatement s = db.prepareStatement("UPDATE HOST_CLUSTER_JOB SET NEXT_RUN = ? WHERE JOB_ID = ?")) {
                    s.setLong(1, dueAt);
                    s.setString(2, JOB);
                    assertEquals(1, s.executeUpdate());
                }
                forced.add(dueAt);
                long deadline = System.currentTimeMillis() + 30_000;
                while (queryLong(db, "SELECT COUNT(*) FROM HOST_CLUSTER_JOB_RUN WHERE JOB_ID = ? AND SCHEDULED_FOR = ?", JOB, dueAt) == 0) {
                    assertTrue("the run due at " + dueAt + " ran within 30 s", System.currentTimeMillis() < deadline);
                    Thread.sleep(20);
                }
                Thread.sleep(500); // ten more looks by each node: a second run of the same time would show now
            }
            Map<String, Long> perNode = new LinkedHashMap<>();
            for (long dueAt : forced) {
                assertEquals("runs of the run due at " + dueAt, 1,
                        queryLong(db, "SELECT COUNT(*) FROM HOST_CLUSTER_JOB_RUN WHERE JOB_ID = ? AND SCHEDULED_FOR = ?", JOB, dueAt));
            }
            assertEquals("no scheduled run ran twice", 0, queryLong(db, "SELECT COUNT(*) FROM (SELECT SCHEDULED_FOR FROM"
                    + " HOST_CLUSTER_JOB_RUN WHERE JOB_ID = ? AND SCHEDULED_FOR IS NOT NULL GROUP BY SCHEDULED_FOR"
                    + " HAVING COUNT(*) > 1) d", JOB));
            try (PreparedStatement s = db.prepareStatement("SELECT NODE_ID, COUNT(*) FROM HOST_CLUSTER_JOB_RUN WHERE JOB_ID = ?"
                    + " AND SCHEDULED_FOR IS NOT NULL GROUP BY NODE_ID ORDER BY NODE_ID")) {
                s.setString(1, JOB);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        perNode.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            long scheduledRuns = queryLong(db, "SELECT COUNT(*) FROM HOST_CLUSTER_JOB_RUN WHERE JOB_ID = ? AND SCHEDULED_FOR IS NOT NULL", JOB);
            // every mail the plugin queued went out, and the shared outbox holds each once
            String mail = mailTable(db);
            long queued = queryLong(db, "SELECT COUNT(*) FROM " + mail);
            long sent = queryLong(db, "SELECT COUNT(*) FROM " + mail + " WHERE \"SENT_AT\" IS NOT NULL");
            long outbox = queryLong(db, "SELECT COUNT(*) FROM HOST_OUTBOX");
            long duplicates = queryLong(db, "SELECT COUNT(*) FROM (SELECT TO_ADDRESS, SUBJECT, BODY FROM HOST_OUTBOX"
                    + " GROUP BY TO_ADDRESS, SUBJECT, BODY HAVING COUNT(*) > 1) d");
            figure(String.format("notification job: %d scheduled runs (%d made due by the test, the rest on the job's own schedule),"
                            + " runs per node %s, runs of one scheduled time twice=0; mails queued=%d sent=%d, outbox=%d,"
                            + " duplicates in the outbox=%d",
                    scheduledRuns, JOB_RUNS, perNode, queued, sent, outbox, duplicates));
            assertTrue("the rounds queued mail", queued > 0);
            assertEquals("every queued mail was sent", queued, sent);
            assertEquals("each mail reached the outbox exactly once", sent, outbox);
            assertEquals(0, duplicates);
        }
    }

    // ----- 3: the cluster lock across the two JVMs -----

    @Test
    public void c_theTwoNodesNeverHoldTheJobsClusterLockAtTheSameTime() throws Exception {
        long since;
        try (Connection db = jiraDb()) {
            since = queryLong(db, "SELECT COALESCE(MAX(FINISHED_US), 0) FROM HOST_CLUSTER_JOB_RUN");
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (Node node : new Node[]{node1, node2, node1, node2}) {
                results.add(threads.submit(() -> {
                    for (int i = 0; i < LOCK_RUNS_PER_THREAD; i++) {
                        Http.Reply reply = Http.send("POST", node.jira() + "/rest/refhost/1.0/scheduler/jobs/" + JOB + "/run",
                                "admin", "application/json", "{}");
                        assertEquals(reply.body(), 200, reply.status());
                    }
                    return LOCK_RUNS_PER_THREAD;
                }));
            }
            for (Future<Integer> f : results) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        List<long[]> runs = new ArrayList<>();
        Map<String, Long> perNode = new LinkedHashMap<>();
        try (Connection db = jiraDb(); PreparedStatement s = db.prepareStatement(
                "SELECT NODE_ID, STARTED_US, FINISHED_US FROM HOST_CLUSTER_JOB_RUN WHERE JOB_ID = ? AND STARTED_US > ? ORDER BY STARTED_US")) {
            s.setString(1, JOB);
            s.setLong(2, since);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(new long[]{rs.getString(1).equals("node1") ? 1 : 2, rs.getLong(2), rs.getLong(3)});
                    perNode.merge(rs.getString(1), 1L, Long::sum);
                }
            }
        }
        int overlaps = 0;
        long heldUntil = 0;
        for (long[] run : runs) {
            if (run[1] < heldUntil) {
                overlaps++; // started before an earlier holder finished
            }
            heldUntil = Math.max(heldUntil, run[2]);
        }
        figure(String.format("cluster lock: %d runs by hand from 4 threads on 2 JVMs (per node %s), overlapping holds=%d",
                runs.size(), perNode, overlaps));
        assertTrue("both nodes ran it: " + perNode, perNode.size() == 2);
        assertTrue(runs.size() >= 4 * LOCK_RUNS_PER_THREAD);
        assertEquals("runs that held the lock while another held it", 0, overlaps);
    }
}
