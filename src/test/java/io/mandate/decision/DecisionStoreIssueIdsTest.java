package io.mandate.decision;

import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;

/** The store's lean reads for JQL functions and the "Decision owner" field, on HSQLDB and PostgreSQL. */
@RunWith(Parameterized.class)
public class DecisionStoreIssueIdsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-12-01");

    private final String kind;
    private AoTestSupport ao;
    private DecisionStore store;

    public DecisionStoreIssueIdsTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        store = new DecisionStore(ao.entities(), ao.aggregates());
        save(1, "DEMO", DecisionStatus.IN_PROGRESS, "k-alice", "k-carol");
        save(2, "DEMO", DecisionStatus.DECIDED, "k-bob", "k-carol");
        save(3, "OPS", DecisionStatus.OPEN, null, null);
        save(4, "HR", DecisionStatus.IN_PROGRESS, "k-heidi", "k-carol");
    }

    @After
    public void tearDown() {
        ao.close();
    }

    private void save(long issueId, String project, DecisionStatus status, String driver, String approver) {
        store.save(new Decision(issueId, projectId(project), project + "-" + issueId, project, status, driver, approver, List.of(), List.of(),
                DUE, status == DecisionStatus.DECIDED ? "done" : null, null, status == DecisionStatus.DECIDED ? T0 : null,
                T0, T0, 1), null, List.of());
    }

    /** Project ids as in the sample organisation. */
    private static long projectId(String key) {
        return switch (key) {
            case "DEMO" -> 10000L;
            case "OPS" -> 10001L;
            default -> 10002L;
        };
    }

    private List<Long> ids(Set<String> projects, String approver, String driver, DecisionStatus status, LocalDate overdueOn) {
        Set<Long> projectIds = projects.stream().map(DecisionStoreIssueIdsTest::projectId).collect(java.util.stream.Collectors.toSet());
        return store.issueIds(new DecisionQuery(projectIds, null, null, approver, driver, status, overdueOn))
                .stream().sorted().toList();
    }

    @Test
    public void issueIdsMatchTheCriterionInVisibleProjectsOnly() {
        Set<String> all = Set.of("DEMO", "OPS", "HR");
        assertEquals(List.of(1L, 2L, 4L), ids(all, "k-carol", null, null, null));
        assertEquals("HR is not visible", List.of(1L, 2L), ids(Set.of("DEMO", "OPS"), "k-carol", null, null, null));
        assertEquals(List.of(2L), ids(all, null, "k-bob", null, null));
        assertEquals(List.of(3L), ids(all, null, null, DecisionStatus.OPEN, null));
        assertEquals("open and due before the day", List.of(1L, 3L, 4L), ids(all, null, null, null, DUE.plusDays(1)));
        assertEquals("due on the day is not overdue", List.of(), ids(all, null, null, null, DUE));
        assertEquals(List.of(), ids(Set.of(), "k-carol", null, null, null));
    }

    @Test
    public void issueIdsIgnorePagingAndTakeOneStatement() {
        ao.sql().start();
        List<Long> ids = ids(Set.of("DEMO", "OPS", "HR"), null, null, null, null);
        List<String> statements = ao.sql().stop();
        assertEquals(List.of(1L, 2L, 3L, 4L), ids);
        assertEquals(statements.toString(), 1, statements.size());
    }

    @Test
    public void approverKeyIsReadWithoutThePeople() {
        ao.sql().start();
        assertEquals(Optional.of("k-carol"), store.approverKey(1));
        assertEquals(1, ao.sql().stop().size());
        assertEquals("no approver yet", Optional.empty(), store.approverKey(3));
        assertEquals("no decision", Optional.empty(), store.approverKey(99));
    }
}
