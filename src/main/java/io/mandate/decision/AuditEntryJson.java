package io.mandate.decision;

import io.mandate.platform.Principal;

import io.mandate.decision.DecisionJson.UserJson;
import io.mandate.platform.Person;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One audit entry in output. {@code before}/{@code after} are text, as they always were; for a
 * people field that text names people by their current username, and {@code beforeValue}/
 * {@code afterValue} carry them as the rest of the API shows users ({@code {"key","name","displayName","state"}};
 * informed entries add {@code "type"}). A user the host no longer knows shows the stored key, state "deleted".
 * The values are null for other fields.
 */
public record AuditEntryJson(String issueKey, UserJson author, String at, String field, String before, String after,
                             Object beforeValue, Object afterValue) {

    /**
     * An informed user or group in a history value: users as {"type","key","name","displayName","state"}, groups with
     * the name as displayName and null key and state.
     */
    public record InformedValueJson(String type, String key, String name, String displayName, String state) {
    }

    static AuditEntryJson of(AuditEntry e, Function<String, Optional<Person>> personOfKey) {
        UserJson author = user(e.authorKey(), personOfKey);
        String at = e.changedAt().toString();
        if (!AuditValues.PEOPLE_FIELDS.contains(e.field())) {
            return new AuditEntryJson(e.issueKey(), author, at, e.field(), e.oldValue(), e.newValue(), null, null);
        }
        Object before = value(e.field(), e.oldValue(), personOfKey);
        Object after = value(e.field(), e.newValue(), personOfKey);
        return new AuditEntryJson(e.issueKey(), author, at, e.field(), text(before), text(after), before, after);
    }

    private static Object value(String field, String stored, Function<String, Optional<Person>> personOfKey) {
        if (stored == null) {
            return null;
        }
        return switch (field) {
            case "contributors" -> AuditValues.readUserKeys(stored).stream().map(k -> user(k, personOfKey)).toList();
            case "informed" -> AuditValues.readInformed(stored).stream().map(i -> i.type() == Principal.Type.GROUP
                    ? new InformedValueJson("group", null, i.id(), i.id(), null)
                    : informedUser(user(i.id(), personOfKey))).toList();
            default -> user(stored, personOfKey);
        };
    }

    /** The text form older clients read: usernames, lists joined by ", ", groups as "group:name". */
    private static String text(Object value) {
        if (value instanceof UserJson u) {
            return u.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditEntryJson::itemText).collect(Collectors.joining(", "));
        }
        return null;
    }

    private static String itemText(Object item) {
        if (item instanceof InformedValueJson i) {
            return "group".equals(i.type()) ? "group:" + i.name() : i.name();
        }
        return ((UserJson) item).name();
    }

    private static InformedValueJson informedUser(UserJson u) {
        return new InformedValueJson("user", u.key(), u.name(), u.displayName(), u.state());
    }

    private static UserJson user(String key, Function<String, Optional<Person>> personOfKey) {
        return UserJson.of(personOfKey.apply(key).orElseGet(() -> Person.deleted(key)));
    }
}
