package io.mandate.refhost.dataset;

import io.mandate.authority.Level;
import io.mandate.decision.AuditEntry;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionStatus;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.Principal;
import io.mandate.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Dataset S generated into HSQLDB and PostgreSQL: the sizes of targets.md, the same rows for the same seed, the shape
 * of a real organisation, bulk writing, and data the plugin reads and writes on as its own.
 */
@RunWith(Parameterized.class)
public class DatasetGeneratorTest {

    private static final long SEED = GeneratedDatabase.SEED;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private final GeneratedDatabase db;

    public DatasetGeneratorTest(String kind) {
        this.kind = kind;
        this.db = GeneratedDatabase.sharedS(kind);
    }

    @Test
    public void writesExactlyTheSizesOfTargetsMd() {
        DatasetSpec s = DatasetSpec.S;
        assertEquals(s.issues(), db.count("HOST_ISSUE"));
        assertEquals(s.decisions(), db.count(db.table(AoTables.DECISION)));
        assertEquals(s.users(), db.count("HOST_USER"));
        assertEquals(s.groups(), db.count("HOST_GROUP"));
        assertEquals(s.projects(), db.count("HOST_PROJECT"));
        assertEquals(s.domains(), db.count(db.table(AoTables.DOMAIN)));
        assertEquals(s.grants(), db.count(db.table(AoTables.GRANT)));
        assertEquals(s.auditEntries(), db.count(db.table(AoTables.AUDIT)));
        assertEquals(2_000, s.issues());
        assertEquals(5_000, s.auditEntries());
    }

    @Test
    public void theResultCountsTheRowsThatAreThere() {
        DatasetGenerator.Result result = db.result;
        assertEquals(db.count("HOST_MEMBERSHIP"), (long) result.rows().get("HOST_MEMBERSHIP"));
        assertEquals(db.count(db.table(AoTables.PARTICIPANT)), (long) result.rows().get("PARTICIPANT"));
        assertEquals(db.count(db.table(AoTables.REVISION)), (long) result.rows().get("REVISION"));
    }

    @Test
    public void aFewApproversCarryMostDecisions() {
        List<List<Object>> load = db.query("SELECT \"APPROVER_KEY\", COUNT(*) FROM " + db.table(AoTables.DECISION)
                + " GROUP BY \"APPROVER_KEY\" ORDER BY COUNT(*) DESC");
        int top = (int) Math.ceil(load.size() * 0.05);
        long topDecisions = load.subList(0, top).stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
        assertTrue("the top 5 % of " + load.size() + " approvers hold " + topDecisions + " of 1000",
                topDecisions >= 300);
        assertTrue("and others approve too", load.size() >= 10);
    }

    @Test
    public void everyDomainHasOneToTwentyDecidingHolders() {
        String day = GeneratedDatabase.DAY.toString();
        List<List<Object>> holders = db.query("SELECT d.\"DOMAIN_KEY\", COUNT(DISTINCT g.\"HOLDER\") FROM "
                + db.table(AoTables.DOMAIN) + " d LEFT JOIN " + db.table(AoTables.GRANT) + " g ON g.\"DOMAIN_KEY\" = d.\"DOMAIN_KEY\""
                + " AND g.\"GRANT_LEVEL\" >= ? AND (g.\"VALID_FROM\" IS NULL OR g.\"VALID_FROM\" <= ?)"
                + " AND (g.\"VALID_TO\" IS NULL OR g.\"VALID_TO\" >= ?) GROUP BY d.\"DOMAIN_KEY\"", Level.ADVISE.number(), day, day);
        assertEquals(DatasetSpec.S.domains(), holders.size());
        for (List<Object> domain : holders) {
            long n = ((Number) domain.get(1)).longValue();
            assertTrue(domain.get(0) + " has " + n + " deciding holders", n >= 1 && n <= 20);
        }
    }

    @Test
    public void aboutOneGrantInTenHasExpiredAndSomeGoToGroups() {
        long expired = db.single("SELECT COUNT(*) FROM " + db.table(AoTables.GRANT) + " WHERE \"VALID_TO\" < '"
                + GeneratedDatabase.DAY + "'");
        assertTrue(expired + " of 200 expired", expired >= 10 && expired <= 30);
        long groups = db.single("SELECT COUNT(*) FROM " + db.table(AoTables.GRANT) + " WHERE \"HOLDER_TYPE\" = 'GROUP'");
        assertTrue(groups + " group grants", groups >= 10);
    }

    @Test
    public void aboutOneIssueInTwentyIsAtASecurityLevel() {
        long secured = db.count("HOST_ISSUE_SECURITY");
        assertTrue(secured + " of 2000 secured", secured >= 60 && secured <= 140);
    }

    @Test
    public void someOpenDecisionsAreOverdueAndSomeDecidedOnesAreDueForReview() {
        String decision = db.table(AoTables.DECISION);
        String day = GeneratedDatabase.DAY.toString();
        long overdue = db.single("SELECT COUNT(*) FROM " + decision
                + " WHERE \"STATUS\" IN ('OPEN', 'IN_PROGRESS') AND \"DUE_DATE\" < '" + day + "'");
        long reviewDue = db.single("SELECT COUNT(*) FROM " + decision
                + " WHERE \"STATUS\" = 'DECIDED' AND \"REVIEW_DATE\" < '" + day + "'");
        long reviewLater = db.single("SELECT COUNT(*) FROM " + decision + " WHERE \"REVIEW_DATE\" >= '" + day + "'");
        assertTrue(overdue + " overdue", overdue >= 20);
        assertTrue(reviewDue + " due for review", reviewDue >= 5);
        assertTrue(reviewLater + " reviews ahead", reviewLater >= 1);
        assertEquals("a decided decision has its time and outcome", 0, db.single("SELECT COUNT(*) FROM " + decision
                + " WHERE \"STATUS\" IN ('DECIDED', 'REVERSED') AND (\"DECIDED_AT\" IS NULL OR \"OUTCOME\" IS NULL)"));
        assertEquals("an undecided one has neither", 0, db.single("SELECT COUNT(*) FROM " + decision
                + " WHERE \"STATUS\" IN ('OPEN', 'IN_PROGRESS', 'DEFERRED') AND (\"DECIDED_AT\" IS NOT NULL OR \"OUTCOME\" IS NOT NULL)"));
        for (String status : List.of("OPEN", "IN_PROGRESS", "DECIDED", "DEFERRED", "REVERSED")) {
            assertTrue(status, db.single("SELECT COUNT(*) FROM " + decision + " WHERE \"STATUS\" = '" + status + "'") > 0);
        }
    }

    @Test
    public void everyDecisionHasOneRevisionPerVersionAndAStoryThatStartsOpen() {
        String decision = db.table(AoTables.DECISION);
        assertEquals(db.single("SELECT SUM(\"VERSION\") FROM " + decision), db.count(db.table(AoTables.REVISION)));
        assertEquals("every decision was created OPEN", DatasetSpec.S.decisions(), db.single("SELECT COUNT(*) FROM "
                + db.table(AoTables.AUDIT) + " WHERE \"FIELD\" = 'status' AND \"OLD_VALUE\" IS NULL AND \"NEW_VALUE\" = 'OPEN'"));
        assertEquals("its trail ends in its status", 0, db.single("SELECT COUNT(*) FROM " + decision + " d WHERE \"STATUS\" <> 'OPEN'"
                + " AND NOT EXISTS (SELECT 1 FROM " + db.table(AoTables.AUDIT) + " a WHERE a.\"ISSUE_ID\" = d.\"ISSUE_ID\""
                + " AND a.\"FIELD\" = 'status' AND a.\"NEW_VALUE\" = d.\"STATUS\" AND a.\"CHANGED_AT\" = d.\"UPDATED_AT\")"
                + " AND \"STATUS\" IN ('IN_PROGRESS', 'DEFERRED', 'REVERSED')"));
    }

    @Test
    public void eachFieldsChangesFollowOneAnotherAndEndInTheDecisionsValue() {
        List<List<Object>> entries = db.query("SELECT a.\"ISSUE_ID\", a.\"FIELD\", a.\"OLD_VALUE\", a.\"NEW_VALUE\", d.\"STATUS\","
                + " d.\"APPROVER_KEY\", d.\"DUE_DATE\", d.\"OUTCOME\" FROM " + db.table(AoTables.AUDIT) + " a JOIN "
                + db.table(AoTables.DECISION) + " d ON d.\"ISSUE_ID\" = a.\"ISSUE_ID\" ORDER BY a.\"ISSUE_ID\", a.\"CHANGED_AT\", a.\"ID\"");
        Map<String, Object> last = new HashMap<>();
        Object issue = null;
        List<Object> decision = null;
        int checked = 0;
        for (List<Object> e : entries) {
            if (!e.get(0).equals(issue)) {
                assertEndsInTheDecision(last, decision);
                issue = e.get(0);
                decision = e;
                last.clear();
            }
            String field = (String) e.get(1);
            assertEquals(issue + " " + field, last.get(field), e.get(2)); // each change starts where the one before ended
            last.put(field, e.get(3));
            checked++;
        }
        assertEndsInTheDecision(last, decision);
        assertEquals(DatasetSpec.S.auditEntries(), checked);
    }

    private static void assertEndsInTheDecision(Map<String, Object> last, List<Object> decision) {
        if (decision == null) {
            return;
        }
        assertEquals(decision.get(0) + " status", decision.get(4), last.get("status"));
        assertEquals(decision.get(0) + " approver", decision.get(5), last.get("approver"));
        assertEquals(decision.get(0) + " due date", decision.get(6), last.get("dueDate"));
        assertEquals(decision.get(0) + " outcome", decision.get(7), last.get("outcome"));
    }

    @Test
    public void peopleAreAwayAndInvolved() {
        assertEquals(DatasetSpec.S.users() / 20, db.count(db.table(AoTables.ABSENCE)));
        String day = GeneratedDatabase.DAY.toString();
        assertTrue("someone is away today", db.single("SELECT COUNT(*) FROM " + db.table(AoTables.ABSENCE)
                + " WHERE \"FROM_DATE\" <= '" + day + "' AND \"TO_DATE\" >= '" + day + "'") >= 1);
        String participant = db.table(AoTables.PARTICIPANT);
        assertTrue(db.single("SELECT COUNT(*) FROM " + participant + " WHERE \"ROLE\" = 'CONTRIBUTOR'") > 100);
        assertTrue(db.single("SELECT COUNT(*) FROM " + participant + " WHERE \"ROLE\" = 'INFORMED' AND \"KIND\" = 'GROUP'") > 10);
    }

    @Test
    public void refusesADatabaseThatHoldsData() {
        long decisions = db.count(db.table(AoTables.DECISION));
        try {
            db.generate(DatasetSpec.S, SEED);
            fail("generated into a full database");
        } catch (DatasetException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("only into an empty database"));
            assertTrue(e.getMessage(), e.getMessage().contains("HOST_USER=50"));
        }
        assertEquals(decisions, db.count(db.table(AoTables.DECISION)));
        assertEquals(new DatasetGenerator.Marker("S", SEED, GeneratedDatabase.DAY.toString()), DatasetGenerator.marker(db.dataSource()));
    }

    @Test
    public void writesInBulkNotRowByRow() {
        long rows = db.result.totalRows();
        long statements = db.result.statements();
        assertTrue(rows + " rows", rows > 12_000);
        // every executed INSERT batch and every COPY is one statement; the rest are the identity restarts and the marker
        assertTrue(statements + " statements for " + rows + " rows", statements <= rows / 200);
        long jdbc = db.jdbcExecutions;
        if (kind.equals(TestDatabases.HSQLDB)) {
            // counted at the driver: the batches, the emptiness checks, the identity restarts, the marker
            assertTrue(jdbc + " JDBC executions", jdbc >= statements && jdbc <= rows / 100);
        } else {
            // a COPY is no Statement: the JDBC ones are only the checks, the sequence resets and the marker
            assertTrue(jdbc + " JDBC executions besides " + statements + " COPYs", jdbc <= 40);
        }
    }

    @Test
    public void thePluginReadsAGeneratedDecisionWithItsPeopleAndHistory() {
        String decision = db.table(AoTables.DECISION);
        String participant = db.table(AoTables.PARTICIPANT);
        List<Object> row = db.query("SELECT d.\"ISSUE_ID\", d.\"ISSUE_KEY\", d.\"STATUS\", d.\"DRIVER_KEY\", d.\"APPROVER_KEY\","
                + " d.\"VERSION\", d.\"DOMAIN_KEY\" FROM " + decision + " d WHERE EXISTS (SELECT 1 FROM " + participant
                + " p WHERE p.\"DECISION_ID\" = d.\"ID\" AND p.\"ROLE\" = 'CONTRIBUTOR') AND EXISTS (SELECT 1 FROM "
                + participant + " p WHERE p.\"DECISION_ID\" = d.\"ID\" AND p.\"ROLE\" = 'INFORMED')"
                + " ORDER BY d.\"ID\"").get(0);
        long issueId = ((Number) row.get(0)).longValue();
        DecisionStore store = new DecisionStore(db.ao.entities(), db.ao.aggregates());

        Decision read = store.find(issueId).orElseThrow();

        assertEquals(row.get(1), read.issueKey());
        assertEquals(DecisionStatus.valueOf((String) row.get(2)), read.status());
        assertEquals(row.get(3), read.driverKey());
        assertEquals(row.get(4), read.approverKey());
        assertEquals(((Number) row.get(5)).intValue(), read.version());
        assertEquals(row.get(6), read.domain());
        assertTrue(read.contributorKeys().stream().allMatch(k -> k.startsWith("JIRAUSER")));
        assertTrue(!read.informed().isEmpty() && read.informed().stream()
                .allMatch(p -> p.type() == Principal.Type.GROUP ? p.id().startsWith("team-") : p.id().startsWith("JIRAUSER")));
        List<AuditEntry> history = store.history(issueId);
        assertEquals(db.single("SELECT COUNT(*) FROM " + db.table(AoTables.AUDIT) + " WHERE \"ISSUE_ID\" = " + issueId),
                history.size());
        AuditEntry first = history.get(history.size() - 1);
        assertTrue(first.field() + " " + first.newValue(), List.of("status", "driver", "approver", "dueDate",
                "contributors", "informed").contains(first.field()));
        assertTrue(history.stream().anyMatch(e -> e.field().equals("contributors") && e.newValue().startsWith("[\"JIRAUSER")));
        assertEquals(DatasetSpec.S.decisions(), store.countByStatus().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    public void smallChunksGiveTheSameRowsWithEveryForeignKeyKept() {
        // chunks of 40 rows and no commit but the generator's own: every table of the projects (at most 35 rows in S)
        // is still pending when the issues (2,000) send their first chunk, as the projects of M are for M's issues
        try (GeneratedDatabase small = new GeneratedDatabase(kind)) {
            DatasetGenerator.Result result = small.generator().inChunksOf(40, Integer.MAX_VALUE)
                    .generate(DatasetSpec.S, SEED, GeneratedDatabase.DAY);
            assertTrue(result.statements() + " statements", result.statements() > result.totalRows() / 40);
            assertEquals(db.contentHash(), small.contentHash());
        }
    }

    @Test
    public void frequentCommitsGiveTheSameRows() {
        try (GeneratedDatabase small = new GeneratedDatabase(kind)) {
            small.generator().inChunksOf(1_000, 50).generate(DatasetSpec.S, SEED, GeneratedDatabase.DAY);
            assertEquals(db.contentHash(), small.contentHash());
        }
    }
}
