package io.mandate.authority;

import io.mandate.platform.Person;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A grant as the REST contract shows it: {@code {"id","domain","holder":{"type","name"},"level","levelName",
 * "backup","mentee","validFrom","validTo","note","version"}} — the holder by its current name (a user holder also
 * with {@code displayName} and {@code state}: active, inactive, or deleted with the stored key as name), backup and
 * mentee as usernames (a deleted one's key), so what GET returns can be sent back as it is.
 */
public record GrantJson(long id, String domain, Map<String, String> holder, int level, String levelName, String backup,
                        String mentee, String validFrom, String validTo, String note, int version) {

    public static GrantJson of(Grant g, Function<String, Optional<Person>> personOfKey) {
        Map<String, String> holder = new LinkedHashMap<>();
        holder.put("type", g.holder().type().jsonName());
        if (g.holder().isUser()) {
            Person p = personOfKey.apply(g.holder().id()).orElseGet(() -> Person.deleted(g.holder().id()));
            holder.put("name", p.name());
            holder.put("displayName", p.displayName());
            holder.put("state", p.state().jsonName());
        } else {
            holder.put("name", g.holder().id());
        }
        return new GrantJson(g.id(), g.domainKey(), holder, g.level().number(), g.level().name(),
                name(g.backupKey(), personOfKey), name(g.menteeKey(), personOfKey),
                g.validFrom() == null ? null : g.validFrom().toString(), g.validTo() == null ? null : g.validTo().toString(),
                g.note(), g.version());
    }

    private static String name(String key, Function<String, Optional<Person>> personOfKey) {
        return key == null ? null : personOfKey.apply(key).map(Person::name).orElse(key);
    }
}
