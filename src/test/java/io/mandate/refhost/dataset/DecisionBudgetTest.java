package io.mandate.refhost.dataset;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The audit entries of every dataset add up exactly, without a database: M and L are not generated in CI. */
public class DecisionBudgetTest {

    @Test
    public void theStoriesOfSMAndLAddUpToExactlyTheirAuditEntries() {
        for (DatasetSpec spec : List.of(DatasetSpec.S, DatasetSpec.M, DatasetSpec.L)) {
            DecisionBudget budget = DecisionBudget.plan(spec, 1);
            long total = 0;
            int decided = 0;
            for (int k = 0; k < spec.decisions(); k++) {
                total += DecisionBudget.cost(budget.status(k), budget.features(k), budget.extras(k));
                decided += budget.status(k) == DecisionBudget.DECIDED ? 1 : 0;
            }
            assertEquals(spec.name(), spec.auditEntries(), total);
            assertTrue(spec.name() + ": " + decided + " decided", decided > spec.decisions() * 0.35);
        }
    }

    @Test
    public void tooManyEntriesForTheStatusesAreMadeUpByEdits() {
        DatasetSpec busy = new DatasetSpec("busy", 100, 10, 10, 3, 1, 1, 1, 400);
        DecisionBudget budget = DecisionBudget.plan(busy, 3);
        long total = 0;
        for (int k = 0; k < busy.decisions(); k++) {
            total += DecisionBudget.cost(budget.status(k), budget.features(k), budget.extras(k));
        }
        assertEquals(400, total);
    }

    @Test
    public void tooFewEntriesForTheStatusesTakeDecisionsBackAlongTheirPath() {
        DatasetSpec terse = new DatasetSpec("terse", 100, 10, 10, 3, 1, 1, 1, 30);
        DecisionBudget budget = DecisionBudget.plan(terse, 3);
        for (int k = 0; k < terse.decisions(); k++) {
            assertEquals(DecisionBudget.OPEN, budget.status(k));
            assertEquals(0, budget.features(k));
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void fewerThanThreeEntriesPerDecisionIsNoDataset() {
        new DatasetSpec("mute", 100, 10, 10, 3, 1, 1, 1, 29);
    }

    @Test
    public void theNamedDatasetsAreTargetsMdsRows() {
        assertEquals(DatasetSpec.L, DatasetSpec.named("l"));
        DatasetSpec m = DatasetSpec.named(" M ");
        assertEquals(List.of(100_000, 50_000, 2_000, 100, 100, 200, 5_000, 250_000), List.of(m.issues(), m.decisions(),
                m.users(), m.groups(), m.projects(), m.domains(), m.grants(), m.auditEntries()));
        try {
            DatasetSpec.named("XL");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("S, M or L"));
            return;
        }
        throw new AssertionError("XL is no dataset");
    }
}
