package io.mandate.authority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.DecisionService;
import io.mandate.decision.DecisionStore;
import io.mandate.decision.NotificationPipeline;
import io.mandate.decision.RecordingMailer;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.HostEvents;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefEventPublisher;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

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
import static org.mockito.Mockito.when;

/**
 * The mentee of the approver's grant is told the outcome with the informed (issue 7, item 5, "mentees of the approver's
 * grant are notified"): a decision written through the real DecisionService, which asks the real MatrixDecisionAuthority
 * whom to add and queues the notice with the write (HSQLDB); the notification job then mails it.
 */
public class MenteeNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IssueRef ISSUE = new IssueRef(15L, "DEMO-15", "Decommission the legacy reporting cluster",
            10000L, "DEMO", "Epic", List.of(), List.of());

    private MatrixFixture m;
    private AoTestSupport ao;
    private DecisionService decisions;
    private NotificationPipeline notifications;
    private Person alice;
    private Person carol;
    private Person grace;

    @Before
    public void setUp() {
        m = new MatrixFixture();
        alice = m.person("alice", "Alice Adams");
        carol = m.person("carol", "Carol Clark");
        grace = m.person("grace", "Grace Green");
        m.person("frank", "Frank Fischer");
        m.domain("ARCH", "Architecture", MatrixFixture.projects("DEMO"));
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(alice));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(m.people.get(i.<String>getArgument(0))));
        when(users.byName(anyString())).thenAnswer(i -> Optional.ofNullable(m.people.get("k-" + i.<String>getArgument(0))));
        when(users.isActive(any())).thenReturn(true);
        when(users.emailAddress(any())).thenAnswer(i -> Optional.of(i.<Person>getArgument(0).name() + "@example.com"));
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        GroupDirectory groups = mock(GroupDirectory.class);
        when(groups.membersOf(anyString())).thenReturn(List.of());
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.browsable(anyLong(), any())).thenReturn(Optional.of(ISSUE));
        when(issues.browsable(eq("DEMO-15"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);
        ao = new AoTestSupport("hsqldb", io.mandate.decision.DecisionTables.all());
        FixedClock clock = FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z"));
        decisions = new DecisionService(new DecisionStore(ao.entities(), ao.aggregates()), issues, new People(users),
                new MatrixDecisionAuthority(m.service), new HostEvents(new RefEventPublisher()), clock, Seams.caches());
        notifications = new NotificationPipeline(ao.entities(), users, groups, issues, clock);
    }

    @After
    public void tearDown() {
        ao.close();
    }

    @Test
    public void theMenteeOfTheApproversGrantGetsTheOutcomeMailWithTheInformed() {
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, null, grace.key(), null, null);
        decide();
        assertEquals("nothing is mailed from the request", List.of(), notifications.mailedTo());
        notifications.runJob();
        assertEquals(List.of("frank@example.com", "grace@example.com"), notifications.mailedTo());
        RecordingMailer.Sent toGrace = notifications.mailer.sent().get(1);
        assertTrue(toGrace.body(), toGrace.body().contains("Switch it off after the March reports."));
    }

    @Test
    public void theMenteeOfSomeoneElsesGrantIsNotTold() {
        m.grant("ARCH", Principal.user(alice.key()), Level.DELEGATE, null, grace.key(), null, null);
        m.grant("ARCH", Principal.user(carol.key()), Level.DELEGATE, null, null, null, null);
        decide();
        notifications.runJob();
        assertEquals(List.of("frank@example.com"), notifications.mailedTo());
    }

    private void decide() {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\","
                    + "\"informed\":[{\"type\":\"user\",\"name\":\"frank\"}],\"outcome\":\"Switch it off after the March reports.\"}");
            decisions.put("DEMO-15", body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
