package io.mandate.authority;

import com.atlassian.sal.api.ApplicationProperties;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionNotifier;
import io.mandate.decision.DecisionStatus;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Links;
import io.mandate.platform.Mailer;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.sal.RefI18nResolver;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The mentee of the approver's grant is told the outcome with the informed: the real DecisionNotifier asks the real
 * MatrixDecisionAuthority (issue 7, item 5, "mentees of the approver's grant are notified").
 */
public class MenteeNotificationTest {

    private static final IssueRef ISSUE = new IssueRef(15L, "DEMO-15", "Decommission the legacy reporting cluster",
            10000L, "DEMO", "Epic", List.of(), List.of());

    private MatrixFixture m;
    private Mailer mailer;
    private DecisionNotifier notifier;
    private Person alice;
    private Person carol;
    private Person grace;
    private Person frank;

    @Before
    public void setUp() {
        m = new MatrixFixture();
        alice = m.person("alice", "Alice Adams");
        carol = m.person("carol", "Carol Clark");
        grace = m.person("grace", "Grace Green");
        frank = m.person("frank", "Frank Fischer");
        m.domain("ARCH", "Architecture", MatrixFixture.projects("DEMO"));
        UserDirectory users = mock(UserDirectory.class);
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(m.people.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenReturn(true);
        when(users.emailAddress(any())).thenAnswer(i -> Optional.of(i.<Person>getArgument(0).name() + "@example.com"));
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        GroupDirectory groups = mock(GroupDirectory.class);
        when(groups.membersOf(anyString())).thenReturn(List.of());
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(ISSUE));
        DecisionStore store = mock(DecisionStore.class);
        when(store.claimNotification(anyLong(), any(), any(), any())).thenReturn(true);
        mailer = mock(Mailer.class);
        ApplicationProperties properties = mode -> "https://jira.example.com/";
        notifier = new DecisionNotifier(users, groups, mailer,
                new Texts(new RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader())), new Links(properties),
                issues, new MatrixDecisionAuthority(m.service), store,
                io.mandate.testing.FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")));
    }

    private Decision decided() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new Decision(ISSUE.id(), ISSUE.projectId(), ISSUE.key(), "DEMO", DecisionStatus.DECIDED, alice.key(), carol.key(),
                List.of(), List.of(Principal.user(frank.key())), null, "Switch it off after the March reports.", null,
                now, now, now, 3);
    }

    @Test
    public void theMenteeOfTheApproversGrantGetsTheOutcomeMailWithTheInformed() {
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, null, grace.key(), null, null);
        List<DecisionNotifier.Recipient> told = notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS), decided(), alice);
        assertEquals(List.of("frank", "grace"), told.stream().map(r -> r.person().name()).toList());
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(mailer).send(eq("grace@example.com"), anyString(), body.capture());
        assertTrue(body.getValue(), body.getValue().contains("Switch it off after the March reports."));
    }

    @Test
    public void theMenteeOfSomeoneElsesGrantIsNotTold() {
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, null, grace.key(), null, null);
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, null, null, null, null);
        notifier.decisionSaved(ISSUE, Optional.of(DecisionStatus.IN_PROGRESS), decided(), alice);
        verify(mailer, never()).send(eq("grace@example.com"), anyString(), anyString());
        verify(mailer).send(eq("frank@example.com"), anyString(), anyString());
    }
}
