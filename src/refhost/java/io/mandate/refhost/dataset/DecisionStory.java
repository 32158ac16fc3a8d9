package io.mandate.refhost.dataset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One decision's history as the plugin would have recorded it: the writes (each a revision of the decision, by one
 * author at one time) with one audit entry per field that changed, and the state they leave. Exactly
 * {@link DecisionBudget#cost} entries: a creation write (status OPEN, driver, approver, and the due date, contributors
 * and informed when set then), edits in between (contributors or informed added later, the approver replaced, the
 * due date moved, a domain chosen by hand), the status path (a step to IN_PROGRESS, the decision with its outcome and
 * review date, a later rewording of the outcome, a reversal) — decisions and reversals by the approver.
 */
final class DecisionStory {

    /** One changed field, values in the audit trail's format (people by user key). */
    record Entry(String field, String before, String after) {
    }

    /** One accepted write: a revision of the decision. */
    record Write(String authorKey, Instant at, List<Entry> entries) {
    }

    /** What the story starts from; {@code otherApprover} draws an approver other than the one given (for a replacement). */
    record Cast(String driverKey, String approverKey, UnaryOperator<String> otherApprover, String contributors,
                String informed, String domainByHand, Instant createdAt, Instant asOf, LocalDate today) {
    }

    private enum Extra { APPROVER, DUE, STEP, OUTCOME }

    final List<Write> writes = new ArrayList<>();
    final String status;
    final LocalDate dueDate;
    final LocalDate reviewDate;
    final String outcome;
    Instant decidedAt;

    private DecisionStory(String status, LocalDate dueDate, LocalDate reviewDate, String outcome) {
        this.status = status;
        this.dueDate = dueDate;
        this.reviewDate = reviewDate;
        this.outcome = outcome;
    }

    Instant updatedAt() {
        return writes.get(writes.size() - 1).at();
    }

    int version() {
        return writes.size();
    }

    static DecisionStory tell(SplittableRandom r, byte status, int features, int extras, Cast cast) {
        boolean decided = status == DecisionBudget.DECIDED || status == DecisionBudget.REVERSED;
        boolean open = status == DecisionBudget.OPEN || status == DecisionBudget.IN_PROGRESS;
        List<Extra> kinds = new ArrayList<>();
        for (int i = 0; i < extras; i++) {
            List<Extra> allowed = new ArrayList<>(List.of(Extra.APPROVER));
            if ((features & DecisionBudget.DUE) != 0) {
                allowed.add(Extra.DUE);
            }
            if (!open && !kinds.contains(Extra.STEP)) {
                allowed.add(Extra.STEP);
            }
            if (decided) {
                allowed.add(Extra.OUTCOME);
            }
            kinds.add(allowed.get(r.nextInt(allowed.size())));
        }
        int approverChanges = Collections.frequency(kinds, Extra.APPROVER);
        int dueMoves = Collections.frequency(kinds, Extra.DUE);
        int outcomeEdits = Collections.frequency(kinds, Extra.OUTCOME);
        boolean step = kinds.contains(Extra.STEP);

        LocalDate created = date(cast.createdAt());
        List<LocalDate> dues = new ArrayList<>();
        if ((features & DecisionBudget.DUE) != 0) {
            LocalDate due = open
                    ? later(created.plusDays(1), cast.today().plusDays(Rng.between(r, -60, 90)))
                    : created.plusDays(Rng.between(r, 7, 60));
            dues.add(due);
            for (int i = 0; i < dueMoves; i++) {
                dues.add(0, dues.get(0).minusDays(Rng.between(r, 3, 14))); // it slipped: each earlier date was sooner
            }
        }
        List<String> approvers = new ArrayList<>(List.of(cast.approverKey()));
        for (int i = 0; i < approverChanges; i++) {
            approvers.add(0, cast.otherApprover().apply(approvers.get(0)));
        }
        List<String> outcomes = new ArrayList<>();
        if (decided) {
            outcomes.add(Words.pick(Words.OUTCOMES, r));
            for (int i = 0; i < outcomeEdits; i++) {
                outcomes.add(0, "Draft " + (outcomeEdits - i) + ": " + Words.pick(Words.OUTCOMES, r));
            }
        }

        boolean contributorsAtCreation = r.nextBoolean();
        boolean informedAtCreation = r.nextBoolean();
        List<Entry> creation = new ArrayList<>();
        creation.add(new Entry("status", null, "OPEN"));
        creation.add(new Entry("driver", null, cast.driverKey()));
        creation.add(new Entry("approver", null, approvers.get(0)));
        if (!dues.isEmpty()) {
            creation.add(new Entry("dueDate", null, dues.get(0).toString()));
        }
        // the edits between creation and the status path, each its own write, in random order — but the changes of
        // one field in the order of its chain (a0 → a1 before a1 → a2)
        List<Deque<Entry>> chains = new ArrayList<>();
        if ((features & DecisionBudget.CONTRIBUTORS) != 0) {
            Entry contributors = new Entry("contributors", null, cast.contributors());
            (contributorsAtCreation ? creation : chain(chains)).add(contributors);
        }
        if ((features & DecisionBudget.INFORMED) != 0) {
            Entry informed = new Entry("informed", null, cast.informed());
            (informedAtCreation ? creation : chain(chains)).add(informed);
        }
        Deque<Entry> approverChain = chain(chains);
        for (int i = 1; i < approvers.size(); i++) {
            approverChain.add(new Entry("approver", approvers.get(i - 1), approvers.get(i)));
        }
        Deque<Entry> dueChain = chain(chains);
        for (int i = 1; i < dues.size(); i++) {
            dueChain.add(new Entry("dueDate", dues.get(i - 1).toString(), dues.get(i).toString()));
        }
        if ((features & DecisionBudget.DOMAIN_BY_HAND) != 0) {
            chain(chains).add(new Entry("domain", null, cast.domainByHand()));
        }
        List<Deque<Entry>> turns = new ArrayList<>();
        for (Deque<Entry> chain : chains) {
            chain.forEach(e -> turns.add(chain));
        }
        Collections.shuffle(turns, new java.util.Random(r.nextLong()));
        List<List<Entry>> edits = new ArrayList<>();
        for (Deque<Entry> chain : turns) {
            addEdit(edits).add(chain.poll());
        }

        List<List<Entry>> path = new ArrayList<>(); // the status path, written by the approver
        String from = "OPEN";
        if (step) {
            addEdit(edits).add(new Entry("status", from, "IN_PROGRESS"));
            from = "IN_PROGRESS";
        }
        LocalDate review = null;
        switch (status) {
            case DecisionBudget.IN_PROGRESS, DecisionBudget.DEFERRED ->
                    addEdit(path).add(new Entry("status", from, DecisionBudget.STATUS_NAMES[status]));
            case DecisionBudget.DECIDED, DecisionBudget.REVERSED -> {
                List<Entry> decision = addEdit(path);
                decision.add(new Entry("status", from, "DECIDED"));
                decision.add(new Entry("outcome", null, outcomes.get(0)));
                for (int i = 1; i < outcomes.size(); i++) {
                    addEdit(path).add(new Entry("outcome", outcomes.get(i - 1), outcomes.get(i)));
                }
                if (status == DecisionBudget.REVERSED) {
                    addEdit(path).add(new Entry("status", "DECIDED", "REVERSED"));
                }
            }
            default -> {
                // OPEN: no step on the path
            }
        }

        int writeCount = 1 + edits.size() + path.size();
        List<Instant> times = times(r, cast.createdAt(), cast.asOf(), writeCount);
        DecisionStory story;
        int decisionWrite = 1 + edits.size(); // the first write of the path
        if (decided && (features & DecisionBudget.REVIEW) != 0) {
            review = date(times.get(decisionWrite)).plusDays(Rng.between(r, 30, 400));
            path.get(0).add(new Entry("reviewDate", null, review.toString()));
        }
        story = new DecisionStory(DecisionBudget.STATUS_NAMES[status], dues.isEmpty() ? null : dues.get(dues.size() - 1),
                review, outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1));
        story.writes.add(new Write(cast.driverKey(), times.get(0), creation));
        for (int i = 0; i < edits.size(); i++) {
            String author = r.nextDouble() < 0.7 ? cast.driverKey() : cast.approverKey();
            story.writes.add(new Write(author, times.get(1 + i), edits.get(i)));
        }
        for (int i = 0; i < path.size(); i++) {
            story.writes.add(new Write(cast.approverKey(), times.get(decisionWrite + i), path.get(i)));
        }
        if (decided) {
            story.decidedAt = times.get(decisionWrite);
        }
        return story;
    }

    private static Deque<Entry> chain(List<Deque<Entry>> chains) {
        Deque<Entry> chain = new ArrayDeque<>();
        chains.add(chain);
        return chain;
    }

    private static List<Entry> addEdit(List<List<Entry>> writes) {
        List<Entry> entries = new ArrayList<>();
        writes.add(entries);
        return entries;
    }

    /** {@code count} instants from {@code start} (the first) to before {@code end}, ascending, whole seconds. */
    private static List<Instant> times(SplittableRandom r, Instant start, Instant end, int count) {
        long span = Math.max(count, Duration.between(start, end).getSeconds() - 60);
        List<Long> offsets = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            offsets.add(1 + (long) (r.nextDouble() * (span - 1)));
        }
        Collections.sort(offsets);
        List<Instant> times = new ArrayList<>(count);
        times.add(start);
        long previous = 0;
        for (long offset : offsets) {
            previous = Math.max(previous + 1, offset); // strictly after the one before
            times.add(start.plusSeconds(previous));
        }
        return times;
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
