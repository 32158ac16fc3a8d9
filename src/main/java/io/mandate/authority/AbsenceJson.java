package io.mandate.authority;

import io.mandate.platform.Person;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An absence in output: {@code {"id","user":{"key","name","displayName","state"},"from","to","note"}}. */
public record AbsenceJson(long id, Map<String, String> user, String from, String to, String note) {

    public static AbsenceJson of(Absence a, Function<String, Optional<Person>> personOfKey) {
        Person p = personOfKey.apply(a.userKey()).orElseGet(() -> Person.deleted(a.userKey()));
        return new AbsenceJson(a.id(), PeopleJson.user(p), a.from().toString(), a.to().toString(), a.note());
    }
}
