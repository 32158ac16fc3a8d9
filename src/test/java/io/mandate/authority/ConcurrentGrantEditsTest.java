package io.mandate.authority;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.rest.ApiException;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.mandate.testing.TestDatabases;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * Many administrators editing the grants of one domain at once, through the real {@link AuthorityService} and
 * {@link GrantStore} on Active Objects (HSQLDB and PostgreSQL): each of 8 threads, 12 rounds (6 under READ COMMITTED), adds a grant, changes it,
 * removes the one of its previous round, and changes the note of one grant they all share from the version it read.
 * Afterwards: no lost update (the shared grant's version = 1 + accepted changes; every thread's grants are exactly
 * what its accepted writes leave), every accepted change in MATRIX_AUDIT exactly once and no refused one, every
 * refusal a 409 naming the version, and the domain's GRANTS_REVISION raised once per committed write — the writers
 * of one domain really were serialised on its row.
 */
@RunWith(Parameterized.class)
public class ConcurrentGrantEditsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final int THREADS = 8;

    private final String kind;
    private AoTestSupport ao;
    private AuthorityService authority;

    public ConcurrentGrantEditsTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        authority = new AuthorityService(new DomainStore(ao.entities()), new GrantStore(ao.entities()),
                new AbsenceStore(ao.entities()), mock(DecisionStore.class), mock(IssueAccess.class),
                new People(new OpenDirectory()), mock(GroupDirectory.class),
                FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")), e -> { }, Seams.caches());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    static ObjectNode grantBody(String holderType, String holder, String level, String note, Integer version) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("holder").put("type", holderType).put("name", holder);
        body.put("level", level);
        if (note != null) {
            body.put("note", note);
        }
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private int grantsRevision() {
        return ao.activeObjects().find(DomainEntity.class, Query.select().where("DOMAIN_KEY = ?", "ARCH"))[0].getGrantsRevision();
    }

    /** What the audit trail says about one grant: "field:before>after" in the order written. */
    private Map<String, List<String>> auditByGrant() {
        Map<String, List<String>> byGrant = new TreeMap<>();
        for (MatrixAuditEntity row : ao.activeObjects().find(MatrixAuditEntity.class,
                Query.select().where("OBJECT_TYPE = ?", "grant").order("ID"))) {
            byGrant.computeIfAbsent(row.getObjectId(), k -> new ArrayList<>())
                    .add(row.getField() + ":" + (row.getBeforeValue() == null ? "-" : row.getBeforeValue())
                            + ">" + (row.getAfterValue() == null ? "-" : row.getAfterValue()));
        }
        return byGrant;
    }

    /**
     * The reference host's Active Objects runs SERIALIZABLE transactions (AO's default): a writer that loses the
     * domain's row lock is aborted and tried again, so every committed write raises GRANTS_REVISION exactly once.
     */
    @Test
    public void concurrentGrantEditsOfOneDomainLoseNothingAndAreEachAuditedOnce() throws Exception {
        Edits edits = editConcurrently(12);
        assertEquals("GRANTS_REVISION: raised once by every committed write, by no refused one",
                edits.revisionBefore() + edits.committed(), edits.revisionAfter());
    }

    /**
     * Jira runs Active Objects in its own READ COMMITTED transactions: a writer that queued on the domain's row lock
     * is not aborted but goes on once the lock is free, and reads what the winner committed — so the version checks
     * made after the lock still hold, and nothing is lost or audited twice. GRANTS_REVISION is the lock there, not a
     * count: a queued writer raises the value it read before it queued, so it may count fewer writes than were made.
     */
    @Test
    public void underJirasReadCommittedIsolationConcurrentGrantEditsLoseNothingEither() throws Exception {
        String property = "ao.transaction.isolation.level"; // read by AO's DatabaseProvider at every transaction start
        String before = System.getProperty(property);
        System.setProperty(property, "TRANSACTION_READ_COMMITTED");
        Edits edits;
        try {
            edits = editConcurrently(6);
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
        assertTrue("GRANTS_REVISION raised: " + edits, edits.revisionAfter() > edits.revisionBefore());
        assertTrue("never by more than the writes: " + edits, edits.revisionAfter() <= edits.revisionBefore() + edits.committed());
    }

    /** What a run did: writes committed, and the domain's GRANTS_REVISION before and after. */
    private record Edits(int committed, int revisionBefore, int revisionAfter) {
    }

    /**
     * {@link #THREADS} administrators, {@code rounds} rounds each (see the class comment); asserts that nothing is lost
     * and every accepted change is audited once.
     */
    private Edits editConcurrently(int rounds) throws Exception {
        authority.createDomain((ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"key\":\"ARCH\",\"name\":\"Architecture\",\"scope\":{\"projects\":[\"DEMO\"]}}"));
        Grant shared = authority.addGrant("ARCH", grantBody("group", "developers", "INQUIRE", "n0", null));
        int revisionBefore = grantsRevision();
        int auditBefore = ao.activeObjects().count(MatrixAuditEntity.class);

        Set<String> acceptedNotes = ConcurrentHashMap.newKeySet();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        Map<Integer, List<Long>> grantsOfThread = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    grantsOfThread.put(thread, mine);
                    start.await();
                    Grant previous = null;
                    for (int r = 0; r < rounds; r++) {
                        String holder = "t" + thread + "r" + r;
                        Grant added = authority.addGrant("ARCH", grantBody("user", holder, "CONSULT", null, null));
                        committed.incrementAndGet();
                        mine.add(added.id());

                        String note = "t" + thread + "/" + r;
                        int seen = authority.requireGrant(shared.id()).version(); // a client's GET before its PUT
                        try {
                            Grant saved = authority.updateGrant(shared.id(), grantBody("group", "developers", "INQUIRE", note, seen));
                            assertEquals(seen + 1, saved.version());
                            acceptedNotes.add(note);
                            committed.incrementAndGet();
                        } catch (ApiException e) {
                            assertEquals("a refused change is a conflict, not another failure: " + e.errors(), 409, e.status());
                            assertTrue(e.errors().toString(), e.errors().containsKey("version"));
                            stale.incrementAndGet();
                        }

                        Grant changed = authority.updateGrant(added.id(), grantBody("user", holder, "ADVISE", null, added.version()));
                        assertEquals(added.version() + 1, changed.version());
                        committed.incrementAndGet();
                        if (previous != null) {
                            authority.deleteGrant(previous.id());
                            committed.incrementAndGet();
                        }
                        previous = added;
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%s, %s: %d threads x %d rounds: %d writes committed, %d shared-note changes accepted, %d stale (409) in %d ms%n",
                kind, System.getProperty("ao.transaction.isolation.level", "SERIALIZABLE"), THREADS, rounds, committed.get(), acceptedNotes.size(), stale.get(), (System.nanoTime() - t0) / 1_000_000);

        assertEquals(THREADS * rounds, acceptedNotes.size() + stale.get());
        assertTrue("some changes of the shared grant must succeed", acceptedNotes.size() > 0);

        // no lost update
        Grant sharedNow = authority.requireGrant(shared.id());
        assertEquals("one version per accepted change", 1 + acceptedNotes.size(), sharedNow.version());
        assertTrue(acceptedNotes.contains(sharedNow.note()));
        Map<Long, Grant> stored = new HashMap<>();
        authority.grants("ARCH").forEach(g -> stored.put(g.id(), g));
        assertEquals("the shared grant and each thread's last grant", 1 + THREADS, stored.size());
        for (List<Long> mine : grantsOfThread.values()) {
            Grant last = stored.get(mine.get(mine.size() - 1));
            assertEquals(Level.ADVISE, last.level());
            assertEquals(2, last.version());
        }

        // every accepted change audited exactly once, nothing for a refused one
        Map<String, List<String>> audit = auditByGrant();
        List<String> sharedAudit = audit.get(String.valueOf(shared.id()));
        List<String> noteChanges = sharedAudit.subList(3, sharedAudit.size()); // after its holder, level and note when added
        assertEquals(acceptedNotes.size(), noteChanges.size());
        Set<String> notesAudited = new java.util.HashSet<>();
        Set<String> notesReplaced = new java.util.HashSet<>();
        for (String row : noteChanges) {
            assertTrue(row, row.startsWith("note:"));
            assertTrue("each accepted change once: " + row, notesAudited.add(row.substring(row.indexOf('>') + 1)));
            assertTrue("each change replaced a different note (no two from the same version): " + row,
                    notesReplaced.add(row.substring(5, row.indexOf('>'))));
        }
        assertEquals(acceptedNotes, notesAudited);
        for (List<Long> mine : grantsOfThread.values()) {
            for (int r = 0; r < mine.size(); r++) {
                List<String> expected = new ArrayList<>(List.of("holder:->user:t", "level:->CONSULT", "level:CONSULT>ADVISE"));
                if (r < mine.size() - 1) {
                    expected.addAll(List.of("holder:user:t>-", "level:ADVISE>-"));
                }
                List<String> actual = audit.get(String.valueOf(mine.get(r))).stream()
                        .map(s -> s.replaceAll("user:t\\d+r\\d+", "user:t")).toList();
                assertEquals("the audit of grant " + mine.get(r), expected, actual);
            }
        }
        int auditRows = ao.activeObjects().count(MatrixAuditEntity.class) - auditBefore;
        assertEquals("no other audit row", acceptedNotes.size() + THREADS * rounds * 3 + THREADS * (rounds - 1) * 2, auditRows);
        return new Edits(committed.get(), revisionBefore, grantsRevision());
    }
}
