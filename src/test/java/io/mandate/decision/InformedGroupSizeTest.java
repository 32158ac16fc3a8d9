package io.mandate.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.HostEvents;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A PUT no longer grows with the size of the informed groups (issue 11, item 7): deciding a decision whose informed
 * group has 1 member and one whose group has 500 costs the same statements, looks up no group member and mails
 * nobody; the notification job does that work later, once per notice, at a bounded cost per message. Real service,
 * store and queue on HSQLDB; the statements are Active Objects' own, counted on the calling thread.
 */
public class InformedGroupSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final List<Person> ONE = List.of(new Person("k-solo", "solo", "Solo"));
    private static final List<Person> FIVE_HUNDRED = IntStream.range(0, 500)
            .mapToObj(i -> new Person("k-m" + i, "m" + i, "Member " + i)).toList();
    private static final IssueRef SMALL = new IssueRef(1L, "DEMO-1", "Small group", 10000L, "DEMO", "Task", List.of(), List.of());
    private static final IssueRef LARGE = new IssueRef(2L, "DEMO-2", "Large group", 10000L, "DEMO", "Task", List.of(), List.of());

    private AoTestSupport ao;
    private DecisionService service;
    private NotificationPipeline notifications;
    private final AtomicInteger memberLookups = new AtomicInteger();

    @Before
    public void setUp() {
        ao = new AoTestSupport("hsqldb", DecisionTables.all());
        IssueAccess issues = mock(IssueAccess.class);
        for (IssueRef issue : List.of(SMALL, LARGE)) {
            when(issues.browsable(eq(issue.key()), any())).thenReturn(Optional.of(issue));
            when(issues.browsable(eq(issue.id()), any())).thenReturn(Optional.of(issue));
            when(issues.canEdit(eq(issue), any())).thenReturn(true);
        }
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName("alice")).thenReturn(Optional.of(ALICE));
        when(users.byName("carol")).thenReturn(Optional.of(CAROL));
        when(users.byKey(anyString())).thenReturn(Optional.empty());
        when(users.byKey("k-alice")).thenReturn(Optional.of(ALICE));
        when(users.isActive(any())).thenReturn(true);
        when(users.groupExists(anyString())).thenReturn(true);
        when(users.emailAddress(any())).thenAnswer(i -> Optional.of(i.<Person>getArgument(0).name() + "@example.com"));
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        Map<String, List<Person>> members = Map.of("one", ONE, "five-hundred", FIVE_HUNDRED);
        GroupDirectory groups = new GroupDirectory() {
            @Override
            public List<Person> membersOf(String group) {
                memberLookups.incrementAndGet();
                return members.getOrDefault(group, List.of());
            }

            @Override
            public java.util.Set<String> groupsOf(String userKey) {
                return java.util.Set.of();
            }
        };
        FixedClock clock = FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z"));
        service = new DecisionService(new DecisionStore(ao.entities(), ao.aggregates()), issues, new People(users),
                new NoDomainAuthority(), new HostEvents(new RefEventPublisher()), clock, Seams.caches());
        notifications = new NotificationPipeline(ao.entities(), users, groups, issues, clock);
    }

    @After
    public void tearDown() {
        ao.close();
    }

    @Test
    public void aPutCostsTheSameForAnInformedGroupOfOneAndOfFiveHundred() throws Exception {
        List<String> small = statementsOfDeciding(SMALL, "one");
        List<String> large = statementsOfDeciding(LARGE, "five-hundred");
        System.out.printf("statements of a PUT into DECIDED: informed group of 1: %d, of 500: %d%n", small.size(), large.size());
        assertEquals("the same statements, whatever the group's size:\n" + small + "\n" + large, small.size(), large.size());
        assertEquals("no group member was looked up on the request", 0, memberLookups.get());
        assertEquals("nobody was mailed from the request", List.of(), notifications.mailedTo());

        ao.sql().start();
        notifications.runJob();
        List<String> job = ao.sql().stop();
        System.out.printf("statements of the job run that sent them: %d%n", job.size());
        assertEquals("the job looks each group up once", 2, memberLookups.get());
        assertEquals(1 + 500, notifications.mailedTo().size());
        // per message: its insert, the claim of its try, reading it and marking it sent — each its own small
        // transaction, which is what keeps a message from going out twice; plus a handful per run and per notice
        assertTrue(job.size() + " statements", job.size() <= 4 * 501 + 20);
    }

    private List<String> statementsOfDeciding(IssueRef issue, String group) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"outcome\":\"Switch it off.\",\"informed\":[{\"type\":\"group\",\"name\":\"" + group + "\"}]}");
        ao.sql().start();
        service.put(issue.key(), body);
        return ao.sql().stop();
    }
}
