package io.mandate.decision;

import io.mandate.platform.Principal;

import com.atlassian.sal.api.ApplicationProperties;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Links;
import io.mandate.platform.Person;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.sal.RefI18nResolver;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Whom a queued notice reaches and what they read, when the notification job turns it into mail; the real i18n
 * bundles. (When a notice is queued: {@code DecisionServiceNotificationTest}; how it is sent: {@code NotificationJobTest}.)
 */
public class DecisionNotifierTest {

    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person DAVE = new Person("k-dave", "dave", "Dave Dormant");
    private static final Person ERIN = new Person("k-erin", "erin", "Erin Nomail");
    private static final Person FRANK = new Person("k-frank", "frank", "Frank Fischer");
    private static final Person GRACE = new Person("k-grace", "grace", "Grace Green");
    private static final Map<String, Person> BY_KEY = Stream.of(ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GRACE)
            .collect(Collectors.toMap(Person::key, Function.identity()));

    private static final IssueRef ISSUE = new IssueRef(15L, "DEMO-15", "Decommission the legacy reporting cluster",
            10000L, "DEMO", "Epic", List.of(), List.of());

    private UserDirectory users;
    private GroupDirectory groups;
    private io.mandate.platform.IssueAccess issues;
    private DecisionNotifier notifier;

    @Before
    public void setUp() {
        users = mock(UserDirectory.class);
        groups = mock(GroupDirectory.class);
        ApplicationProperties properties = mode -> "https://jira.example.com/";
        issues = mock(io.mandate.platform.IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(ISSUE));
        notifier = new DecisionNotifier(users, groups,
                new Texts(new RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader())),
                new Links(properties), issues);
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenAnswer(i -> !DAVE.equals(i.getArgument(0)));
        when(users.emailAddress(any())).thenAnswer(i -> {
            Person p = i.getArgument(0);
            return ERIN.equals(p) ? Optional.empty() : Optional.of(p.name() + "@example.com");
        });
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        when(groups.membersOf(anyString())).thenReturn(List.of());
    }

    // ----- who is told -----

    @Test
    public void whoMayBrowseIsJudgedByIssueIdNotByAKeyThatNowNamesAnotherIssue() {
        // the project was re-created: its new DEMO-15 is browsable by frank, the decision's issue (by id) is not
        when(issues.browsable(anyString(), any())).thenReturn(Optional.of(ISSUE));
        when(issues.browsable(anyLong(), org.mockito.ArgumentMatchers.eq(Optional.of(FRANK)))).thenReturn(Optional.empty());
        when(groups.membersOf("operations")).thenReturn(List.of(BOB, FRANK));
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of(group("operations")))));
    }

    @Test
    public void anInformedUserWhoCannotBrowseTheIssueIsNotMailed() {
        when(issues.browsable(anyLong(), org.mockito.ArgumentMatchers.eq(Optional.of(FRANK)))).thenReturn(Optional.empty());
        when(groups.membersOf("operations")).thenReturn(List.of(BOB, FRANK));
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of(group("operations")))));
        assertEquals(List.of("bob@example.com"), addresses(notifier.mailsFor(decided(List.of(), List.of(group("operations"))))));
    }

    @Test
    public void nobodyIsToldAboutAnIssueThatIsGone() {
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.empty());
        assertEquals(List.of(), notifier.mailsFor(decided(List.of(CAROL.key()), List.of(user(BOB)))));
    }

    @Test
    public void informedUsersAreNotified() {
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of(user(BOB)))));
    }

    @Test
    public void membersOfInformedGroupsAreNotifiedAsTheGroupIsWhenTheNoticeIsSent() {
        Notice notice = decided(List.of(), List.of(group("operations")));
        when(groups.membersOf("operations")).thenReturn(List.of(BOB, FRANK));
        assertEquals(List.of("bob", "frank"), notifiedNames(notice));
    }

    @Test
    public void contributorsAreNotified() {
        assertEquals(List.of("carol"), notifiedNames(decided(List.of(CAROL.key()), List.of())));
    }

    @Test
    public void someoneNamedSeveralTimesIsNotifiedOnce() {
        when(groups.membersOf("operations")).thenReturn(List.of(BOB, FRANK));
        Notice n = decided(List.of(BOB.key(), CAROL.key()), List.of(user(BOB), group("operations"), user(FRANK)));
        assertEquals(List.of("bob", "frank", "carol"), notifiedNames(n));
        assertEquals(List.of("bob@example.com", "frank@example.com", "carol@example.com"), addresses(notifier.mailsFor(n)));
    }

    @Test
    public void twoPeopleSharingAnAddressGetOneMessage() {
        when(users.emailAddress(FRANK)).thenReturn(Optional.of("BOB@example.com"));
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of(user(BOB), user(FRANK)))));
    }

    @Test
    public void theAuthorOfTheChangeIsNeverNotified() {
        when(groups.membersOf("developers")).thenReturn(List.of(ALICE, GRACE));
        Notice n = decided(List.of(ALICE.key()), List.of(user(ALICE), group("developers")));
        assertEquals(List.of("grace"), notifiedNames(n));
        assertEquals(List.of("grace@example.com"), addresses(notifier.mailsFor(n)));
    }

    @Test
    public void inactiveUsersAreNotNotifiedEvenThroughAGroup() {
        when(groups.membersOf("developers")).thenReturn(List.of(DAVE, GRACE));
        assertEquals(List.of("grace"), notifiedNames(decided(List.of(DAVE.key()), List.of(group("developers")))));
    }

    @Test
    public void usersWithoutAnEmailAddressAreNotNotified() {
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(ERIN.key()), List.of(user(BOB)))));
    }

    @Test
    public void usersTheHostNoLongerKnowsAreSkipped() {
        assertEquals(List.of("bob"), notifiedNames(decided(List.of("k-gone"), List.of(user(BOB)))));
    }

    @Test
    public void peopleTheAuthorityMatrixNamedAtTheWriteAreToldToo() {
        Notice n = new Notice(1, ISSUE.id(), ISSUE.key(), DecisionStatus.DECIDED, ALICE.key(), CAROL.key(), "Kafka",
                List.of(), List.of(), List.of(BOB.key()), 3, NOW, 0);
        assertEquals(List.of("bob"), notifiedNames(n));
    }

    // ----- when -----

    @Test
    public void becomingDecidedNotifies() {
        assertTrue(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.IN_PROGRESS), DecisionStatus.DECIDED));
    }

    @Test
    public void becomingReversedNotifies() {
        assertTrue(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.DECIDED), DecisionStatus.REVERSED));
        List<OutgoingMail> mail = notifier.mailsFor(withStatus(DecisionStatus.REVERSED, user(BOB)));
        assertEquals("[DEMO-15] Decision reversed: Decommission the legacy reporting cluster", mail.get(0).subject());
    }

    @Test
    public void recordingADecisionThatIsAlreadyDecidedNotifies() {
        assertTrue(DecisionNotifier.isNotifiable(Optional.empty(), DecisionStatus.DECIDED));
    }

    @Test
    public void anEditThatStaysDecidedNotifiesNobody() {
        assertFalse(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.DECIDED), DecisionStatus.DECIDED));
    }

    @Test
    public void anEditThatStaysReversedNotifiesNobody() {
        assertFalse(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.REVERSED), DecisionStatus.REVERSED));
    }

    @Test
    public void otherStatusesNotifyNobody() {
        for (DecisionStatus after : List.of(DecisionStatus.OPEN, DecisionStatus.IN_PROGRESS, DecisionStatus.DEFERRED)) {
            assertFalse(after.name(), DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.DECIDED), after));
            assertFalse(after.name(), DecisionNotifier.isNotifiable(Optional.empty(), after));
        }
    }

    // ----- what they read -----

    @Test
    public void theMessageSaysWhatWasDecidedByWhomAndLinksTheIssue() {
        OutgoingMail mail = notifier.mailsFor(decided(List.of(), List.of(user(BOB)))).get(0);
        assertEquals("bob@example.com", mail.toAddress());
        assertEquals(BOB.key(), mail.recipientKey());
        assertEquals(OutgoingMail.Kind.NOTIFICATION, mail.kind());
        assertEquals(Long.valueOf(ISSUE.id()), mail.issueId());
        assertEquals("[DEMO-15] Decision made: Decommission the legacy reporting cluster", mail.subject());
        String text = mail.body();
        assertTrue(text, text.startsWith("Alice Adams changed the decision on DEMO-15 to Decided.\n"));
        assertTrue(text, text.contains("\nIssue: DEMO-15 Decommission the legacy reporting cluster\n"));
        assertTrue(text, text.contains("\nStatus: Decided\n"));
        assertTrue(text, text.contains("\nOutcome: Switch it off after the March reports; Carol's team moves them.\n"));
        assertTrue(text, text.contains("\nApprover: Carol Clark\n"));
        assertTrue(text, text.contains("\nChanged by: Alice Adams\n"));
        assertTrue(text, text.contains("\nOpen the issue: https://jira.example.com/browse/DEMO-15\n"));
    }

    @Test
    public void theMessageNamesTheIssueByTheKeyItHasWhenItIsSent() {
        IssueRef moved = new IssueRef(15L, "OPS-7", "Decommission the legacy reporting cluster", 10001L, "OPS", "Epic",
                List.of(), List.of());
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(moved));
        OutgoingMail mail = notifier.mailsFor(decided(List.of(), List.of(user(BOB)))).get(0);
        assertEquals("[OPS-7] Decision made: Decommission the legacy reporting cluster", mail.subject());
        assertTrue(mail.body(), mail.body().contains("https://jira.example.com/browse/OPS-7"));
    }

    @Test
    public void anAuthorTheHostNoLongerKnowsIsNamedByKey() {
        Notice n = new Notice(1, ISSUE.id(), ISSUE.key(), DecisionStatus.DECIDED, "k-gone", CAROL.key(), "Kafka",
                List.of(), List.of(user(BOB)), List.of(), 3, NOW, 0);
        assertTrue(notifier.mailsFor(n).get(0).body().startsWith("k-gone changed the decision on DEMO-15"));
    }

    @Test
    public void eachRecipientReadsTheMessageInTheirOwnLanguage() {
        when(users.locale(BOB)).thenReturn(Locale.GERMAN);
        List<OutgoingMail> mail = notifier.mailsFor(decided(List.of(), List.of(user(BOB), user(FRANK))));
        assertEquals("[DEMO-15] Entscheidung getroffen: Decommission the legacy reporting cluster", mail.get(0).subject());
        assertTrue(mail.get(0).body(), mail.get(0).body().contains("Alice Adams hat die Entscheidung zu DEMO-15 auf \u201eEntschieden\u201c gesetzt."));
        assertTrue(mail.get(0).body(), mail.get(0).body().contains("\nVerantwortlich: Carol Clark\n"));
        assertEquals("frank@example.com", mail.get(1).toAddress());
        assertEquals("[DEMO-15] Decision made: Decommission the legacy reporting cluster", mail.get(1).subject());
    }

    @Test
    public void theSubjectStaysOneLineWhateverTheSummaryHolds() {
        IssueRef odd = new IssueRef(15L, "DEMO-15", "first\r\nBcc: mallory@example.com", 10000L, "DEMO", "Epic", List.of(), List.of());
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(odd));
        OutgoingMail mail = notifier.mailsFor(decided(List.of(), List.of(user(BOB)))).get(0);
        assertFalse(mail.subject(), mail.subject().contains("\n") || mail.subject().contains("\r"));
        assertTrue(mail.body(), mail.body().contains("\nIssue: DEMO-15 first Bcc: mallory@example.com\n"));
    }

    @Test
    public void aReversedDecisionWithoutOutcomeSaysNone() {
        OutgoingMail mail = notifier.mailsFor(withStatus(DecisionStatus.REVERSED, user(BOB))).get(0);
        assertTrue(mail.body(), mail.body().contains("\nOutcome: None\n"));
    }

    // ----- the quiet period -----

    @Test
    public void theQuietPeriodClaimIsForTheIssueTheNewStatusAndThePeriodOfTheWrite() {
        Notice early = withStatus(DecisionStatus.REVERSED, user(BOB));
        Notice sameQuarter = new Notice(2, ISSUE.id(), ISSUE.key(), DecisionStatus.REVERSED, ALICE.key(), null, null,
                List.of(), List.of(), List.of(), 5, NOW.plusSeconds(60), 0);
        Notice nextQuarter = new Notice(3, ISSUE.id(), ISSUE.key(), DecisionStatus.REVERSED, ALICE.key(), null, null,
                List.of(), List.of(), List.of(), 6, NOW.plus(DecisionNotifier.QUIET_PERIOD), 0);
        assertEquals(DecisionNotifier.quietClaimKey(early), DecisionNotifier.quietClaimKey(sameQuarter));
        assertFalse(DecisionNotifier.quietClaimKey(early).equals(DecisionNotifier.quietClaimKey(nextQuarter)));
        assertFalse(DecisionNotifier.quietClaimKey(early).equals(DecisionNotifier.quietClaimKey(decided(List.of(), List.of()))));
        assertTrue(DecisionNotifier.quietClaimKey(early).startsWith("15:REVERSED:"));
    }

    // ----- helpers -----

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private List<String> notifiedNames(Notice notice) {
        return notifier.recipients(notice, ALICE).stream().map(r -> r.person().name()).toList();
    }

    private static List<String> addresses(List<OutgoingMail> mails) {
        return mails.stream().map(OutgoingMail::toAddress).toList();
    }

    private static Principal user(Person p) {
        return new Principal(Principal.Type.USER, p.key());
    }

    private static Principal group(String name) {
        return new Principal(Principal.Type.GROUP, name);
    }

    private static Notice decided(List<String> contributorKeys, List<Principal> informed) {
        return new Notice(1, ISSUE.id(), ISSUE.key(), DecisionStatus.DECIDED, ALICE.key(), CAROL.key(),
                "Switch it off after the March reports; Carol's team moves them.", contributorKeys, informed, List.of(), 3, NOW, 0);
    }

    private static Notice withStatus(DecisionStatus status, Principal... informed) {
        return new Notice(1, ISSUE.id(), ISSUE.key(), status, ALICE.key(), CAROL.key(), null, List.of(), List.of(informed),
                List.of(), 4, NOW, 0);
    }
}
