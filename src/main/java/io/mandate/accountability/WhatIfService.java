package io.mandate.accountability;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.authority.AbsenceStore;
import io.mandate.authority.AuthorityService;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionAuthority;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueBatch;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The what-if of a scope for the logged-in caller, over the database (issue 8, item 4; the rules of the answer are on
 * {@link WhatIf}; docs/design/accountability.md, "What-if").
 *
 * <ul>
 *   <li><b>Scope</b>: exactly the accountability report's ({@link ReportScope}): a project, one or more domains, a
 *       group, or everything. The domains of a project scope are those whose rules name it plus the domains of its
 *       <em>open</em> decisions (the report adds every decision's: a closed one has nothing left to wait for).</li>
 *   <li><b>Who is away</b>: {@code absent} — usernames, comma-separated (a deactivated user is accepted: their open
 *       decisions still wait) — or a window {@code from}..{@code to}: everyone with a recorded absence sharing a day
 *       with it.</li>
 *   <li><b>Domains</b>: {@link WhatIf.Domain#of} over each scope domain's authority as of today, active people only
 *       (an inactive holder approves nothing, an inactive backup stands in for nobody).</li>
 *   <li><b>Decisions waiting</b>: the scope's OPEN and IN_PROGRESS decisions streamed in one statement
 *       ({@link DecisionStore#forEachOpenInScope}, nothing held); outside a project scope only those whose approver
 *       is away are read. Each one is checked with {@link IssueAccess#browsable(long, Optional)} (project permission
 *       and issue security) before it counts; the issue's current key is the one listed.</li>
 *   <li><b>Statements</b>: the decisions (one), the absences of the window (one, for that form); domains, grants and
 *       people come from the caches. None of it depends on the number of decisions.</li>
 * </ul>
 */
@JiraComponent
public class WhatIfService {

    /** At most this many names in {@code absent} (each is one lookup; a URL is short anyway). */
    static final int MAX_ABSENT = 1000;
    /** A window spans at most this many days, both ends counted (a leap year). */
    static final int MAX_WINDOW_DAYS = 366;

    /** A window of days, both ends inclusive. */
    public record Window(LocalDate from, LocalDate to) {
    }

    /**
     * The answer: the what-if itself and, for the {@code from=&to=} form, the window whose absences it takes.
     *
     * @param window null for the {@code absent=} form
     */
    public record Answer(WhatIfReport report, Window window) {
    }

    private final DecisionStore decisions;
    private final DecisionAuthority checks;
    private final AuthorityService authority;
    private final AbsenceStore absences;
    private final IssueAccess issues;
    private final People people;

    @Inject
    public WhatIfService(DecisionStore decisions, DecisionAuthority checks, AuthorityService authority,
                         AbsenceStore absences, IssueAccess issues, People people) {
        this.decisions = decisions;
        this.checks = checks;
        this.authority = authority;
        this.absences = absences;
        this.issues = issues;
        this.people = people;
    }

    /**
     * The what-if of the scope for the logged-in caller when the people named in {@code absent} are away, or
     * everyone with a recorded absence in {@code from}..{@code to}. 401 when anonymous. 400 naming every invalid
     * parameter at once: {@code absent} empty or naming an unknown user; {@code from}/{@code to} missing, not a date,
     * {@code to} before {@code from} or the window longer than {@value #MAX_WINDOW_DAYS} days; {@code absent}
     * together with {@code from}/{@code to} (each given one named); neither given ({@code absent}); and the scope's
     * own ({@code project}, {@code domain}, {@code group}).
     */
    public Answer whatIf(AccountabilityService.Scope scope, String absent, String from, String to) {
        Person caller = caller();
        Optional<Person> user = Optional.of(caller);
        Map<String, Message> errors = new LinkedHashMap<>();
        Map<String, String> away = null; // user key → username
        Window window = null;
        if (absent != null && (from != null || to != null)) {
            Message one = Message.of("mandate.error.whatif.oneForm");
            errors.put("absent", one);
            if (from != null) {
                errors.put("from", one);
            }
            if (to != null) {
                errors.put("to", one);
            }
        } else if (absent != null) {
            away = named(absent, errors);
        } else if (from != null || to != null) {
            window = window(from, to, errors);
        } else {
            errors.put("absent", Message.of("mandate.error.whatif.nobody"));
        }
        ReportScope resolved = null;
        try {
            resolved = ReportScope.resolve(scope, user, authority, issues, people);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            errors.putAll(e.errorMessages());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (window != null) {
            away = new TreeMap<>();
            for (String key : absences.userKeysAwayIn(window.from(), window.to())) {
                away.put(key, people.nameOf(key));
            }
        }
        return new Answer(report(resolved, away, user), window);
    }

    /** The logged-in caller; 401 otherwise. */
    public Person caller() {
        return people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.report")));
    }

    private WhatIfReport report(ReportScope scope, Map<String, String> away, Optional<Person> user) {
        Set<String> domainKeys = new TreeSet<>(scope.domainKeys());
        List<WhatIf.OpenDecision> waiting = new ArrayList<>();
        String inProject = scope.projectKey();
        // outside a project scope only the absent people's decisions matter: let the store pick them (in SQL, or as
        // the rows stream when there are more absent people than an IN list may carry: DecisionStore.MAX_SQL_IN)
        boolean byApprover = inProject == null;
        // the issues are judged in bulk: one host call per IssueBatch.SIZE decisions, in the order they stream
        DecisionAuthority.Run run = checks.run(); // each person's groups asked once, as the report does
        IssueBatch<Decision> judged = new IssueBatch<>(issues, user, Decision::issueId, (d, found) -> {
                    String approver = d.approverKey() == null ? null : away.get(d.approverKey());
                    Optional<IssueRef> issue = Optional.of(found);
                    if (inProject != null && !inProject.equalsIgnoreCase(issue.get().projectKey())) {
                        return;
                    }
                    if (inProject != null) {
                        // the decision's domain as the report takes it: the matrix's (effective), else the stored one
                        String domain = run.findings(d, issue.get()).map(DecisionAuthority.Findings::domainKey)
                                .orElse(d.domain());
                        if (domain != null) {
                            domainKeys.add(domain);
                        }
                    }
                    if (approver != null) {
                        waiting.add(new WhatIf.OpenDecision(issue.get().key(), issue.get().projectKey(),
                                issue.get().number(), approver));
                    }
                });
        decisions.forEachOpenInScope(issues.browsableProjects(user), scope.projectId(), scope.domainFilter(),
                scope.peopleFilter(), byApprover ? away.keySet() : null, d -> {
                    if (inProject == null && (d.approverKey() == null || !away.containsKey(d.approverKey()))) {
                        return; // nothing to learn from it: no host call
                    }
                    judged.add(d);
                });
        judged.finish();
        List<WhatIf.Domain> domains = new ArrayList<>();
        for (String key : domainKeys) {
            if (authority.domain(key).isPresent()) {
                domains.add(WhatIf.Domain.of(authority.authorityIn(key), this::activeName,
                        group -> authority.membersOf(group).stream().filter(people::isActive).map(Person::name).toList()));
            }
        }
        return WhatIf.of(domains, away.values(), waiting);
    }

    /** {@code absent=}: the users by username (active or not), duplicates dropped; key → username as the host spells it. */
    private Map<String, String> named(String absent, Map<String, Message> errors) {
        List<String> names = Arrays.stream(absent.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .distinct().toList();
        if (names.isEmpty()) {
            errors.put("absent", Message.of("mandate.error.whatif.nobody"));
            return Map.of();
        }
        if (names.size() > MAX_ABSENT) {
            errors.put("absent", Message.of("mandate.error.usernames", MAX_ABSENT));
            return Map.of();
        }
        Map<String, String> away = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<Person> p = people.byName(name);
            if (p.isPresent()) {
                away.put(p.get().key(), p.get().name());
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("absent", Message.of("mandate.error.whatif.absent.unknown", String.join(", ", unknown)));
        }
        return away;
    }

    /** {@code from=&to=}: both required, calendar dates, {@code from} ≤ {@code to}, at most {@value #MAX_WINDOW_DAYS} days. */
    private static Window window(String from, String to, Map<String, Message> errors) {
        LocalDate start = JsonFields.date("from", from, errors);
        LocalDate end = JsonFields.date("to", to, errors);
        if (start == null && !errors.containsKey("from")) {
            errors.put("from", Message.of("mandate.error.required"));
        }
        if (end == null && !errors.containsKey("to")) {
            errors.put("to", Message.of("mandate.error.required"));
        }
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            errors.put("to", Message.of("mandate.error.absence.toBeforeFrom"));
            return null;
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_WINDOW_DAYS) {
            errors.put("to", Message.of("mandate.error.whatif.window.tooLong", MAX_WINDOW_DAYS));
            return null;
        }
        return new Window(start, end);
    }

    /** The username of an active user; null for an unknown or inactive one, who may approve nothing today. */
    private String activeName(String key) {
        return people.byKey(key).filter(people::isActive).map(Person::name).orElse(null);
    }
}
