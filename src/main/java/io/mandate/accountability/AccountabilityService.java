package io.mandate.accountability;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.authority.AuthorityService;
import io.mandate.authority.EffectiveAuthority;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionAuthority;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueBatch;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.ProductClock;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.TreeSet;

/**
 * The accountability report of a scope for the logged-in caller, over the database (product brief, "Accountability
 * metrics"; docs/design/accountability.md).
 *
 * <ul>
 *   <li><b>Decisions of the scope</b>: project — the decisions of the project's issues (by project id; the issue's
 *       current project decides); domains — those whose stored domain is one of the keys; group — those whose approver
 *       or driver is a member of the group (the host's members, nested groups as the host answers); all — every
 *       decision.</li>
 *   <li><b>Domains of the scope</b>: the domains given; for a project, the domains whose rules name the project
 *       (case-insensitive) plus the domains of its decisions; for a group, the domains where the group or a member
 *       (by a user grant) holds a grant; all domains.</li>
 *   <li><b>Only what the caller may browse counts</b>: the SQL reads only the projects the caller may browse
 *       ({@link IssueAccess#browsableProjects}); then the decisions' issues are checked in bulk with
 *       {@link IssueAccess#browsableByIds} (issue security; one host call per {@link IssueBatch#SIZE} decisions), so a
 *       hidden decision never reaches the accumulator. The issue's current key and project are the ones reported.</li>
 *   <li><b>Statements</b>: {@link DecisionStore#forEachInScope} — two streamed statements however many decisions;
 *       the checks (violation, consultation gap, the decision's domain) come from {@link DecisionAuthority} over the
 *       matrix's caches, names from {@link People} (the host's caches). Nothing is kept per decision but what the
 *       {@link AccountabilityAccumulator} keeps.</li>
 * </ul>
 */
@JiraComponent
public class AccountabilityService {

    /** What a report covers. */
    public sealed interface Scope {
        /** The project with this key. */
        record Project(String key) implements Scope {
        }

        /** One or more domains by key. */
        record Domains(List<String> keys) implements Scope {
            public Domains {
                keys = List.copyOf(new TreeSet<>(keys));
            }
        }

        /** The group with this name. */
        record Group(String name) implements Scope {
        }

        /** The whole instance. */
        record All() implements Scope {
        }
    }

    private final DecisionStore decisions;
    private final DecisionAuthority checks;
    private final AuthorityService authority;
    private final IssueAccess issues;
    private final People people;
    private final ProductClock clock;

    @Inject
    public AccountabilityService(DecisionStore decisions, DecisionAuthority checks, AuthorityService authority,
                                 IssueAccess issues, People people, ProductClock clock) {
        this.decisions = decisions;
        this.checks = checks;
        this.authority = authority;
        this.issues = issues;
        this.people = people;
        this.clock = clock;
    }

    /**
     * A report with what its page draws besides: the domain × person heat map of the same domains, people and day.
     *
     * @param report   the report
     * @param coverage each scope domain's effective level per person today ({@link CoverageLevels}): the domains the
     *                 report's coverage counted, and everyone who holds a level in one of them
     */
    public record ScopedReport(AccountabilityReport report, CoverageGrid coverage) {
    }

    /**
     * The report of the scope for the logged-in caller: 401 when anonymous; 400 naming the parameter ({@code project},
     * {@code domain}, {@code group}) for a project the caller cannot browse or that does not exist, an unknown domain,
     * an unknown group.
     */
    public AccountabilityReport report(Scope scope) {
        return reportWithCoverage(scope).report();
    }

    /**
     * {@link #report} and the heat map's grid, from the same effective authority of each scope domain (read once per
     * domain from the matrix's caches; no statement per decision or person).
     */
    public ScopedReport reportWithCoverage(Scope scope) {
        Person caller = caller();
        Optional<Person> user = Optional.of(caller);
        Set<Long> visible = issues.browsableProjects(user);
        AccountabilityAccumulator acc = new AccountabilityAccumulator(clock.today(), clock.zone());
        Map<String, Person> approvers = new HashMap<>();
        ReportScope resolved = ReportScope.resolve(scope, user, authority, issues, people);
        Set<String> domainKeys = new TreeSet<>(resolved.domainKeys());
        Long projectId = resolved.projectId();
        String projectKey = resolved.projectKey();
        Collection<String> domainFilter = resolved.domainFilter();
        Collection<String> peopleFilter = resolved.peopleFilter();
        String inProject = projectKey;
        // the issues are judged in bulk (one host call per IssueBatch.SIZE decisions), in the order they stream
        DecisionAuthority.Run run = checks.run();
        IssueBatch<Decision> judged = new IssueBatch<>(issues, user, Decision::issueId, (d, issue) -> {
            if (inProject == null || inProject.equalsIgnoreCase(issue.projectKey())) {
                acc.add(facts(d, issue, run, approvers));
            }
        });
        decisions.forEachInScope(visible, projectId, domainFilter, peopleFilter, judged::add);
        judged.finish();
        if (projectKey != null) {
            domainKeys.addAll(acc.decisionDomains());
        }
        List<DomainCoverage> coverage = new ArrayList<>();
        Map<String, Map<String, Integer>> levels = new TreeMap<>();
        Set<String> holders = new TreeSet<>();
        Map<String, List<String>> members = new HashMap<>();
        Function<String, List<String>> activeMembers = group -> members.computeIfAbsent(group,
                g -> authority.membersOf(g).stream().filter(people::isActive).map(Person::name).toList());
        for (String key : domainKeys) {
            if (authority.domain(key).isPresent()) {
                EffectiveAuthority effective = authority.authorityIn(key);
                coverage.add(DomainCoverage.of(effective, this::activeName, activeMembers));
                Map<String, Integer> row = CoverageLevels.of(effective, this::activeName, activeMembers);
                levels.put(key, row);
                holders.addAll(row.keySet());
            }
        }
        // the load names approvers by username (a deleted one by key): say which of them may no longer act
        Map<String, Person.State> states = new HashMap<>();
        approvers.values().forEach(p -> states.put(p.state() == Person.State.DELETED ? p.key() : p.name(), p.state()));
        AccountabilityReport report = acc.report(coverage).withStates(name -> states.getOrDefault(name, Person.State.ACTIVE));
        return new ScopedReport(report, new CoverageGrid(List.copyOf(levels.keySet()), List.copyOf(holders), levels));
    }

    /** The logged-in caller; 401 otherwise. */
    public Person caller() {
        return people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.report")));
    }

    /** One decision as the metrics see it: the issue's current key and project, the matrix's checks and domain. */
    private DecisionFacts facts(Decision d, IssueRef issue, DecisionAuthority.Run run, Map<String, Person> names) {
        Optional<DecisionAuthority.Findings> findings = run.findings(d, issue);
        DecisionAuthority.Checks verdict = DecisionAuthority.Checks.of(d, findings);
        boolean violation = verdict.authorityViolation();
        boolean gap = verdict.consultationGap();
        String domain = findings.map(DecisionAuthority.Findings::domainKey).orElse(d.domain());
        return new DecisionFacts(issue.key(), issue.projectKey(), issue.number(), d.status(),
                nameOf(d.approverKey(), names), nameOf(d.driverKey(), names), d.created(), d.decidedAt(), d.dueDate(),
                domain, violation, gap, d.reviewDate());
    }

    /**
     * The username of a user key, once per person and report; a deleted user's approvals count under the key (the
     * load stays honest, and says the person is deleted). For coverage only active people count: {@link #activeName}.
     */
    private String nameOf(String key, Map<String, Person> names) {
        if (key == null) {
            return null;
        }
        Person p = names.computeIfAbsent(key, people::ofKey);
        return p.state() == Person.State.DELETED ? p.key() : p.name();
    }

    /** The username of an active user; null for an unknown or inactive one, who may approve nothing today. */
    private String activeName(String key) {
        return people.byKey(key).filter(people::isActive).map(Person::name).orElse(null);
    }
}
