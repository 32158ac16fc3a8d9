package io.mandate.decision;

import io.mandate.platform.IssueAccess;
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
 * Finds the issues whose decisions match one criterion (approved by, driven by, overdue, in status),
 * for the JQL functions: issue ids only, never keys (keys move and get reused). Only decisions in projects
 * the searcher may browse are returned (by project id); issue security is per issue and applied by Jira's
 * search to every result, as for any JQL function — checking each issue here would cost a host call per
 * decision on every search.
 */
@JiraComponent
public class DecisionSearch {

    /** What a JQL function asks for, and how many arguments it takes. */
    public enum Criterion {
        APPROVED_BY(1), DRIVEN_BY(1), OVERDUE(0), IN_STATUS(1);

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

    private final DecisionStore store;
    private final IssueAccess issues;
    private final UserDirectory users;
    private final ProductClock clock;

    @Inject
    public DecisionSearch(DecisionStore store, IssueAccess issues, UserDirectory users, ProductClock clock) {
        this.store = store;
        this.issues = issues;
        this.users = users;
        this.clock = clock;
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
            case OVERDUE -> {
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
        String approverKey = null;
        String driverKey = null;
        DecisionStatus status = null;
        LocalDate overdueOn = null;
        switch (criterion) {
            case APPROVED_BY -> approverKey = user(args.get(0)).map(Person::key).orElse(null);
            case DRIVEN_BY -> driverKey = user(args.get(0)).map(Person::key).orElse(null);
            case IN_STATUS -> status = DecisionStatus.parse(args.get(0)).orElse(null);
            case OVERDUE -> overdueOn = clock.today();
        }
        if (approverKey == null && driverKey == null && status == null && overdueOn == null) {
            return List.of();
        }
        return store.issueIds(new DecisionQuery(issues.browsableProjects(searcher), null, null, approverKey, driverKey,
                status, overdueOn));
    }

    private Optional<Person> user(String username) {
        return username == null || username.isBlank() ? Optional.empty() : users.byName(username.trim());
    }
}
