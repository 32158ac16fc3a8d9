package io.mandate.platform;

import net.java.ao.RawEntity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Aggregation in the database, for what Active Objects cannot express (it reads entities, not
 * GROUP BY results): one statement, one row per group, whatever the number of rows counted; and plain reads of
 * many rows ({@link #forEachRow}), streamed without an entity per row. Stores call it with column names they own
 * and {@code ?} placeholders; values never enter the SQL text.
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

    /** A condition of {@link #forEachRow}, on columns the store names; values always go to {@code ?} placeholders. */
    sealed interface Condition permits In, AnyIn, Between {
        /** The columns the condition reads (checked to be plain upper-case identifiers). */
        List<String> columns();

        /** Whether no row can match (then no statement is issued). */
        boolean matchesNothing();
    }

    /**
     * {@code <column> IN (?, …)} over the values, or, with {@code orNull}, {@code (<column> IN (?, …) OR <column> IS
     * NULL)}. No values matches nothing (then no statement is issued).
     */
    record In(String column, Collection<?> values, boolean orNull) implements Condition {
        public In {
            values = List.copyOf(values);
        }

        /** {@code <column> = ?}. */
        public static In equal(String column, Object value) {
            return new In(column, List.of(value), false);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public boolean matchesNothing() {
            return values.isEmpty() && !orNull;
        }
    }

    /**
     * {@code (<c1> IN (?, …) OR <c2> IN (?, …) …)}: any of the columns holds one of the values (a decision whose
     * approver or driver is one of a group's members). No values matches nothing.
     */
    record AnyIn(List<String> columns, Collection<?> values) implements Condition {
        public AnyIn {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("at least one column");
            }
        }

        @Override
        public boolean matchesNothing() {
            return values.isEmpty();
        }
    }

    /** {@code <column> BETWEEN ? AND ?}, both ends included. */
    record Between(String column, Object from, Object to) implements Condition {
        public Between {
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(to, "to");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public boolean matchesNothing() {
            return false;
        }
    }

    /**
     * One row of {@link #forEachRow}, valid only inside the handler; columns by their index in the list asked
     * (from 0). SQL NULL reads as null.
     */
    interface Row {
        String string(int column);

        Long longValue(int column);

        Integer intValue(int column);

        Boolean booleanValue(int column);

        /** A timestamp column, as Active Objects reads it ({@code ResultSet.getTimestamp}, the JVM's zone). */
        Instant instant(int column);
    }

    /**
     * {@code SELECT <columns> FROM <entity's table> WHERE <c1> AND <c2> … ORDER BY <orderBy>}, each row handed to
     * {@code each} as it comes: <b>one statement, streamed through a cursor</b> (a fetch size on a connection that is
     * not in auto-commit, so PostgreSQL's driver does not hold the whole result set), nothing kept. For reads of many
     * rows where an entity per row (Active Objects) costs more than the work. Columns are the entity's upper-case
     * column names; values go to {@code ?} placeholders, never into the SQL text.
     *
     * @throws IllegalArgumentException for a column that is not a plain upper-case identifier
     */
    void forEachRow(Class<? extends RawEntity<?>> entity, List<String> columns, List<? extends Condition> where, List<String> orderBy,
                    Consumer<Row> each);
}
