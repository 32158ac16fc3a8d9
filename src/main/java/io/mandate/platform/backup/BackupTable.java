package io.mandate.platform.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.platform.rest.Message;
import net.java.ao.Entity;
import net.java.ao.RawEntity;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Mandate table in a backup file: a section named in the product's language ({@code decisions}) holding every
 * row of the entity's table, one JSON object per row with every column — {@code id} first, then the others by name,
 * nulls written out — so a file is complete, and two exports of the same rows are the same bytes.
 */
public final class BackupTable {

    private final String section;
    private final Class<? extends Entity> entity;
    private final List<BackupColumn> columns;
    private final Map<String, BackupColumn> byField = new LinkedHashMap<>();

    private BackupTable(String section, Class<? extends Entity> entity, List<BackupColumn> columns) {
        this.section = section;
        this.entity = entity;
        this.columns = List.copyOf(columns);
        columns.forEach(c -> byField.put(c.field(), c));
    }

    /** The table of an entity, its columns read from the entity's getters (the id from {@link Entity#getID()}). */
    public static BackupTable of(String section, Class<? extends Entity> entity) {
        List<BackupColumn> columns = new ArrayList<>();
        for (Method m : entity.getMethods()) {
            boolean getter = (m.getName().startsWith("get") || m.getName().startsWith("is")) && m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != RawEntity.class
                    && !m.getName().equals("getEntityManager") && !m.getName().equals("getEntityType");
            if (getter) {
                columns.add(BackupColumn.of(m));
            }
        }
        columns.sort(Comparator.comparing((BackupColumn c) -> !c.field().equals("id")).thenComparing(BackupColumn::field));
        if (columns.isEmpty() || !columns.get(0).field().equals("id")) {
            throw new IllegalArgumentException(entity.getName() + " has no id");
        }
        return new BackupTable(section, entity, columns);
    }

    public String section() {
        return section;
    }

    public Class<? extends Entity> entity() {
        return entity;
    }

    List<BackupColumn> columns() {
        return columns;
    }

    /** The row as one JSON object. */
    void write(JsonGenerator out, RawEntity<?> row) throws IOException {
        out.writeStartObject();
        for (BackupColumn c : columns) {
            out.writeFieldName(c.field());
            Object value = value(c, row);
            if (value == null) {
                out.writeNull();
                continue;
            }
            switch (c.kind()) {
                case INT -> out.writeNumber(((Number) value).intValue());
                case LONG -> out.writeNumber(((Number) value).longValue());
                case BOOLEAN -> out.writeBoolean((Boolean) value);
                case TEXT -> out.writeString((String) value);
                case INSTANT -> out.writeString(instant((Date) value).toString());
            }
        }
        out.writeEndObject();
    }

    /** A stored instant to the nanosecond the database gave (a {@link Timestamp} keeps more than milliseconds). */
    private static Instant instant(Date date) {
        return date instanceof Timestamp t ? t.toInstant() : date.toInstant();
    }

    private static Object value(BackupColumn c, RawEntity<?> row) {
        try {
            return c.getter().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Reading " + c.column() + " of a row failed", e);
        }
    }

    /** A row read from a file: its id and the values by column name, ready for Active Objects. */
    record Row(int id, Map<String, Object> values) {
    }

    /**
     * The row the file gives, every problem named by field ({@code decisions[3].issueId}) with the line it is on.
     *
     * @param index the row's position in its section, from 0
     */
    Row read(JsonNode json, int index, int line, Map<String, Message> problems) {
        String at = section + "[" + index + "]";
        if (json == null || !json.isObject()) {
            problems.put(at, Message.of("mandate.backup.error.row", line));
            return null;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!byField.containsKey(name)) {
                problems.put(at + "." + name, Message.of("mandate.backup.error.unknownField", line, section));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (BackupColumn c : columns) {
            String field = at + "." + c.field();
            JsonNode v = json.get(c.field());
            if (v == null) {
                problems.put(field, Message.of("mandate.backup.error.missing", line));
                continue;
            }
            if (v.isNull()) {
                if (c.notNull()) {
                    problems.put(field, Message.of("mandate.backup.error.null", line));
                } else {
                    values.put(c.column(), null);
                }
                continue;
            }
            Object value = value(c, v, line, field, problems);
            if (value != null) {
                values.put(c.column(), value);
            }
        }
        Object id = values.get("ID");
        return id == null ? null : new Row((Integer) id, values);
    }

    private static Object value(BackupColumn c, JsonNode v, int line, String field, Map<String, Message> problems) {
        switch (c.kind()) {
            case INT -> {
                if (v.isIntegralNumber() && v.canConvertToInt()) {
                    return v.intValue();
                }
                problems.put(field, Message.of("mandate.backup.error.number", line, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            case LONG -> {
                if (v.isIntegralNumber() && v.canConvertToLong()) {
                    return v.longValue();
                }
                problems.put(field, Message.of("mandate.backup.error.number", line, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            case BOOLEAN -> {
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
                problems.put(field, Message.of("mandate.backup.error.boolean", line));
            }
            case TEXT -> {
                if (!v.isTextual()) {
                    problems.put(field, Message.of("mandate.backup.error.text", line));
                } else if (c.maxLength() >= 0 && v.textValue().codePointCount(0, v.textValue().length()) > c.maxLength()) {
                    problems.put(field, Message.of("mandate.backup.error.tooLong", line, c.maxLength()));
                } else {
                    return v.textValue();
                }
            }
            case INSTANT -> {
                if (v.isTextual() && v.textValue().endsWith("Z")) {
                    try {
                        return Timestamp.from(Instant.parse(v.textValue()));
                    } catch (DateTimeParseException e) {
                        // named below
                    }
                }
                problems.put(field, Message.of("mandate.backup.error.instant", line));
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return section + " (" + entity.getSimpleName() + ")";
    }
}
