package io.mandate.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON input body one by one, putting a field-named problem into {@code errors}
 * instead of throwing, so that one answer names every wrong field. Shared by every capability's input.
 */
public final class JsonFields {

    /** The longest user, group or key name accepted anywhere. */
    public static final int MAX_NAME = 255;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private JsonFields() {
    }

    /** Unknown fields are rejected rather than ignored: a typo must not silently drop a change. */
    public static void rejectUnknown(ObjectNode body, Set<String> known, Map<String, Message> errors) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                errors.put(field, Message.of("mandate.error.field.unknown"));
            }
        }
    }

    /** A string (null when absent or JSON null); NUL characters are refused. */
    public static String text(ObjectNode body, String field, Map<String, Message> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.put(field, Message.of("mandate.error.string"));
            return null;
        }
        String value = node.textValue();
        if (value.indexOf('\0') >= 0) {
            errors.put(field, Message.of("mandate.error.nul"));
            return null;
        }
        return value;
    }

    /** Free text of at most {@code max} characters; blank is null. */
    public static String text(ObjectNode body, String field, int max, Map<String, Message> errors) {
        String value = text(body, field, errors);
        if (value != null && value.length() > max) {
            errors.put(field, Message.of("mandate.error.maxChars", max));
            return null;
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** A name (user, group, key): trimmed, at most {@link #MAX_NAME}; blank is null. */
    public static String name(ObjectNode body, String field, Map<String, Message> errors) {
        String value = text(body, field, errors);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            errors.put(field, Message.of("mandate.error.maxChars", MAX_NAME));
            return null;
        }
        return value.trim();
    }

    /**
     * A list of names, at most {@code maxEntries}; {@code listProblem} (with the maximum as its argument) when
     * it is not a list or too long, {@code entryProblem} for a bad entry.
     */
    public static List<String> names(ObjectNode body, String field, int maxEntries, String listProblem, String entryProblem,
                                     Map<String, Message> errors) {
        JsonNode node = body.get(field);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray() || node.size() > maxEntries) {
            errors.put(field, Message.of(listProblem, maxEntries));
            return result;
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > MAX_NAME
                    || item.textValue().indexOf('\0') >= 0) {
                errors.put(field, Message.of(entryProblem));
                return List.of();
            }
            result.add(item.textValue().trim());
        }
        return result;
    }

    /** A calendar date {@code YYYY-MM-DD}; blank is null. */
    public static LocalDate date(ObjectNode body, String field, Map<String, Message> errors) {
        String value = text(body, field, errors);
        if (value == null || value.isBlank()) {
            return null;
        }
        // JSON carries the date exactly (REST contract); only text cells (CSV, query parameters) are trimmed
        if (!value.equals(value.trim())) {
            errors.put(field, Message.of("mandate.error.date.format"));
            return null;
        }
        return date(field, value, errors);
    }

    /** A calendar date {@code YYYY-MM-DD} given as text (a query parameter, a CSV cell); blank is null. */
    public static LocalDate date(String field, String value, Map<String, Message> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DATE.matcher(value.trim()).matches()) {
            errors.put(field, Message.of("mandate.error.date.format"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, Message.of("mandate.error.date.calendar", value));
            return null;
        }
    }

    /** The optimistic-lock version: a non-negative integer, or null when absent. */
    public static Integer version(ObjectNode body, Map<String, Message> errors) {
        JsonNode v = body.get("version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
            return v.intValue();
        }
        errors.put("version", Message.of("mandate.error.version.format"));
        return null;
    }
}
