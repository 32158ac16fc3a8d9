package io.mandate.authority;

import io.mandate.platform.Person;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entry of a domain's audit trail: who ({@code author} by current name), when, which object ({@code domain}
 * or {@code grant} with its id), which field, and the values before and after as text (people by the username
 * they had when the change was made).
 */
public record MatrixChangeJson(Map<String, String> author, String at, String objectType, String objectId,
                               String domain, String field, String before, String after) {

    public static MatrixChangeJson of(MatrixChange c, Function<String, Optional<Person>> personOfKey) {
        Person author = c.authorKey() == null ? null
                : personOfKey.apply(c.authorKey()).orElseGet(() -> Person.deleted(c.authorKey()));
        return new MatrixChangeJson(PeopleJson.user(author), c.changedAt().toString(), c.objectType(), c.objectId(),
                c.domainKey(), c.field(), c.before(), c.after());
    }
}
