package io.mandate.refhost.dataset;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The issues of a dataset and the decisions on them, streamed in one pass: issue {@code i} and, when it carries
 * one, its decision with participants, revisions and audit trail. Decision {@code k} sits on one issue of the
 * {@code k}-th of {@code decisions} equal blocks of issues, so decisions are spread evenly over projects and time.
 *
 * <p>Issues were created over the two years before the day of generation. One issue in twenty is at its project's
 * security level. An issue with a decision carries the label of one of its project's domains (nine in ten do), which
 * puts it in that domain by the scope rules; a third of the other issues carry one too.
 */
final class Work {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Work.class.getName());
    private static final long FIRST_ISSUE_ID = 10_000L;
    private static final double SECURED = 0.05;
    private static final double DECISION_IN_DOMAIN = 0.9;
    private static final double OTHER_IN_DOMAIN = 0.33;
    private static final double ASSIGNED = 0.85;
    private static final double DRIVER_IS_ASSIGNEE = 0.6;
    private static final double APPROVER_FROM_DOMAIN = 0.93;
    private static final int AUDIT_FORMAT_USER_KEYS = 1; // the plugin's AuditValues.FORMAT_USER_KEYS
    private static final Duration HISTORY = Duration.ofDays(730);
    /** Draws a place among n deciding holders, the first the likeliest (index n; 1 ≤ n ≤ 20). */
    private static final Zipf[] LEAD_FIRST = new Zipf[Matrix.MAX_DECIDING + 1];

    static {
        for (int n = 1; n <= Matrix.MAX_DECIDING; n++) {
            LEAD_FIRST[n] = new Zipf(n, 1.0);
        }
    }

    private final DatasetSpec spec;
    private final long seed;
    private final LocalDate today;
    private final Instant asOf;
    private final Population people;
    private final Projects projects;
    private final Matrix matrix;
    private final DecisionBudget budget;

    Work(DatasetSpec spec, long seed, LocalDate today, Instant asOf, Population people, Projects projects, Matrix matrix,
         DecisionBudget budget) {
        this.spec = spec;
        this.seed = seed;
        this.today = today;
        this.asOf = asOf;
        this.people = people;
        this.projects = projects;
        this.matrix = matrix;
        this.budget = budget;
    }

    /** The index of the issue decision {@code k} sits on. */
    private int issueOf(int k) {
        long start = (long) k * spec.issues() / spec.decisions();
        long end = (long) (k + 1) * spec.issues() / spec.decisions();
        return (int) (start + Rng.of(seed, Rng.Stream.PLACEMENT, k).nextLong(end - start));
    }

    void write(Loader loader, AoTables ao) throws SQLException {
        Tables t = new Tables(loader, ao);
        int progressStep = Math.max(100_000, spec.issues() / 10); // a line now and then on the long runs
        int nextDecision = 0;
        int nextDecisionIssue = spec.decisions() > 0 ? issueOf(0) : -1;
        for (int p = 0; p < projects.size(); p++) {
            for (int n = 1; n <= projects.issueCount(p); n++) {
                int i = projects.firstIssue(p) + n - 1;
                if (i > 0 && i % progressStep == 0) {
                    int done = i;
                    LOG.info(() -> String.format("Dataset %s: %,d of %,d issues written", spec.name(), done, spec.issues()));
                }
                boolean hasDecision = i == nextDecisionIssue;
                writeIssue(t, p, n, i, hasDecision ? nextDecision : -1);
                if (hasDecision) {
                    nextDecision++;
                    nextDecisionIssue = nextDecision < spec.decisions() ? issueOf(nextDecision) : -1;
                }
            }
        }
    }

    private void writeIssue(Tables t, int p, int number, int i, int k) throws SQLException {
        SplittableRandom r = Rng.of(seed, Rng.Stream.ISSUE, i);
        long id = FIRST_ISSUE_ID + i;
        String key = projects.key(p) + "-" + number;
        Instant created = asOf.minus(Duration.ofDays(1)).minusSeconds((long) (r.nextDouble() * HISTORY.getSeconds()));
        String type = pickType(r);
        int reporter = people.activeUser(r);
        int assignee = Rng.chance(r, ASSIGNED) ? people.activeUser(r) : -1;
        boolean secured = Rng.chance(r, SECURED);
        int domain = Rng.chance(r, k >= 0 ? DECISION_IN_DOMAIN : OTHER_IN_DOMAIN) ? matrix.domainOf(p, r) : -1;
        String area = Words.pick(Words.AREAS, r);
        String thing = Words.pick(Words.THINGS, r);
        String summary = k >= 0 ? Words.pick(Words.DECISION_VERBS, r) + " " + thing + " for " + area
                : Words.pick(Words.WORK_VERBS, r) + " " + thing + " in " + area;
        String description = r.nextBoolean() ? "" : "The " + area + " team asks about " + thing + ".";
        Instant updated = created.plusSeconds((long) (r.nextDouble() * Duration.between(created, asOf).getSeconds() / 2));
        String status = r.nextDouble() < 0.4 ? "To Do" : r.nextDouble() < 0.4 ? "In Progress" : "Done";

        Planned decision = null;
        if (k >= 0) {
            decision = decision(k, p, id, key, number, created, domain, assignee);
            DecisionStory story = decision.story();
            status = switch (story.status) {
                case "OPEN", "DEFERRED" -> "To Do";
                case "DECIDED" -> r.nextDouble() < 0.7 ? "Done" : "In Progress";
                default -> "In Progress";
            };
            updated = story.updatedAt().isAfter(updated) ? story.updatedAt() : updated;
        }
        t.issues.add(id, key, projects.id(p), (long) number, summary, description, type, status,
                people.username(reporter), assignee < 0 ? null : people.username(assignee), utc(created), utc(updated));
        if (domain >= 0) {
            t.labels.add(id, matrix.label(domain));
        }
        if (secured) {
            t.security.add(id, projects.levelId(p));
        }
        if (decision != null) {
            t.writeDecision(decision);
        }
    }

    private static String pickType(SplittableRandom r) {
        double u = r.nextDouble();
        return Projects.ISSUE_TYPES.get(u < 0.5 ? 0 : u < 0.75 ? 1 : u < 0.95 ? 2 : 3);
    }

    /** A decision planned on an issue: its row's values, its people and its story. */
    private record Planned(int id, long issueId, long projectId, String issueKey, String projectKey, long number,
                           String driverKey, String approverKey, String domainKey, boolean byHand, Instant created,
                           List<String> contributors, List<String[]> informed, DecisionStory story) {
    }

    /** Plans decision {@code k} on the issue; its rows are written after the issue's. */
    private Planned decision(int k, int p, long issueId, String issueKey, int number, Instant issueCreated, int domain,
                             int assignee) {
        SplittableRandom r = Rng.of(seed, Rng.Stream.DECISION, k);
        byte status = budget.status(k);
        int features = budget.features(k);
        int driver = assignee >= 0 && Rng.chance(r, DRIVER_IS_ASSIGNEE) ? assignee : people.activeUser(r);
        int approver = approver(r, domain);
        Set<String> contributors = new LinkedHashSet<>();
        if ((features & DecisionBudget.CONTRIBUTORS) != 0) {
            int wanted = Rng.between(r, 1, 3);
            int[] consulted = domain >= 0 ? matrix.consulted(domain) : new int[0];
            for (int attempt = 0; contributors.size() < wanted && attempt < 20; attempt++) {
                // mostly someone the domain says to consult
                int user = consulted.length > 0 && Rng.chance(r, 0.6) ? consulted[r.nextInt(consulted.length)]
                        : people.activeUser(r);
                contributors.add(people.key(user));
            }
        }
        Map<String, String[]> informed = new LinkedHashMap<>();
        if ((features & DecisionBudget.INFORMED) != 0) {
            int wanted = Rng.between(r, 1, 2);
            for (int attempt = 0; informed.size() < wanted && attempt < 20; attempt++) {
                String[] principal;
                if (Rng.chance(r, 0.4)) {
                    int[] teams = projects.teams(p);
                    principal = new String[]{"GROUP", people.team(teams[r.nextInt(teams.length)])};
                } else {
                    principal = new String[]{"USER", people.key(people.activeUser(r))};
                }
                informed.putIfAbsent(principal[0] + ":" + principal[1], principal);
            }
        }
        String byHand = null;
        if ((features & DecisionBudget.DOMAIN_BY_HAND) != 0) {
            int other = matrix.otherDomainOf(p, domain, r);
            byHand = matrix.key(other >= 0 ? other : (Math.max(domain, 0) + 1) % spec.domains());
        }
        Instant created = issueCreated.plusSeconds((long) (r.nextDouble()
                * Math.min(Duration.ofHours(72).getSeconds(), Duration.between(issueCreated, asOf).getSeconds() / 2)));
        List<String[]> informedList = List.copyOf(informed.values());
        DecisionStory.Cast cast = new DecisionStory.Cast(people.key(driver), people.key(approver),
                not -> anotherApprover(r, domain, not), contributors.isEmpty() ? null : json(contributors),
                informedList.isEmpty() ? null : informedJson(informedList), byHand, created, asOf, today);
        DecisionStory story = DecisionStory.tell(r, status, features, budget.extras(k), cast);
        return new Planned(k + 1, issueId, projects.id(p), issueKey, projects.key(p), number, people.key(driver),
                people.key(approver), byHand != null ? byHand : domain >= 0 ? matrix.key(domain) : null, byHand != null,
                created, List.copyOf(contributors), informedList, story);
    }

    /**
     * Mostly one of the domain's deciding holders, the first of them (the domain's lead) the likeliest: weights
     * 1, 1/2, 1/3, … by their place in the domain. Else — a decision outside any domain, or approved by someone
     * without a deciding grant (a violation) — anyone with authority.
     */
    private int approver(SplittableRandom r, int domain) {
        int[] deciders = domain >= 0 ? matrix.deciders(domain) : new int[0];
        if (deciders.length > 0 && Rng.chance(r, APPROVER_FROM_DOMAIN)) {
            return deciders[Math.min(deciders.length - 1, LEAD_FIRST[deciders.length].sample(r))];
        }
        return Rng.chance(r, 0.85) ? people.authorityUser(r) : people.anyActiveUser(r);
    }

    private String anotherApprover(SplittableRandom r, int domain, String not) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String key = people.key(approver(r, domain));
            if (!key.equals(not)) {
                return key;
            }
        }
        for (int u = 1; u < people.size(); u++) {
            if (people.active[u] && !people.key(u).equals(not)) {
                return people.key(u);
            }
        }
        throw new DatasetException("A dataset needs two active users");
    }

    private static String json(Set<String> keys) {
        StringBuilder s = new StringBuilder("[");
        for (String key : keys) {
            s.append(s.length() > 1 ? "," : "").append('"').append(key).append('"');
        }
        return s.append(']').toString();
    }

    /** As the plugin's AuditValues writes informed: users by key, groups by name. */
    private static String informedJson(List<String[]> informed) {
        StringBuilder s = new StringBuilder("[");
        for (String[] e : informed) {
            s.append(s.length() > 1 ? "," : "");
            s.append("USER".equals(e[0]) ? "{\"type\":\"user\",\"key\":\"" + e[1] + "\"}"
                    : "{\"type\":\"group\",\"name\":\"" + e[1] + "\"}");
        }
        return s.append(']').toString();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The tables written here, and the decision being written. */
    private static final class Tables {
        final Loader.Table issues;
        final Loader.Table labels;
        final Loader.Table security;
        final Loader.Table decisions;
        final Loader.Table participants;
        final Loader.Table revisions;
        final Loader.Table audit;
        private int participantId;
        private int revisionId;
        private int auditId;

        Tables(Loader loader, AoTables ao) throws SQLException {
            // the host's tables were created unquoted: on PostgreSQL their names are lower case, as written here
            issues = loader.table("HOST_ISSUE", "HOST_ISSUE", List.of("ID", "ISSUE_KEY", "PROJECT_ID", "ISSUE_NUM",
                    "SUMMARY", "DESCRIPTION", "ISSUE_TYPE", "ISSUE_STATUS", "REPORTER", "ASSIGNEE", "CREATED", "UPDATED"));
            labels = loader.table("HOST_ISSUE_LABEL", "HOST_ISSUE_LABEL", List.of("ISSUE_ID", "LABEL"), issues);
            security = loader.table("HOST_ISSUE_SECURITY", "HOST_ISSUE_SECURITY", List.of("ISSUE_ID", "LEVEL_ID"), issues);
            decisions = loader.table("DECISION", ao.table(AoTables.DECISION), ao.columns(AoTables.DECISION, "getID",
                    "getIssueId", "getProjectId", "getIssueKey", "getProjectKey", "getIssueNumber", "getStatus",
                    "getDriverKey", "getApproverKey", "getDueDate", "getReviewDate", "getOutcome", "getDomainKey",
                    "getDomainByHand", "getDecidedAt", "getCreatedAt", "getUpdatedAt", "getVersion"));
            participants = loader.table("PARTICIPANT", ao.table(AoTables.PARTICIPANT), ao.columns(AoTables.PARTICIPANT,
                    "getID", "getDecisionId", "getRole", "getKind", "getRef", "getPosition"));
            revisions = loader.table("REVISION", ao.table(AoTables.REVISION), ao.columns(AoTables.REVISION,
                    "getID", "getRevisionKey", "getDecisionId", "getVersion", "getAuthorKey", "getChangedAt"));
            audit = loader.table("AUDIT", ao.table(AoTables.AUDIT), ao.columns(AoTables.AUDIT, "getID", "getIssueId",
                    "getIssueKey", "getAuthorKey", "getChangedAt", "getField", "getOldValue", "getNewValue",
                    "getValueFormat"));
        }

        void writeDecision(Planned d) throws SQLException {
            DecisionStory story = d.story();
            decisions.add(d.id(), d.issueId(), d.projectId(), d.issueKey(), d.projectKey(), d.number(), story.status,
                    d.driverKey(), d.approverKey(), iso(story.dueDate), iso(story.reviewDate), story.outcome,
                    d.domainKey(), d.byHand(), story.decidedAt == null ? null : Timestamp.from(story.decidedAt),
                    Timestamp.from(d.created()), Timestamp.from(story.updatedAt()), story.version());
            int position = 0;
            for (String contributor : d.contributors()) {
                participants.add(++participantId, d.id(), "CONTRIBUTOR", "USER", contributor, position++);
            }
            for (String[] informed : d.informed()) {
                participants.add(++participantId, d.id(), "INFORMED", informed[0], informed[1], position++);
            }
            int version = 0;
            for (DecisionStory.Write write : story.writes) {
                version++;
                Timestamp at = Timestamp.from(write.at());
                revisions.add(++revisionId, d.id() + ":" + version, d.id(), version, write.authorKey(), at);
                for (DecisionStory.Entry e : write.entries()) {
                    audit.add(++auditId, d.issueId(), d.issueKey(), write.authorKey(), at, e.field(), e.before(),
                            e.after(), AUDIT_FORMAT_USER_KEYS);
                }
            }
        }

        private static String iso(LocalDate date) {
            return date == null ? null : date.toString();
        }
    }
}
