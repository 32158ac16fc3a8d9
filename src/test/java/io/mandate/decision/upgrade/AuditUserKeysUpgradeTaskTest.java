package io.mandate.decision.upgrade;

import com.atlassian.activeobjects.external.ModelVersion;
import io.mandate.decision.upgrade.v0.AuditV0;
import io.mandate.refhost.db.AoUpgradeTasks;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;

/** Model version 0 → 1 of the audit trail on real databases: usernames in people fields become user keys. */
@RunWith(Parameterized.class)
public class AuditUserKeysUpgradeTaskTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Map<String, String> KEYS = Map.of("alice", "k-alice", "bob", "k-bob", "carol", "k-carol",
            "dave", "k-dave");

    private final String kind;
    private AoTestSupport ao;
    private int runs;

    public AuditUserKeysUpgradeTaskTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, AuditV0.class);
    }

    @After
    public void tearDown() {
        ao.close();
    }

    /** A row as model version 0 wrote it. */
    private void oldRow(String field, String before, String after) {
        Map<String, Object> values = new HashMap<>();
        values.put("ISSUE_ID", 10L);
        values.put("ISSUE_KEY", "DEMO-1");
        values.put("AUTHOR_KEY", "k-alice");
        values.put("CHANGED_AT", new Date());
        values.put("FIELD", field);
        values.put("OLD_VALUE", before);
        values.put("NEW_VALUE", after);
        ao.activeObjects().create(AuditV0.class, values);
    }

    private void writeFiveOldRows() {
        oldRow("status", "OPEN", "IN_PROGRESS");
        oldRow("approver", "bob", "carol");
        oldRow("driver", null, "zed");
        oldRow("contributors", "carol", "bob, zed, carol");
        oldRow("informed", null, "group:developers, dave");
    }

    /**
     * Runs the task the way the host runs it (its own transaction, on PostgreSQL without server-side
     * prepared statements); each run under a new model-version record, so a second run is not skipped.
     */
    private void upgrade(Map<String, String> keys, int batchSize) {
        AuditUserKeysUpgradeTask task = new AuditUserKeysUpgradeTask(name -> Optional.ofNullable(keys.get(name)), batchSize);
        ModelVersion reached = AoUpgradeTasks.run(ao.activeObjects(), "RUN" + (++runs), List.of(task));
        assertEquals("1", reached.toString());
    }

    /** "field: before -> after (format)" of every row, in id order. */
    private List<String> rows() {
        return Arrays.stream(ao.activeObjects().find(AuditV1.class, Query.select().order("ID")))
                .map(r -> r.getField() + ": " + r.getOldValue() + " -> " + r.getNewValue() + " (" + r.getValueFormat() + ")")
                .toList();
    }

    private static final List<String> CONVERTED = List.of(
            "status: OPEN -> IN_PROGRESS (1)",
            "approver: k-bob -> k-carol (1)",
            "driver: null -> zed (1)",
            "contributors: [\"k-carol\"] -> [\"k-bob\",\"zed\",\"k-carol\"] (1)",
            "informed: null -> [{\"type\":\"group\",\"name\":\"developers\"},{\"type\":\"user\",\"key\":\"k-dave\"}] (1)");

    @Test
    public void rowsWrittenTheOldWayNameUsersByKeyAndUnknownNamesStay() {
        writeFiveOldRows();
        upgrade(KEYS, AuditUserKeysUpgradeTask.BATCH_SIZE);
        assertEquals(CONVERTED, rows());
    }

    @Test
    public void fiveRowsInBatchesOfTwoAreAllConvertedReadingThreeBatches() {
        writeFiveOldRows();
        ao.sql().start();
        upgrade(KEYS, 2);
        List<String> statements = ao.sql().stop();
        assertEquals(CONVERTED, rows());
        long batchReads = statements.stream().map(s -> s.replace("\"", "").toUpperCase())
                .filter(s -> s.startsWith("SELECT") && s.contains("VALUE_FORMAT IS NULL")).count();
        assertEquals(statements.toString(), 3, batchReads);
    }

    @Test
    public void aSecondRunChangesNothingEvenWhenAKeyIsNowSomeonesUsername() {
        writeFiveOldRows();
        upgrade(KEYS, 2);
        Map<String, String> later = new HashMap<>(KEYS);
        later.put("k-bob", "k-impostor"); // a user whose username happens to equal bob's key
        later.put("zed", "k-zed");
        upgrade(later, 2);
        assertEquals(CONVERTED, rows());
    }

    @Test
    public void onAFreshInstallTheTaskCreatesTheTableAndFindsNothingToDo() {
        ao.close();
        ao = new AoTestSupport(kind);
        upgrade(KEYS, 2);
        assertEquals(List.of(), rows());
    }

    @Test
    public void itUpgradesToModelVersionOne() {
        assertEquals("1", new AuditUserKeysUpgradeTask(name -> Optional.empty(), 2).getModelVersion().toString());
    }
}
