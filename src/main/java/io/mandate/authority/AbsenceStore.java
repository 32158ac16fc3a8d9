package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.Entities;
import net.java.ao.Query;

import javax.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores absences; every write carries its audit entries in the same transaction. */
@JiraComponent
public class AbsenceStore {

    private final Entities entities;

    @Inject
    public AbsenceStore(Entities entities) {
        this.entities = entities;
    }

    public Absence create(Absence absence, List<MatrixChange> audit) {
        return entities.inTransaction(() -> {
            Map<String, Object> values = new HashMap<>();
            values.put("USER_KEY", absence.userKey());
            values.put("FROM_DATE", absence.from().toString());
            values.put("TO_DATE", absence.to().toString());
            values.put("NOTE", absence.note());
            AbsenceEntity row = entities.create(AbsenceEntity.class, values);
            MatrixAuditTrail.write(entities, audit.stream().map(c -> new MatrixChange(c.authorKey(), c.changedAt(),
                    c.objectType(), String.valueOf(row.getID()), c.domainKey(), c.field(), c.before(), c.after())).toList());
            return new Absence(row.getID(), absence.userKey(), absence.from(), absence.to(), absence.note());
        });
    }

    public Optional<Absence> find(long id) {
        AbsenceEntity[] rows = entities.find(AbsenceEntity.class, Query.select().where("ID = ?", (int) id));
        return rows.length == 0 ? Optional.empty() : Optional.of(toAbsence(rows[0]));
    }

    public boolean delete(long id, List<MatrixChange> audit) {
        return entities.inTransaction(() -> {
            int deleted = entities.deleteWithSQL(AbsenceEntity.class, "ID = ?", (int) id);
            if (deleted > 0) {
                MatrixAuditTrail.write(entities, audit);
            }
            return deleted > 0;
        });
    }

    /** One person's absences, earliest first (what resolution asks per holder with a backup, through the cache). */
    public List<Absence> of(String userKey) {
        return Arrays.stream(entities.find(AbsenceEntity.class, Query.select().where("USER_KEY = ?", userKey).order("FROM_DATE, ID")))
                .map(AbsenceStore::toAbsence).toList();
    }

    /**
     * Absences that share a day with the window (either end open when null), of one person or everyone,
     * earliest first; {@code limit} 0 counts only. Returns the total and the page.
     */
    public Found find(String userKey, LocalDate from, LocalDate to, int startAt, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (userKey != null) {
            where.append(" AND USER_KEY = ?");
            params.add(userKey);
        }
        if (to != null) {
            where.append(" AND FROM_DATE <= ?");
            params.add(to.toString());
        }
        if (from != null) {
            where.append(" AND TO_DATE >= ?");
            params.add(from.toString());
        }
        int total = entities.count(AbsenceEntity.class, Query.select().where(where.toString(), params.toArray()));
        if (limit == 0 || total <= startAt) {
            return new Found(total, List.of());
        }
        AbsenceEntity[] rows = entities.find(AbsenceEntity.class, Query.select().where(where.toString(), params.toArray())
                .order("FROM_DATE, ID").offset(startAt).limit(limit));
        return new Found(total, Arrays.stream(rows).map(AbsenceStore::toAbsence).toList());
    }

    public record Found(int total, List<Absence> values) {
    }

    /**
     * The user keys of everyone with an absence that shares at least one day with the window {@code from}..{@code to}
     * (inclusive both): an absence ending the day before {@code from} does not count, one starting on {@code to}
     * does. One streamed statement; what it holds is bounded by the people, not the absences.
     */
    public java.util.SortedSet<String> userKeysAwayIn(LocalDate from, LocalDate to) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        entities.stream(AbsenceEntity.class, Query.select("ID, USER_KEY")
                        .where("FROM_DATE <= ? AND TO_DATE >= ?", to.toString(), from.toString()),
                row -> keys.add(row.getUserKey()));
        return keys;
    }

    private static Absence toAbsence(AbsenceEntity r) {
        return new Absence(r.getID(), r.getUserKey(), LocalDate.parse(r.getFromDate()), LocalDate.parse(r.getToDate()), r.getNote());
    }
}
