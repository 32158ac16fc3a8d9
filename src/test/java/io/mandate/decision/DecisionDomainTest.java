package io.mandate.decision;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A decision's domain: the one the rules derive unless set by hand (issue 7, item 2). A fake matrix whose answer
 * the test changes stands for the authority capability; the store is a mock that keeps what was saved.
 */
public class DecisionDomainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final IssueRef ISSUE = new IssueRef(10L, "DEMO-1", "Broker", 10000L, "DEMO", "Task", List.of(), List.of());

    /** The matrix as the decision capability sees it: the domain the rules give (changeable), the domains that exist. */
    static final class FakeMatrix implements DecisionAuthority {
        Optional<String> derived = Optional.empty();
        final Set<String> existing = new HashSet<>(Set.of("ARCH", "RELEASE"));

        @Override
        public Optional<String> domainOf(IssueRef issue) {
            return derived;
        }

        @Override
        public boolean domainExists(String domainKey) {
            return existing.contains(domainKey);
        }

        @Override
        public Checks checks(Decision decision, IssueRef issue) {
            return Checks.NONE;
        }

        @Override
        public List<String> alsoToNotify(Decision decision, IssueRef issue) {
            return List.of();
        }
    }

    private final FakeMatrix matrix = new FakeMatrix();
    private DecisionStore store;
    private DecisionService service;
    private Optional<Decision> stored = Optional.empty();
    private final List<List<AuditEntry>> audits = new ArrayList<>();

    @Before
    @SuppressWarnings("unchecked")
    public void setUp() {
        store = mock(DecisionStore.class);
        IssueAccess issues = mock(IssueAccess.class);
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(ALICE));
        when(users.byName(anyString())).thenReturn(Optional.empty());
        when(users.byName("alice")).thenReturn(Optional.of(ALICE));
        when(users.byKey("k-alice")).thenReturn(Optional.of(ALICE));
        when(users.isActive(any())).thenReturn(true);
        when(issues.browsable(eq("DEMO-1"), any())).thenReturn(Optional.of(ISSUE));
        when(issues.canEdit(eq(ISSUE), any())).thenReturn(true);
        when(store.find(ISSUE.id())).thenAnswer(i -> stored);
        when(store.save(any(), any(java.util.Optional.class), anyList(), any())).thenAnswer(i -> {
            Decision d = i.getArgument(0);
            audits.add(List.copyOf((List<AuditEntry>) i.getArgument(2)));
            stored = Optional.of(d);
            return d;
        });
        service = new DecisionService(store, issues, new io.mandate.platform.People(users), matrix,
                new io.mandate.platform.HostEvents(new io.mandate.refhost.platform.RefEventPublisher()),
                io.mandate.testing.FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")), io.mandate.testing.Seams.caches());
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private Decision read() {
        return service.find(ISSUE).orElseThrow();
    }

    @Test
    public void withoutADomainSentTheDerivedOneIsStoredAndNotMarkedByHand() throws Exception {
        matrix.derived = Optional.of("ARCH");
        Decision saved = service.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        assertEquals("stored as of the save, for the list filter and the count", "ARCH", saved.domain());
        assertFalse(saved.domainSetByHand());
        assertTrue("a derived domain is not a choice anyone made: no audit entry for it",
                audits.get(0).stream().noneMatch(e -> e.field().equals("domain")));
    }

    @Test
    public void aDerivedDomainIsReadAsTheRulesGiveItNowNotAsStored() throws Exception {
        matrix.derived = Optional.of("ARCH");
        service.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        matrix.derived = Optional.of("RELEASE"); // an admin changed the scopes
        assertEquals("RELEASE", read().domain());
        assertEquals("ARCH", stored.orElseThrow().domain());
        matrix.derived = Optional.empty(); // none matches, or a tie
        assertNull(read().domain());
    }

    @Test
    public void aDomainSentIsSetByHandNormalisedAuditedAndKeptWhateverTheRulesSay() throws Exception {
        matrix.derived = Optional.of("ARCH");
        Decision saved = service.put("DEMO-1", body("{\"status\":\"OPEN\",\"domain\":\" release \"}"));
        assertEquals("RELEASE", saved.domain());
        assertTrue(saved.domainSetByHand());
        AuditEntry entry = audits.get(0).stream().filter(e -> e.field().equals("domain")).findFirst().orElseThrow();
        assertNull(entry.oldValue());
        assertEquals("RELEASE", entry.newValue());

        matrix.derived = Optional.of("ARCH");
        assertEquals("RELEASE", read().domain());
        assertTrue(read().domainSetByHand());
    }

    @Test
    public void sendingNoDomainClearsABySetDomainAndThatIsAuditedAsADomainChange() throws Exception {
        matrix.derived = Optional.of("ARCH");
        service.put("DEMO-1", body("{\"status\":\"OPEN\",\"domain\":\"RELEASE\"}"));
        Decision cleared = service.put("DEMO-1", body("{\"version\":1,\"status\":\"OPEN\",\"domain\":null}"));
        assertEquals("ARCH", cleared.domain());
        assertFalse(cleared.domainSetByHand());
        assertEquals(2, cleared.version());
        AuditEntry entry = audits.get(1).stream().filter(e -> e.field().equals("domain")).findFirst().orElseThrow();
        assertEquals("RELEASE", entry.oldValue());
        assertNull("derived again", entry.newValue());
    }

    @Test
    public void settingByHandTheDomainTheRulesWouldGiveStillMarksItByHand() throws Exception {
        matrix.derived = Optional.of("ARCH");
        service.put("DEMO-1", body("{\"status\":\"OPEN\"}"));
        Decision byHand = service.put("DEMO-1", body("{\"version\":1,\"status\":\"OPEN\",\"domain\":\"ARCH\"}"));
        assertTrue("the flag changed, so this is a change: a new version", byHand.domainSetByHand());
        assertEquals(2, byHand.version());
        matrix.derived = Optional.of("RELEASE");
        assertEquals("pinned by hand", "ARCH", read().domain());
    }

    @Test
    public void anUnknownDomainIsRefusedByName() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> service.put("DEMO-1", body("{\"domain\":\"NOPE\"}")));
        assertEquals(400, e.status());
        assertTrue(e.errors().toString(), e.errors().containsKey("domain"));
    }

    @Test
    public void theJsonSaysWhetherTheDomainWasSetByHand() throws Exception {
        matrix.derived = Optional.of("ARCH");
        Decision saved = service.put("DEMO-1", body("{\"status\":\"OPEN\",\"domain\":\"RELEASE\"}"));
        DecisionJson json = DecisionJson.of(saved, ISSUE, k -> Optional.empty(), service.today(), DecisionAuthority.Checks.NONE);
        String text = JSON.writeValueAsString(json);
        assertTrue(text, text.contains("\"domain\":\"RELEASE\",\"domainSetByHand\":true"));
        verify(store).save(any(), eq(java.util.Optional.empty()), anyList(), any());
    }
}
