package io.mandate.decision;

import io.mandate.platform.Principal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The participant rows a change of a decision's people writes, by difference: which stored rows go and which new rows
 * come, so that reading the rows back (ordered by {@code POSITION}, split by role) gives exactly the people asked for,
 * and the rows of people who stay are left as they are.
 *
 * <p>Rows are named by value — role, kind and ref — since a save does not read the stored rows (the version check proves
 * they are the ones the caller's copy holds). A row that goes takes every row of the same value with it (a DELETE names
 * values, not row ids), so a value listed twice that loses one copy is deleted whole and its remaining copies come
 * back as new rows. The rows that stay keep their positions; the new rows are appended after them, at
 * {@code version × STRIDE + index}: every position written before this version is below {@code version × STRIDE}
 * (a decision has at most {@link #STRIDE} people per role: {@code DecisionService.MAX_PEOPLE} is 200), so they sort
 * after the kept ones. Where the people asked for do not read as "the kept ones in their stored order, then the new
 * ones" — a reordering, a person put in the middle — the kept ones from the first misplaced one on are deleted and
 * written again, so the order read back is always the order asked for.
 */
final class ParticipantRows {

    /** Positions of the rows written at version v lie in [v × STRIDE, v × STRIDE + people); more than all people of one role. */
    static final int STRIDE = 1000;

    /** A participant row's value: what a DELETE names. */
    record Row(String role, String kind, String ref) {
    }

    /** A new row and its position. */
    record NewRow(Row row, int position) {
    }

    /** The rows to delete (each value names all its rows) and the rows to insert; both empty when nothing changes. */
    record Change(List<Row> delete, List<NewRow> insert) {
        boolean isEmpty() {
            return delete.isEmpty() && insert.isEmpty();
        }

        /** Rows written: one per deleted value and one per inserted row. */
        int size() {
            return delete.size() + insert.size();
        }
    }

    private ParticipantRows() {
    }

    /** Whether {@link #between} can write version {@code version} by difference (else the rows are written whole). */
    static boolean differenceFits(Decision next, int version) {
        return version >= 2 && version <= Integer.MAX_VALUE / STRIDE - 1
                && next.contributorKeys().size() <= STRIDE && next.informed().size() <= STRIDE;
    }

    /** The rows that turn the stored rows of {@code current} into those of {@code next}, written as version {@code version}. */
    static Change between(Decision current, Decision next, int version) {
        List<Row> delete = new ArrayList<>();
        List<NewRow> insert = new ArrayList<>();
        role(rows(DecisionStore.CONTRIBUTOR, current.contributorKeys()), rows(DecisionStore.CONTRIBUTOR, next.contributorKeys()),
                version, delete, insert);
        role(informed(current.informed()), informed(next.informed()), version, delete, insert);
        return new Change(delete, insert);
    }

    /** All rows of {@code next}, positioned as a first write (or a whole rewrite): 0, 1, 2… contributors first. */
    static List<NewRow> all(Decision next) {
        List<NewRow> rows = new ArrayList<>();
        int position = 0;
        for (Row row : rows(DecisionStore.CONTRIBUTOR, next.contributorKeys())) {
            rows.add(new NewRow(row, position++));
        }
        for (Row row : informed(next.informed())) {
            rows.add(new NewRow(row, position++));
        }
        return rows;
    }

    private static List<Row> rows(String role, List<String> userKeys) {
        return userKeys.stream().map(key -> new Row(role, Principal.Type.USER.name(), key)).toList();
    }

    private static List<Row> informed(List<Principal> informed) {
        return informed.stream().map(p -> new Row(DecisionStore.INFORMED, p.type().name(), p.id())).toList();
    }

    /**
     * One role: the values deleted are grown until the stored rows left are exactly a prefix of the wanted ones (then
     * the rest of the wanted ones is appended). Each round deletes at least one more value, so it ends.
     */
    private static void role(List<Row> stored, List<Row> wanted, int version, List<Row> delete, List<NewRow> insert) {
        Set<Row> gone = new HashSet<>();
        while (true) {
            List<Row> left = stored.stream().filter(r -> !gone.contains(r)).toList();
            // the wanted rows that the rows left can stand for, in order: the longest prefix of wanted that is a
            // subsequence of left (greedy, earliest match); a left row skipped or after the last match must go
            int matched = 0;
            int at = 0;
            Set<Row> unmatched = new java.util.LinkedHashSet<>();
            while (matched < wanted.size() && at < left.size()) {
                Row want = wanted.get(matched);
                int found = -1;
                for (int i = at; i < left.size(); i++) {
                    if (left.get(i).equals(want)) {
                        found = i;
                        break;
                    }
                }
                if (found < 0) {
                    break;
                }
                unmatched.addAll(left.subList(at, found));
                at = found + 1;
                matched++;
            }
            unmatched.addAll(left.subList(at, left.size()));
            if (unmatched.isEmpty()) {
                stored.stream().filter(gone::contains).distinct().forEach(delete::add);
                int base = version * STRIDE;
                for (int i = matched; i < wanted.size(); i++) {
                    insert.add(new NewRow(wanted.get(i), base + i));
                }
                return;
            }
            gone.addAll(unmatched);
        }
    }
}
