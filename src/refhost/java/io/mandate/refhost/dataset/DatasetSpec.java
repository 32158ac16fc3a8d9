package io.mandate.refhost.dataset;

import java.util.List;
import java.util.Locale;

/**
 * The size of a generated dataset: the rows of targets.md's scale table ("what enterprise means", after Atlassian's
 * DC App Performance Toolkit). Everything else the generator writes (memberships, participants, revisions, scope
 * rules, absences, matrix history) follows from these numbers and the seed.
 *
 * @param name         S, M or L (or a test's own name)
 * @param issues       Jira issues ({@code HOST_ISSUE})
 * @param decisions    decisions, at most one per issue ({@code AO_xxxxxx_DECISION})
 * @param users        users, the administrator included ({@code HOST_USER})
 * @param groups       groups: jira-administrators, jira-software-users and teams ({@code HOST_GROUP})
 * @param projects     Jira projects ({@code HOST_PROJECT})
 * @param domains      decision domains ({@code AO_xxxxxx_DOMAIN})
 * @param grants       authority grants ({@code AO_xxxxxx_AUTH_GRANT})
 * @param auditEntries entries of the decisions' audit trail ({@code AO_xxxxxx_AUDIT}), one per changed field
 */
public record DatasetSpec(String name, int issues, int decisions, int users, int groups, int projects, int domains,
                          int grants, int auditEntries) {

    public static final DatasetSpec S = new DatasetSpec("S", 2_000, 1_000, 50, 5, 5, 20, 200, 5_000);
    public static final DatasetSpec M = new DatasetSpec("M", 100_000, 50_000, 2_000, 100, 100, 200, 5_000, 250_000);
    public static final DatasetSpec L = new DatasetSpec("L", 1_000_000, 500_000, 21_000, 1_000, 500, 1_000, 50_000,
            3_000_000);

    /** Every creation write names status, driver and approver: fewer audit entries cannot tell a decision's story. */
    static final int MIN_AUDIT_PER_DECISION = 3;
    /** A story of more than fifty edits is no longer a realistic one. */
    static final int MAX_AUDIT_PER_DECISION = 50;

    public DatasetSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A dataset needs a name");
        }
        require(users >= 2, "users >= 2 (the administrator and one more)");
        require(groups >= 3, "groups >= 3 (jira-administrators, jira-software-users and one team)");
        require(projects >= 1, "projects >= 1");
        require(issues >= projects, "issues >= projects");
        require(decisions >= 0 && decisions <= issues, "0 <= decisions <= issues (one decision per issue at most)");
        require(domains >= projects, "domains >= projects (every project lies in a domain)");
        require(grants >= domains, "grants >= domains (every domain has a holder)");
        require((long) auditEntries >= (long) MIN_AUDIT_PER_DECISION * decisions,
                "auditEntries >= " + MIN_AUDIT_PER_DECISION + " per decision");
        require((long) auditEntries <= (long) MAX_AUDIT_PER_DECISION * decisions,
                "auditEntries <= " + MAX_AUDIT_PER_DECISION + " per decision (none without decisions)");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("Dataset sizes must have " + what);
        }
    }

    /** S, M or L, in any case; the message lists them when the name is none of those. */
    public static DatasetSpec named(String name) {
        for (DatasetSpec spec : List.of(S, M, L)) {
            if (spec.name().equals(name == null ? null : name.trim().toUpperCase(Locale.ROOT))) {
                return spec;
            }
        }
        throw new IllegalArgumentException("No dataset is called '" + name + "': S, M or L (docs/datasets.md)");
    }

    /** Away periods: one for every twentieth user. */
    int absences() {
        return Math.max(1, users / 20);
    }
}
