package io.mandate.authority;

import io.mandate.platform.Entities;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's own audit trail: written by the stores inside the transaction of the change it records
 * (a change and its audit entry commit together or not at all), read newest first.
 */
final class MatrixAuditTrail {

    private MatrixAuditTrail() {
    }

    /**
     * Writes the entries in their order (their ids follow it, which orders a domain's history within one instant):
     * with Active Objects' batch insert, a statement per {@link GrantStore#BATCH} entries ({@link Entities#createAll}) —
     * a 50,000-line import's audit trail in a few hundred statements.
     */
    static void write(Entities entities, List<MatrixChange> changes) {
        List<Map<String, Object>> rows = new ArrayList<>(changes.size());
        for (MatrixChange c : changes) {
            Map<String, Object> values = new HashMap<>();
            values.put("AUTHOR_KEY", c.authorKey());
            values.put("CHANGED_AT", Date.from(c.changedAt()));
            values.put("OBJECT_TYPE", c.objectType());
            values.put("OBJECT_ID", c.objectId());
            values.put("DOMAIN_KEY", c.domainKey());
            values.put("FIELD", c.field());
            values.put("BEFORE_VALUE", c.before());
            values.put("AFTER_VALUE", c.after());
            rows.add(values);
        }
        entities.createAll(MatrixAuditEntity.class, rows, GrantStore.BATCH);
    }

    /** The changes to a domain and its grants, newest first, at most {@code limit}. */
    static List<MatrixChange> ofDomain(Entities entities, String domainKey, int limit) {
        MatrixAuditEntity[] rows = entities.find(MatrixAuditEntity.class,
                Query.select().where("DOMAIN_KEY = ?", domainKey).order("CHANGED_AT DESC, ID DESC").limit(limit));
        return Arrays.stream(rows).map(MatrixAuditTrail::toChange).toList();
    }

    private static MatrixChange toChange(MatrixAuditEntity r) {
        return new MatrixChange(r.getAuthorKey(), r.getChangedAt().toInstant(), r.getObjectType(), r.getObjectId(),
                r.getDomainKey(), r.getField(), r.getBeforeValue(), r.getAfterValue());
    }
}
