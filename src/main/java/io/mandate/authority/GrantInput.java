package io.mandate.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.Principal;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A grant as the caller sent it (REST contract, "Grant"): holder by type and name, level as a number 1–7 or a
 * name, backup and mentee by username. Names are resolved to users and groups by {@link AuthorityService}.
 */
public record GrantInput(Principal.Type holderType, String holderName, Level level, String backup, String mentee,
                         LocalDate validFrom, LocalDate validTo, String note, Integer version) {

    static final int MAX_NOTE = 2_000;
    private static final Set<String> FIELDS = Set.of("id", "domain", "holder", "level", "levelName", "backup", "mentee",
            "validFrom", "validTo", "note", "version");

    /** A holder names its type and name; {@code displayName} and {@code state} (in what GET returns) may be sent back and are not read. */
    private static final Set<String> HOLDER_FIELDS = Set.of("type", "name", "displayName", "state");

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code id}, {@code domain} and {@code levelName} are accepted (what GET returned may be sent back) but not read. */
    public static GrantInput read(ObjectNode body, Map<String, Message> errors) {
        JsonFields.rejectUnknown(body, FIELDS, errors);
        Principal.Type type = null;
        String holderName = null;
        JsonNode holder = body.get("holder");
        if (holder == null || holder.isNull()) {
            errors.put("holder", Message.of("mandate.error.required"));
        } else if (!holder.isObject() || !holder.path("type").isTextual() || !holder.path("name").isTextual()
                || !HOLDER_FIELDS.containsAll(fieldNames(holder))
                || holder.path("name").textValue().isBlank() || holder.path("name").textValue().length() > JsonFields.MAX_NAME
                || holder.path("name").textValue().indexOf('\0') >= 0) {
            errors.put("holder", Message.of("mandate.error.holder.entry"));
        } else {
            String t = holder.get("type").textValue().toLowerCase(Locale.ROOT);
            if (t.equals("user") || t.equals("group")) {
                type = t.equals("user") ? Principal.Type.USER : Principal.Type.GROUP;
                holderName = holder.get("name").textValue().trim();
            } else {
                errors.put("holder", Message.of("mandate.error.informed.type", holder.get("type").textValue()));
            }
        }
        Level level = level(body.get("level"), errors);
        String backup = JsonFields.name(body, "backup", errors);
        String mentee = JsonFields.name(body, "mentee", errors);
        LocalDate from = JsonFields.date(body, "validFrom", errors);
        LocalDate to = JsonFields.date(body, "validTo", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("validTo", Message.of("mandate.error.validTo.beforeFrom"));
        }
        String note = JsonFields.text(body, "note", MAX_NOTE, errors);
        return new GrantInput(type, holderName, level, backup, mentee, from, to, note, JsonFields.version(body, errors));
    }

    /** A level is a number 1–7 or one of the seven names; anything else names the field. */
    static Level level(JsonNode node, Map<String, Message> errors) {
        if (node == null || node.isNull()) {
            errors.put("level", Message.of("mandate.error.required"));
            return null;
        }
        Level level = null;
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= 7) {
            level = Level.values()[node.intValue() - 1];
        } else if (node.isTextual() && !node.textValue().trim().matches("[0-9]+")
                && node.textValue().chars().noneMatch(Character::isISOControl)) {
            // trim() would also strip NUL and other control characters: "ADVISE\u0000" is not a level
            level = Level.parse(node.textValue()).orElse(null);
        }
        if (level == null) {
            errors.put("level", Message.of("mandate.error.level.values"));
        }
        return level;
    }
}
