package io.mandate.decision;

import io.mandate.platform.Principal;

import com.atlassian.sal.api.ApplicationProperties;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Links;
import io.mandate.platform.Mailer;
import io.mandate.platform.Person;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.sal.RefI18nResolver;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Who is told when a decision becomes DECIDED or REVERSED, and what they read; the real i18n bundles. */
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
    private Mailer mailer;
    private io.mandate.platform.IssueAccess issues;
    private DecisionNotifier notifier;
    private DecisionStore store;
    private DecisionAuthority authority;

    @Before
    public void setUp() {
        users = mock(UserDirectory.class);
        groups = mock(GroupDirectory.class);
        mailer = mock(Mailer.class);
        ApplicationProperties properties = mode -> "https://jira.example.com/";
        issues = mock(io.mandate.platform.IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(ISSUE));
        store = mock(DecisionStore.class);
        when(store.claimNotification(org.mockito.ArgumentMatchers.anyLong(), any(), any(), any())).thenReturn(true);
        authority = mock(DecisionAuthority.class);
        notifier = new DecisionNotifier(users, groups, mailer,
                new Texts(new RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader())),
                new Links(properties), issues, authority, store,
                io.mandate.testing.FixedClock.utc(java.time.Instant.parse("2026-11-20T10:00:00Z")));

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
    }

    @Test
    public void informedUsersAreNotified() {
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of(user(BOB)))));
    }

    @Test
    public void membersOfInformedGroupsAreNotified() {
        when(groups.membersOf("operations")).thenReturn(List.of(BOB, FRANK));
        assertEquals(List.of("bob", "frank"), notifiedNames(decided(List.of(), List.of(group("operations")))));
    }

    @Test
    public void contributorsAreNotified() {
        assertEquals(List.of("carol"), notifiedNames(decided(List.of(CAROL.key()), List.of())));
    }

    @Test
    public void someoneNamedSeveralTimesIsNotifiedOnce() {
        when(groups.membersOf("operations")).thenReturn(List.of(BOB, FRANK));
        Decision d = decided(List.of(BOB.key(), CAROL.key()), List.of(user(BOB), group("operations"), user(FRANK)));
        assertEquals(List.of("bob", "frank", "carol"), notifiedNames(d));
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS), d, ALICE);
        verify(mailer, times(1)).send(eq("bob@example.com"), anyString(), anyString());
        verify(mailer, times(3)).send(anyString(), anyString(), anyString());
    }

    @Test
    public void twoPeopleSharingAnAddressGetOneMessage() {
        when(users.emailAddress(FRANK)).thenReturn(Optional.of("BOB@example.com"));
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of(user(BOB), user(FRANK)))));
    }

    @Test
    public void theAuthorOfTheChangeIsNeverNotified() {
        when(groups.membersOf("developers")).thenReturn(List.of(ALICE, GRACE));
        Decision d = decided(List.of(ALICE.key()), List.of(user(ALICE), group("developers")));
        assertEquals(List.of("grace"), notifiedNames(d));
        verify(mailer, never()).send(eq("alice@example.com"), anyString(), anyString());
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

    // ----- when -----

    @Test
    public void becomingDecidedNotifies() {
        assertTrue(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.IN_PROGRESS), DecisionStatus.DECIDED));
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS), decided(List.of(), List.of(user(BOB))), ALICE);
        verify(mailer).send(eq("bob@example.com"), anyString(), anyString());
    }

    @Test
    public void becomingReversedNotifies() {
        assertTrue(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.DECIDED), DecisionStatus.REVERSED));
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.DECIDED), withStatus(DecisionStatus.REVERSED, user(BOB)), ALICE);
        verify(mailer).send(eq("bob@example.com"), eq("[DEMO-15] Decision reversed: Decommission the legacy reporting cluster"),
                anyString());
    }

    @Test
    public void recordingADecisionThatIsAlreadyDecidedNotifies() {
        assertTrue(DecisionNotifier.isNotifiable(Optional.empty(), DecisionStatus.DECIDED));
        notifier.decisionSaved(ISSUE, Optional.empty(), decided(List.of(), List.of(user(BOB))), ALICE);
        verify(mailer).send(eq("bob@example.com"), anyString(), anyString());
    }

    @Test
    public void anEditThatStaysDecidedNotifiesNobody() {
        assertFalse(DecisionNotifier.isNotifiable(Optional.of(DecisionStatus.DECIDED), DecisionStatus.DECIDED));
        List<DecisionNotifier.Recipient> sent = notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.DECIDED),
                decided(List.of(), List.of(user(BOB))), ALICE);
        assertTrue(sent.isEmpty());
        verify(mailer, never()).send(anyString(), anyString(), anyString());
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
            notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.OPEN), withStatus(after, user(BOB)), ALICE);
        }
        verify(mailer, never()).send(anyString(), anyString(), anyString());
    }

    @Test
    public void aRefusedMessageDoesNotStopTheOthers() {
        doThrow(new IllegalStateException("mail queue full")).when(mailer).send(eq("bob@example.com"), anyString(), anyString());
        List<DecisionNotifier.Recipient> sent = notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS),
                decided(List.of(CAROL.key()), List.of(user(BOB))), ALICE);
        assertEquals(List.of(CAROL), sent.stream().map(DecisionNotifier.Recipient::person).toList());
        verify(mailer).send(eq("carol@example.com"), anyString(), anyString());
    }

    // ----- what they read -----

    @Test
    public void theMessageSaysWhatWasDecidedByWhomAndLinksTheIssue() {
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS), decided(List.of(), List.of(user(BOB))), ALICE);
        ArgumentCaptor<String> subject = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(mailer).send(eq("bob@example.com"), subject.capture(), body.capture());
        assertEquals("[DEMO-15] Decision made: Decommission the legacy reporting cluster", subject.getValue());
        String text = body.getValue();
        assertTrue(text, text.startsWith("Alice Adams changed the decision on DEMO-15 to Decided.\n"));
        assertTrue(text, text.contains("\nIssue: DEMO-15 Decommission the legacy reporting cluster\n"));
        assertTrue(text, text.contains("\nStatus: Decided\n"));
        assertTrue(text, text.contains("\nOutcome: Switch it off after the March reports; Carol's team moves them.\n"));
        assertTrue(text, text.contains("\nApprover: Carol Clark\n"));
        assertTrue(text, text.contains("\nChanged by: Alice Adams\n"));
        assertTrue(text, text.contains("\nOpen the issue: https://jira.example.com/browse/DEMO-15\n"));
    }

    @Test
    public void eachRecipientReadsTheMessageInTheirOwnLanguage() {
        when(users.locale(BOB)).thenReturn(Locale.GERMAN);
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS),
                decided(List.of(), List.of(user(BOB), user(FRANK))), ALICE);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(mailer).send(eq("bob@example.com"), eq("[DEMO-15] Entscheidung getroffen: Decommission the legacy reporting cluster"),
                body.capture());
        assertTrue(body.getValue(), body.getValue().contains("Alice Adams hat die Entscheidung zu DEMO-15 auf \u201eEntschieden\u201c gesetzt."));
        assertTrue(body.getValue(), body.getValue().contains("\nVerantwortlich: Carol Clark\n"));
        verify(mailer).send(eq("frank@example.com"), eq("[DEMO-15] Decision made: Decommission the legacy reporting cluster"),
                anyString());
    }

    @Test
    public void theSubjectStaysOneLineWhateverTheSummaryHolds() {
        IssueRef odd = new IssueRef(15L, "DEMO-15", "first\r\nBcc: mallory@example.com", 10000L, "DEMO", "Epic", List.of(), List.of());
        notifier.decisionSaved(odd, Optional.empty(), decided(List.of(), List.of(user(BOB))), ALICE);
        ArgumentCaptor<String> subject = ArgumentCaptor.forClass(String.class);
        verify(mailer).send(eq("bob@example.com"), subject.capture(), anyString());
        assertFalse(subject.getValue(), subject.getValue().contains("\n") || subject.getValue().contains("\r"));
    }

    @Test
    public void aReversedDecisionWithoutOutcomeSaysNone() {
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.DECIDED), withStatus(DecisionStatus.REVERSED, user(BOB)), ALICE);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(mailer).send(eq("bob@example.com"), anyString(), body.capture());
        assertTrue(body.getValue(), body.getValue().contains("\nOutcome: None\n"));
    }

    // ----- repeat notifications and the authority matrix -----

    @Test
    public void aStatusAlreadyAnnouncedInThisQuietPeriodMailsNobody() {
        when(store.claimNotification(org.mockito.ArgumentMatchers.anyLong(), any(), any(), any())).thenReturn(false);
        List<DecisionNotifier.Recipient> sent = notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.REVERSED),
                withStatus(DecisionStatus.DECIDED, user(BOB)), ALICE);
        assertTrue(sent.isEmpty());
        org.mockito.Mockito.verifyNoInteractions(mailer);
    }

    @Test
    public void theClaimIsForTheIssueAndTheNewStatusInTheQuietPeriod() {
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.DECIDED), withStatus(DecisionStatus.REVERSED, user(BOB)), ALICE);
        verify(store).claimNotification(ISSUE.id(), DecisionStatus.REVERSED, Instant.parse("2026-11-20T10:00:00Z"),
                DecisionNotifier.QUIET_PERIOD);
    }

    @Test
    public void peopleTheAuthorityMatrixNamesAreToldToo() {
        when(authority.alsoToNotify(any(), org.mockito.ArgumentMatchers.eq(ISSUE))).thenReturn(List.of(BOB.key()));
        assertEquals(List.of("bob"), notifiedNames(decided(List.of(), List.of())));
    }

    // ----- helpers -----

    private List<String> notifiedNames(Decision decision) {
        return notifier.recipients(decision, ISSUE, ALICE).stream().map(r -> r.person().name()).toList();
    }

    private static Principal user(Person p) {
        return new Principal(Principal.Type.USER, p.key());
    }

    private static Principal group(String name) {
        return new Principal(Principal.Type.GROUP, name);
    }

    private static Decision decided(List<String> contributorKeys, List<Principal> informed) {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new Decision(ISSUE.id(), ISSUE.projectId(), ISSUE.key(), "DEMO", DecisionStatus.DECIDED, ALICE.key(), CAROL.key(),
                contributorKeys, informed, null, "Switch it off after the March reports; Carol's team moves them.", null,
                now, now, now, 3);
    }

    private static Decision withStatus(DecisionStatus status, Principal... informed) {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new Decision(ISSUE.id(), ISSUE.projectId(), ISSUE.key(), "DEMO", status, ALICE.key(), CAROL.key(), List.of(),
                List.of(informed), null, null, null, null, now, now, 4);
    }
}
