package io.mandate.refhost.dataset;

import io.mandate.authority.Grant;
import io.mandate.authority.GrantStore;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.Assert.assertEquals;

/**
 * The generator gives ids itself; afterwards the plugin's own inserts must continue after them (the identity of
 * each Active Objects table restarted), or the first decision or grant made in a generated instance would fail.
 */
@RunWith(Parameterized.class)
public class GeneratedDataWritableTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;

    public GeneratedDataWritableTest(String kind) {
        this.kind = kind;
    }

    @Test
    public void thePluginWritesNewRowsAfterTheGeneratedOnes() {
        try (GeneratedDatabase db = new GeneratedDatabase(kind)) {
            db.generate(DatasetSpec.S, GeneratedDatabase.SEED);
            List<Object> issue = db.query("SELECT i.ID, i.ISSUE_KEY, i.PROJECT_ID FROM HOST_ISSUE i WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + db.table(AoTables.DECISION) + " d WHERE d.\"ISSUE_ID\" = i.ID) ORDER BY i.ID").get(0);
            long issueId = ((Number) issue.get(0)).longValue();
            String key = (String) issue.get(1);
            DecisionStore store = new DecisionStore(db.ao.entities(), db.ao.aggregates());
            Instant now = Instant.parse("2026-12-01T10:00:00Z");
            Decision next = new Decision(issueId, ((Number) issue.get(2)).longValue(), key, key.substring(0, key.indexOf('-')),
                    DecisionStatus.OPEN, "JIRAUSER10001", "JIRAUSER10002", List.of("JIRAUSER10003"),
                    List.of(Principal.group("team-0001")), LocalDate.of(2026, 12, 24), null, null, null, now, now, 0);

            Decision saved = store.save(next, null, List.of(new AuditEntry(key, "JIRAUSER10001", now, "status", null, "OPEN")));
            Grant grant = new GrantStore(db.ao.entities()).create(new Grant(0, "D0001", Principal.user("JIRAUSER10004"),
                    Level.CONSULT, null, null, null, null, null, 0), List.of());

            assertEquals(1, saved.version());
            assertEquals(List.of("JIRAUSER10003"), store.find(issueId).orElseThrow().contributorKeys());
            assertEquals("the new decision comes after the generated ones", DatasetSpec.S.decisions() + 1,
                    db.single("SELECT MAX(\"ID\") FROM " + db.table(AoTables.DECISION)));
            assertEquals(DatasetSpec.S.grants() + 1, grant.id());
        }
    }
}
