package io.mandate.decision;

import io.mandate.platform.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The rules of decision ownership (product brief, "Decision"; REST contract, decision rules), without a database. */
public class DecisionServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-11-01T08:30:00Z");

    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Person CAROL = new Person("k-carol", "carol", "Carol Clark");
    private static final Person DAVE = new Person("k-dave", "dave", "Dave Dormant");
    private static final Map<String, Person> BY_NAME = Stream.of(ALICE, BOB, CAROL, DAVE)
            .collect(Collectors.toMap(Person::name, Function.identity()));
    private static final Map<String, Person> BY_KEY = Stream.of(ALICE, BOB, CAROL, DAVE)
            .collect(Collectors.toMap(Person::key, Function.identity()));

    private static final IssueRef ISSUE = new IssueRef(10L, "DEMO-1", "Choose the message broker", 10000L, "DEMO", "Task",
            List.of(), List.of());

    private DecisionStore store;
    private IssueAccess issues;
    private UserDirectory users;
    private DecisionService service;

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        issues = mock(IssueAccess.class);
        users = mock(UserDirectory.class);
        // the real event path: the service publishes DecisionChanged, the reactions re-index
        io.mandate.refhost.platform.RefEventPublisher bus = new io.mandate.refhost.platform.RefEventPublisher();
        new DecisionReactions(bus, issues).afterPropertiesSet();
        service = new DecisionService(store, issues, new io.mandate.platform.People(users), new NoDomainAuthority(),
                new io.mandate.platform.HostEvents(bus), io.mandate.testing.FixedClock.utc(NOW), io.mandate.testing.Seams.caches());

        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName(anyString())).thenAnswer(i -> Optional.ofNullable(BY_NAME.get(i.<String>getArgument(0))));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenAnswer(i -> !DAVE.equals(i.getArgument(0)));
        when(users.groupExists(anyString())).thenAnswer(i -> "developers".equals(i.getArgument(0)));

        when(issues.browsableByIds(any(), any())).thenCallRealMethod(); // the interface's one-by-one default over the stubs below
        when(issues.browsable(anyString(), any())).thenReturn(Optional.empty());
        when(issues.browsable(eq("DEMO-1"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);

        when(store.find(ISSUE.id())).thenReturn(Optional.empty());
        when(store.save(any(), any(java.util.Optional.class), anyList(), any())).thenAnswer(i -> i.getArgument(0));
    }

    // ----- lists go by issue id -----

    @Test
    public void theCountsPerStatusLeaveOutDecisionsOnIssuesTheCallerMayNotBrowse() {
        when(issues.browsableProjects(any())).thenReturn(java.util.Set.of(10000L));
        doAnswer(i -> {
            java.util.function.BiConsumer<DecisionStore.Candidate, DecisionStatus> each = i.getArgument(1);
            each.accept(new DecisionStore.Candidate(1, 10000L), DecisionStatus.OPEN);
            each.accept(new DecisionStore.Candidate(2, 10000L), DecisionStatus.OPEN);
            each.accept(new DecisionStore.Candidate(3, 10000L), DecisionStatus.DECIDED); // at a security level the caller is not in
            return null;
        }).when(store).forEachStatus(eq(java.util.Set.of(10000L)), any());
        when(issues.browsable(eq(1L), any())).thenReturn(Optional.of(issue(1, "DEMO-10", 10000L)));
        when(issues.browsable(eq(2L), any())).thenReturn(Optional.of(issue(2, "DEMO-2", 10000L)));
        when(issues.browsable(eq(3L), any())).thenReturn(Optional.empty());

        assertEquals(java.util.Map.of(DecisionStatus.OPEN, 2L), service.countByStatus());
    }

    @Test
    public void aListCountsAndShowsOnlyIssuesTheCallerMaySeeNowInTheOrderOfTheirCurrentKeys() {
        when(issues.browsableProjects(any())).thenReturn(java.util.Set.of(10000L));
        when(store.candidates(any())).thenReturn(List.of(new DecisionStore.Candidate(1, 10000L),
                new DecisionStore.Candidate(2, null), new DecisionStore.Candidate(3, 10000L), new DecisionStore.Candidate(4, 10000L)));
        when(issues.browsable(eq(1L), any())).thenReturn(Optional.of(issue(1, "DEMO-10", 10000L)));
        when(issues.browsable(eq(2L), any())).thenReturn(Optional.of(issue(2, "DEMO-2", 10000L)));
        when(issues.browsable(eq(3L), any())).thenReturn(Optional.empty()); // deleted, or at a security level
        when(issues.browsable(eq(4L), any())).thenReturn(Optional.of(issue(4, "OPS-1", 10001L))); // moved to OPS
        when(store.findAll(any())).thenAnswer(i -> List.<Long>copyOf(i.getArgument(0)).stream().map(id -> stored(DecisionStatus.OPEN, null, null, null, 1)).toList());

        io.mandate.platform.Page<Decision> page = service.list(new DecisionService.ListFilter(null, null, null, null, null, null, null, null));

        assertEquals("hidden and deleted issues are not counted", 3, page.total());
        verify(store).findAll(List.of(2L, 1L, 4L));
        verify(store).updateProjectId(2, 10000L);
        verify(store).updateProjectId(4, 10001L);
        verify(store, never()).updateProjectId(eq(1L), anyLong());
    }

    @Test
    public void aProjectFilterGoesByTheProjectIdOfTheCurrentKey() {
        when(issues.browsableProjects(any())).thenReturn(java.util.Set.of(10000L, 10001L));
        when(issues.browsableProject(eq("ops"), any())).thenReturn(Optional.of(10001L));
        when(store.candidates(any())).thenReturn(List.of(new DecisionStore.Candidate(2, null)));
        when(issues.browsable(eq(2L), any())).thenReturn(Optional.of(issue(2, "DEMO-2", 10000L)));

        io.mandate.platform.Page<Decision> page = service.list(new DecisionService.ListFilter("ops", null, null, null, null, null, null, null));

        org.mockito.ArgumentCaptor<DecisionQuery> query = org.mockito.ArgumentCaptor.forClass(DecisionQuery.class);
        verify(store).candidates(query.capture());
        assertEquals(Long.valueOf(10001L), query.getValue().project());
        assertEquals("a row without project id that turns out to be in DEMO is not in OPS", 0, page.total());
    }

    @Test
    public void aProjectTheCallerCannotBrowseListsNothing() {
        when(issues.browsableProject(anyString(), any())).thenReturn(Optional.empty());
        io.mandate.platform.Page<Decision> page = service.list(new DecisionService.ListFilter("HR", null, null, null, null, null, null, null));
        assertEquals(0, page.total());
        verify(store, never()).candidates(any());
    }

    @Test
    public void maxResultsZeroCountsWhatTheCallerMaySeeAndReadsNoDecision() {
        when(issues.browsableProjects(any())).thenReturn(java.util.Set.of(10000L));
        when(store.candidates(any())).thenReturn(List.of(new DecisionStore.Candidate(1, 10000L), new DecisionStore.Candidate(3, 10000L)));
        when(issues.browsable(eq(1L), any())).thenReturn(Optional.of(issue(1, "DEMO-1", 10000L)));
        when(issues.browsable(eq(3L), any())).thenReturn(Optional.empty());

        io.mandate.platform.Page<Decision> page = service.list(new DecisionService.ListFilter(null, null, null, null, null, null, null, "0"));

        assertEquals(1, page.total());
        assertEquals(List.of(), page.values());
        verify(store, never()).findAll(any());
    }

    private static IssueRef issue(long id, String key, long projectId) {
        return new IssueRef(id, key, "Summary of " + key, projectId, key.substring(0, key.indexOf('-')), "Task", List.of(), List.of());
    }

    // ----- who may read and change -----

    @Test
    public void getOnIssueTheUserCannotBrowseIs404() {
        assertStatus(404, () -> service.get("HIDDEN-1"));
    }

    @Test
    public void getOnIssueWithoutDecisionIs404() {
        assertStatus(404, () -> service.get("DEMO-1"));
    }

    @Test
    public void getReturnsTheStoredDecision() {
        Decision stored = stored(DecisionStatus.OPEN, null, null, null, 2);
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored));
        assertEquals(stored, service.get("DEMO-1"));
    }

    @Test
    public void putOnIssueTheUserCannotBrowseIs404AndSavesNothing() {
        assertStatus(404, () -> service.put("HIDDEN-1", body("{}")));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void browseOnlyUserGets403OnPutAndNothingIsSaved() {
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(false);
        assertStatus(403, () -> service.put("DEMO-1", body("{}")));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void anonymousPutIs401AndNothingIsSaved() {
        when(users.currentUser()).thenReturn(Optional.empty());
        assertStatus(401, () -> service.put("DEMO-1", body("{}")));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void browseOnlyUserGets403OnDeleteAndNothingIsDeleted() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 1)));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(false);
        assertStatus(403, () -> service.delete("DEMO-1", 1));
        verify(store, never()).delete(any(Long.class), any(Integer.class), anyList());
    }

    // ----- the search index -----

    @Test
    public void anAcceptedSaveAsksJiraToReindexTheIssue() {
        service.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        verify(issues).reindex(ISSUE);
    }

    @Test
    public void aRefusedSaveDoesNotReindex() {
        assertStatus(400, () -> service.put("DEMO-1", body("{\"status\":\"DECIDED\"}")));
        verify(issues, never()).reindex(any());
    }

    @Test
    public void aDeleteAsksJiraToReindexTheIssue() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 1)));
        when(store.delete(any(Long.class), any(Integer.class), anyList())).thenReturn(true);
        service.delete("DEMO-1", 1);
        verify(issues).reindex(ISSUE);
    }

    /** Another DELETE of the same version removed it between our read and our write: the version was not honoured. */
    @Test
    public void aDeleteWithAVersionWhoseDecisionVanishedMeanwhileIs409() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 1)));
        when(store.delete(any(Long.class), any(Integer.class), anyList())).thenReturn(false);
        assertStatus(409, () -> service.delete("DEMO-1", 1));
        verify(issues, never()).reindex(any());
    }

    @Test
    public void aDeleteWithAVersionWhenThereIsNoDecisionIs409() {
        assertStatus(409, () -> service.delete("DEMO-1", 1));
    }

    @Test
    public void aDeleteWithoutAVersionWhenThereIsNoDecisionIs404() {
        assertStatus(404, () -> service.delete("DEMO-1", null));
    }

    /** Without a version the delete is unconditional, as Jira's own are: a concurrent change does not stop it. */
    @Test
    public void aDeleteWithoutAVersionRetriesWhenSomeoneSavedMeanwhile() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 1)),
                Optional.of(stored(DecisionStatus.OPEN, null, null, null, 2)));
        when(store.delete(eq(ISSUE.id()), eq(1), anyList())).thenThrow(new StaleDecisionException(2));
        when(store.delete(eq(ISSUE.id()), eq(2), anyList())).thenReturn(true);
        service.delete("DEMO-1", null);
        verify(store).delete(eq(ISSUE.id()), eq(2), anyList());
        verify(issues).reindex(ISSUE);
    }

    // ----- what a valid decision is -----

    @Test
    public void openDecisionNeedsNeitherDriverNorApprover() {
        Decision saved = service.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        assertEquals(DecisionStatus.OPEN, saved.status());
        assertNull(saved.approverKey());
        assertNull(saved.driverKey());
    }

    @Test
    public void newDecisionWithoutStatusIsOpen() {
        assertEquals(DecisionStatus.OPEN, service.put("DEMO-1", body("{}")).status());
    }

    @Test
    public void approverIsRequiredUnlessOpen() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\"}")));
        assertEquals(List.of("approver"), List.copyOf(e.errors().keySet()));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void driverIsRequiredUnlessOpen() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"status\":\"DEFERRED\",\"approver\":\"bob\"}")));
        assertEquals(List.of("driver"), List.copyOf(e.errors().keySet()));
    }

    @Test
    public void outcomeIsRequiredForDecided() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\"}")));
        assertEquals(List.of("outcome"), List.copyOf(e.errors().keySet()));
    }

    @Test
    public void blankOutcomeDoesNotCountForDecided() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\",\"outcome\":\"   \"}")));
        assertTrue(e.errors().containsKey("outcome"));
    }

    @Test
    public void unknownApproverIs400NamingFieldAndName() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"approver\":\"zed\"}")));
        assertTrue(e.errors().get("approver"), e.errors().get("approver").contains("zed"));
    }

    @Test
    public void unknownDriverIs400NamingFieldAndName() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"driver\":\"zed\"}")));
        assertTrue(e.errors().get("driver"), e.errors().get("driver").contains("zed"));
    }

    @Test
    public void unknownContributorIs400NamingFieldAndName() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"contributors\":[\"bob\",\"zed\"]}")));
        String message = e.errors().get("contributors");
        assertTrue(message, message.contains("zed"));
        assertTrue(message, !message.contains("bob"));
    }

    @Test
    public void unknownInformedUserIs400NamingFieldAndName() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"informed\":[{\"type\":\"user\",\"name\":\"zed\"}]}")));
        assertTrue(e.errors().get("informed"), e.errors().get("informed").contains("zed"));
    }

    @Test
    public void unknownInformedGroupIs400NamingFieldAndName() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"informed\":[{\"type\":\"group\",\"name\":\"developers\"},{\"type\":\"group\",\"name\":\"ghosts\"}]}")));
        String message = e.errors().get("informed");
        assertTrue(message, message.contains("ghosts"));
        assertTrue(message, !message.contains("developers"));
    }

    @Test
    public void inactiveApproverIsRejected() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"approver\":\"dave\"}")));
        assertTrue(e.errors().get("approver"), e.errors().get("approver").contains("dave"));
    }

    @Test
    public void inactiveContributorIsRejected() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"contributors\":[\"dave\"]}")));
        assertTrue(e.errors().get("contributors"), e.errors().get("contributors").contains("dave"));
    }

    @Test
    public void inactiveInformedUserIsRejected() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1",
                body("{\"informed\":[{\"type\":\"user\",\"name\":\"dave\"}]}")));
        assertTrue(e.errors().get("informed"), e.errors().get("informed").contains("dave"));
    }

    @Test
    public void everyInvalidFieldIsReportedAtOnce() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"status\":\"DECIDED\","
                + "\"driver\":\"nobody\",\"approver\":\"dave\",\"contributors\":[\"zed\"],"
                + "\"informed\":[{\"type\":\"group\",\"name\":\"ghosts\"}],\"domain\":\"ARCH\",\"dueDate\":\"soon\"}")));
        assertEquals(Set.of("driver", "approver", "contributors", "informed", "outcome", "domain", "dueDate"),
                e.errors().keySet());
    }

    @Test
    public void anyDomainIsRejectedWhileNoneExist() {
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"domain\":\"ARCH\"}")));
        assertTrue(e.errors().get("domain"), e.errors().get("domain").contains("ARCH"));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void savedDecisionRefersToPeopleByKey() {
        Decision saved = service.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\","
                + "\"approver\":\"bob\",\"contributors\":[\"carol\"],"
                + "\"informed\":[{\"type\":\"user\",\"name\":\"carol\"},{\"type\":\"group\",\"name\":\"developers\"}],"
                + "\"dueDate\":\"2026-12-01\"}"));
        assertEquals("k-alice", saved.driverKey());
        assertEquals("k-bob", saved.approverKey());
        assertEquals(List.of("k-carol"), saved.contributorKeys());
        assertEquals(List.of(new Principal(Principal.Type.USER, "k-carol"), new Principal(Principal.Type.GROUP, "developers")),
                saved.informed());
        assertEquals(LocalDate.parse("2026-12-01"), saved.dueDate());
        verify(store).save(any(), eq(java.util.Optional.empty()), anyList(), any());
    }

    // ----- versions -----

    @Test
    public void replacingWithoutVersionIs400NamingVersion() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 3)));
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"status\":\"OPEN\"}")));
        assertTrue(e.errors().containsKey("version"));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void staleVersionIs409AndNothingIsSaved() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 3)));
        ApiException e = assertStatus(409, () -> service.put("DEMO-1", body("{\"status\":\"OPEN\",\"version\":2}")));
        assertTrue(e.errors().get("version"), e.errors().get("version").contains("3"));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void replacingWithCurrentVersionSavesExpectingThatVersion() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 3)));
        Decision saved = service.put("DEMO-1", body("{\"status\":\"OPEN\",\"dueDate\":\"2026-12-24\",\"version\":3}"));
        // the store is given the decision as read (version 3): it saves expecting that version
        verify(store).save(any(), org.mockito.ArgumentMatchers.<Optional<Decision>>argThat(
                current -> current.isPresent() && current.get().version() == 3), anyList(), any());
        assertEquals(4, saved.version());
    }

    @Test
    public void saveThatFindsAStaleVersionBecomes409() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.OPEN, null, null, null, 3)));
        when(store.save(any(), any(java.util.Optional.class), anyList(), any())).thenThrow(new StaleDecisionException(4));
        ApiException e = assertStatus(409, () -> service.put("DEMO-1", body("{\"status\":\"OPEN\",\"dueDate\":\"2026-12-24\",\"version\":3}")));
        assertTrue(e.errors().get("version"), e.errors().get("version").contains("4"));
    }

    // ----- status moves and decidedAt -----

    @Test
    public void decidedAtIsSetToTheClockWhenBecomingDecided() {
        Decision saved = service.put("DEMO-1", body(
                "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\",\"outcome\":\"Kafka\"}"));
        assertEquals(NOW, saved.decidedAt());
    }

    @Test
    public void decidedAtIsKeptWhenTheDecisionStaysDecided() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 5)));
        Decision saved = service.put("DEMO-1", body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\","
                + "\"outcome\":\"Kafka, with two brokers\",\"version\":5}"));
        assertEquals(EARLIER, saved.decidedAt());
    }

    @Test
    public void openDecisionHasNoDecidedAt() {
        assertNull(service.put("DEMO-1", body("{\"status\":\"OPEN\"}")).decidedAt());
    }

    @Test
    public void decidedDecisionCannotGoBackToOpen() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 5)));
        ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"status\":\"OPEN\",\"version\":5}")));
        assertTrue(e.errors().containsKey("status"));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    @Test
    public void decidedDecisionCanBeReversed() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 5)));
        Decision saved = service.put("DEMO-1", body("{\"status\":\"REVERSED\",\"driver\":\"alice\",\"approver\":\"bob\","
                + "\"outcome\":\"Kafka\",\"version\":5}"));
        assertEquals(DecisionStatus.REVERSED, saved.status());
    }

    // ----- audit -----

    @Test
    public void auditStoresUserKeysForPeopleNotUsernames() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(new Decision(ISSUE.id(), ISSUE.projectId(), "DEMO-1", "DEMO",
                DecisionStatus.IN_PROGRESS, "k-alice", "k-bob", List.of("k-carol"), List.of(), null, null, null, null,
                EARLIER, EARLIER, 2)));
        service.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\","
                + "\"contributors\":[\"bob\",\"carol\"],\"version\":2}"));
        assertEquals(List.of(
                new AuditEntry("DEMO-1", "k-alice", NOW, "approver", "k-bob", "k-carol"),
                new AuditEntry("DEMO-1", "k-alice", NOW, "contributors", "[\"k-carol\"]", "[\"k-bob\",\"k-carol\"]")),
                savedAudit());
    }

    @Test
    public void auditOfANewDecisionStartsFromNothingAndTellsInformedUsersFromGroups() {
        service.put("DEMO-1", body("{\"status\":\"OPEN\",\"informed\":[{\"type\":\"group\",\"name\":\"developers\"},"
                + "{\"type\":\"user\",\"name\":\"carol\"}]}"));
        assertEquals(List.of(
                new AuditEntry("DEMO-1", "k-alice", NOW, "status", null, "OPEN"),
                new AuditEntry("DEMO-1", "k-alice", NOW, "informed", null,
                        "[{\"type\":\"group\",\"name\":\"developers\"},{\"type\":\"user\",\"key\":\"k-carol\"}]")),
                savedAudit());
    }

    @Test
    public void anUnchangedDecisionIsNotWrittenAgain() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.IN_PROGRESS, "k-alice", "k-bob", null, 2)));
        Decision result = service.put("DEMO-1", body("{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"bob\",\"version\":2}"));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
        verify(issues, never()).reindex(any());
        assertEquals("no new version for a write that changes nothing", 2, result.version());
    }

    @Test
    public void aReversalKeepsWhenTheDecisionHadBeenMade() {
        Instant decided = Instant.parse("2026-11-01T08:00:00Z");
        Decision d = stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 2);
        d = new Decision(d.issueId(), d.projectId(), d.issueKey(), d.projectKey(), d.status(), d.driverKey(), d.approverKey(),
                d.contributorKeys(), d.informed(), d.dueDate(), d.outcome(), d.domain(), decided, d.created(), d.updated(), 2);
        when(store.find(ISSUE.id())).thenReturn(Optional.of(d));
        Decision saved = service.put("DEMO-1", body(
                "{\"status\":\"REVERSED\",\"driver\":\"alice\",\"approver\":\"bob\",\"outcome\":\"Kafka\",\"version\":2}"));
        assertEquals(decided, saved.decidedAt());
    }

    // ----- review date -----

    @Test
    public void settingChangingAndClearingAReviewDateIsAuditedAsItsOwnField() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 2)));
        Decision saved = service.put("DEMO-1", body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\","
                + "\"outcome\":\"Kafka\",\"reviewDate\":\"2027-05-01\",\"version\":2}"));
        assertEquals(LocalDate.of(2027, 5, 1), saved.reviewDate());
        assertEquals(List.of(new AuditEntry("DEMO-1", "k-alice", NOW, "reviewDate", null, "2027-05-01")), savedAudit());

        Decision withReview = withReviewDate(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 3), LocalDate.of(2027, 5, 1));
        for (String[] change : new String[][] {{"\"2027-06-01\"", "2027-06-01"}, {"null", null}}) {
            org.mockito.Mockito.clearInvocations(store);
            when(store.find(ISSUE.id())).thenReturn(Optional.of(withReview));
            service.put("DEMO-1", body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\","
                    + "\"outcome\":\"Kafka\",\"reviewDate\":" + change[0] + ",\"version\":3}"));
            assertEquals(List.of(new AuditEntry("DEMO-1", "k-alice", NOW, "reviewDate", "2027-05-01", change[1])), savedAudit());
        }
    }

    @Test
    public void anUnchangedReviewDateIsNoChange() {
        when(store.find(ISSUE.id())).thenReturn(Optional.of(
                withReviewDate(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 3), LocalDate.of(2027, 5, 1))));
        Decision result = service.put("DEMO-1", body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\","
                + "\"outcome\":\"Kafka\",\"reviewDate\":\"2027-05-01\",\"version\":3}"));
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
        assertEquals(3, result.version());
    }

    @Test
    public void aReviewDateMayBeSetBeforeTheDecisionIsMadeAndAppliesOnceItIs() {
        // the clock says 2026-11-20; a review date in the past is accepted (a decision recorded late)
        Decision open = service.put("DEMO-1", body("{\"status\":\"OPEN\",\"reviewDate\":\"2026-01-01\"}"));
        assertEquals(LocalDate.of(2026, 1, 1), open.reviewDate());
        assertEquals(Boolean.FALSE, json(open, service.today()).checks().get("dueForReview"));

        when(store.find(ISSUE.id())).thenReturn(Optional.of(open));
        Decision decided = service.put("DEMO-1", body("{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"bob\","
                + "\"outcome\":\"Kafka\",\"reviewDate\":\"2026-01-01\",\"version\":1}"));
        assertEquals("a review date before the decision was made: due for review at once",
                Boolean.TRUE, json(decided, service.today()).checks().get("dueForReview"));
        assertEquals("2026-01-01", json(decided, service.today()).reviewDate());
    }

    @Test
    public void dueForReviewMeansDecidedAndReviewDateStrictlyBeforeTodayOfTheProductClock() {
        LocalDate today = service.today();
        assertEquals(LocalDate.of(2026, 11, 20), today);
        Decision decided = stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 2);
        assertEquals(Boolean.FALSE, json(decided, today).checks().get("dueForReview"));
        assertEquals(Boolean.FALSE, json(withReviewDate(decided, today), today).checks().get("dueForReview"));
        assertEquals(Boolean.FALSE, json(withReviewDate(decided, today.plusDays(1)), today).checks().get("dueForReview"));
        assertEquals(Boolean.TRUE, json(withReviewDate(decided, today.minusDays(1)), today).checks().get("dueForReview"));
        for (DecisionStatus other : List.of(DecisionStatus.OPEN, DecisionStatus.IN_PROGRESS, DecisionStatus.DEFERRED,
                DecisionStatus.REVERSED)) {
            assertEquals(other.name(), Boolean.FALSE, json(withReviewDate(stored(other, "k-alice", "k-bob", "Kafka", 2),
                    today.minusYears(1)), today).checks().get("dueForReview"));
        }
        assertEquals(List.of("authorityViolation", "consultationGap", "overdue", "dueForReview"),
                List.copyOf(json(decided, today).checks().keySet()));
    }

    @Test
    public void todayIsTheDayInTheProductsTimeZone() {
        // 10:00 UTC on 20 November is already 21 November at UTC+14: a review date of the 20th has passed there
        DecisionService kiritimati = new DecisionService(store, issues, new io.mandate.platform.People(users), new NoDomainAuthority(),
                new io.mandate.platform.HostEvents(new io.mandate.refhost.platform.RefEventPublisher()),
                new io.mandate.testing.FixedClock(NOW, java.time.ZoneId.of("Pacific/Kiritimati")), io.mandate.testing.Seams.caches());
        Decision review20th = withReviewDate(stored(DecisionStatus.DECIDED, "k-alice", "k-bob", "Kafka", 2), LocalDate.of(2026, 11, 20));
        assertEquals(Boolean.TRUE, json(review20th, kiritimati.today()).checks().get("dueForReview"));
        assertEquals(Boolean.FALSE, json(review20th, service.today()).checks().get("dueForReview"));
    }

    @Test
    public void theListFilterDueForReviewAsksTheStoreForDecidedDecisionsReviewedBeforeToday() {
        when(issues.browsableProjects(any())).thenReturn(java.util.Set.of(10000L));
        when(store.candidates(any())).thenReturn(List.of());
        service.list(new DecisionService.ListFilter(null, null, null, null, null, null, "true", null, null));
        ArgumentCaptor<DecisionQuery> query = ArgumentCaptor.forClass(DecisionQuery.class);
        verify(store).candidates(query.capture());
        assertEquals(LocalDate.of(2026, 11, 20), query.getValue().reviewDueOn());
        assertNull(query.getValue().overdueOn());

        org.mockito.Mockito.clearInvocations(store);
        service.list(new DecisionService.ListFilter(null, null, null, null, null, null, "false", null, null));
        verify(store).candidates(query.capture());
        assertNull(query.getValue().reviewDueOn());
    }

    @Test
    public void aListFilterDueForReviewThatIsNoBooleanIs400NamingIt() {
        ApiException e = assertStatus(400, () -> service.list(
                new DecisionService.ListFilter(null, null, null, null, null, "yes", "1", null, null)));
        assertEquals(Set.of("overdue", "dueForReview"), e.errors().keySet());
        verify(store, never()).candidates(any());
    }

    @Test
    public void aBadReviewDateIs400NamingReviewDateAndSavesNothing() {
        for (String bad : List.of("\"2027-02-30\"", "\"01.05.2027\"", "20270501", "true", "{}")) {
            ApiException e = assertStatus(400, () -> service.put("DEMO-1", body("{\"status\":\"OPEN\",\"reviewDate\":" + bad + "}")));
            assertEquals(bad, Set.of("reviewDate"), e.errors().keySet());
        }
        verify(store, never()).save(any(), any(java.util.Optional.class), anyList(), any());
    }

    private static Decision withReviewDate(Decision d, LocalDate reviewDate) {
        return new Decision(d.issueId(), d.projectId(), d.issueKey(), d.projectKey(), d.status(), d.driverKey(), d.approverKey(),
                d.contributorKeys(), d.informed(), d.dueDate(), reviewDate, d.outcome(), d.domain(), d.domainSetByHand(),
                d.decidedAt(), d.created(), d.updated(), d.version());
    }

    private static DecisionJson json(Decision d, LocalDate today) {
        return DecisionJson.of(d, ISSUE, key -> Optional.ofNullable(BY_KEY.get(key)), today, DecisionAuthority.Checks.NONE);
    }

    // ----- helpers -----

    @SuppressWarnings("unchecked")
    private List<AuditEntry> savedAudit() {
        ArgumentCaptor<List<AuditEntry>> audit = ArgumentCaptor.forClass(List.class);
        verify(store).save(any(), any(java.util.Optional.class), audit.capture(), any());
        return audit.getValue();
    }

    private static Decision stored(DecisionStatus status, String driverKey, String approverKey, String outcome, int version) {
        return new Decision(ISSUE.id(), ISSUE.projectId(), ISSUE.key(), ISSUE.projectKey(), status, driverKey, approverKey, List.of(),
                List.of(), null, outcome, null, status == DecisionStatus.DECIDED ? EARLIER : null, EARLIER, EARLIER, version);
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ApiException assertStatus(int status, Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            assertEquals(e.getMessage() + " " + e.errors(), status, e.status());
            return e;
        }
        fail("expected ApiException " + status);
        return null;
    }
}
