package io.mandate.decision;

import io.mandate.platform.Entities;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.Concurrently;
import io.mandate.testing.SteppingClock;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The weekly digest of overdue decisions, on real Active Objects (HSQLDB and PostgreSQL): one mail per driver and
 * approver listing their overdue decisions, most overdue first, in their language; never an issue the reader may not
 * browse (and no mail of nothing); what users typed stays plain text on its line; queued once a week, whichever node
 * or run gets there, and sent by the notification job.
 */
@RunWith(Parameterized.class)
public class OverdueDigestTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z"); // a Friday, ISO week 47
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person DAVE = new Person("k-dave", "dave", "Dave Davis");
    private static final Person ERIN = new Person("k-erin", "erin", "Erin Inactive");
    private static final Person FRANK = new Person("k-frank", "frank", "Frank Nomail");
    private static final Map<String, Person> BY_KEY = Stream.of(ALICE, BOB, CAROL, DAVE, ERIN, FRANK)
            .collect(Collectors.toMap(Person::key, Function.identity()));
    /** Issue 6 is at a security level neither carol nor dave is in. */
    private static final long SECRET = 6;

    private final String kind;
    private AoTestSupport ao;
    private DecisionStore store;
    private SteppingClock clock;
    private UserDirectory users;
    private IssueAccess issues;
    private OverdueDigest digest;

    public OverdueDigestTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionTables.all());
        store = new DecisionStore(ao.entities(), ao.aggregates());
        clock = SteppingClock.utc(NOW);
        users = mock(UserDirectory.class);
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenAnswer(i -> !ERIN.equals(i.getArgument(0)));
        when(users.emailAddress(any())).thenAnswer(i -> FRANK.equals(i.getArgument(0)) ? Optional.empty()
                : Optional.of(i.<Person>getArgument(0).name() + "@example.com"));
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        when(users.locale(BOB)).thenReturn(Locale.GERMAN);
        issues = mock(IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenAnswer(i -> Optional.of(issue(i.getArgument(0))));
        when(issues.browsable(eq(SECRET), eq(Optional.of(CAROL)))).thenReturn(Optional.empty());
        when(issues.browsable(eq(SECRET), eq(Optional.of(DAVE)))).thenReturn(Optional.empty());

        save(1, DecisionStatus.OPEN, "2026-11-10", ALICE, CAROL);           // 10 days overdue
        save(2, DecisionStatus.IN_PROGRESS, "2026-11-19", BOB, CAROL);      // 1 day
        save(3, DecisionStatus.OPEN, "2026-11-20", ALICE, CAROL);           // due today: not overdue
        save(4, DecisionStatus.DECIDED, "2026-11-01", ALICE, CAROL);        // made: not overdue
        save(5, DecisionStatus.OPEN, "2026-11-15", CAROL, CAROL);           // carol drives and approves it
        save(SECRET, DecisionStatus.OPEN, "2026-11-12", DAVE, CAROL);       // neither may browse it
        save(7, DecisionStatus.OPEN, "2026-11-01", ERIN, FRANK);            // inactive driver, approver without mail
        save(8, DecisionStatus.OPEN, null, ALICE, CAROL);                   // no due date
        digest = digest(ao.entities());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private OverdueDigest digest(Entities entities) {
        return new OverdueDigest(NotificationPipeline.NO_SCHEDULER, new DecisionStore(entities, ao.aggregates()),
                new NotificationQueue(entities), users, issues, NotificationPipeline.texts(), NotificationPipeline.links(), clock);
    }

    private static IssueRef issue(long id) {
        String summary = id == 2 ? "<b>Kafka</b>\r\nBcc: mallory@example.com" : "Summary " + id;
        return new IssueRef(id, "DEMO-" + id, summary, 10000L, "DEMO", "Task", List.of(), List.of());
    }

    private void save(long issueId, DecisionStatus status, String due, Person driver, Person approver) {
        store.save(new Decision(issueId, 10000L, "DEMO-" + issueId, "DEMO", status, driver.key(), approver.key(), List.of(),
                List.of(), due == null ? null : LocalDate.parse(due), status == DecisionStatus.DECIDED ? "Done" : null, null,
                status == DecisionStatus.DECIDED ? NOW : null, NOW, NOW, 1), null, List.of());
    }

    private Map<String, OutgoingMail> byRecipient() {
        return digest.mailsFor(clock.today()).stream().collect(Collectors.toMap(OutgoingMail::recipientKey, Function.identity()));
    }

    private static List<String> issueLines(OutgoingMail mail) {
        return Arrays.stream(mail.body().split("\n")).filter(l -> l.startsWith("DEMO-")).toList();
    }

    // ----- who gets what -----

    @Test
    public void eachDriverAndApproverGetsOneMailListingTheirOverdueDecisionsMostOverdueFirst() {
        Map<String, OutgoingMail> mails = byRecipient();
        assertEquals(List.of("k-alice", "k-bob", "k-carol"), mails.keySet().stream().sorted().toList());
        assertEquals(List.of("DEMO-1 Summary 1"), issueLines(mails.get("k-alice")));
        assertEquals(List.of("DEMO-1 Summary 1", "DEMO-5 Summary 5", "DEMO-2 <b>Kafka</b> Bcc: mallory@example.com"),
                issueLines(mails.get("k-carol")));
        mails.values().forEach(m -> {
            assertEquals(OutgoingMail.Kind.DIGEST, m.kind());
            assertEquals(null, m.issueId());
        });
        assertEquals("carol@example.com", mails.get("k-carol").toAddress());
    }

    @Test
    public void noMailNamesAnIssueItsReaderMayNotBrowseAndNobodyGetsADigestOfNothing() {
        Map<String, OutgoingMail> mails = byRecipient();
        assertFalse(mails.get("k-carol").body(), mails.get("k-carol").body().contains("DEMO-6"));
        assertFalse("dave's only overdue decision is on an issue he may not browse", mails.containsKey("k-dave"));
        assertTrue(mails.values().stream().noneMatch(m -> m.body().contains("DEMO-" + SECRET) || m.subject().contains("DEMO-" + SECRET)));
    }

    @Test
    public void inactiveUsersAndUsersWithoutAnAddressGetNone() {
        Map<String, OutgoingMail> mails = byRecipient();
        assertFalse(mails.containsKey("k-erin"));
        assertFalse(mails.containsKey("k-frank"));
    }

    // ----- what they read -----

    @Test
    public void theMailSaysWhenEachWasDueHowLongAgoItsStatusAndTheReadersPart() {
        OutgoingMail alice = byRecipient().get("k-alice");
        assertEquals("Your overdue decisions (1)", alice.subject());
        assertEquals(String.join("\n",
                "Hello Alice Adams,",
                "",
                "One decision you drive or approve is past its due date and still open:",
                "",
                "DEMO-1 Summary 1",
                "Due 2026-11-10, 10 days overdue. Status: Open. You are its driver.",
                "Open the issue: https://jira.example.com/browse/DEMO-1",
                "",
                "You receive this digest once a week while decisions you drive or approve are overdue. Set a new due date or "
                        + "move the decision on to take it off the list."), alice.body());
        String carol = byRecipient().get("k-carol").body();
        assertTrue(carol, carol.contains("\nThese 3 decisions you drive or approve are past their due date and still open:\n"));
        assertTrue(carol, carol.contains("\nDue 2026-11-15, 5 days overdue. Status: Open. You are its driver and approver.\n"));
        assertTrue(carol, carol.contains("\nDue 2026-11-19, 1 day overdue. Status: In progress. You are its approver.\n"));
    }

    @Test
    public void aGermanReaderReadsItInGerman() {
        OutgoingMail bob = byRecipient().get("k-bob");
        assertEquals("Ihre \u00fcberf\u00e4lligen Entscheidungen (1)", bob.subject());
        assertTrue(bob.body(), bob.body().startsWith("Hallo Bob Brown,\n\nEine Entscheidung, die Sie vorantreiben oder verantworten, "
                + "ist \u00fcber ihrem F\u00e4lligkeitsdatum und noch offen:\n"));
        assertTrue(bob.body(), bob.body().contains("\nF\u00e4llig am 2026-11-19, seit 1 Tag \u00fcberf\u00e4llig. Status: In Arbeit. "
                + "Ihre Rolle: Treiber.\n"));
        assertTrue(bob.body(), bob.body().contains("\nVorgang \u00f6ffnen: https://jira.example.com/browse/DEMO-2\n"));
    }

    @Test
    public void whatUsersTypedStaysPlainTextOnItsOwnLine() {
        OutgoingMail bob = byRecipient().get("k-bob");
        assertTrue("markup is text in a text/plain mail, shown as typed", bob.body().contains("DEMO-2 <b>Kafka</b> Bcc: mallory@example.com\n"));
        assertTrue("a line break in a summary cannot start a line of its own",
                Arrays.stream(bob.body().split("\n")).noneMatch(l -> l.startsWith("Bcc:")));
        assertFalse(bob.subject().contains("\n") || bob.subject().contains("\r"));
        assertFalse(bob.body().contains("\r"));
    }

    // ----- once a week -----

    @Test
    public void theWeeksDigestIsQueuedOnceAndTheNotificationJobSendsIt() {
        assertEquals("the digest of 2026-W47: 3 mails queued", digest.run());
        assertEquals("the digest of 2026-W47 was queued already", digest.run());
        clock.advance(Duration.ofDays(2)); // Sunday, still week 47
        assertEquals("the digest of 2026-W47 was queued already", digest.run());
        NotificationPipeline sender = new NotificationPipeline(ao.entities(), users, mock(GroupDirectory.class), issues, clock);
        sender.runJob();
        assertEquals(List.of("alice@example.com", "bob@example.com", "carol@example.com"), sender.mailedTo().stream().sorted().toList());

        clock.advance(Duration.ofDays(1)); // Monday: week 48
        assertEquals("the digest of 2026-W48: 3 mails queued", digest.run());
    }

    @Test
    public void aRestartedOrSecondNodeDoesNotQueueTheWeeksDigestAgain() {
        digest.run();
        assertEquals("the digest of 2026-W47 was queued already", digest(ao.anotherNode()).run());
        assertEquals(3, new NotificationQueue(ao.entities()).unsent());
    }

    @Test
    public void ofTwoNodesQueueingTheWeeksDigestAtOnceOneDoes() throws Exception {
        OverdueDigest other = digest(ao.anotherNode());
        List<String> outcomes = Concurrently.run(List.of(digest::run, other::run));
        assertEquals(outcomes.toString(), 1, outcomes.stream().filter(o -> o.endsWith("3 mails queued")).count());
        assertEquals(3, new NotificationQueue(ao.entities()).unsent());
    }

    @Test
    public void theDigestReadsTheOverdueDecisionsInOneStatement() {
        ao.sql().start();
        List<Decision> overdue = new ArrayList<>();
        store.forEachOverdue(LocalDate.parse("2026-11-20"), overdue::add);
        List<String> statements = ao.sql().stop();
        assertEquals(statements.toString(), 1, statements.size());
        assertEquals(List.of(7L, 1L, SECRET, 5L, 2L), overdue.stream().map(Decision::issueId).toList());
    }

    @Test
    public void theJobRunsEveryDayAtEightInTheProductsTimeZone() {
        SteppingClock berlin = new SteppingClock(NOW, ZoneId.of("Europe/Berlin")); // 11:00 there
        OverdueDigest job = new OverdueDigest(NotificationPipeline.NO_SCHEDULER, store, new NotificationQueue(ao.entities()),
                users, issues, NotificationPipeline.texts(), NotificationPipeline.links(), berlin);
        assertEquals(Instant.parse("2026-11-21T07:00:00Z"), job.firstRun());
        berlin.set(Instant.parse("2026-11-20T06:00:00Z")); // 07:00 there
        assertEquals(Instant.parse("2026-11-20T07:00:00Z"), job.firstRun());
        assertEquals("2026-W47", OverdueDigest.week(LocalDate.parse("2026-11-22")));
        assertEquals("2026-W48", OverdueDigest.week(LocalDate.parse("2026-11-23")));
        assertEquals("2026-W53", OverdueDigest.week(LocalDate.parse("2027-01-01")));
    }
}
