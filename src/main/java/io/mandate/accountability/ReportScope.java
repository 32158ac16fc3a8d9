package io.mandate.accountability;

import io.mandate.authority.AuthorityService;
import io.mandate.authority.Domain;
import io.mandate.authority.Grant;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A report {@link AccountabilityService.Scope} resolved for a caller, shared by the accountability report and the
 * what-if so both cover exactly the same decisions and domains (rules on {@link AccountabilityService}).
 *
 * @param projectId    the project's id for a project scope (the decision query's filter), else null
 * @param projectKey   the project's key, upper case, for a project scope (each issue's current project is compared
 *                     with it: rows without a stored project id are read too), else null
 * @param domainFilter the stored domain keys a domain scope filters on, else null
 * @param peopleFilter the user keys a group scope filters approvers and drivers on, else null
 * @param domainKeys   the domains of the scope known before reading decisions (a project scope adds its decisions'
 *                     domains while they stream)
 */
record ReportScope(Long projectId, String projectKey, Collection<String> domainFilter, Collection<String> peopleFilter,
                   Set<String> domainKeys) {

    ReportScope {
        domainKeys = Set.copyOf(domainKeys);
    }

    /**
     * The scope for the caller; 400 naming the parameter ({@code project}, {@code domain}, {@code group}) for a
     * project the caller cannot browse or that does not exist, an unknown domain, an unknown group.
     */
    static ReportScope resolve(AccountabilityService.Scope scope, Optional<Person> user, AuthorityService authority,
                               IssueAccess issues, People people) {
        Set<String> domainKeys = new TreeSet<>();
        if (scope instanceof AccountabilityService.Scope.Project p) {
            long projectId = issues.browsableProject(p.key() == null ? "" : p.key().trim(), user).orElseThrow(() ->
                    ApiException.invalid("project", Message.of("mandate.error.project.unknown", p.key())));
            String projectKey = p.key().trim().toUpperCase(Locale.ROOT);
            for (Domain d : authority.domains()) {
                if (d.scope().projects().stream().anyMatch(k -> k.equalsIgnoreCase(projectKey))) {
                    domainKeys.add(d.key());
                }
            }
            return new ReportScope(projectId, projectKey, null, null, domainKeys);
        }
        if (scope instanceof AccountabilityService.Scope.Domains d) {
            List<String> unknown = d.keys().stream().filter(k -> authority.domain(k).isEmpty()).toList();
            if (d.keys().isEmpty() || !unknown.isEmpty()) {
                throw ApiException.invalid("domain", Message.of("mandate.error.domain.unknown", String.join(", ", unknown)));
            }
            return new ReportScope(null, null, d.keys(), null, new TreeSet<>(d.keys()));
        }
        if (scope instanceof AccountabilityService.Scope.Group g) {
            if (g.name() == null || !people.groupExists(g.name())) {
                throw ApiException.invalid("group", Message.of("mandate.error.group.unknown", g.name()));
            }
            Set<String> members = new TreeSet<>();
            authority.membersOf(g.name()).forEach(m -> members.add(m.key()));
            for (Domain d : authority.domains()) {
                for (Grant grant : authority.grants(d.key())) {
                    boolean held = grant.holder().isUser() ? members.contains(grant.holder().id())
                            : grant.holder().id().equals(g.name());
                    if (held) {
                        domainKeys.add(d.key());
                        break;
                    }
                }
            }
            return new ReportScope(null, null, null, Set.copyOf(members), domainKeys);
        }
        authority.domains().forEach(d -> domainKeys.add(d.key()));
        return new ReportScope(null, null, null, null, domainKeys);
    }
}
