package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.People;
import io.mandate.platform.Person;
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
 * column — and compares the result with the stored grants ({@link MatrixPlan}). A dry run stops there; a real
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
        Map<String, List<Grant>> wanted = resolve(parsed.rows(), errors);
        errors.sort(Comparator.comparingInt(MatrixCsv.LineError::line)
                .thenComparingInt(e -> e.column() == null ? -1 : MatrixCsv.HEADER.indexOf(e.column())));
        if (dryRun || !errors.isEmpty()) {
            return new Result(dryRun, false, Summary.of(authority.planImport(wanted)), errors);
        }
        return new Result(false, true, Summary.of(authority.importGrants(wanted)), List.of());
    }

    /** The grants the good lines stand for, by domain (in file order); problems of names go to {@code errors}. */
    private Map<String, List<Grant>> resolve(List<MatrixCsv.Row> rows, List<MatrixCsv.LineError> errors) {
        Names names = new Names();
        Map<String, List<Grant>> wanted = new LinkedHashMap<>();
        for (MatrixCsv.Row row : rows) {
            Map<String, Message> problems = new LinkedHashMap<>();
            boolean domainKnown = authority.domain(row.domain()).isPresent();
            if (!domainKnown) {
                problems.put("domain", Message.of("mandate.error.domain.notFound", row.domain()));
            }
            Principal holder = null;
            if (row.isGrant()) {
                if (row.holderType() == Principal.Type.GROUP) {
                    if (names.group(row.holder())) {
                        holder = Principal.group(row.holder());
                    } else {
                        problems.put("holder", Message.of("mandate.error.group.unknown", row.holder()));
                    }
                } else {
                    String key = names.activeUser("holder", row.holder(), problems);
                    holder = key == null ? null : Principal.user(key);
                }
            }
            String backup = names.activeUser("backup", row.backup(), problems);
            String mentee = names.activeUser("mentee", row.mentee(), problems);
            if (!problems.isEmpty()) {
                problems.forEach((column, message) -> errors.add(new MatrixCsv.LineError(row.line(), column, message)));
                continue;
            }
            List<Grant> grants = wanted.computeIfAbsent(row.domain(), k -> new ArrayList<>());
            if (holder != null) {
                grants.add(new Grant(0, row.domain(), holder, row.level(), backup, mentee, row.validFrom(), row.validTo(),
                        row.note(), 0));
            }
        }
        return wanted;
    }

    /** Name lookups, each asked of the host once per import (a 50,000-line file names the same people often). */
    private final class Names {
        private final Map<String, Optional<Person>> users = new HashMap<>();
        private final Map<String, Boolean> groups = new HashMap<>();

        boolean group(String name) {
            return groups.computeIfAbsent(name, people::groupExists);
        }

        /** The key of an active user; null (nothing given) or a problem of the column otherwise. */
        String activeUser(String column, String name, Map<String, Message> problems) {
            if (name == null) {
                return null;
            }
            Optional<Person> person = users.computeIfAbsent(name, people::byName);
            if (person.isEmpty()) {
                problems.put(column, Message.of("mandate.error.user.unknown", name));
                return null;
            }
            if (!people.isActive(person.get())) {
                problems.put(column, Message.of("mandate.error.user.inactive", name));
                return null;
            }
            return person.get().key();
        }
    }
}
