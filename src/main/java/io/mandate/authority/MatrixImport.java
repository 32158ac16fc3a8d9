package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.PersonLabel;
import io.mandate.platform.Principal;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix CSV import (docs/rest-api.md, "Matrix CSV"): reads the file ({@link MatrixCsv}), turns its names
 * into the domains, users and groups they mean — every unknown or inactive one a problem of its line and
 * column, except where a line keeps a grant exactly as it is (so that an export always imports back): there a
 * deactivated user, a user or group the host has deleted (as the export marks them, {@link PersonLabel#fromCsv}:
 * {@code ivan (inactive)}, {@code JIRAUSER10042 (deleted)}, {@code old-team (deleted)}; or unmarked, as older exports
 * wrote them) may stay — and compares the result with the stored grants ({@link MatrixPlan}). A dry run stops there; a real
 * import with no problem at all replaces the grants of the named domains through
 * {@link AuthorityService#importGrants}, all or nothing. Jira administrators only.
 */
@JiraComponent
public class MatrixImport {

    /** The counts of a plan: grants added, changed, removed and left as they are, in the named domains. */
    public record Summary(int added, int changed, int removed, int unchanged, List<String> domains) {
        static Summary of(MatrixPlan plan) {
            return new Summary(plan.added(), plan.changed(), plan.removed(), plan.unchanged(), plan.domainKeys());
        }
    }

    /**
     * The answer: {@code applied} only when the file was imported (no dry run, no problem; it may still have
     * changed nothing). With problems, the summary counts the good lines as if the bad ones were not there.
     */
    public record Result(boolean dryRun, boolean applied, Summary summary, List<MatrixCsv.LineError> errors) {
    }

    private final AuthorityService authority;
    private final People people;

    @Inject
    public MatrixImport(AuthorityService authority, People people) {
        this.authority = authority;
        this.people = people;
    }

    /** Reads the body (UTF-8, with or without BOM) and imports it, or with {@code dryRun} only says what it would do. */
    public Result run(byte[] body, boolean dryRun) {
        authority.requireAdminCaller();
        MatrixCsv.Parsed parsed = MatrixCsv.parse(body);
        List<MatrixCsv.LineError> errors = new ArrayList<>(parsed.errors());
        Resolved resolved = resolve(parsed.rows(), errors);
        MatrixPlan plan = authority.planImport(resolved.wanted());
        if (!resolved.inactive().isEmpty()) {
            // a line may name someone who cannot act (deactivated, deleted, unknown) only where it keeps a grant exactly as it is
            // (export → import is a no-op)
            // (each domain's unchanged grants indexed by content once: a file may hold thousands of such lines)
            Map<String, java.util.Set<Grant.Content>> kept = new HashMap<>();
            MatrixPlan first = plan;
            java.util.Set<Grant> refusedLines = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Map.Entry<Grant, List<MatrixCsv.LineError>> e : resolved.inactive().entrySet()) {
                Grant g = e.getKey();
                java.util.Set<Grant.Content> unchanged = kept.computeIfAbsent(g.domainKey(), k -> {
                    java.util.Set<Grant.Content> contents = new java.util.HashSet<>();
                    first.domains().get(k).unchanged().forEach(u -> contents.add(u.content()));
                    return contents;
                });
                if (!unchanged.contains(g.content())) {
                    errors.addAll(e.getValue());
                    refusedLines.add(g);
                }
            }
            boolean refused = !refusedLines.isEmpty();
            resolved.wanted().values().forEach(grants -> grants.removeIf(refusedLines::contains));
            if (refused) {
                plan = authority.planImport(resolved.wanted());
            }
        }
        errors.sort(Comparator.comparingInt(MatrixCsv.LineError::line)
                .thenComparingInt(e -> e.column() == null ? -1 : MatrixCsv.HEADER.indexOf(e.column())));
        if (dryRun || !errors.isEmpty()) {
            return new Result(dryRun, false, Summary.of(plan), errors);
        }
        return new Result(false, true, Summary.of(authority.importGrants(resolved.wanted())), List.of());
    }

    /**
     * The grants of the good lines by domain (file order), and those that name a deactivated, deleted or unknown user or
     * group with the problems that names (kept until the plan shows whether they change anything).
     */
    private record Resolved(Map<String, List<Grant>> wanted, Map<Grant, List<MatrixCsv.LineError>> inactive) {
    }

    private Resolved resolve(List<MatrixCsv.Row> rows, List<MatrixCsv.LineError> errors) {
        Names names = new Names();
        Map<String, List<Grant>> wanted = new LinkedHashMap<>();
        Map<Grant, List<MatrixCsv.LineError>> inactive = new java.util.IdentityHashMap<>();
        for (MatrixCsv.Row row : rows) {
            Map<String, Message> problems = new LinkedHashMap<>();
            Map<String, Message> deactivated = new LinkedHashMap<>();
            if (authority.domain(row.domain()).isEmpty()) { // a lookup by key in the cached domain index
                problems.put("domain", Message.of("mandate.error.domain.notFound", row.domain()));
            }
            Principal holder = null;
            if (row.isGrant()) {
                if (row.holderType() == Principal.Type.GROUP) {
                    holder = Principal.group(names.group(row.holder(), deactivated));
                } else {
                    String key = names.user("holder", row.holder(), problems, deactivated);
                    holder = key == null ? null : Principal.user(key);
                }
            }
            String backup = names.user("backup", row.backup(), problems, deactivated);
            String mentee = names.user("mentee", row.mentee(), problems, deactivated);
            if (!problems.isEmpty() || (!row.isGrant() && !deactivated.isEmpty())) {
                problems.putAll(deactivated);
                MatrixCsv.HEADER.stream().filter(problems::containsKey)
                        .forEach(column -> errors.add(new MatrixCsv.LineError(row.line(), column, problems.get(column))));
                continue;
            }
            List<Grant> grants = wanted.computeIfAbsent(row.domain(), k -> new ArrayList<>());
            if (holder != null) {
                Grant grant = new Grant(0, row.domain(), holder, row.level(), backup, mentee, row.validFrom(), row.validTo(),
                        row.note(), 0);
                grants.add(grant);
                if (!deactivated.isEmpty()) {
                    inactive.put(grant, deactivated.entrySet().stream()
                            .map(d -> new MatrixCsv.LineError(row.line(), d.getKey(), d.getValue())).toList());
                }
            }
        }
        return new Resolved(wanted, inactive);
    }

    /** Name lookups, each asked of the host once per import (a 50,000-line file names the same people often). */
    private final class Names {
        private final Map<String, Optional<Person>> users = new HashMap<>();
        private final Map<String, Boolean> groups = new HashMap<>();

        private boolean exists(String group) {
            return groups.computeIfAbsent(group, people::groupExists);
        }

        /**
         * The name of a group holder: the group as named, or — unmarked — the name the import must keep as it is. A
         * group the host does not have ({@code old-team (deleted)} as the export writes it, or a name it never had) is
         * returned with a problem in {@code deactivated}: the line may only keep a grant that already names it.
         */
        String group(String name, Map<String, Message> deactivated) {
            if (exists(name)) {
                return name;
            }
            Optional<PersonLabel.Marked> marked = PersonLabel.fromCsv(name).filter(m -> m.state() == Person.State.DELETED);
            if (marked.isPresent() && exists(marked.get().name())) {
                return marked.get().name(); // made again since the export
            }
            String group = marked.map(PersonLabel.Marked::name).orElse(name);
            deactivated.put("holder", marked.isPresent() ? Message.of("mandate.error.group.deleted", group)
                    : Message.of("mandate.error.group.unknown", name));
            return group;
        }

        /**
         * The key of a user; null when nothing is given. A user the host has by this username — or by the name before
         * the export's mark — is found as usual (a deactivated one's key comes with a problem in {@code deactivated}).
         * Any other name — the stored key of a deleted user, marked {@code (deleted)} by the export or bare, or a name
         * nobody has — is returned as the key a stored grant may hold, with a problem in {@code deactivated}: the line
         * may only keep a grant exactly as it is.
         */
        String user(String column, String name, Map<String, Message> problems, Map<String, Message> deactivated) {
            if (name == null) {
                return null;
            }
            Optional<PersonLabel.Marked> marked = PersonLabel.fromCsv(name);
            Optional<Person> person = byName(name)
                    .or(() -> marked.filter(m -> m.state() == Person.State.INACTIVE).flatMap(m -> byName(m.name())));
            if (person.isPresent()) {
                if (!person.get().isActive()) {
                    deactivated.put(column, Message.of("mandate.error.user.inactive", person.get().name()));
                }
                return person.get().key();
            }
            Optional<PersonLabel.Marked> deleted = marked.filter(m -> m.state() == Person.State.DELETED);
            if (deleted.isPresent()) {
                Optional<Person> restored = people.byKey(deleted.get().name());
                if (restored.isPresent() && restored.get().isActive()) {
                    return restored.get().key();
                }
                deactivated.put(column, Message.of("mandate.error.user.deleted", deleted.get().name()));
                return deleted.get().name();
            }
            if (marked.isPresent()) {
                problems.put(column, Message.of("mandate.error.user.unknown", name));
                return null;
            }
            deactivated.put(column, Message.of("mandate.error.user.unknown", name));
            return name;
        }

        private Optional<Person> byName(String name) {
            return users.computeIfAbsent(name, people::byName);
        }
    }
}
