package io.mandate.decision;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.index.IssueIndexingService;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.mandate.platform.HostEvents;
import io.mandate.platform.JiraIssueAccess;
import io.mandate.platform.Page;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefEventPublisher;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What {@code GET /decisions} costs, counted: the real resource, service, store (Active Objects on HSQLDB and
 * PostgreSQL) and Jira adapter ({@link JiraIssueAccess}) over Jira's interfaces, with 60 decisions of which one is on
 * an issue the caller may not browse (issue security). A page of 5 and a page of 50 cost the same: the same SQL
 * statements of ours, one bulk issue lookup ({@code IssueManager.getIssueObjects}) and no lookup one by one, the
 * caller resolved once, one permission check per candidate (Jira answers those from its permission caches), and each
 * person named on the page looked up once.
 */
@RunWith(Parameterized.class)
public class DecisionListCostTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final int DECISIONS = 60;
    private static final long HIDDEN = 7;
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Map<String, Person> BY_KEY = Stream.of(ALICE, BOB, CAROL)
            .collect(Collectors.toMap(Person::key, Function.identity()));
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final String kind;
    private AoTestSupport ao;
    private IssueManager issueManager;
    private PermissionManager permissions;
    private UserManager userManager;
    private UserDirectory users;
    private DecisionResource resource;
    private final Map<Long, MutableIssue> byId = new java.util.HashMap<>();

    public DecisionListCostTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        DecisionStore store = new DecisionStore(ao.entities(), ao.aggregates());
        Project demo = mock(Project.class);
        when(demo.getId()).thenReturn(10000L);
        when(demo.getKey()).thenReturn("DEMO");
        for (long id = 1; id <= DECISIONS; id++) {
            MutableIssue issue = mock(MutableIssue.class);
            when(issue.getId()).thenReturn(id);
            when(issue.getKey()).thenReturn("DEMO-" + id);
            when(issue.getSummary()).thenReturn("Issue " + id);
            when(issue.getProjectObject()).thenReturn(demo);
            byId.put(id, issue);
            store.save(new Decision(id, 10000L, "DEMO-" + id, "DEMO", DecisionStatus.IN_PROGRESS, BOB.key(), ALICE.key(),
                    List.of(CAROL.key()), List.of(), null, null, null, false, null, T0, T0, 1), null, List.of());
        }
        issueManager = mock(IssueManager.class);
        when(issueManager.getIssueObject(anyLong())).thenAnswer(i -> byId.get(i.<Long>getArgument(0)));
        when(issueManager.getIssueObjects(anyCollection())).thenAnswer(i -> {
            List<Issue> found = new ArrayList<>();
            for (Long id : i.<Collection<Long>>getArgument(0)) {
                if (byId.containsKey(id)) {
                    found.add(byId.get(id));
                }
            }
            return found;
        });
        ApplicationUser alice = mock(ApplicationUser.class);
        userManager = mock(UserManager.class);
        when(userManager.getUserByKey(ALICE.key())).thenReturn(alice);
        permissions = mock(PermissionManager.class);
        when(permissions.getProjects(any(ProjectPermissionKey.class), eq(alice))).thenReturn(List.of(demo));
        when(permissions.hasPermission(any(ProjectPermissionKey.class), any(Issue.class), eq(alice)))
                .thenAnswer(i -> i.<Issue>getArgument(1).getId() != HIDDEN); // at a security level Alice is not in
        users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenReturn(true);
        JiraIssueAccess issues = new JiraIssueAccess(issueManager, permissions, userManager, mock(IssueIndexingService.class));
        DecisionService service = new DecisionService(store, issues, new People(users), new NoDomainAuthority(),
                new HostEvents(new RefEventPublisher()), FixedClock.utc(T0), Seams.caches());
        resource = new DecisionResource(service);
    }

    @After
    public void tearDown() {
        ao.close();
    }

    /** What one {@code GET /decisions?maxResults=n} cost. */
    private record Cost(int statements, int bulkLookups, int lookupsOneByOne, int permissionChecks, int userLookups,
                        int personLookups) {
    }

    private Cost list(int maxResults, List<String> keysShown) {
        clearInvocations(issueManager, permissions, userManager, users);
        ao.sql().start();
        Page<DecisionJson> page = resource.list(null, null, null, null, null, null, null, "0", String.valueOf(maxResults));
        List<String> statements = ao.sql().stop();
        assertEquals("the hidden issue is not counted", DECISIONS - 1, page.total());
        keysShown.addAll(page.values().stream().map(DecisionJson::issueKey).toList());
        assertEquals(maxResults, page.values().size());
        return new Cost(statements.size(),
                count(issueManager, "getIssueObjects"),
                count(issueManager, "getIssueObject"),
                count(permissions, "hasPermission"),
                count(userManager, "getUserByKey"),
                count(users, "byKey"));
    }

    private static int count(Object mock, String method) {
        return (int) mockingDetails(mock).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals(method)).count();
    }

    @Test
    public void aPageOfFiftyCostsWhatAPageOfFiveCosts() {
        list(5, new ArrayList<>()); // the first list of a JVM loads classes; nothing of ours is cached between lists
        List<String> five = new ArrayList<>();
        Cost ofFive = list(5, five);
        List<String> fifty = new ArrayList<>();
        Cost ofFifty = list(50, fifty);

        assertEquals(List.of("DEMO-1", "DEMO-2", "DEMO-3", "DEMO-4", "DEMO-5"), five);
        assertTrue("the hidden issue is not shown", !fifty.contains("DEMO-" + HIDDEN));
        assertEquals("a page of 50 costs what a page of 5 costs: " + ofFive + " / " + ofFifty, ofFive, ofFifty);
        assertEquals("candidates in one streamed statement, the page with its people in two", 3, ofFifty.statements());
        assertEquals("the issues of all candidates in one bulk lookup", 1, ofFifty.bulkLookups());
        assertEquals("no issue looked up one by one (no re-check per row)", 0, ofFifty.lookupsOneByOne());
        assertEquals("one permission check per candidate, none again per row", DECISIONS, ofFifty.permissionChecks());
        assertTrue("the caller resolved once for the projects, once for the issues: " + ofFifty.userLookups(),
                ofFifty.userLookups() <= 2);
        assertEquals("each person on the page once (Bob, Alice, Carol)", 3, ofFifty.personLookups());
        verify(issueManager, never()).getIssueObject(any(String.class));
    }

    @Test
    public void aRepeatedGetCostsNoStatementAndOneIssueLookup() {
        when(issueManager.getIssueObject(anyString())).thenAnswer(i -> byId.get(
                Long.parseLong(i.<String>getArgument(0).substring("DEMO-".length()))));
        resource.get("DEMO-3"); // reads the decision into the cluster cache
        clearInvocations(issueManager, permissions, userManager, users);
        ao.sql().start();
        DecisionJson again = resource.get("DEMO-3");
        assertEquals("the decision from the cluster cache", List.of(), ao.sql().stop());
        assertEquals("DEMO-3", again.issueKey());
        verify(issueManager, times(1)).getIssueObject(anyString());
        assertEquals("one lookup of the key, none by id", 1, count(issueManager, "getIssueObject"));
        assertEquals("BROWSE, once", 1, count(permissions, "hasPermission"));
        assertEquals("each person once (Bob, Alice, Carol)", 3, count(users, "byKey"));
    }

    @Test
    public void aLongListIsJudgedOneThousandIssuesPerHostCall() {
        JiraIssueAccess access = new JiraIssueAccess(issueManager, permissions, userManager, mock(IssueIndexingService.class));
        List<Long> ids = java.util.stream.LongStream.rangeClosed(1, 2_500).boxed().toList(); // 60 exist
        clearInvocations(issueManager);
        assertEquals(DECISIONS - 1, access.browsableByIds(ids, Optional.of(ALICE)).size());
        verify(issueManager, times(3)).getIssueObjects(anyCollection()); // 1,000 + 1,000 + 500
        verify(issueManager, never()).getIssueObject(anyLong());
    }

    @Test
    public void theIssuesOfAListAreJudgedForTheCallerInOneCall() {
        list(50, new ArrayList<>());
        verify(issueManager, times(1)).getIssueObjects(anyCollection());
        verify(issueManager, never()).getIssueObject(anyLong());
    }
}
