package io.mandate.decision;

import io.mandate.platform.Principal;

import io.mandate.platform.Page;
import io.mandate.platform.PageRequest;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The decision store on real databases: HSQLDB and PostgreSQL (started by the test itself). */
@RunWith(Parameterized.class)
public class DecisionStoreTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final long DEMO_ID = 10_000L;
    private static final long OPS_ID = 10_001L;

    private final String kind;
    private AoTestSupport ao;
    private DecisionStore store;

    public DecisionStoreTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        store = new DecisionStore(ao.entities(), ao.aggregates());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static Decision decision(long issueId, DecisionStatus status, List<String> contributors, List<Principal> informed) {
        return new Decision(issueId, DEMO_ID, "DEMO-" + issueId, "DEMO", status, "k-alice", "k-carol", contributors, informed,
                LocalDate.parse("2026-12-01"), status == DecisionStatus.DECIDED ? "Kafka" : null, null,
                status == DecisionStatus.DECIDED ? T0 : null, T0, T0, 1);
    }

    private static AuditEntry audit(String field, String before, String after) {
        return new AuditEntry("DEMO-1", "k-alice", T0, field, before, after);
    }

    @Test
    public void createdDecisionIsReadBackWithItsPeopleInOrder() {
        List<Principal> informed = List.of(new Principal(Principal.Type.GROUP, "developers"), new Principal(Principal.Type.USER, "k-dave"));
        store.save(decision(1, DecisionStatus.IN_PROGRESS, List.of("k-erin", "k-bob"), informed), null, List.of());

        Decision read = store.find(1).orElseThrow();
        assertEquals(DecisionStatus.IN_PROGRESS, read.status());
        assertEquals("k-carol", read.approverKey());
        assertEquals(List.of("k-erin", "k-bob"), read.contributorKeys());
        assertEquals(informed, read.informed());
        assertEquals(LocalDate.parse("2026-12-01"), read.dueDate());
        assertEquals(1, read.version());
        assertEquals(T0, read.created());
    }

    @Test
    public void countsPerStatusComeFromOneGroupByStatement() {
        store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), null, List.of());
        store.save(decision(2, DecisionStatus.DECIDED, List.of(), List.of()), null, List.of());
        store.save(decision(3, DecisionStatus.DECIDED, List.of(), List.of()), null, List.of());
        ao.sql().start();
        java.util.Map<DecisionStatus, Long> counts = store.countByStatus();
        List<String> statements = ao.sql().stop();
        assertEquals(java.util.Map.of(DecisionStatus.OPEN, 1L, DecisionStatus.DECIDED, 2L), counts);
        assertEquals(statements.toString(), 1, statements.size());
        assertTrue(statements.get(0), statements.get(0).contains("GROUP BY"));
    }

    @Test
    public void statusesOfTheVisibleProjectsStreamInOneStatement() {
        store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), null, List.of());
        store.save(decision(2, DecisionStatus.DECIDED, List.of(), List.of()), null, List.of());
        java.util.Map<Long, DecisionStatus> seen = new java.util.TreeMap<>();
        ao.sql().start();
        store.forEachStatus(java.util.Set.of(DEMO_ID), (candidate, status) -> seen.put(candidate.issueId(), status));
        List<String> statements = ao.sql().stop();
        assertEquals(java.util.Map.of(1L, DecisionStatus.OPEN, 2L, DecisionStatus.DECIDED), seen);
        assertEquals(statements.toString(), 1, statements.size());
        seen.clear();
        store.forEachStatus(java.util.Set.of(DEMO_ID + 1), (candidate, status) -> seen.put(candidate.issueId(), status));
        assertEquals("another project's decisions are not read", java.util.Map.of(), seen);
        ao.sql().start();
        store.forEachStatus(java.util.Set.of(), (candidate, status) -> seen.put(candidate.issueId(), status));
        assertEquals("nothing visible, nothing asked", List.of(), ao.sql().stop());
    }

    @Test
    public void theDecisionsOfADomainStreamInOneStatementAsCandidates() {
        for (long issue = 1; issue <= 3; issue++) {
            store.save(new Decision(issue, DEMO_ID, "DEMO-" + issue, "DEMO", DecisionStatus.OPEN, "k-alice", "k-carol", List.of(),
                    List.of(), null, null, issue == 3 ? "OPS" : "ARCH", T0, T0, T0, 1), null, List.of());
        }
        List<DecisionStore.Candidate> seen = new java.util.ArrayList<>();
        ao.sql().start();
        store.forEachInDomain("ARCH", seen::add);
        List<String> statements = ao.sql().stop();
        assertEquals(List.of(new DecisionStore.Candidate(1, DEMO_ID), new DecisionStore.Candidate(2, DEMO_ID)),
                seen.stream().sorted(java.util.Comparator.comparingLong(DecisionStore.Candidate::issueId)).toList());
        assertEquals(statements.toString(), 1, statements.size());
        assertEquals(2, store.countInDomain("ARCH"));
        seen.clear();
        store.forEachInDomain("NONE", seen::add);
        assertEquals(List.of(), seen);
    }

    @Test
    public void replacingWithTheCurrentVersionIncrementsItAndReplacesThePeople() {
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-erin"), List.of()), null, List.of());
        Decision saved = store.save(decision(1, DecisionStatus.DECIDED, List.of("k-bob"), List.of()), 1, List.of());

        assertEquals(2, saved.version());
        Decision read = store.find(1).orElseThrow();
        assertEquals(2, read.version());
        assertEquals(List.of("k-bob"), read.contributorKeys());
        assertEquals("Kafka", read.outcome());
        assertEquals(T0, read.decidedAt());
    }

    @Test
    public void staleVersionChangesNothing() {
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-erin"), List.of()), null, List.of());
        store.save(decision(1, DecisionStatus.IN_PROGRESS, List.of("k-erin"), List.of()), 1, List.of());
        try {
            store.save(decision(1, DecisionStatus.DECIDED, List.of(), List.of()), 1, List.of(audit("status", "x", "y")));
            fail("a stale version must be refused");
        } catch (StaleDecisionException e) {
            assertEquals(2, e.currentVersion());
        }
        Decision read = store.find(1).orElseThrow();
        assertEquals(DecisionStatus.IN_PROGRESS, read.status());
        assertEquals(List.of("k-erin"), read.contributorKeys());
        assertTrue("no audit entry for a refused write", store.history(1).isEmpty());
    }

    @Test
    public void creatingWhenAVersionWasExpectedIsStale() {
        try {
            store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), 3, List.of());
            fail("replacing a decision that does not exist must be refused");
        } catch (StaleDecisionException expected) {
            assertFalse(store.find(1).isPresent());
        }
    }

    @Test
    public void historyIsNewestFirstAndOutlivesTheDecision() {
        store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), null, List.of(audit("status", null, "OPEN")));
        store.save(decision(1, DecisionStatus.IN_PROGRESS, List.of(), List.of()), 1,
                List.of(new AuditEntry("DEMO-1", "k-bob", T0.plusSeconds(60), "status", "OPEN", "IN_PROGRESS")));
        assertTrue(store.delete(1, 2, List.of(new AuditEntry("DEMO-1", "k-bob", T0.plusSeconds(120), "decision", "IN_PROGRESS", null))));

        assertEquals(Optional.empty(), store.find(1));
        List<AuditEntry> history = store.history(1);
        assertEquals(3, history.size());
        assertEquals("decision", history.get(0).field());
        assertNull(history.get(0).newValue());
        assertEquals("IN_PROGRESS", history.get(1).newValue());
        assertEquals("OPEN", history.get(2).newValue());
    }

    @Test
    public void longOutcomeAndUnicodeAreKeptVerbatim() {
        String outcome = "Kafka \uD83D\uDE80 \u2014 \"quoted\" <b>not html</b> ' ; DROP TABLE x; --\n" + "x".repeat(9_000);
        Decision d = decision(7, DecisionStatus.DECIDED, List.of(), List.of());
        d = new Decision(d.issueId(), d.projectId(), d.issueKey(), d.projectKey(), d.status(), d.driverKey(), d.approverKey(),
                d.contributorKeys(), d.informed(), d.dueDate(), outcome, null, d.decidedAt(), d.created(), d.updated(), 1);
        store.save(d, (Integer) null, List.of());
        assertEquals(outcome, store.find(7).orElseThrow().outcome());
    }

    @Test
    public void aFailureInsideTheTransactionLeavesNoPartialRows() {
        List<AuditEntry> poisoned = new ArrayList<>();
        poisoned.add(audit("status", null, "OPEN"));
        poisoned.add(new AuditEntry("DEMO-1", null, T0, "status", null, "OPEN")); // author is NOT NULL
        try {
            store.save(decision(1, DecisionStatus.OPEN, List.of("k-erin"), List.of()), null, poisoned);
            fail("a NOT NULL violation must fail the save");
        } catch (RuntimeException expected) {
            // the whole write is rolled back
        }
        assertFalse(store.find(1).isPresent());
        assertTrue(store.history(1).isEmpty());
    }

    @Test
    public void loadingOneDecisionTakesTwoStatementsWhateverTheNumberOfPeople() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("k-user" + i);
        }
        store.save(decision(1, DecisionStatus.OPEN, many, List.of(new Principal(Principal.Type.GROUP, "developers"))), null, List.of());
        ao.sql().start();
        Decision read = store.find(1).orElseThrow();
        List<String> statements = ao.sql().stop();
        assertEquals(40, read.contributorKeys().size());
        assertEquals("statements: " + statements, 2, statements.size());
    }

    @Test
    public void aChangeThatKeepsThePeopleLeavesTheirRowsAloneAndAChangeOfPeopleRewritesThem() {
        List<Principal> informed = List.of(new Principal(Principal.Type.GROUP, "developers"), new Principal(Principal.Type.USER, "k-erin"));
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-bob", "k-carol"), informed), null, List.of());
        Decision current = store.find(1).orElseThrow();

        ao.sql().start();
        store.save(decision(1, DecisionStatus.IN_PROGRESS, List.of("k-bob", "k-carol"), informed), Optional.of(current), List.of(), Optional.empty());
        List<String> kept = ao.sql().stop();
        assertTrue("no participant written: " + kept, kept.stream().noneMatch(sql -> sql.contains("PARTICIPANT")));
        Decision afterKeep = store.find(1).orElseThrow();
        assertEquals(DecisionStatus.IN_PROGRESS, afterKeep.status());
        assertEquals(List.of("k-bob", "k-carol"), afterKeep.contributorKeys());
        assertEquals(informed, afterKeep.informed());

        ao.sql().start();
        store.save(decision(1, DecisionStatus.IN_PROGRESS, List.of("k-carol", "k-dave"), informed), Optional.of(afterKeep), List.of(), Optional.empty());
        List<String> changed = ao.sql().stop();
        assertTrue("the people rewritten: " + changed, changed.stream().anyMatch(sql -> sql.startsWith("DELETE") && sql.contains("PARTICIPANT")));
        Decision afterChange = store.find(1).orElseThrow();
        assertEquals(List.of("k-carol", "k-dave"), afterChange.contributorKeys());
        assertEquals(informed, afterChange.informed());

        // a copy read before someone else's write is stale, people or not: nothing is written
        try {
            store.save(decision(1, DecisionStatus.DECIDED, List.of("k-carol", "k-dave"), informed), Optional.of(afterKeep), List.of(), Optional.empty());
            org.junit.Assert.fail("a stale copy must not be saved");
        } catch (StaleDecisionException expected) {
            assertEquals(afterChange.version(), expected.currentVersion());
        }
        assertEquals(List.of("k-carol", "k-dave"), store.find(1).orElseThrow().contributorKeys());
    }

    /** The stored participant rows of the issue's decision as "ROLE KIND ref" in position order, and their row ids. */
    private List<String> participantRows(long issueId, java.util.Map<String, Integer> ids) {
        DecisionEntity row = ao.entities().find(DecisionEntity.class, net.java.ao.Query.select().where("ISSUE_ID = ?", issueId))[0];
        List<String> rows = new ArrayList<>();
        for (ParticipantEntity p : ao.entities().find(ParticipantEntity.class,
                net.java.ao.Query.select().where("DECISION_ID = ?", row.getID()).order("POSITION, ID"))) {
            String value = p.getRole() + " " + p.getKind() + " " + p.getRef();
            rows.add(value);
            if (ids != null) {
                ids.merge(value, p.getID(), Math::min);
            }
        }
        return rows;
    }

    /** What the rows of these people must read, role by role in order (the store sorts by position, then splits by role). */
    private static List<String> expectedRows(List<String> contributors, List<Principal> informed) {
        List<String> rows = new ArrayList<>();
        contributors.forEach(c -> rows.add("CONTRIBUTOR USER " + c));
        informed.forEach(p -> rows.add("INFORMED " + p.type() + " " + p.id()));
        return rows;
    }

    private static List<String> byRole(List<String> rows, String role) {
        return rows.stream().filter(r -> r.startsWith(role + " ")).toList();
    }

    private static long writes(List<String> statements, String verb) {
        return statements.stream().filter(sql -> sql.startsWith(verb) && sql.contains("PARTICIPANT")).count();
    }

    /** Saves {@code contributors}/{@code informed} over the stored decision 1 as a change of it; returns the statements. */
    private List<String> change(List<String> contributors, List<Principal> informed) {
        Decision current = store.find(1).orElseThrow();
        ao.sql().start();
        store.save(decision(1, DecisionStatus.IN_PROGRESS, contributors, informed), Optional.of(current), List.of(), Optional.empty());
        List<String> statements = ao.sql().stop();
        Decision read = store.find(1).orElseThrow();
        assertEquals(contributors, read.contributorKeys());
        assertEquals(informed, read.informed());
        List<String> rows = participantRows(1, null);
        List<String> wanted = expectedRows(contributors, informed);
        assertEquals("exactly the wanted rows, in order per role: " + rows, byRole(wanted, "CONTRIBUTOR"), byRole(rows, "CONTRIBUTOR"));
        assertEquals("exactly the wanted rows, in order per role: " + rows, byRole(wanted, "INFORMED"), byRole(rows, "INFORMED"));
        assertEquals("no other rows: " + rows, wanted.size(), rows.size());
        return statements;
    }

    @Test
    public void aChangeOfPeopleDeletesTheRowsOfThoseWhoGoAndInsertsThoseWhoComeLeavingTheOthersAlone() {
        Principal developers = new Principal(Principal.Type.GROUP, "developers");
        Principal erin = new Principal(Principal.Type.USER, "k-erin");
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-bob", "k-carol", "k-dave"), List.of(developers, erin)), null, List.of());
        java.util.Map<String, Integer> before = new java.util.HashMap<>();
        participantRows(1, before);

        // carol goes, frank comes: one DELETE, one INSERT; everyone else keeps the row they had
        List<String> statements = change(List.of("k-bob", "k-dave", "k-frank"), List.of(developers, erin));
        assertEquals(statements.toString(), 1, writes(statements, "DELETE"));
        assertEquals(statements.toString(), 1, writes(statements, "INSERT"));
        java.util.Map<String, Integer> after = new java.util.HashMap<>();
        participantRows(1, after);
        for (String stays : List.of("CONTRIBUTOR USER k-bob", "CONTRIBUTOR USER k-dave", "INFORMED GROUP developers", "INFORMED USER k-erin")) {
            assertEquals(stays + " keeps its row", before.get(stays), after.get(stays));
        }

        // two go (one of each role), none comes: still one DELETE, no INSERT
        statements = change(List.of("k-bob", "k-frank"), List.of(developers));
        assertEquals(statements.toString(), 1, writes(statements, "DELETE"));
        assertEquals(statements.toString(), 0, writes(statements, "INSERT"));

        // the same people again: no participant row written at all
        statements = change(List.of("k-bob", "k-frank"), List.of(developers));
        assertEquals(statements.toString(), 0, writes(statements, "DELETE") + writes(statements, "INSERT"));

        // everyone goes, then people come into empty lists
        change(List.of(), List.of());
        statements = change(List.of("k-gina", "k-hal"), List.of(erin));
        assertEquals(statements.toString(), 0, writes(statements, "DELETE"));
        assertEquals("everyone who comes in one batched INSERT: " + statements, 1, writes(statements, "INSERT"));
    }

    @Test
    public void theAuditEntriesOfAChangeOfPeopleAreStoredAsListedInOneBatch() {
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-bob"), List.of()), null, List.of(audit("status", null, "OPEN")));
        Decision current = store.find(1).orElseThrow();
        List<AuditEntry> entries = List.of(audit("dueDate", "2026-12-01", "2026-12-02"), audit("contributors", "k-bob", "k-bob, k-carol"),
                audit("outcome", null, null));
        ao.sql().start();
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-bob", "k-carol"), List.of()), Optional.of(current), entries, Optional.empty());
        List<String> statements = ao.sql().stop();
        assertEquals("the three audit rows in one batched INSERT: " + statements, 1,
                statements.stream().filter(sql -> sql.startsWith("INSERT") && sql.contains("AUDIT")).count());
        // newest first; entries of one save (same time) in reverse of the order they were listed, as one by one
        List<AuditEntry> trail = store.history(1);
        assertEquals(List.of(entries.get(2), entries.get(1), entries.get(0), audit("status", null, "OPEN")), trail);
    }

    @Test
    public void aPersonMovingBetweenRolesIsOneRowGoneAndOneRowNew() {
        Principal bobGroup = new Principal(Principal.Type.GROUP, "k-bob");
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-bob", "k-carol"), List.of(bobGroup)), null, List.of());

        // bob the contributor becomes bob informed as a user; the group of the same name stays informed
        List<String> statements = change(List.of("k-carol"), List.of(bobGroup, new Principal(Principal.Type.USER, "k-bob")));
        assertEquals(statements.toString(), 1, writes(statements, "DELETE"));
        assertEquals(statements.toString(), 1, writes(statements, "INSERT"));

        // and back: informed user bob goes, contributor bob comes first (carol, after him, is written again to keep the order)
        change(List.of("k-bob", "k-carol"), List.of(bobGroup));
        // carol from contributor to informed, the group from informed to nothing
        change(List.of("k-bob"), List.of(new Principal(Principal.Type.USER, "k-carol")));
    }

    @Test
    public void duplicatesAndReorderingsReadBackAsAsked() {
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-bob", "k-bob", "k-carol"), List.of()), null, List.of());
        assertEquals(List.of("k-bob", "k-bob", "k-carol"), store.find(1).orElseThrow().contributorKeys());
        change(List.of("k-bob", "k-carol"), List.of());            // one copy of a doubled person goes
        change(List.of("k-bob", "k-carol", "k-bob"), List.of());   // and comes back at the end
        change(List.of("k-carol", "k-bob", "k-bob"), List.of());   // a reordering
        change(List.of("k-bob", "k-dave", "k-carol"), List.of());  // someone put in the middle
        Principal devs = new Principal(Principal.Type.GROUP, "developers");
        change(List.of("k-bob"), List.of(devs, devs));
        change(List.of("k-bob"), List.of(devs));
    }

    @Test
    public void manyRandomChangesAlwaysLeaveExactlyTheWantedRows() {
        java.util.Random random = new java.util.Random(20261203L);
        List<String> users = List.of("k-a", "k-b", "k-c", "k-d", "k-e", "k-f");
        store.save(decision(1, DecisionStatus.OPEN, List.of("k-a", "k-b"), List.of()), null, List.of());
        int unchangedPeopleWrites = 0;
        for (int round = 0; round < 40; round++) {
            List<String> contributors = new ArrayList<>();
            List<Principal> informed = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                contributors.add(users.get(random.nextInt(users.size())));
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                String id = users.get(random.nextInt(users.size()));
                informed.add(random.nextBoolean() ? new Principal(Principal.Type.USER, id) : new Principal(Principal.Type.GROUP, id));
            }
            Decision current = store.find(1).orElseThrow();
            List<String> statements = change(contributors, informed);
            if (current.contributorKeys().equals(contributors) && current.informed().equals(informed)) {
                unchangedPeopleWrites += writes(statements, "DELETE") + writes(statements, "INSERT");
            }
            // one DELETE for all who go, one batched INSERT for all who come, at most
            assertTrue(statements.toString(), writes(statements, "DELETE") <= 1);
            assertTrue(statements.toString(), writes(statements, "INSERT") <= 1);
        }
        assertEquals(0, unchangedPeopleWrites);
    }

    @Test
    public void tablesFollowAtlassianNamingWithTheNamespacePrefix() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = ao.database().dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, null, new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                if (name.startsWith("AO_")) {
                    tables.add(name);
                }
            }
        }
        String prefix = new io.mandate.refhost.db.AoTablePrefix(AoTestSupport.NAMESPACE).value();
        assertTrue(tables.toString(), tables.contains(prefix + "DECISION"));
        assertTrue(tables.toString(), tables.contains(prefix + "PARTICIPANT"));
        assertTrue(tables.toString(), tables.contains(prefix + "AUDIT"));
        for (String t : tables) {
            assertTrue(t + " is longer than 30 characters", t.length() <= 30);
        }
    }

    @Test
    public void transactionsGiveTheirConnectionsBack() {
        // the pool holds 8 (HSQLDB) or 16 (PostgreSQL) connections; a leak would block here
        store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), null, List.of());
        for (int i = 0; i < 40; i++) {
            try {
                store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), 99, List.of());
                fail("stale");
            } catch (StaleDecisionException expected) {
                // rolled back
            }
            store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), i + 1, List.of());
        }
        assertEquals(41, store.find(1).orElseThrow().version());
    }

    @Test
    public void concurrentWritersNeverLoseAnUpdate() throws Exception {
        store.save(decision(1, DecisionStatus.OPEN, List.of(), List.of()), null, List.of());
        int writers = 8;
        int attemptsEach = 25;
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String author = "k-writer" + w;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsEach; i++) {
                    int seen = store.find(1).orElseThrow().version();
                    try {
                        store.save(decision(1, DecisionStatus.OPEN, List.of(author), List.of()), seen,
                                List.of(new AuditEntry("DEMO-1", author, T0, "contributors", null, author)));
                        accepted.incrementAndGet();
                    } catch (StaleDecisionException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : futures) {
            f.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(writers * attemptsEach, accepted.get() + refused.get());
        assertTrue("some writes must succeed", accepted.get() > 0);
        Decision last = store.find(1).orElseThrow();
        assertEquals("every accepted write made exactly one new version", 1 + accepted.get(), last.version());
        assertEquals("every accepted write is in the audit trail", accepted.get(), store.history(1).size());
        assertEquals(1, last.contributorKeys().size());
    }

    @Test
    public void candidatesAreFilteredByTheIdsOfVisibleProjects() {
        for (long n : new long[]{10, 2, 1}) {
            store.save(decision(n, DecisionStatus.IN_PROGRESS, List.of("k-erin"), List.of()), null, List.of());
        }
        Decision ops = decision(50, DecisionStatus.OPEN, List.of(), List.of());
        store.save(new Decision(50, OPS_ID, "OPS-1", "OPS", ops.status(), null, null, List.of(), List.of(), null, null, null,
                null, T0, T0, 1), null, List.of());

        ao.sql().start();
        List<Long> demo = issueIds(store.candidates(query(java.util.Set.of(DEMO_ID), null, null, null, null)));
        assertEquals("one statement: " + ao.sql().stop(), List.of(1L, 2L, 10L), demo);
        assertEquals(List.of(1L, 2L, 10L, 50L), issueIds(store.candidates(query(java.util.Set.of(DEMO_ID, OPS_ID), null, null, null, null))));
        assertEquals(List.of(50L), issueIds(store.candidates(query(java.util.Set.of(DEMO_ID, OPS_ID), OPS_ID, null, null, null))));
        assertEquals(List.of(), store.candidates(query(java.util.Set.of(), null, null, null, null)));
    }

    @Test
    public void aDeletedProjectsDecisionIsNoCandidateOfTheNewProjectThatReusesItsKey() {
        long deletedProject = 20_000L;
        long recreated = 20_001L;
        store.save(new Decision(777, deletedProject, "ZETA-1", "ZETA", DecisionStatus.IN_PROGRESS, "k-heidi", "k-heidi",
                List.of(), List.of(), null, "confidential", null, null, T0, T0, 1), null, List.of());
        assertEquals("same key ZETA, another project", List.of(), store.candidates(query(java.util.Set.of(recreated), null, null, null, null)));
        assertEquals(List.of(), store.candidates(query(java.util.Set.of(deletedProject, recreated), recreated, null, null, null)));
        assertEquals(List.of(777L), issueIds(store.candidates(query(java.util.Set.of(deletedProject), null, null, null, null))));
    }

    @Test
    public void aRowWithoutAProjectIdIsACandidateEverywhereUntilItsProjectIsRecorded() {
        store.save(new Decision(5, 0, "DEMO-5", "DEMO", DecisionStatus.OPEN, null, null, List.of(), List.of(), null, null,
                null, null, T0, T0, 1), null, List.of());
        assertEquals(List.of(new DecisionStore.Candidate(5, null)), store.candidates(query(java.util.Set.of(OPS_ID), null, null, null, null)));
        assertEquals(0, store.find(5).orElseThrow().projectId());

        store.updateProjectId(5, DEMO_ID);
        assertEquals(List.of(), store.candidates(query(java.util.Set.of(OPS_ID), null, null, null, null)));
        assertEquals(List.of(new DecisionStore.Candidate(5, DEMO_ID)), store.candidates(query(java.util.Set.of(DEMO_ID), null, null, null, null)));
        assertEquals("recording the project is no new version", 1, store.find(5).orElseThrow().version());

        store.updateProjectId(5, OPS_ID); // the issue moved
        assertEquals(List.of(5L), issueIds(store.candidates(query(java.util.Set.of(OPS_ID), null, null, null, null))));
    }

    @Test
    public void findAllReturnsThePageInTheOrderGivenWithItsPeopleInTwoStatements() {
        for (long n : new long[]{10, 2, 1}) {
            store.save(decision(n, DecisionStatus.IN_PROGRESS, List.of("k-erin"), List.of()), null, List.of());
        }
        ao.sql().start();
        List<Decision> page = store.findAll(List.of(10L, 99L, 1L));
        List<String> statements = ao.sql().stop();
        assertEquals("an issue without a decision is left out", List.of(10L, 1L), page.stream().map(Decision::issueId).toList());
        assertEquals(List.of("k-erin"), page.get(0).contributorKeys());
        assertEquals("decisions, people: " + statements, 2, statements.size());
        assertEquals(List.of(), store.findAll(List.of()));
    }

    @Test
    public void candidatesFilterByApproverStatusAndOverdue() {
        store.save(decision(1, DecisionStatus.IN_PROGRESS, List.of(), List.of()), null, List.of()); // due 2026-12-01
        store.save(decision(2, DecisionStatus.DECIDED, List.of(), List.of()), null, List.of());
        java.util.Set<Long> demo = java.util.Set.of(DEMO_ID);
        assertEquals(List.of(1L, 2L), issueIds(store.candidates(query(demo, DEMO_ID, "k-carol", null, null))));
        assertEquals(List.of(), store.candidates(query(demo, null, "k-bob", null, null)));
        assertEquals(List.of(2L), issueIds(store.candidates(query(demo, null, null, DecisionStatus.DECIDED, null))));
        assertEquals(List.of(1L), issueIds(store.candidates(query(demo, null, null, null, LocalDate.parse("2026-12-02")))));
        assertEquals("due today is not overdue", List.of(), store.candidates(query(demo, null, null, null, LocalDate.parse("2026-12-01"))));
    }

    private static Decision withReviewDate(Decision d, LocalDate reviewDate, int version) {
        return new Decision(d.issueId(), d.projectId(), d.issueKey(), d.projectKey(), d.status(), d.driverKey(), d.approverKey(),
                d.contributorKeys(), d.informed(), d.dueDate(), reviewDate, d.outcome(), d.domain(), d.domainSetByHand(),
                d.decidedAt(), d.created(), d.updated(), version);
    }

    @Test
    public void aReviewDateIsStoredAsIsoTextReadBackAndCleared() throws Exception {
        Decision saved = store.save(withReviewDate(decision(1, DecisionStatus.DECIDED, List.of(), List.of()),
                LocalDate.parse("2027-05-01"), 1), null, List.of(audit("reviewDate", null, "2027-05-01")));
        assertEquals(LocalDate.parse("2027-05-01"), saved.reviewDate());
        assertEquals(LocalDate.parse("2027-05-01"), store.find(1).orElseThrow().reviewDate());
        assertEquals(LocalDate.parse("2027-05-01"), store.findAll(List.of(1L)).get(0).reviewDate());
        assertEquals("the due date is its own column", LocalDate.parse("2026-12-01"), store.find(1).orElseThrow().dueDate());
        try (Connection c = ao.database().dataSource().getConnection();
             java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + quoted("REVIEW_DATE") + " FROM " + quoted(table()))) {
            assertTrue(rs.next());
            assertEquals("YYYY-MM-DD text, compared as text", "2027-05-01", rs.getString(1));
        }

        store.save(withReviewDate(decision(1, DecisionStatus.DECIDED, List.of(), List.of()), null, 2), 1,
                List.of(audit("reviewDate", "2027-05-01", null)));
        assertNull(store.find(1).orElseThrow().reviewDate());
        assertEquals(List.of("reviewDate", "reviewDate"), store.history(1).stream().map(AuditEntry::field).toList());
    }

    @Test
    public void theReviewDateColumnIsIndexed() throws Exception {
        List<String> indexed = new ArrayList<>();
        try (Connection c = ao.database().dataSource().getConnection()) {
            String name = table();
            for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, candidate, false, false)) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME");
                        if (column != null) {
                            indexed.add(column.toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertTrue(indexed.toString(), indexed.contains("REVIEW_DATE"));
        assertTrue("as the due date: " + indexed, indexed.contains("DUE_DATE"));
    }

    @Test
    public void candidatesDueForReviewAreDecidedWithAReviewDateBeforeTheDay() {
        LocalDate may1 = LocalDate.parse("2027-05-01");
        store.save(withReviewDate(decision(1, DecisionStatus.DECIDED, List.of(), List.of()), may1, 1), null, List.of());
        store.save(withReviewDate(decision(2, DecisionStatus.IN_PROGRESS, List.of(), List.of()), may1, 1), null, List.of());
        store.save(withReviewDate(decision(3, DecisionStatus.REVERSED, List.of(), List.of()), may1, 1), null, List.of());
        store.save(decision(4, DecisionStatus.DECIDED, List.of(), List.of()), null, List.of()); // no review date
        store.save(withReviewDate(decision(5, DecisionStatus.DECIDED, List.of(), List.of()), LocalDate.parse("2027-04-30"), 1),
                null, List.of());
        java.util.Set<Long> demo = java.util.Set.of(DEMO_ID);
        assertEquals(List.of(1L, 5L), issueIds(store.candidates(reviewQuery(demo, LocalDate.parse("2027-05-02")))));
        assertEquals("a review date of today is not due yet", List.of(5L),
                issueIds(store.candidates(reviewQuery(demo, may1))));
        assertEquals(List.of(), store.candidates(reviewQuery(demo, LocalDate.parse("2027-04-30"))));
        assertEquals("only visible projects", List.of(), store.candidates(reviewQuery(java.util.Set.of(OPS_ID),
                LocalDate.parse("2027-05-02"))));
        assertEquals(List.of(1L, 5L), store.issueIds(reviewQuery(demo, LocalDate.parse("2028-01-01"))).stream().sorted().toList());
    }

    private static DecisionQuery reviewQuery(java.util.Set<Long> projects, LocalDate reviewDueOn) {
        return new DecisionQuery(projects, null, null, null, null, null, null, reviewDueOn);
    }

    private String table() {
        return new io.mandate.refhost.db.AoTablePrefix(AoTestSupport.NAMESPACE).value() + "DECISION";
    }

    /** PostgreSQL folds unquoted names to lower case; AO's tables are upper case. */
    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private static DecisionQuery query(java.util.Set<Long> projects, Long project, String approver, DecisionStatus status, LocalDate overdueOn) {
        return new DecisionQuery(projects, project, null, approver, null, status, overdueOn);
    }

    private static List<Long> issueIds(List<DecisionStore.Candidate> candidates) {
        return candidates.stream().map(DecisionStore.Candidate::issueId).sorted().toList();
    }

    @Test
    public void theWholeInstanceReadIsTwoStatementsWhateverTheRowsAndHandsOnEveryDecisionOnceWithItsContributorsInOrder() {
        for (int i = 1; i <= 11; i++) {
            List<String> contributors = i % 3 == 0 ? List.of() : List.of("k-c" + i, "k-b" + i, "k-a" + i);
            store.save(decision(i, i % 4 == 0 ? DecisionStatus.DECIDED : DecisionStatus.OPEN, contributors, List.of()), null, List.of());
        }
        // a later change of one decision's contributors: new rows, higher ids, positions past the kept ones
        Decision second = store.find(2).orElseThrow();
        store.save(new Decision(second.issueId(), second.projectId(), second.issueKey(), second.projectKey(), second.status(),
                second.driverKey(), second.approverKey(), List.of("k-z2", "k-c2", "k-y2"), List.of(), second.dueDate(),
                second.reviewDate(), second.outcome(), second.domain(), second.domainSetByHand(), second.decidedAt(),
                second.created(), second.updated(), second.version() + 1), Optional.of(second), List.of(), Optional.empty());

        assertWholeReadIsTwoStatementsLikeTheProjectRead(11);
        assertEquals(List.of("k-c5", "k-b5", "k-a5"), wholeRead().get(5L).contributorKeys());
        assertEquals(List.of("k-z2", "k-c2", "k-y2"), wholeRead().get(2L).contributorKeys());
        assertEquals("closed decisions carry no contributors", List.of(), wholeRead().get(4L).contributorKeys());

        // more rows than before (and than a fetch of the cursor): still the same two statements
        for (int i = 12; i <= 1_111; i++) {
            store.save(decision(i, i % 4 == 0 ? DecisionStatus.DECIDED : DecisionStatus.IN_PROGRESS,
                    i % 3 == 0 ? List.of() : List.of("k-b" + i, "k-a" + i), List.of()), null, List.of());
        }
        assertWholeReadIsTwoStatementsLikeTheProjectRead(1_111);
        assertEquals(List.of("k-b1001", "k-a1001"), wholeRead().get(1_001L).contributorKeys());
    }

    private void assertWholeReadIsTwoStatementsLikeTheProjectRead(int decisions) {
        Map<Long, Decision> byProjectRead = new java.util.TreeMap<>();
        store.forEachInScope(Set.of(DEMO_ID), DEMO_ID, null, null, d -> byProjectRead.put(d.issueId(), d));
        List<Long> handed = new ArrayList<>();
        Map<Long, Decision> byWholeRead = new java.util.TreeMap<>();
        ao.sql().start();
        store.forEachInScope(Set.of(DEMO_ID), null, null, null, d -> {
            handed.add(d.issueId());
            byWholeRead.put(d.issueId(), d);
        });
        List<String> statements = ao.sql().stop();

        assertEquals("each once", decisions, handed.size());
        assertEquals(decisions, byWholeRead.size());
        assertEquals(byProjectRead, byWholeRead);
        assertEquals(statements.toString(), 2, statements.size());
    }

    private Map<Long, Decision> wholeRead() {
        Map<Long, Decision> read = new java.util.TreeMap<>();
        store.forEachInScope(Set.of(DEMO_ID), null, null, null, d -> read.put(d.issueId(), d));
        return read;
    }

    @Test
    public void theWholeInstanceReadOverJdbcGivesTheSameDecisionsAsTheEntityRead() {
        Instant summer = Instant.parse("2026-07-01T23:30:00.123Z");
        Instant winter = Instant.parse("2026-01-31T00:15:59.987Z");
        Decision everyField = new Decision(1, DEMO_ID, "DEMO-1", "DEMO", DecisionStatus.DECIDED, "k-alice", "k-carol",
                List.of("k-bob", "k-erin"), List.of(new Principal(Principal.Type.USER, "k-dave")), LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-03-15"), "Kafka", "platform", true, summer, winter, summer.plusSeconds(3_600), 1);
        Decision openEveryField = new Decision(2, DEMO_ID, "DEMO-2", "DEMO", DecisionStatus.IN_PROGRESS, "k-alice", "k-carol",
                List.of("k-erin", "k-bob"), List.of(), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-10-26"), null,
                "security", false, winter, summer, winter, 1);
        Decision nulls = new Decision(3, 0, "LEGACY-3", "LEGACY", DecisionStatus.OPEN, null, null, List.of(), List.of(),
                null, null, null, null, false, null, T0, T0, 1);
        Decision otherProject = new Decision(4, OPS_ID, "OPS-4", "OPS", DecisionStatus.OPEN, "k-alice", null, List.of("k-bob"),
                List.of(), null, null, null, null, false, null, T0, T0, 1);
        for (Decision d : List.of(everyField, openEveryField, nulls, otherProject)) {
            store.save(d, null, List.of());
        }

        Map<Long, Decision> byEntities = new java.util.TreeMap<>();
        store.forEachInScope(Set.of(DEMO_ID), DEMO_ID, null, null, d -> byEntities.put(d.issueId(), d));
        Map<Long, Decision> byJdbc = wholeRead();

        assertEquals(Set.of(1L, 2L, 3L), byJdbc.keySet());
        assertEquals(byEntities, byJdbc);
        Decision read = byJdbc.get(1L);
        assertEquals(summer, read.decidedAt());
        assertEquals(winter, read.created());
        assertEquals(summer.plusSeconds(3_600), read.updated());
        assertEquals(LocalDate.parse("2027-03-15"), read.reviewDate());
        assertEquals("platform", read.domain());
        assertTrue(read.domainSetByHand());
        assertEquals("closed: no contributors in a report", List.of(), read.contributorKeys());
        assertEquals(List.of("k-erin", "k-bob"), byJdbc.get(2L).contributorKeys());
        assertEquals(new Decision(3, 0, "LEGACY-3", "LEGACY", DecisionStatus.OPEN, null, null, List.of(), List.of(),
                null, null, null, null, false, null, T0, T0, byJdbc.get(3L).version()), byJdbc.get(3L));
        // OPS visible too: the whole instance reads it
        Map<Long, Decision> both = new java.util.TreeMap<>();
        store.forEachInScope(Set.of(DEMO_ID, OPS_ID), null, null, null, d -> both.put(d.issueId(), d));
        assertEquals(Set.of(1L, 2L, 3L, 4L), both.keySet());
        assertEquals(List.of("k-bob"), both.get(4L).contributorKeys());
    }

    /**
     * A set bigger than {@link DecisionStore#MAX_SQL_IN} (the members of a big group, the projects of a large instance,
     * many domains or absent approvers) is not put into an IN list — Oracle caps one at 1,000 values, SQL Server a
     * statement at 2,100 parameters — but applied to the rows as they stream: the same decisions come out, and no
     * statement carries more than {@code MAX_SQL_IN} values.
     */
    @Test
    public void aScopeTooBigForAnInListGivesTheSameDecisionsAndNoStatementCarriesIt() {
        long legacy = 0;
        String[][] rows = {
                // issue, project, driver, approver, domain, status
                {"1", "DEMO", "k-alice", "k-carol", "ARCH", "OPEN"},
                {"2", "DEMO", "k-bob", "k-dave", "OPS", "DECIDED"},
                {"3", "OPS", "k-carol", null, "ARCH", "IN_PROGRESS"},
                {"4", "OPS", null, "k-erin", null, "OPEN"},
                {"5", "LEGACY", "k-erin", "k-alice", "ARCH", "OPEN"},
        };
        for (String[] r : rows) {
            long issue = Long.parseLong(r[0]);
            long project = r[1].equals("DEMO") ? DEMO_ID : r[1].equals("OPS") ? OPS_ID : legacy;
            store.save(new Decision(issue, project, r[1] + "-" + issue, r[1], DecisionStatus.valueOf(r[5]), r[2], r[3],
                    List.of("k-bob"), List.of(), null, null, r[4], null, T0, T0, 1), null, List.of());
        }
        List<Long> manyProjects = new ArrayList<>(List.of(DEMO_ID));
        List<String> manyPeople = new ArrayList<>(List.of("k-carol", "k-erin"));
        List<String> manyDomains = new ArrayList<>(List.of("ARCH"));
        for (int i = 0; i < DecisionStore.MAX_SQL_IN; i++) {
            manyProjects.add(50_000L + i);
            manyPeople.add("k-nobody-" + i);
            manyDomains.add("NONE" + i);
        }
        Set<Long> few = Set.of(DEMO_ID);
        ao.sql().start();
        // the whole instance, by project
        assertEquals(issuesInScope(few, null, null, null), issuesInScope(manyProjects, null, null, null));
        assertEquals(List.of(1L, 2L, 5L), issuesInScope(manyProjects, null, null, null));
        // a group: approver or driver among the people
        assertEquals(List.of(1L, 5L), issuesInScope(few, null, null, List.of("k-carol", "k-erin")));
        assertEquals(List.of(1L, 5L), issuesInScope(few, null, null, manyPeople));
        assertEquals(List.of(1L, 3L, 4L, 5L), issuesInScope(Set.of(DEMO_ID, OPS_ID), null, null, manyPeople));
        // domains, and both big at once
        assertEquals(List.of(1L, 5L), issuesInScope(few, null, manyDomains, null));
        assertEquals(List.of(1L, 5L), issuesInScope(manyProjects, null, manyDomains, manyPeople));
        // the what-if's open decisions of absent approvers
        List<Long> open = new ArrayList<>();
        store.forEachOpenInScope(manyProjects, null, null, null, manyPeople, d -> open.add(d.issueId()));
        assertEquals("open, approved by one of them (5's approver is alice)", List.of(1L), open);
        Map<Long, DecisionStatus> statuses = new java.util.TreeMap<>();
        store.forEachStatus(manyProjects, (candidate, status) -> statuses.put(candidate.issueId(), status));
        assertEquals(Set.of(1L, 2L, 5L), statuses.keySet());
        List<String> statements = ao.sql().stop();
        for (String sql : statements) {
            long values = sql.chars().filter(c -> c == '?').count();
            assertTrue(values + " values in " + sql.substring(0, Math.min(200, sql.length())), values <= DecisionStore.MAX_SQL_IN + 3);
        }
    }

    private List<Long> issuesInScope(java.util.Collection<Long> projects, Long projectId, List<String> domains, List<String> people) {
        List<Long> issues = new ArrayList<>();
        store.forEachInScope(projects, projectId, domains, people, d -> issues.add(d.issueId()));
        issues.sort(null);
        return issues;
    }
}
