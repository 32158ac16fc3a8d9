package io.mandate.decision;

import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;

import io.mandate.platform.ProductClock;

import javax.inject.Inject;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the issues whose decisions match one criterion (approved by, driven by, overdue, due for review, in status, in a domain,
 * with an authority violation, with a consultation gap), for the JQL functions: issue ids only, never keys (keys
 * move and get reused). Only decisions in projects the searcher may browse are returned (by project id); for the
 * column criteria, issue security is per issue and applied by Jira's search to every result, as for any JQL
 * function — checking each issue here would cost a host call per decision on every search.
 *
 * <p>The two check criteria are not columns: they are the matrix's verdict ({@link DecisionAuthority#checks}),
 * which needs the decision's people and its issue as it is now (the rule-derived domain depends on its type,
 * components and labels). They read the candidate decisions in pages (two statements a page) and look each issue
 * up with the searcher's permissions — so issue security is applied here too, and a decision the searcher may not
 * see is never judged. That costs one host call per candidate; the matrix itself answers from its caches.
 */
@JiraComponent
public class DecisionSearch {

    /** What a JQL function asks for, and how many arguments it takes. */
    public enum Criterion {
        APPROVED_BY(1), DRIVEN_BY(1), OVERDUE(0), DUE_FOR_REVIEW(0), IN_STATUS(1), IN_DOMAIN(1), WITH_VIOLATION(0), WITH_CONSULTATION_GAP(0);

        private final int arguments;

        Criterion(int arguments) {
            this.arguments = arguments;
        }

        public int arguments() {
            return arguments;
        }
    }

    /** A problem with a function's arguments, as an i18n key and its arguments; the entry point translates it. */
    public record Problem(String key, List<Serializable> args) {
        public Problem {
            args = List.copyOf(args);
        }

        Problem(String key, Serializable... args) {
            this(key, Arrays.asList(args));
        }
    }

    static final String WRONG_ARGUMENT_COUNT = "mandate.jql.arguments";
    static final String UNKNOWN_USER = "mandate.jql.user.unknown";
    static final String UNKNOWN_STATUS = "mandate.jql.status.unknown";
    static final String UNKNOWN_DOMAIN = "mandate.jql.domain.unknown";
    /** How many decisions the check criteria read at once. */
    static final int PAGE = 200;

    private final DecisionStore store;
    private final IssueAccess issues;
    private final UserDirectory users;
    private final ProductClock clock;
    private final DecisionAuthority authority;

    @Inject
    public DecisionSearch(DecisionStore store, IssueAccess issues, UserDirectory users, ProductClock clock,
                          DecisionAuthority authority) {
        this.store = store;
        this.issues = issues;
        this.users = users;
        this.clock = clock;
        this.authority = authority;
    }

    /** Every problem with the arguments of {@code functionName(args)}; empty when they are fine. */
    public List<Problem> validate(Criterion criterion, String functionName, List<String> args) {
        if (args.size() != criterion.arguments()) {
            return List.of(new Problem(WRONG_ARGUMENT_COUNT, functionName, criterion.arguments(), args.size()));
        }
        List<Problem> problems = new ArrayList<>();
        switch (criterion) {
            case APPROVED_BY, DRIVEN_BY -> {
                if (user(args.get(0)).isEmpty()) {
                    problems.add(new Problem(UNKNOWN_USER, functionName, args.get(0)));
                }
            }
            case IN_STATUS -> {
                if (DecisionStatus.parse(args.get(0)).isEmpty()) {
                    problems.add(new Problem(UNKNOWN_STATUS, functionName, args.get(0), Arrays.stream(DecisionStatus.values())
                            .map(Enum::name).collect(Collectors.joining(", "))));
                }
            }
            case IN_DOMAIN -> {
                String key = domainKey(args.get(0));
                if (key == null || !authority.domainExists(key)) {
                    problems.add(new Problem(UNKNOWN_DOMAIN, functionName, args.get(0)));
                }
            }
            case OVERDUE, DUE_FOR_REVIEW, WITH_VIOLATION, WITH_CONSULTATION_GAP -> {
                // no arguments to check
            }
        }
        return problems;
    }

    /**
     * Ids of the issues whose decisions match, in projects the searcher (empty = anonymous) may
     * browse. Invalid arguments match nothing: Jira may ask for values without validating first.
     */
    public List<Long> issueIds(Criterion criterion, List<String> args, Optional<Person> searcher) {
        if (args.size() != criterion.arguments()) {
            return List.of();
        }
        if (criterion == Criterion.WITH_VIOLATION || criterion == Criterion.WITH_CONSULTATION_GAP) {
            return flagged(criterion, searcher);
        }
        String approverKey = null;
        String driverKey = null;
        DecisionStatus status = null;
        LocalDate overdueOn = null;
        LocalDate reviewDueOn = null;
        String domain = null;
        switch (criterion) {
            case APPROVED_BY -> approverKey = user(args.get(0)).map(Person::key).orElse(null);
            case DRIVEN_BY -> driverKey = user(args.get(0)).map(Person::key).orElse(null);
            case IN_STATUS -> status = DecisionStatus.parse(args.get(0)).orElse(null);
            case OVERDUE -> overdueOn = clock.today();
            case DUE_FOR_REVIEW -> reviewDueOn = clock.today();
            case IN_DOMAIN -> domain = domainKey(args.get(0));
            default -> throw new IllegalStateException(criterion.name());
        }
        if (approverKey == null && driverKey == null && status == null && overdueOn == null && reviewDueOn == null
                && domain == null) {
            return List.of();
        }
        return store.issueIds(new DecisionQuery(issues.browsableProjects(searcher), null, domain, approverKey, driverKey,
                status, overdueOn, reviewDueOn));
    }

    /**
     * The issues whose decisions the matrix flags (an authority violation or a consultation gap), among the decisions
     * of issues the searcher may see now. A decision without an approver has no violation, so that criterion judges
     * only decisions with one.
     */
    private List<Long> flagged(Criterion criterion, Optional<Person> searcher) {
        List<Long> candidates = store.issueIds(new DecisionQuery(issues.browsableProjects(searcher), null, null, null, null,
                null, null));
        List<Long> found = new ArrayList<>();
        for (int start = 0; start < candidates.size(); start += PAGE) {
            List<Decision> page = store.findAll(candidates.subList(start, Math.min(candidates.size(), start + PAGE))).stream()
                    .filter(d -> criterion != Criterion.WITH_VIOLATION || d.approverKey() != null).toList();
            // the page's issues judged in one host call, not one each (none when nothing on it can be flagged)
            java.util.Map<Long, IssueRef> visible = page.isEmpty() ? java.util.Map.of()
                    : issues.browsableByIds(page.stream().map(Decision::issueId).toList(), searcher);
            for (Decision decision : page) {
                Optional<IssueRef> issue = Optional.ofNullable(visible.get(decision.issueId()));
                if (issue.isEmpty()) {
                    continue;
                }
                DecisionAuthority.Checks checks = authority.checks(decision, issue.get());
                if (criterion == Criterion.WITH_VIOLATION ? checks.authorityViolation() : checks.consultationGap()) {
                    found.add(decision.issueId());
                }
            }
        }
        return found;
    }

    /** A domain key as the matrix stores it (upper case); null for a blank argument. */
    private static String domainKey(String argument) {
        return argument == null || argument.isBlank() ? null : argument.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private Optional<Person> user(String username) {
        return username == null || username.isBlank() ? Optional.empty() : users.byName(username.trim());
    }
}
