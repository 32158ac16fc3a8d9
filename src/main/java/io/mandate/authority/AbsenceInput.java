package io.mandate.authority;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** An absence as the caller sent it: {@code {"user","from","to","note"}}; {@code user} defaults to the caller. */
public record AbsenceInput(String user, LocalDate from, LocalDate to, String note) {

    static final int MAX_NOTE = 2_000;
    /** An away period longer than this is a typo in the year, not a holiday. */
    static final int MAX_DAYS = 366;
    private static final Set<String> FIELDS = Set.of("user", "from", "to", "note");

    public static AbsenceInput read(ObjectNode body, Map<String, Message> errors) {
        JsonFields.rejectUnknown(body, FIELDS, errors);
        String user = JsonFields.name(body, "user", errors);
        LocalDate from = JsonFields.date(body, "from", errors);
        LocalDate to = JsonFields.date(body, "to", errors);
        if (from == null && !errors.containsKey("from")) {
            errors.put("from", Message.of("mandate.error.required"));
        }
        if (to == null && !errors.containsKey("to")) {
            errors.put("to", Message.of("mandate.error.required"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.put("to", Message.of("mandate.error.absence.toBeforeFrom"));
            } else if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.put("to", Message.of("mandate.error.absence.tooLong", MAX_DAYS));
            }
        }
        return new AbsenceInput(user, from, to, JsonFields.text(body, "note", MAX_NOTE, errors));
    }
}
