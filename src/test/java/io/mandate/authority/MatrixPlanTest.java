package io.mandate.authority;

import io.mandate.platform.Principal;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** How an import's lines are paired with the current grants: unchanged, changed, added, removed. */
public class MatrixPlanTest {

    private static Grant grant(long id, String holder, Level level, String from) {
        return new Grant(id, "ARCH", Principal.user(holder), level, null, null, from == null ? null : LocalDate.parse(from), null,
                null, id == 0 ? 0 : 3);
    }

    @Test
    public void theSameContentIsUnchangedWhateverTheIdAndTheNoteBlankness() {
        Grant current = new Grant(7, "ARCH", Principal.user("alice"), Level.ADVISE, null, null, null, null, null, 4);
        Grant wanted = new Grant(0, "ARCH", Principal.user("alice"), Level.ADVISE, null, null, null, null, " ", 0);
        MatrixPlan plan = MatrixPlan.of(Map.of("ARCH", List.of(current)), Map.of("ARCH", List.of(wanted)));
        assertEquals(1, plan.unchanged());
        assertFalse(plan.hasChanges());
        assertEquals(7, plan.domains().get("ARCH").unchanged().get(0).id());
    }

    @Test
    public void aDifferentLevelForTheSameHolderIsOneChangeKeepingIdAndVersion() {
        MatrixPlan plan = MatrixPlan.of(Map.of("ARCH", List.of(grant(7, "alice", Level.ADVISE, null))),
                Map.of("ARCH", List.of(grant(0, "alice", Level.DELEGATE, null))));
        assertEquals(List.of(1, 0, 0, 0), List.of(plan.changed(), plan.added(), plan.removed(), plan.unchanged()));
        MatrixPlan.Change c = plan.domains().get("ARCH").changed().get(0);
        assertEquals(7, c.after().id());
        assertEquals(3, c.after().version());
        assertEquals(Level.DELEGATE, c.after().level());
        assertEquals(Level.ADVISE, c.before().level());
    }

    @Test
    public void anotherHolderIsARemovalAndAnAddition() {
        MatrixPlan plan = MatrixPlan.of(Map.of("ARCH", List.of(grant(7, "alice", Level.ADVISE, null))),
                Map.of("ARCH", List.of(grant(0, "bob", Level.ADVISE, null))));
        assertEquals(List.of(0, 1, 1, 0), List.of(plan.changed(), plan.added(), plan.removed(), plan.unchanged()));
    }

    @Test
    public void exactMatchesArePairedBeforeChangesSoAHolderWithTwoGrantsIsMatchedOneToOne() {
        // alice holds two windows; the file keeps the second and moves the first
        List<Grant> current = List.of(grant(1, "alice", Level.ADVISE, "2026-01-01"), grant(2, "alice", Level.DELEGATE, "2026-07-01"));
        List<Grant> wanted = List.of(grant(0, "alice", Level.ADVISE, "2026-02-01"), grant(0, "alice", Level.DELEGATE, "2026-07-01"));
        MatrixPlan plan = MatrixPlan.of(Map.of("ARCH", current), Map.of("ARCH", wanted));
        assertEquals(List.of(1, 0, 0, 1), List.of(plan.changed(), plan.added(), plan.removed(), plan.unchanged()));
        assertEquals(1, plan.domains().get("ARCH").changed().get(0).before().id());
        assertEquals(2, plan.domains().get("ARCH").unchanged().get(0).id());
    }

    @Test
    public void domainsNotInTheFileAreNotInThePlanAndANamedDomainWithoutLinesLosesEverything() {
        MatrixPlan plan = MatrixPlan.of(Map.of("ARCH", List.of(grant(1, "alice", Level.TELL, null)),
                "HIRING", List.of(new Grant(2, "HIRING", Principal.group("hr-team"), Level.SELL, null, null, null, null, null, 1))),
                Map.of("ARCH", List.of()));
        assertEquals(List.of("ARCH"), plan.domainKeys());
        assertEquals(1, plan.removed());
        assertTrue(plan.hasChanges());
    }

    @Test
    public void aUserAndAGroupOfTheSameNameAreDifferentHolders() {
        MatrixPlan plan = MatrixPlan.of(Map.of("ARCH", List.of(new Grant(1, "ARCH", Principal.group("leads"), Level.TELL, null, null,
                        null, null, null, 1))),
                Map.of("ARCH", List.of(new Grant(0, "ARCH", Principal.user("leads"), Level.SELL, null, null, null, null, null, 0))));
        assertEquals(List.of(0, 1, 1), List.of(plan.changed(), plan.added(), plan.removed()));
    }

    /**
     * The plan is made in linear time (indexes by content and by holder); it pairs exactly as the plain definition does —
     * each wanted grant takes the oldest current grant left with its content, then each remaining one the oldest left
     * of its holder — here written out the slow way and compared on random domains with many repeated holders,
     * contents, blank and empty notes.
     */
    @Test
    public void theIndexedPairingIsThePlainOneOnRandomDomains() {
        java.util.Random random = new java.util.Random(10);
        for (int round = 0; round < 300; round++) {
            List<Grant> current = new java.util.ArrayList<>();
            List<Grant> wanted = new java.util.ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                current.add(randomGrant(random, 100 + i));
            }
            int m = random.nextInt(40);
            for (int i = 0; i < m; i++) {
                wanted.add(randomGrant(random, 0));
            }
            MatrixPlan.Domain fast = MatrixPlan.of(Map.of("ARCH", current), Map.of("ARCH", wanted)).domains().get("ARCH");
            assertEquals("round " + round, plain(current, wanted), fast);
        }
    }

    private static Grant randomGrant(java.util.Random random, long id) {
        String[] notes = {null, "", " ", "n"};
        return new Grant(id, "ARCH", random.nextInt(5) == 0 ? Principal.group("g" + random.nextInt(3)) : Principal.user("u" + random.nextInt(4)),
                Level.values()[random.nextInt(3)], random.nextBoolean() ? null : "b", null,
                random.nextInt(4) == 0 ? LocalDate.parse("2026-01-01") : null, null, notes[random.nextInt(notes.length)],
                id == 0 ? 0 : 1 + random.nextInt(3));
    }

    /** The pairing as first written: a walk of the grants left for every wanted one. */
    private static MatrixPlan.Domain plain(List<Grant> current, List<Grant> wanted) {
        List<Grant> left = new java.util.ArrayList<>(current);
        List<Grant> rest = new java.util.ArrayList<>();
        List<Grant> unchanged = new java.util.ArrayList<>();
        for (Grant w : wanted) {
            Grant same = left.stream().filter(w::sameContent).findFirst().orElse(null);
            if (same != null) {
                left.remove(same);
                unchanged.add(same);
            } else {
                rest.add(w);
            }
        }
        List<MatrixPlan.Change> changed = new java.util.ArrayList<>();
        List<Grant> added = new java.util.ArrayList<>();
        for (Grant w : rest) {
            Grant sameHolder = left.stream().filter(c -> c.holder().equals(w.holder())).findFirst().orElse(null);
            if (sameHolder != null) {
                left.remove(sameHolder);
                changed.add(new MatrixPlan.Change(sameHolder, w.withId(sameHolder.id(), sameHolder.version())));
            } else {
                added.add(w);
            }
        }
        return new MatrixPlan.Domain(unchanged, changed, added, left);
    }
}
