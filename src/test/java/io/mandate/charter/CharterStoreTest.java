package io.mandate.charter;

import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Team charters in Active Objects, on HSQLDB and PostgreSQL: round trip, optimistic locking, audit trail. */
@RunWith(Parameterized.class)
public class CharterStoreTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final String kind;
    private AoTestSupport ao;
    private CharterStore store;

    public CharterStoreTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, CharterEntity.class, CharterMemberEntity.class, CharterDomainEntity.class,
                CharterAuditEntity.class);
        store = new CharterStore(ao.entities());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static Charter platform() {
        return new Charter("PLATFORM", "Platform team", "TEAM", "Keep the platform boring.",
                List.of(new Charter.Member("JIRAUSER10001", "Tech lead"), new Charter.Member("JIRAUSER10003", null)),
                List.of("RELEASE", "ARCH"), 0);
    }

    private static List<CharterChange> created(Charter c) {
        return CharterDiff.between(Optional.empty(), c, "JIRAUSER10001", T0);
    }

    @Test
    public void aCreatedCharterIsReadBackWithMembersAndDomainsInOrder() {
        Charter saved = store.create(platform(), created(platform()));
        assertEquals(1, saved.version());
        Charter read = store.find("PLATFORM").orElseThrow();
        assertEquals(platform().withVersion(1), read);
        assertEquals(List.of("RELEASE", "ARCH"), read.domains());
        assertEquals("Tech lead", read.members().get(0).role());
        assertEquals(null, read.members().get(1).role());
    }

    @Test
    public void anUnknownTeamIsEmpty() {
        assertEquals(Optional.empty(), store.find("NOPE"));
    }

    @Test
    public void aSecondCharterWithTheSameTeamKeyIsStaleAndChangesNothing() {
        store.create(platform(), created(platform()));
        Charter other = new Charter("PLATFORM", "Other", "ENG", null, List.of(), List.of(), 0);
        StaleCharterException e = assertThrows(StaleCharterException.class, () -> store.create(other, created(other)));
        assertEquals(0, e.currentVersion());
        assertEquals("Platform team", store.find("PLATFORM").orElseThrow().name());
        assertEquals("the refused creation wrote no audit entry", 5, store.history("PLATFORM", 100).size());
    }

    @Test
    public void anUpdateOfTheCurrentVersionReplacesEverythingAndCountsUp() {
        store.create(platform(), created(platform()));
        Charter next = new Charter("PLATFORM", "Platform & tools", "ENG", null,
                List.of(new Charter.Member("JIRAUSER10004", "Scrum master")), List.of(), 0);
        Charter saved = store.update(next, 1, List.of());
        assertEquals(2, saved.version());
        assertEquals(next.withVersion(2), store.find("PLATFORM").orElseThrow());
    }

    @Test
    public void anUpdateOfAnOlderVersionIsStaleAndChangesNothing() {
        store.create(platform(), created(platform()));
        store.update(platform(), 1, List.of());
        Charter late = new Charter("PLATFORM", "Late", "TEAM", null, List.of(), List.of(), 0);
        StaleCharterException e = assertThrows(StaleCharterException.class, () -> store.update(late, 1, List.of()));
        assertEquals(2, e.currentVersion());
        assertEquals("Platform team", store.find("PLATFORM").orElseThrow().name());
    }

    @Test
    public void anUpdateOfACharterThatDoesNotExistIsStaleWithMinusOne() {
        assertEquals(-1, assertThrows(StaleCharterException.class, () -> store.update(platform(), 1, List.of())).currentVersion());
    }

    @Test
    public void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        store.create(platform(), created(platform()));
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Charter mine = new Charter("PLATFORM", "Writer " + i, "TEAM", null, List.of(), List.of("W" + i), 0);
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        store.update(mine, 1, CharterDiff.between(Optional.of(platform().withVersion(1)), mine, "JIRAUSER10001", T0));
                        return true;
                    } catch (StaleCharterException e) {
                        return false;
                    }
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals("exactly one writer of version 1 wins", 1, won);
        } finally {
            pool.shutdownNow();
        }
        Charter stored = store.find("PLATFORM").orElseThrow();
        assertEquals(2, stored.version());
        String winner = stored.name();
        assertTrue(winner, winner.startsWith("Writer "));
        assertEquals("the winner's domains with the winner's name", List.of("W" + winner.substring("Writer ".length())), stored.domains());
        assertEquals("only the winner's change is audited (name, purpose, members, domains)", 5 + 4,
                store.history("PLATFORM", 100).size());
    }

    @Test
    public void theAuditTrailSaysWhoChangedWhatWhenNewestFirst() {
        store.create(platform(), created(platform()));
        Charter next = new Charter("PLATFORM", "Platform team", "TEAM", "Keep the platform boring.",
                List.of(new Charter.Member("JIRAUSER10001", "Architect")), List.of("RELEASE", "ARCH"), 0);
        Instant later = T0.plusSeconds(3600);
        store.update(next, 1, CharterDiff.between(Optional.of(platform().withVersion(1)), next, "JIRAUSER10005", later));
        List<CharterChange> history = store.history("PLATFORM", 100);
        CharterChange newest = history.get(0);
        assertEquals(new CharterChange("JIRAUSER10005", later, "PLATFORM", "members",
                "JIRAUSER10001=Tech lead\nJIRAUSER10003=", "JIRAUSER10001=Architect"), newest);
        assertEquals("the creation: every field from nothing", List.of("name", "space", "purpose", "members", "domains"),
                history.subList(1, history.size()).stream().map(CharterChange::field).sorted(
                        java.util.Comparator.comparing(f -> List.of("name", "space", "purpose", "members", "domains").indexOf(f))).toList());
        assertTrue(history.subList(1, history.size()).stream().allMatch(c -> c.before() == null && c.authorKey().equals("JIRAUSER10001")
                && c.changedAt().equals(T0)));
        assertEquals("the limit counts", 2, store.history("PLATFORM", 2).size());
    }

    @Test
    public void aDeletedCharterIsGoneWithItsPartsAndTheDeletionIsAudited() {
        store.create(platform(), created(platform()));
        store.delete("PLATFORM", 1, CharterDiff.removed(platform().withVersion(1), "JIRAUSER10005", T0.plusSeconds(60)));
        assertEquals(Optional.empty(), store.find("PLATFORM"));
        assertEquals("no member or domain row is left", 0,
                ao.entities().count(CharterMemberEntity.class, net.java.ao.Query.select())
                        + ao.entities().count(CharterDomainEntity.class, net.java.ao.Query.select()));
        List<CharterChange> history = store.history("PLATFORM", 100);
        assertEquals("the history outlives the charter: 5 created, 5 removed", 10, history.size());
        assertTrue(history.subList(0, 5).stream().allMatch(c -> c.after() == null && c.authorKey().equals("JIRAUSER10005")));
        // the team key is free again
        assertEquals(1, store.create(platform(), List.of()).version());
    }

    @Test
    public void aDeleteOfAnOlderVersionIsStaleAndKeepsTheCharter() {
        store.create(platform(), created(platform()));
        store.update(platform(), 1, List.of());
        assertEquals(2, assertThrows(StaleCharterException.class, () -> store.delete("PLATFORM", 1, List.of())).currentVersion());
        assertEquals(2, store.find("PLATFORM").orElseThrow().version());
    }

    @Test
    public void chartersOfASpaceAndAllChartersAreReadInThreeStatements() {
        for (int i = 0; i < 8; i++) {
            Charter c = new Charter("T" + i, "Team " + i, i % 2 == 0 ? "TEAM" : "ENG", null,
                    List.of(new Charter.Member("JIRAUSER1000" + i, "r" + i)), List.of("D" + i), 0);
            store.create(c, List.of());
        }
        ao.sql().start();
        List<Charter> all = store.all();
        List<String> statements = ao.sql().stop();
        assertEquals(statements.toString(), 3, statements.size());
        assertEquals(8, all.size());
        assertEquals(List.of("D3"), all.get(3).domains());
        ao.sql().start();
        List<Charter> team = store.inSpace("TEAM");
        assertEquals(3, ao.sql().stop().size());
        assertEquals(List.of("T0", "T2", "T4", "T6"), team.stream().map(Charter::teamKey).toList());
        assertEquals(List.of(new Charter.Member("JIRAUSER10006", "r6")), team.get(3).members());
    }
}
