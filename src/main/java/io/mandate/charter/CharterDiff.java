package io.mandate.charter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What changed between two states of a charter, field by field, as audit entries (a creation is a change from
 * nothing). Members are written as {@code userKey=role} lines (user keys survive renames), domains comma-separated.
 */
final class CharterDiff {

    private CharterDiff() {
    }

    static List<CharterChange> between(Optional<Charter> before, Charter after, String authorKey, Instant at) {
        List<CharterChange> changes = new ArrayList<>();
        add(changes, authorKey, at, after.teamKey(), "name", before.map(Charter::name).orElse(null), after.name());
        add(changes, authorKey, at, after.teamKey(), "space", before.map(Charter::spaceKey).orElse(null), after.spaceKey());
        add(changes, authorKey, at, after.teamKey(), "purpose", before.map(Charter::purpose).orElse(null), after.purpose());
        add(changes, authorKey, at, after.teamKey(), "members", before.map(c -> members(c.members())).orElse(null),
                members(after.members()));
        add(changes, authorKey, at, after.teamKey(), "domains", before.map(c -> domains(c.domains())).orElse(null),
                domains(after.domains()));
        return changes;
    }

    /** A deletion: every field from its value to nothing. */
    static List<CharterChange> removed(Charter before, String authorKey, Instant at) {
        List<CharterChange> changes = new ArrayList<>();
        add(changes, authorKey, at, before.teamKey(), "name", before.name(), null);
        add(changes, authorKey, at, before.teamKey(), "space", before.spaceKey(), null);
        add(changes, authorKey, at, before.teamKey(), "purpose", before.purpose(), null);
        add(changes, authorKey, at, before.teamKey(), "members", members(before.members()), null);
        add(changes, authorKey, at, before.teamKey(), "domains", domains(before.domains()), null);
        return changes;
    }

    private static void add(List<CharterChange> changes, String author, Instant at, String team, String field,
                            String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new CharterChange(author, at, team, field, before, after));
        }
    }

    static String members(List<Charter.Member> members) {
        return members.isEmpty() ? null
                : members.stream().map(m -> m.userKey() + "=" + (m.role() == null ? "" : m.role())).collect(Collectors.joining("\n"));
    }

    private static String domains(List<String> domains) {
        return domains.isEmpty() ? null : String.join(",", domains);
    }
}
