package io.mandate.authority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.AuditLog;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.platform.rest.ApiException;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The access rules and validation of {@link AuthorityService} without a database: what a project administrator
 * may and may not change (the distributed part of the matrix), stale versions, unknown holders.
 */
public class AuthorityServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ADMIN = new Person("k-admin", "admin", "Administrator");
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person ERIN = new Person("k-erin", "erin", "Erin Evans");
    private static final Person FRANK = new Person("k-frank", "frank", "Frank Fischer");
    private static final Person IVAN = new Person("k-ivan", "ivan", "Ivan Ivanov");
    private static final Map<String, Person> BY_NAME = Stream.of(ADMIN, ALICE, ERIN, FRANK, IVAN)
            .collect(Collectors.toMap(Person::name, Function.identity()));
    private static final Map<String, Person> BY_KEY = Stream.of(ADMIN, ALICE, ERIN, FRANK, IVAN)
            .collect(Collectors.toMap(Person::key, Function.identity()));

    private static final Domain DEMO = domain("R_DEMO", List.of("DEMO"));
    private static final Domain OPS = domain("R_OPS", List.of("OPS"));
    private static final Domain BOTH = domain("R_BOTH", List.of("DEMO", "OPS"));
    private static final Domain NONE = domain("R_NONE", List.of());

    private DomainStore domains;
    private GrantStore grants;
    private AbsenceStore absences;
    private DecisionStore decisions;
    private UserDirectory users;
    private AuditLog auditLog;
    private AuthorityService service;
    private Person caller;

    private static Domain domain(String key, List<String> projects) {
        return new Domain(key, key, null, new DomainScope(projects, List.of(), List.of(), List.of("x"), List.of()), 3);
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private IssueAccess issues;

    /** Decisions recorded in a domain: issue id → stored project id (the store streams them as candidates). */
    private void decisionsIn(String domainKey, Map<Long, Long> issueProjects) {
        org.mockito.Mockito.doAnswer(i -> {
            java.util.function.Consumer<io.mandate.decision.DecisionStore.Candidate> each = i.getArgument(1);
            issueProjects.forEach((issue, project) -> each.accept(new io.mandate.decision.DecisionStore.Candidate(issue, project)));
            return null;
        }).when(decisions).forEachInDomain(eq(domainKey), any());
    }

    /** The caller browses projects 1 and 2, and in project 2 every issue but 20. */
    private void browsing() {
        when(issues.browsableProjects(any())).thenReturn(Set.of(1L, 2L));
        when(issues.browsable(org.mockito.ArgumentMatchers.anyLong(), any())).thenAnswer(i -> {
            long id = i.getArgument(0);
            return id == 20 || id >= 30 ? Optional.empty()
                    : Optional.of(new io.mandate.platform.IssueRef(id, "DEMO-" + id, "s", 1, "DEMO", "Task", List.of(), List.of()));
        });
    }

    @Before
    public void setUp() {
        domains = mock(DomainStore.class);
        grants = mock(GrantStore.class);
        absences = mock(AbsenceStore.class);
        decisions = mock(DecisionStore.class);
        users = mock(UserDirectory.class);
        auditLog = mock(AuditLog.class);
        issues = mock(IssueAccess.class);
        when(issues.browsableByIds(any(), any())).thenCallRealMethod(); // the interface's one-by-one default over the stubs below
        GroupDirectory groups = mock(GroupDirectory.class);
        service = new AuthorityService(domains, grants, absences, decisions, issues, new People(users), groups,
                FixedClock.utc(Instant.parse("2026-12-01T10:00:00Z")), auditLog, Seams.caches());

        when(users.currentUser()).thenAnswer(i -> Optional.ofNullable(caller));
        when(users.byName(anyString())).thenAnswer(i -> Optional.ofNullable(BY_NAME.get(i.<String>getArgument(0))));
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(BY_KEY.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenAnswer(i -> !IVAN.equals(i.getArgument(0)));
        when(users.isAdmin(any())).thenAnswer(i -> ADMIN.equals(i.getArgument(0)));
        when(users.groupExists(anyString())).thenAnswer(i -> "developers".equals(i.getArgument(0)));
        when(issues.administeredProjectKeys(any())).thenAnswer(i -> {
            Person p = i.getArgument(0);
            return p.equals(ALICE) ? Set.of("DEMO") : p.equals(ERIN) ? Set.of("OPS") : Set.of();
        });
        when(domains.all()).thenReturn(List.of(BOTH, DEMO, NONE, OPS));
        when(domains.create(any(), anyList())).thenAnswer(i -> i.getArgument(0));
        when(domains.update(any(), anyInt(), anyList())).thenAnswer(i -> i.getArgument(0));
        when(grants.create(any(), any())).thenAnswer(i -> i.<Grant>getArgument(0).withId(41, 1));
        when(grants.update(any(), anyInt(), any())).thenAnswer(i -> i.getArgument(0));
        when(absences.create(any(), anyList())).thenAnswer(i -> i.getArgument(0));
    }

    private static ApiException refused(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        fail("expected a refusal");
        return null;
    }

    private static String newDomain(String projects) {
        return "{'key':'R_NEW','name':'New','scope':{'projects':" + projects + ",'labels':['x']}}";
    }

    private static final String GRANT = "{'holder':{'type':'user','name':'frank'},'level':'CONSULT'}";

    // ---- who may change what -------------------------------------------------------------------------------

    @Test
    public void anonymousCallersAreAskedToLogIn() {
        caller = null;
        assertEquals(401, refused(() -> service.createDomain(body(newDomain("['DEMO']")))).status());
        assertEquals(401, refused(() -> service.requireDomain("R_DEMO")).status());
        assertEquals(401, refused(() -> service.addAbsence(body("{'from':'2027-01-01','to':'2027-01-02'}"))).status());
        verify(domains, never()).create(any(), anyList());
    }

    @Test
    public void aProjectAdminCreatesADomainScopedOnlyToTheirProjects() {
        caller = ALICE;
        assertEquals("R_NEW", service.createDomain(body(newDomain("['demo']"))).key());
        verify(domains).create(any(), anyList());
        verify(auditLog).record(any());
    }

    @Test
    public void aProjectAdminMayNotCreateADomainReachingBeyondTheirProjectsOrIntoNoProject() {
        caller = ALICE;
        for (String projects : List.of("['OPS']", "['DEMO','OPS']", "[]", "['HR']")) {
            ApiException e = refused(() -> service.createDomain(body(newDomain(projects))));
            assertEquals(projects, 403, e.status());
        }
        caller = FRANK;
        assertEquals(403, refused(() -> service.createDomain(body(newDomain("['DEMO']")))).status());
        verify(domains, never()).create(any(), anyList());
        verify(auditLog, never()).record(any());
    }

    @Test
    public void aJiraAdminManagesEveryDomainEvenWithoutProjects() {
        caller = ADMIN;
        service.createDomain(body(newDomain("[]")));
        service.addGrant("R_NONE", body(GRANT));
        service.addGrant("R_BOTH", body(GRANT));
        verify(grants).create(eq(new Grant(0, "R_NONE", Principal.user("k-frank"), Level.CONSULT, null, null, null, null, null, 0)), any());
    }

    @Test
    public void aProjectAdminManagesGrantsOfTheirDomainOnly() {
        caller = ALICE;
        Grant added = service.addGrant("r_demo", body(GRANT));
        assertEquals("R_DEMO", added.domainKey());
        for (String other : List.of("R_OPS", "R_BOTH", "R_NONE")) {
            assertEquals(other, 403, refused(() -> service.addGrant(other, body(GRANT))).status());
        }
        caller = ERIN;
        service.addGrant("R_OPS", body(GRANT));
        assertEquals(403, refused(() -> service.addGrant("R_DEMO", body(GRANT))).status());
        assertEquals(403, refused(() -> service.addGrant("R_BOTH", body(GRANT))).status());
        caller = FRANK;
        assertEquals(403, refused(() -> service.addGrant("R_DEMO", body(GRANT))).status());
    }

    @Test
    public void aProjectAdminMayNotWidenTheirDomainBeyondTheirProjects() {
        caller = ALICE;
        ApiException e = refused(() -> service.updateDomain("R_DEMO", body("{'name':'Wider','scope':{'projects':['DEMO','OPS']},'version':3}")));
        assertEquals(403, e.status());
        assertEquals(403, refused(() -> service.updateDomain("R_OPS", body("{'name':'Mine now','scope':{'projects':['DEMO']},'version':3}"))).status());
        verify(domains, never()).update(any(), anyInt(), anyList());
        Domain renamed = service.updateDomain("R_DEMO", body("{'name':'Renamed','scope':{'projects':['DEMO'],'labels':['x']},'version':3}"));
        assertEquals("Renamed", renamed.name());
        assertEquals(4, renamed.version());
    }

    @Test
    public void aProjectAdminDeletesTheirDomainButNotAnother() {
        caller = ERIN;
        assertEquals(403, refused(() -> service.deleteDomain("R_DEMO")).status());
        verify(domains, never()).delete(anyString(), anyList());
        service.deleteDomain("R_OPS");
        verify(domains).delete(eq("R_OPS"), anyList());
    }

    @Test
    public void aDomainDecisionsAreRecordedInIsNotDeletedAndTheCountIsNamed() {
        caller = ADMIN;
        browsing();
        decisionsIn("R_DEMO", Map.of(10L, 1L, 11L, 1L, 21L, 2L));
        ApiException e = refused(() -> service.deleteDomain("R_DEMO"));
        assertEquals(409, e.status());
        assertEquals("Domain R_DEMO cannot be deleted: 3 decisions are recorded in it.", e.message().english());
        verify(domains, never()).delete(anyString(), anyList());
    }

    @Test
    public void theRefusalCountsOnlyWhatTheCallerMayBrowseAndNamesNothingOfTheRest() {
        caller = ADMIN;
        browsing();
        // 10, 11: browsable; 20: in a browsable project at a security level the caller is not in; 30: in project 3,
        // which the caller may not browse; 31: no stored project, an issue the caller may not browse
        java.util.Map<Long, Long> used = new java.util.HashMap<>(Map.of(10L, 1L, 11L, 1L, 20L, 2L, 30L, 3L));
        used.put(31L, null);
        decisionsIn("R_DEMO", used);
        ApiException both = refused(() -> service.deleteDomain("R_DEMO"));
        assertEquals(409, both.status());
        assertEquals("Domain R_DEMO cannot be deleted: 2 decisions are recorded in it, and more on issues you cannot browse.",
                both.message().english());
        // a project the caller cannot browse is not even asked about issue by issue
        verify(issues, never()).browsable(eq(30L), any());

        decisionsIn("R_DEMO", Map.of(20L, 2L, 30L, 3L));
        ApiException hiddenOnly = refused(() -> service.deleteDomain("R_DEMO"));
        assertEquals(409, hiddenOnly.status());
        assertEquals("Domain R_DEMO cannot be deleted: decisions on issues you cannot browse are recorded in it.",
                hiddenOnly.message().english());
        assertFalse("no number: " + hiddenOnly.message().english(), hiddenOnly.message().english().matches(".*\\d.*"));
        assertEquals(List.of("R_DEMO"), hiddenOnly.message().args());
        verify(domains, never()).delete(anyString(), anyList());

        decisionsIn("R_DEMO", Map.of());
        service.deleteDomain("R_DEMO");
        verify(domains).delete(eq("R_DEMO"), anyList());
    }

    @Test
    public void anUnknownDomainIsNotFound() {
        caller = ADMIN;
        assertEquals(404, refused(() -> service.addGrant("R_NOPE", body(GRANT))).status());
        assertEquals(404, refused(() -> service.updateDomain("R_NOPE", body("{'name':'x','version':1}"))).status());
    }

    // ---- validation and versions ---------------------------------------------------------------------------

    @Test
    public void unknownHoldersAndInactiveBackupsAreNamed() {
        caller = ADMIN;
        ApiException user = refused(() -> service.addGrant("R_DEMO", body("{'holder':{'type':'user','name':'zed'},'level':5}")));
        assertEquals(400, user.status());
        assertEquals(Map.of("holder", "Unknown user: zed."), user.errors());
        ApiException group = refused(() -> service.addGrant("R_DEMO", body("{'holder':{'type':'group','name':'nope'},'level':5}")));
        assertEquals(Map.of("holder", "Unknown group: nope."), group.errors());
        ApiException inactive = refused(() -> service.addGrant("R_DEMO", body("{'holder':{'type':'user','name':'ivan'},'level':5,"
                + "'backup':'ivan','mentee':'zed'}")));
        assertEquals(List.of("holder", "backup", "mentee"), new ArrayList<>(inactive.errors().keySet()));
        verify(grants, never()).create(any(), any());
    }

    @Test
    public void invalidInputIsNamedBeforeAccessIsDecided() {
        caller = FRANK;
        ApiException e = refused(() -> service.addGrant("R_DEMO", body("{'holder':{'type':'user','name':'zed'},'level':0}")));
        assertEquals(400, e.status());
        assertEquals(Set.of("holder", "level"), e.errors().keySet());
    }

    @Test
    public void staleVersionsAreConflicts() {
        caller = ADMIN;
        when(domains.update(any(), anyInt(), anyList())).thenThrow(new StaleVersionException(5));
        ApiException domain = refused(() -> service.updateDomain("R_DEMO", body("{'name':'Changed','version':3}")));
        assertEquals(409, domain.status());
        assertEquals(Set.of("version"), domain.errors().keySet());
        assertTrue(domain.errors().get("version"), domain.errors().get("version").contains("5"));

        Grant current = new Grant(7, "R_DEMO", Principal.user("k-frank"), Level.CONSULT, null, null, null, null, null, 2);
        when(grants.find(7)).thenReturn(Optional.of(current));
        when(grants.update(any(), anyInt(), any())).thenThrow(new StaleVersionException(-1));
        ApiException grant = refused(() -> service.updateGrant(7, body("{'holder':{'type':'user','name':'frank'},'level':4,'version':2}")));
        assertEquals(409, grant.status());
        assertEquals(Set.of("version"), grant.errors().keySet());
        ApiException noVersion = refused(() -> service.updateGrant(7, body("{'holder':{'type':'user','name':'frank'},'level':4}")));
        assertEquals(400, noVersion.status());
        assertEquals(Set.of("version"), noVersion.errors().keySet());
    }

    @Test
    public void aChangeThatChangesNothingWritesNothing() {
        caller = ADMIN;
        Grant current = new Grant(7, "R_DEMO", Principal.user("k-frank"), Level.CONSULT, null, null, null, null, null, 2);
        when(grants.find(7)).thenReturn(Optional.of(current));
        assertEquals(current, service.updateGrant(7, body("{'holder':{'type':'user','name':'frank'},'level':3,'version':2}")));
        verify(grants, never()).update(any(), anyInt(), any());
    }

    // ---- absences ------------------------------------------------------------------------------------------

    @Test
    public void peopleRecordTheirOwnAbsencesAndAdminsAnyonesButNotForDeactivatedUsers() {
        caller = FRANK;
        assertEquals("k-frank", service.addAbsence(body("{'from':'2027-01-01','to':'2027-01-02'}")).userKey());
        assertEquals("k-frank", service.addAbsence(body("{'user':'frank','from':'2027-01-01','to':'2027-01-02'}")).userKey());
        assertEquals(403, refused(() -> service.addAbsence(body("{'user':'alice','from':'2027-01-01','to':'2027-01-02'}"))).status());
        caller = ADMIN;
        assertEquals("k-alice", service.addAbsence(body("{'user':'alice','from':'2027-01-01','to':'2027-01-02'}")).userKey());
        ApiException inactive = refused(() -> service.addAbsence(body("{'user':'ivan','from':'2027-01-01','to':'2027-01-02'}")));
        assertEquals(400, inactive.status());
        assertEquals(Set.of("user"), inactive.errors().keySet());
    }

    @Test
    public void onlyTheOwnerOrAnAdminRemovesAnAbsence() {
        when(absences.find(9)).thenReturn(Optional.of(new Absence(9, "k-alice", java.time.LocalDate.of(2027, 1, 1),
                java.time.LocalDate.of(2027, 1, 2), null)));
        when(absences.delete(eq(9L), anyList())).thenReturn(true);
        caller = ERIN;
        assertEquals(403, refused(() -> service.deleteAbsence(9)).status());
        verify(absences, never()).delete(eq(9L), anyList());
        caller = ALICE;
        service.deleteAbsence(9);
        verify(absences).delete(eq(9L), anyList());
        caller = FRANK;
        assertEquals(404, refused(() -> service.deleteAbsence(10)).status());
    }
}
