package io.mandate.platform;

import net.java.ao.RawEntity;

import java.util.List;

/**
 * Aggregation in the database, for what Active Objects cannot express (it reads entities, not
 * GROUP BY results): one statement, one row per group, whatever the number of rows counted. Stores
 * call it with column names they own and {@code ?} placeholders; values never enter the SQL text.
 */
public interface SqlAggregates {

    /** One group: the values of the grouping columns, in their order, and how many rows it has. */
    record GroupCount(List<Object> keys, long count) {
        public GroupCount {
            keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys)); // keys may hold nulls
        }
    }

    /**
     * {@code SELECT <columns>, COUNT(*) FROM <entity's table> WHERE <where> GROUP BY <columns>}, ordered
     * by the columns. {@code where} may be null (all rows).
     *
     * @throws IllegalArgumentException for a column that is not a plain upper-case identifier
     */
    List<GroupCount> countBy(Class<? extends RawEntity<?>> entity, List<String> columns, String where, Object... params);
}
