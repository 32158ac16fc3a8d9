package io.mandate.decision;

import io.mandate.platform.Entities;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.Concurrently;
import io.mandate.testing.SteppingClock;
import io.mandate.testing.TestDatabases;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The notification queue on real Active Objects, HSQLDB and PostgreSQL: a notice is queued in the transaction of the
 * write (a write that rolls back queues nothing), the quiet period coalesces, two nodes sending at once send every
 * message exactly once, a refused message is tried again with backoff and given up after the last try, and a restart
 * loses nothing — the one way to send a message twice being a node that stops between handing it over and marking it.
 */
@RunWith(Parameterized.class)
public class NotificationQueueTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final IssueRef ISSUE = new IssueRef(1L, "DEMO-1", "Choose the message broker", 10000L, "DEMO", "Task",
            List.of(), List.of());

    private final String kind;
    private AoTestSupport ao;
    private DecisionStore store;
    private SteppingClock clock;
    private UserDirectory users;
    private GroupDirectory groups;
    private IssueAccess issues;

    public NotificationQueueTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionTables.all());
        store = new DecisionStore(ao.entities(), ao.aggregates());
        clock = SteppingClock.utc(T0);
        users = mock(UserDirectory.class);
        when(users.byKey(anyString())).thenAnswer(i -> Optional.of(person(i.getArgument(0))));
        when(users.isActive(any())).thenReturn(true);
        when(users.emailAddress(any())).thenAnswer(i -> Optional.of(i.<Person>getArgument(0).name() + "@example.com"));
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        groups = mock(GroupDirectory.class);
        issues = mock(IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(ISSUE));
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private static Person person(String key) {
        String name = key.startsWith("k-") ? key.substring(2) : key;
        return new Person(key, name, name);
    }

    private NotificationPipeline node() {
        return node(ao.entities());
    }

    private NotificationPipeline node(Entities entities) {
        return new NotificationPipeline(entities, users, groups, issues, clock);
    }

    private static Decision decided(long issueId, int version, String... informedKeys) {
        List<Principal> informed = java.util.Arrays.stream(informedKeys).map(Principal::user).toList();
        return new Decision(issueId, 10000L, "DEMO-" + issueId, "DEMO", DecisionStatus.DECIDED, "k-alice", "k-carol",
                List.of(), informed, LocalDate.parse("2026-12-01"), "Kafka", null, T0, T0, T0, version);
    }

    private Notice noticeOf(Decision d) {
        return Notice.of(d, person("k-alice"), List.of(), clock.now());
    }

    private int count(Class<? extends net.java.ao.RawEntity<Integer>> type) {
        return ao.entities().count(type, Query.select());
    }

    /** Puts messages straight into the queue (as the digest does), one per address. */
    private void queueMail(NotificationQueue queue, String week, List<String> addresses) {
        List<OutgoingMail> mails = addresses.stream().map(a -> OutgoingMail.of(OutgoingMail.Kind.DIGEST, null, "k-" + a, a,
                "Subject for " + a, "Body")).toList();
        assertTrue(queue.queueDigest(week, mails, clock.now()));
    }

    private MailEntity mailTo(String address) {
        return ao.entities().find(MailEntity.class, Query.select().where("TO_ADDRESS = ?", address))[0];
    }

    // ----- queued with the write -----

    @Test
    public void aCommittedWriteQueuesItsNoticeWithTheVersionItWrote() {
        Decision d = decided(1, 1, "k-bob");
        store.save(d, (Integer) null, List.of(), Optional.of(noticeOf(d)));
        List<Notice> queued = node().queue.dueNotices(clock.now(), 10);
        assertEquals(1, queued.size());
        Notice n = queued.get(0);
        assertEquals(1L, n.issueId());
        assertEquals(DecisionStatus.DECIDED, n.status());
        assertEquals(1, n.decisionVersion());
        assertEquals(List.of(Principal.user("k-bob")), n.informed());
        assertEquals("Kafka", n.outcome());
        assertEquals(T0, n.queuedAt());
    }

    @Test
    public void aStaleWriteQueuesNothing() {
        store.save(decided(1, 1), null, List.of());
        Decision stale = decided(1, 1, "k-bob");
        try {
            store.save(stale, 7, List.of(), Optional.of(noticeOf(stale)));
            fail("a write with a version that is not current is stale");
        } catch (StaleDecisionException expected) {
            // refused
        }
        assertEquals(0, count(NoticeEntity.class));
    }

    @Test
    public void aWriteThatRollsBackAfterQueueingItsNoticeLeavesNoNotice() {
        Decision d = decided(1, 1, "k-bob");
        try {
            ao.entities().inTransaction(() -> {
                store.save(d, (Integer) null, List.of(), Optional.of(noticeOf(d)));
                assertEquals("queued inside the transaction", 1, count(NoticeEntity.class));
                throw new IllegalStateException("the write fails after queueing");
            });
            fail();
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(Optional.empty(), store.find(1));
        assertEquals(0, count(NoticeEntity.class));
    }

    // ----- the quiet period -----

    @Test
    public void theFirstNoticeOfAQuietPeriodIsSentAndRepeatsAreCoalesced() {
        NotificationPipeline node = node();
        for (int v = 1; v <= 3; v++) {
            Decision d = decided(1, v, "k-bob");
            NoticeRows.insert(ao.entities(), noticeOf(d).forVersion(v));
            clock.advance(Duration.ofMinutes(1));
        }
        NotificationJob.Result result = node.runJob();
        assertEquals(1, result.noticesQueued());
        assertEquals(2, result.noticesCoalesced());
        assertEquals(List.of("bob@example.com"), node.mailedTo());
        assertEquals(0, count(NoticeEntity.class));
        clock.advance(DecisionNotifier.QUIET_PERIOD);
        NoticeRows.insert(ao.entities(), noticeOf(decided(1, 4, "k-bob")).forVersion(4));
        node.runJob();
        assertEquals("the next period is told again", List.of("bob@example.com", "bob@example.com"), node.mailedTo());
    }

    // ----- once, with two nodes -----

    @Test
    public void ofTwoNodesSendingAtOnceEveryMessageIsSentExactlyOnce() throws Exception {
        List<String> addresses = IntStream.range(0, 200).mapToObj(i -> "person" + i + "@example.com").toList();
        NotificationPipeline nodeA = node();
        NotificationPipeline nodeB = node(ao.anotherNode());
        queueMail(nodeA.queue, "2026-W47", addresses);
        List<NotificationJob.Result> runs = Concurrently.run(List.of(nodeA::runJob, nodeB::runJob));
        assertEquals(200, runs.get(0).sent() + runs.get(1).sent());
        List<String> all = new ArrayList<>(nodeA.mailedTo());
        all.addAll(nodeB.mailedTo());
        assertEquals("each message once, none lost", addresses.stream().sorted().toList(), all.stream().sorted().toList());
        assertEquals(0, nodeA.queue.unsent());
        System.out.printf("%s: node A sent %d, node B %d of %d%n", kind, nodeA.mailedTo().size(), nodeB.mailedTo().size(), addresses.size());
    }

    // ----- retries -----

    @Test
    public void aRefusedMessageIsTriedAgainWithBackoffUntilItGoesOutOnce() {
        NotificationPipeline node = node();
        queueMail(node.queue, "2026-W47", List.of("bob@example.com", "carol@example.com"));
        node.mailer.refuse("bob@example.com");

        node.runJob();
        assertEquals(List.of("carol@example.com"), node.mailedTo());
        MailEntity bob = mailTo("bob@example.com");
        assertEquals(1, bob.getAttempts());
        assertEquals(T0.plus(Duration.ofMinutes(1)), bob.getNextAttemptAt().toInstant());
        assertTrue(bob.getLastError(), bob.getLastError().contains("refuses bob@example.com"));
        assertNull(bob.getSentAt());

        clock.advance(Duration.ofSeconds(59));
        node.runJob();
        assertEquals("not before its next try is due", 1, tries(node, "bob@example.com"));

        clock.advance(Duration.ofSeconds(1));
        node.runJob();
        assertEquals(2, tries(node, "bob@example.com"));
        assertEquals("the wait doubles", T0.plus(Duration.ofMinutes(3)), mailTo("bob@example.com").getNextAttemptAt().toInstant());

        node.mailer.accept("bob@example.com");
        clock.advance(Duration.ofMinutes(2));
        node.runJob();
        clock.advance(Duration.ofHours(2));
        node.runJob();
        assertEquals(List.of("carol@example.com", "bob@example.com"), node.mailedTo());
        bob = mailTo("bob@example.com");
        assertEquals(3, bob.getAttempts());
        assertEquals(T0.plus(Duration.ofMinutes(3)), bob.getSentAt().toInstant());
        assertNull(bob.getNextAttemptAt());
    }

    @Test
    public void afterTheLastTryAMessageIsGivenUpAndKeptWithItsError() {
        NotificationPipeline node = node();
        queueMail(node.queue, "2026-W47", List.of("bob@example.com"));
        node.mailer.refuse("bob@example.com");
        for (int i = 0; i < Backoff.MAIL.attempts() + 3; i++) {
            node.runJob();
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(Backoff.MAIL.attempts(), tries(node, "bob@example.com"));
        MailEntity bob = mailTo("bob@example.com");
        assertEquals(Backoff.MAIL.attempts(), bob.getAttempts());
        assertNull("no further try", bob.getNextAttemptAt());
        assertNull(bob.getSentAt());
        assertEquals(1, node.queue.unsent());
    }

    @Test
    public void aNoticeThatCannotBePreparedIsTriedAgainLater() {
        AtomicInteger calls = new AtomicInteger();
        when(groups.membersOf("developers")).thenAnswer(i -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the user directory does not answer");
            }
            return List.of(person("k-dev1"), person("k-dev2"));
        });
        Decision d = new Decision(1, 10000L, "DEMO-1", "DEMO", DecisionStatus.DECIDED, "k-alice", "k-carol", List.of(),
                List.of(Principal.group("developers")), null, "Kafka", null, T0, T0, T0, 1);
        store.save(d, (Integer) null, List.of(), Optional.of(noticeOf(d)));
        NotificationPipeline node = node();
        assertEquals(1, node.runJob().noticesFailed());
        NoticeEntity row = ao.entities().find(NoticeEntity.class, Query.select())[0];
        assertEquals(1, row.getAttempts());
        assertEquals(T0.plus(Duration.ofMinutes(1)), row.getNextAttemptAt().toInstant());
        assertEquals(0, node.runJob().noticesQueued());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, node.runJob().noticesQueued());
        assertEquals(List.of("dev1@example.com", "dev2@example.com"), node.mailedTo());
    }

    // ----- restarts -----

    /** What a node does when it stops: the JVM is gone, whatever it was doing (not an exception the job could catch). */
    private static final class NodeStopped extends Error {
        NodeStopped() {
            super("the node stopped");
        }
    }

    @Test
    public void aRestartLosesNothingAndOnlyAMessageHandedOverButNotMarkedIsSentAgain() {
        Decision d = decided(1, 1, "k-bob", "k-dave", "k-erin");
        store.save(d, (Integer) null, List.of(), Optional.of(noticeOf(d)));
        NotificationPipeline first = node();
        AtomicInteger handedOver = new AtomicInteger();
        RecordingMailer stopsOnTheSecond = new RecordingMailer() {
            @Override
            public void send(String toAddress, String subject, String plainTextBody) {
                super.send(toAddress, subject, plainTextBody);
                if (handedOver.incrementAndGet() == 2) {
                    throw new NodeStopped(); // handed to the host, not marked sent
                }
            }
        };
        NotificationJob crashing = new NotificationJob(NotificationPipeline.NO_SCHEDULER, first.queue, first.notifier,
                stopsOnTheSecond, clock);
        try {
            crashing.send();
            fail();
        } catch (NodeStopped expected) {
            // the node is gone
        }
        assertEquals(List.of("bob@example.com", "dave@example.com"), stopsOnTheSecond.addresses());

        NotificationPipeline restarted = node(ao.anotherNode());
        restarted.runJob();
        assertEquals("the rest goes out; the message whose try was claimed moments ago is left to its node",
                List.of("erin@example.com"), restarted.mailedTo());

        clock.advance(NotificationJob.ABANDONED_AFTER.plusSeconds(1));
        assertEquals(1, restarted.runJob().abandoned());
        restarted.runJob();
        assertEquals("the at-least-once gap: dave's message may arrive twice",
                List.of("erin@example.com", "dave@example.com"), restarted.mailedTo());
        clock.advance(Duration.ofDays(1));
        restarted.runJob();
        assertEquals(2, restarted.mailedTo().size());
        assertEquals(0, restarted.queue.unsent());
        Map<String, Long> total = java.util.stream.Stream.concat(stopsOnTheSecond.addresses().stream(), restarted.mailedTo().stream())
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertEquals(Map.of("bob@example.com", 1L, "dave@example.com", 2L, "erin@example.com", 1L), total);
    }

    @Test
    public void noticesQueuedBeforeARestartAreSentAfterIt() {
        Decision d = decided(1, 1, "k-bob");
        store.save(d, (Integer) null, List.of(), Optional.of(noticeOf(d)));
        NotificationPipeline restarted = node(ao.anotherNode());
        restarted.runJob();
        assertEquals(List.of("bob@example.com"), restarted.mailedTo());
    }

    // ----- housekeeping -----

    @Test
    public void sentMailAndOldClaimsArePrunedAfterTheRetentionUnsentMailStays() {
        NotificationPipeline node = node();
        queueMail(node.queue, "2026-W47", List.of("bob@example.com", "carol@example.com"));
        node.mailer.refuse("carol@example.com");
        node.runJob();
        assertEquals(2, count(MailEntity.class));
        clock.advance(NotificationQueue.RETENTION.plusDays(1));
        node.runJob();
        assertEquals("carol's (given up or not) stays; bob's sent mail went", 1, count(MailEntity.class));
        assertEquals("carol@example.com", ao.entities().find(MailEntity.class, Query.select())[0].getToAddress());
    }

    private static int tries(NotificationPipeline node, String address) {
        return (int) node.mailer.tries().stream().filter(address::equals).count();
    }
}
