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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The reported flood: toggling a decision between DECIDED and REVERSED mailed a whole informed group on
 * every PUT. With the real store (HSQLDB), service, queue, notifier and notification job, ten toggles within one
 * quiet period tell each member of the group once of each status — two mails, not ten — whether the job runs once
 * after them or after every one.
 */
public class NotificationFloodTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final List<Person> DEVELOPERS = IntStream.range(0, 30)
            .mapToObj(i -> new Person("k-dev" + i, "dev" + i, "Developer " + i)).toList();
    private static final IssueRef ISSUE = new IssueRef(15L, "DEMO-15", "Legacy reporting", 10000L, "DEMO", "Epic", List.of(), List.of());

    private AoTestSupport ao;
    private DecisionService service;
    private NotificationPipeline notifications;

    @Before
    public void setUp() {
        ao = new AoTestSupport("hsqldb", DecisionTables.all());
        DecisionStore store = new DecisionStore(ao.entities(), ao.aggregates());
        IssueAccess issues = mock(IssueAccess.class);
        when(issues.browsable(eq("DEMO-15"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.browsable(eq(15L), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);
        Map<String, Person> byName = new java.util.HashMap<>(DEVELOPERS.stream().collect(Collectors.toMap(Person::name, Function.identity())));
        byName.put("alice", ALICE);
        byName.put("carol", CAROL);
        Map<String, Person> byKey = byName.values().stream().collect(Collectors.toMap(Person::key, Function.identity()));
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName(anyString())).thenAnswer(i -> Optional.ofNullable(byName.get(i.<String>getArgument(0))));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(byKey.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenReturn(true);
        when(users.groupExists("developers")).thenReturn(true);
        when(users.emailAddress(any())).thenAnswer(i -> Optional.of(i.<Person>getArgument(0).name() + "@example.com"));
        when(users.locale(any())).thenReturn(Locale.ENGLISH);
        GroupDirectory groups = new GroupDirectory() {
            @Override
            public List<Person> membersOf(String group) {
                return "developers".equals(group) ? DEVELOPERS : List.of();
            }

            @Override
            public java.util.Set<String> groupsOf(String userKey) {
                return java.util.Set.of();
            }
        };
        FixedClock clock = FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z"));
        notifications = new NotificationPipeline(ao.entities(), users, groups, issues, clock);
        RefEventPublisher bus = new RefEventPublisher();
        new DecisionReactions(bus, issues).afterPropertiesSet();
        service = new DecisionService(store, issues, new People(users), new NoDomainAuthority(), new HostEvents(bus),
                clock, Seams.caches());
    }

    @After
    public void tearDown() {
        ao.close();
    }

    @Test
    public void togglingTenTimesTellsEachGroupMemberOnceOfEachStatus() throws Exception {
        service.put("DEMO-15", body(null, "DECIDED"));
        for (int version = 1; version <= 9; version++) {
            service.put("DEMO-15", body(version, version % 2 == 1 ? "REVERSED" : "DECIDED"));
        }
        assertEquals("the writes queued their notices and mailed nobody", List.of(), notifications.mailedTo());
        assertEquals(10, notifications.queue.notices());
        notifications.runJob();
        assertTwoMailsEach(notifications.mailedTo());
        assertEquals(0, notifications.queue.notices());
    }

    @Test
    public void theJobRunningBetweenTheTogglesCoalescesThemAlike() throws Exception {
        service.put("DEMO-15", body(null, "DECIDED"));
        notifications.runJob();
        for (int version = 1; version <= 9; version++) {
            service.put("DEMO-15", body(version, version % 2 == 1 ? "REVERSED" : "DECIDED"));
            notifications.runJob();
        }
        assertTwoMailsEach(notifications.mailedTo());
    }

    private static void assertTwoMailsEach(List<String> mailedTo) {
        Map<String, Long> perAddress = mailedTo.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertEquals(30, perAddress.size());
        assertEquals("one DECIDED and one REVERSED mail each", Map.of(2L, 30L),
                perAddress.values().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())));
    }

    private static ObjectNode body(Integer version, String status) throws Exception {
        String json = "{" + (version == null ? "" : "\"version\":" + version + ",") + "\"status\":\"" + status + "\","
                + "\"driver\":\"alice\",\"approver\":\"carol\",\"outcome\":\"Switch it off.\","
                + "\"informed\":[{\"type\":\"group\",\"name\":\"developers\"}]}";
        return (ObjectNode) JSON.readTree(json);
    }
}
