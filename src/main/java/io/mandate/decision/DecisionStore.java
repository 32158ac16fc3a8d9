package io.mandate.decision;

import io.mandate.platform.Principal;

import io.mandate.platform.Entities;
import io.mandate.platform.Page;
import io.mandate.platform.PageRequest;
import io.mandate.platform.SqlAggregates;
import net.java.ao.Query;

import javax.inject.Inject;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores decisions, their participants and their audit trail in Active Objects. Loads one
 * decision with its people in two statements, whatever the number of people; hands out
 * immutable {@link Decision} values, never live entities.
 */
@JiraComponent
public class DecisionStore {

    static final String CONTRIBUTOR = "CONTRIBUTOR";
    static final String INFORMED = "INFORMED";

    private final Entities entities;
    private final SqlAggregates aggregates;

    @Inject
    public DecisionStore(Entities entities, SqlAggregates aggregates) {
        this.entities = entities;
        this.aggregates = aggregates;
    }

    /** How many decisions are recorded (all projects; for administrators). */
    public int count() {
        return entities.count(DecisionEntity.class, Query.select());
    }

    /**
     * How many decisions are recorded in a domain (the domain stored with the decision: set by hand, or the one
     * the rules gave it when it was last saved). What keeps a domain in use from being deleted. A deleted issue's
     * decision is removed with it ({@link DecisionIssueDeletes}), so it no longer counts here; rows of issues
     * deleted before that listener existed still do (docs/design/decisions.md).
     */
    public int countInDomain(String domainKey) {
        return entities.count(DecisionEntity.class, Query.select().where("DOMAIN_KEY = ?", domainKey));
    }

    /**
     * Each decision recorded in a domain as its candidate (issue id, stored project id), for a count of what a caller
     * may browse: one streamed statement of three columns, nothing held. The caller checks each issue before counting.
     */
    public void forEachInDomain(String domainKey, java.util.function.Consumer<Candidate> each) {
        entities.stream(DecisionEntity.class, Query.select("ID, ISSUE_ID, PROJECT_ID").where("DOMAIN_KEY = ?", domainKey),
                row -> each.accept(new Candidate(row.getIssueId(), row.getProjectId())));
    }

    /** How many decisions are in each status (all projects; for administrators): one GROUP BY statement. */
    public Map<DecisionStatus, Long> countByStatus() {
        Map<DecisionStatus, Long> counts = new java.util.EnumMap<>(DecisionStatus.class);
        for (SqlAggregates.GroupCount group : aggregates.countBy(DecisionEntity.class, List.of("STATUS"), null)) {
            counts.put(DecisionStatus.valueOf((String) group.keys().get(0)), group.count());
        }
        return counts;
    }

    /**
     * Each decision in projects among {@code visibleProjects} (and each without a stored project id) as its candidate
     * and status, for counts of what a caller may see: one streamed statement of three columns, nothing held. The
     * caller checks each issue (issue security) before counting it.
     */
    public void forEachStatus(java.util.Collection<Long> visibleProjects,
                              java.util.function.BiConsumer<Candidate, DecisionStatus> each) {
        if (visibleProjects.isEmpty()) {
            return;
        }
        VisibleProjects visible = VisibleProjects.of(visibleProjects);
        aggregates.forEachRow(DecisionEntity.class, List.of("ISSUE_ID", "PROJECT_ID", "STATUS"), visible.where(), List.of(),
                row -> {
                    Long projectId = row.longValue(1);
                    if (visible.admits(projectId)) {
                        each.accept(new Candidate(row.longValue(0), projectId), DecisionStatus.valueOf(row.string(2)));
                    }
                });
    }

    public Optional<Decision> find(long issueId) {
        DecisionEntity[] rows = entities.find(DecisionEntity.class, Query.select().where("ISSUE_ID = ?", issueId));
        if (rows.length == 0) {
            return Optional.empty();
        }
        DecisionEntity row = rows[0];
        ParticipantEntity[] people = entities.find(ParticipantEntity.class,
                Query.select().where("DECISION_ID = ?", row.getID()).order("POSITION"));
        return Optional.of(toDecision(row, people));
    }

    /**
     * Creates or replaces the decision of {@code next.issueId()} and appends the audit entries,
     * in one transaction. When replacing, the stored version must equal {@code expectedVersion};
     * otherwise nothing changes and {@link StaleDecisionException} is thrown.
     */
    public Decision save(Decision next, Integer expectedVersion, List<AuditEntry> audit) {
        return save(next, expectedVersion, audit, Optional.empty());
    }

    /**
     * {@link #save(Decision, Integer, List)}, and queues the {@code notice} (with the version the write gives the
     * decision) in the same transaction: a write that rolls back — stale, refused, the database gone — queues nothing,
     * and one that commits has its notice queued for the notification job.
     */
    public Decision save(Decision next, Integer expectedVersion, List<AuditEntry> audit, Optional<Notice> notice) {
        return save(next, expectedVersion, Optional.empty(), audit, notice);
    }

    /**
     * {@link #save(Decision, Integer, List, Optional)} of a change to {@code current} (as read before, its version the
     * expected one): the people's rows are written by difference — the version check proves they are still the ones
     * {@code current} holds, since every write that changes them raises the version. People who stay keep their rows
     * (none written when the people are the same); the rows of people who go are deleted in one statement, and each
     * person who comes is one new row ({@link ParticipantRows}).
     */
    public Decision save(Decision next, Optional<Decision> current, List<AuditEntry> audit, Optional<Notice> notice) {
        return save(next, current.map(Decision::version).orElse(null), current, audit, notice);
    }

    private Decision save(Decision next, Integer expectedVersion, Optional<Decision> current, List<AuditEntry> audit,
                          Optional<Notice> notice) {
        // the stored people are those of current when its version is the stored one (checked below): then only the
        // difference is written
        Optional<Decision> stored = current.filter(c -> expectedVersion != null && c.version() == expectedVersion);
        return staleOnConflict(() -> entities.inTransaction(() -> {
            DecisionEntity[] rows = entities.find(DecisionEntity.class, Query.select().where("ISSUE_ID = ?", next.issueId()));
            DecisionEntity row;
            int version;
            if (rows.length == 0) {
                if (expectedVersion != null) {
                    throw new StaleDecisionException(0);
                }
                Map<String, Object> values = new HashMap<>();
                values.put("ISSUE_ID", next.issueId());
                values.put("PROJECT_ID", next.projectId() == 0 ? null : next.projectId());
                values.put("ISSUE_KEY", next.issueKey());
                values.put("PROJECT_KEY", next.projectKey());
                values.put("ISSUE_NUMBER", io.mandate.platform.IssueRef.numberOf(next.issueKey()));
                values.put("STATUS", next.status().name());
                values.put("CREATED_AT", Date.from(next.created()));
                values.put("UPDATED_AT", Date.from(next.updated()));
                values.put("VERSION", 1);
                row = createOrStale(DecisionEntity.class, values); // ISSUE_ID is unique: a concurrent create loses
                version = 1;
            } else {
                row = rows[0];
                if (expectedVersion == null || row.getVersion() != expectedVersion) {
                    throw new StaleDecisionException(row.getVersion());
                }
                version = row.getVersion() + 1;
            }
            claimRevision(row.getID(), version, next.updated(), audit);
            List<ParticipantRows.NewRow> newPeople;
            if (version == 1) {
                newPeople = ParticipantRows.all(next);
            } else if (stored.isPresent() && ParticipantRows.differenceFits(next, version)) {
                ParticipantRows.Change change = ParticipantRows.between(stored.get(), next, version);
                deleteParticipants(row.getID(), change.delete());
                newPeople = change.insert();
            } else {
                entities.deleteWithSQL(ParticipantEntity.class, "DECISION_ID = ?", row.getID());
                newPeople = ParticipantRows.all(next);
            }
            row.setProjectId(next.projectId() == 0 ? row.getProjectId() : Long.valueOf(next.projectId()));
            row.setIssueKey(next.issueKey());
            row.setProjectKey(next.projectKey());
            row.setIssueNumber(io.mandate.platform.IssueRef.numberOf(next.issueKey()));
            row.setStatus(next.status().name());
            row.setDriverKey(next.driverKey());
            row.setApproverKey(next.approverKey());
            row.setDueDate(next.dueDate() == null ? null : next.dueDate().toString());
            row.setReviewDate(next.reviewDate() == null ? null : next.reviewDate().toString());
            row.setOutcome(next.outcome());
            row.setDomainKey(next.domain());
            row.setDomainByHand(next.domainSetByHand());
            row.setDecidedAt(next.decidedAt() == null ? null : Date.from(next.decidedAt()));
            row.setUpdatedAt(Date.from(next.updated()));
            row.setVersion(version);
            row.save();
            addParticipants(row.getID(), newPeople);
            appendAudit(next.issueId(), audit);
            notice.ifPresent(n -> NoticeRows.insert(entities, n.forVersion(version)));
            return new Decision(next.issueId(), next.projectId(), next.issueKey(), next.projectKey(), next.status(), next.driverKey(),
                    next.approverKey(), next.contributorKeys(), next.informed(), next.dueDate(), next.reviewDate(), next.outcome(),
                    next.domain(), next.domainSetByHand(), next.decidedAt(), row.getCreatedAt().toInstant(), next.updated(), version);
        }));
    }

    /**
     * Removes the decision and its people, keeps (and appends to) the audit trail. Of several
     * deletes that read the same version only one removes it: the others are {@link StaleDecisionException}
     * or, when they read after it committed, {@code false} (nothing to delete).
     */
    public boolean delete(long issueId, int expectedVersion, List<AuditEntry> audit) {
        return staleOnConflict(() -> entities.inTransaction(() -> {
            DecisionEntity[] rows = entities.find(DecisionEntity.class, Query.select().where("ISSUE_ID = ?", issueId));
            if (rows.length == 0) {
                return false;
            }
            if (rows[0].getVersion() != expectedVersion) {
                throw new StaleDecisionException(rows[0].getVersion());
            }
            int id = rows[0].getID();
            int deletedVersion = rows[0].getVersion() + 1;
            claimRevision(id, deletedVersion, audit.isEmpty() ? Instant.now() : audit.get(0).changedAt(), audit);
            // a concurrent delete of this version may have committed since we read: then this removes
            // nothing, and the whole transaction (claim included) is rolled back as stale
            if (entities.deleteWithSQL(DecisionEntity.class, "ID = ? AND VERSION = ?", id, expectedVersion) != 1) {
                throw new StaleDecisionException(-1);
            }
            entities.deleteWithSQL(ParticipantEntity.class, "DECISION_ID = ?", id);
            // the claim of the deleting revision stays, so a writer who read the last version still loses
            entities.deleteWithSQL(RevisionEntity.class, "DECISION_ID = ? AND VERSION < ?", id, deletedVersion);
            appendAudit(issueId, audit);
            return true;
        }));
    }

    /**
     * Removes the decision of an issue Jira has deleted, with its people, its revision claims, its notification
     * claims and whatever of its notifications was not sent yet (nobody is told about an issue that is gone), and
     * appends {@code auditOf(removed)} to its audit trail, in one transaction. The audit trail stays (it is keyed by
     * issue id). No version check: nobody can edit a deleted issue's decision, and whatever version
     * is stored goes. Empty when the issue had no decision.
     */
    public Optional<Decision> removeWithIssue(long issueId, java.util.function.Function<Decision, List<AuditEntry>> auditOf) {
        return entities.inTransaction(() -> {
            DecisionEntity[] rows = entities.find(DecisionEntity.class, Query.select().where("ISSUE_ID = ?", issueId));
            if (rows.length == 0) {
                return Optional.<Decision>empty();
            }
            int id = rows[0].getID();
            Decision removed = toDecision(rows[0], entities.find(ParticipantEntity.class,
                    Query.select().where("DECISION_ID = ?", id)));
            entities.deleteWithSQL(ParticipantEntity.class, "DECISION_ID = ?", id);
            entities.deleteWithSQL(RevisionEntity.class, "DECISION_ID = ?", id);
            entities.deleteWithSQL(NotificationEntity.class, "ISSUE_ID = ?", issueId);
            entities.deleteWithSQL(NoticeEntity.class, "ISSUE_ID = ?", issueId);
            entities.deleteWithSQL(MailEntity.class, "ISSUE_ID = ? AND SENT_AT IS NULL", issueId);
            entities.deleteWithSQL(DecisionEntity.class, "ID = ?", id);
            appendAudit(issueId, auditOf.apply(removed));
            return Optional.of(removed);
        });
    }

    /**
     * The issue ids of the decisions stored in a project (by the project id recorded with them). Rows written
     * before project ids were stored have none and are not among them.
     */
    public List<Long> issueIdsInProject(long projectId) {
        List<Long> ids = new ArrayList<>();
        entities.stream(DecisionEntity.class, Query.select("ID, ISSUE_ID").where("PROJECT_ID = ?", projectId),
                row -> ids.add(row.getIssueId()));
        return ids;
    }

    /** A write the database aborted in favour of a concurrent one (e.g. HSQLDB's MVCC) is stale, not an error. */
    private static <T> T staleOnConflict(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!(e instanceof StaleDecisionException) && Entities.isConcurrencyConflict(e)) {
                throw new StaleDecisionException(-1);
            }
            throw e;
        }
    }

    /** The audit trail of an issue's decision, newest first. */
    public List<AuditEntry> history(long issueId) {
        AuditEntity[] rows = entities.find(AuditEntity.class,
                Query.select().where("ISSUE_ID = ?", issueId).order("CHANGED_AT DESC, ID DESC"));
        return Arrays.stream(rows)
                .map(r -> new AuditEntry(r.getIssueKey(), r.getAuthorKey(), r.getChangedAt().toInstant(),
                        r.getField(), r.getOldValue(), r.getNewValue()))
                .toList();
    }

    /**
     * Records revision {@code version} of the decision row; the unique revision key makes the
     * database refuse a second writer of the same version, even one that read before the first
     * committed. Must be the first write of the transaction, so a loser has changed nothing.
     */
    private void claimRevision(int decisionId, int version, Instant at, List<AuditEntry> audit) {
        Map<String, Object> values = new HashMap<>();
        values.put("REVISION_KEY", decisionId + ":" + version);
        values.put("DECISION_ID", decisionId);
        values.put("VERSION", version);
        values.put("AUTHOR_KEY", audit.isEmpty() ? "unknown" : audit.get(0).authorKey());
        values.put("CHANGED_AT", Date.from(at));
        createOrStale(RevisionEntity.class, values);
    }

    private <T extends net.java.ao.RawEntity<Integer>> T createOrStale(Class<T> type, Map<String, Object> values) {
        try {
            return entities.create(type, values);
        } catch (RuntimeException e) {
            if (Entities.isConstraintViolation(e)) {
                throw new StaleDecisionException(-1);
            }
            throw e;
        }
    }

    /** A decision that matches a query, before anyone has checked its issue: the issue id and the stored project id. */
    public record Candidate(long issueId, Long projectId) {
    }

    /**
     * Every decision matching the query (paging ignored) as issue id and stored project id, in one statement
     * that reads only those columns and streams them, so a list or a JQL function over many decisions holds
     * no entities. Rows without a stored project id are candidates in every project; the caller resolves them
     * through the issue id.
     */
    public List<Candidate> candidates(DecisionQuery q) {
        if (q.visibleProjects().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        List<Candidate> candidates = new ArrayList<>();
        entities.stream(DecisionEntity.class, Query.select("ID, ISSUE_ID, PROJECT_ID").where(where, params.toArray()),
                row -> candidates.add(new Candidate(row.getIssueId(), row.getProjectId())));
        return candidates;
    }

    /** The issue ids of all decisions matching the query (paging ignored): {@link #candidates} without project ids. */
    public List<Long> issueIds(DecisionQuery q) {
        return candidates(q).stream().map(Candidate::issueId).toList();
    }

    /**
     * The decisions of these issues with their people, in the order given (issues without a decision are left
     * out): two statements whatever the number, for one page of a list.
     */
    public List<Decision> findAll(List<Long> issueIds) {
        if (issueIds.isEmpty()) {
            return List.of();
        }
        DecisionEntity[] rows = entities.find(DecisionEntity.class,
                Query.select().where("ISSUE_ID IN (" + Entities.placeholders(issueIds.size()) + ")", issueIds.toArray()));
        Map<Long, Decision> byIssue = new HashMap<>();
        for (Decision d : withPeople(rows)) {
            byIssue.put(d.issueId(), d);
        }
        return issueIds.stream().map(byIssue::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Records the project the issue is in now, for a row written before project ids were stored or an issue
     * that has moved since; a no-op when the row already says so. Not a new version: nothing of the decision changed.
     */
    public void updateProjectId(long issueId, long projectId) {
        entities.inTransaction(() -> {
            for (DecisionEntity row : entities.find(DecisionEntity.class, Query.select("ID, ISSUE_ID, PROJECT_ID")
                    .where("ISSUE_ID = ? AND (PROJECT_ID IS NULL OR PROJECT_ID <> ?)", issueId, projectId))) {
                row.setProjectId(projectId);
                row.save();
            }
            return null;
        });
    }

    /**
     * At most this many values go into one SQL {@code IN} list of a streamed read. Oracle caps an {@code IN} list at
     * 1,000 expressions and SQL Server a statement at 2,100 parameters (PostgreSQL at 65,535); the members of
     * {@code jira-software-users}, or the projects an administrator browses in a large instance, are more. A bigger set
     * is applied to the streamed rows in Java instead: the statement reads more rows, never fails.
     */
    static final int MAX_SQL_IN = 500;

    /**
     * A report scope as the conditions of one streamed read ({@link SqlAggregates#forEachRow}) and what is left of it
     * for Java: {@code rest}, the filters too big for an {@code IN} list ({@link #MAX_SQL_IN}), to test each row with.
     */
    private record Scope(List<SqlAggregates.Condition> where, java.util.function.Predicate<Decision> rest) {
        /** A scope that can match nothing: no statement is issued. */
        static final Scope NOTHING = new Scope(List.of(), d -> false);
    }

    /**
     * The projects a caller may browse as the filter of a streamed read: an {@code IN} list in SQL while it fits
     * ({@link #MAX_SQL_IN}), else a test of each row as it streams. A row without a stored project id passes either
     * way (it reads as null, or 0 in a {@link Decision}); the caller checks every issue by id.
     */
    private record VisibleProjects(java.util.Set<Long> ids) {
        static VisibleProjects of(java.util.Collection<Long> ids) {
            return new VisibleProjects(java.util.Collections.unmodifiableSet(new java.util.HashSet<>(ids)));
        }

        boolean inSql() {
            return ids.size() <= MAX_SQL_IN;
        }

        /** The SQL condition; none when the set is too big for an {@code IN} list. */
        List<SqlAggregates.Condition> where() {
            return inSql() ? List.of(new SqlAggregates.In("PROJECT_ID", new java.util.TreeSet<>(ids), true)) : List.of();
        }

        /** Whether a row passes what the SQL did not filter. */
        boolean admits(Long projectId) {
            return inSql() || projectId == null || projectId == 0 || ids.contains(projectId);
        }
    }

    /** The columns a report reads: no outcome (reading it would cost a statement per row), no people. */
    private static final List<String> REPORT_COLUMN_LIST = List.of("ID", "ISSUE_ID", "PROJECT_ID", "ISSUE_KEY", "PROJECT_KEY",
            "STATUS", "DRIVER_KEY", "APPROVER_KEY", "DUE_DATE", "REVIEW_DATE", "DOMAIN_KEY", "DOMAIN_BY_HAND", "DECIDED_AT",
            "CREATED_AT", "UPDATED_AT", "VERSION");
    private static final String REPORT_COLUMNS = String.join(", ", REPORT_COLUMN_LIST);

    /**
     * The decisions of a report scope, for the accountability report: in projects among {@code visibleProjects}
     * (rows without a stored project id too — the caller checks every issue by id), and, when given, in the project
     * with id {@code projectId} (or without one), with a stored domain among {@code domainKeys}, with an approver or
     * driver among {@code peopleKeys}. Each decision is handed to {@code each} once, without its informed people.
     *
     * <p><b>Two statements, whatever the number of decisions</b>, both over plain JDBC through a cursor
     * ({@link SqlAggregates#forEachRow}; no entity per row, and PostgreSQL's driver does not hold the result): one
     * {@code SELECT} of the decisions' columns; the decisions that are not open go to {@code each} at once (no metric
     * needs their contributors). The open ones need their contributors (consultation gaps): they are held — open
     * decisions only, never the closed history — and their contributors come in a second {@code SELECT} over the
     * indexed {@code DECISION_ID} range of the held rows, keeping only theirs; then they go to {@code each}. Without
     * open decisions the second statement is not issued. A filter set too big for an {@code IN} list
     * ({@link #MAX_SQL_IN}) is applied to the rows as they stream.
     *
     * <p>The whole instance (no project, domain or people filter) is read the other way round, so that nothing grows
     * with the decisions: the contributors first, packed ({@link PackedContributors}: three ints a row, each person's
     * key once — at the enterprise size 500,000 rows in 6 MB, where holding the 250,000 open decisions took over
     * 100 MB), then the decisions, each handed on as it comes with its contributors. Both are read over plain JDBC
     * ({@link SqlAggregates#forEachRow}), not as Active Objects entities: at that size building a read-only entity per
     * row and converting each of its columns was some 40 % of the report. That read goes through a cursor (a fetch
     * size on a connection out of auto-commit), so PostgreSQL's driver does not hold the whole result set (500,000
     * decision rows are half a gigabyte) and no keyset pages are needed: <b>the whole instance is two statements,
     * whatever the number of decisions and contributors</b>, with memory bounded by the packed contributors.
     */
    public void forEachInScope(java.util.Collection<Long> visibleProjects, Long projectId,
                               java.util.Collection<String> domainKeys, java.util.Collection<String> peopleKeys,
                               java.util.function.Consumer<Decision> each) {
        Scope scope = scope(visibleProjects, projectId, domainKeys, peopleKeys);
        if (scope == Scope.NOTHING) {
            return;
        }
        if (projectId == null && domainKeys == null && peopleKeys == null) {
            PackedContributors contributors = new PackedContributors();
            aggregates.forEachRow(ParticipantEntity.class, List.of("DECISION_ID", "POSITION", "REF"),
                    List.of(SqlAggregates.In.equal("ROLE", CONTRIBUTOR)), List.of("DECISION_ID", "ID"),
                    p -> contributors.add(p.intValue(0), p.intValue(1), p.string(2)));
            aggregates.forEachRow(DecisionEntity.class, REPORT_COLUMN_LIST, scope.where(), List.of("ID"), row -> {
                Decision d = withoutOutcome(row);
                if (scope.rest().test(d)) {
                    each.accept(d.status().isOpen() ? withContributors(d, contributors.of(row.intValue(0))) : d);
                }
            });
            return;
        }
        java.util.TreeMap<Integer, Decision> open = new java.util.TreeMap<>();
        aggregates.forEachRow(DecisionEntity.class, REPORT_COLUMN_LIST, scope.where(), List.of("ID"), row -> {
            Decision d = withoutOutcome(row);
            if (!scope.rest().test(d)) {
                return;
            }
            if (d.status().isOpen()) {
                open.put(row.intValue(0), d);
            } else {
                each.accept(d);
            }
        });
        if (open.isEmpty()) {
            return;
        }
        Map<Integer, List<String>> contributors = new HashMap<>();
        aggregates.forEachRow(ParticipantEntity.class, List.of("DECISION_ID", "REF"),
                List.of(SqlAggregates.In.equal("ROLE", CONTRIBUTOR), new SqlAggregates.Between("DECISION_ID", open.firstKey(), open.lastKey())),
                List.of("DECISION_ID", "POSITION"),
                p -> {
                    int decisionId = p.intValue(0);
                    if (open.containsKey(decisionId)) {
                        contributors.computeIfAbsent(decisionId, k -> new ArrayList<>()).add(p.string(1));
                    }
                });
        open.forEach((id, d) -> each.accept(withContributors(d, contributors.getOrDefault(id, List.of()))));
    }

    private static Decision withContributors(Decision d, List<String> contributors) {
        return new Decision(d.issueId(), d.projectId(), d.issueKey(), d.projectKey(), d.status(), d.driverKey(),
                d.approverKey(), contributors, List.of(), d.dueDate(), d.reviewDate(), d.outcome(), d.domain(),
                d.domainSetByHand(), d.decidedAt(), d.created(), d.updated(), d.version());
    }

    /**
     * Contributor rows in decision-id order, packed: a decision id and a person number a row, each person's key kept
     * once. Asked in ascending decision id ({@link #of}), as the decisions stream.
     */
    private static final class PackedContributors {
        private int[] decisionIds = new int[1024];
        private int[] positions = new int[1024];
        private int[] people = new int[1024];
        private int size;
        private int cursor;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> keys = new ArrayList<>();

        /** Rows come in decision-id order (within a decision in any order). */
        void add(int decisionId, int position, String key) {
            if (size == decisionIds.length) {
                decisionIds = Arrays.copyOf(decisionIds, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
                people = Arrays.copyOf(people, size * 2);
            }
            decisionIds[size] = decisionId;
            positions[size] = position;
            people[size++] = numbers.computeIfAbsent(key, k -> {
                keys.add(k);
                return keys.size() - 1;
            });
        }

        /** The contributors of the decision, in their order (position); decisions are asked in ascending id. */
        List<String> of(int decisionId) {
            while (cursor < size && decisionIds[cursor] < decisionId) {
                cursor++;
            }
            int from = cursor;
            while (cursor < size && decisionIds[cursor] == decisionId) {
                cursor++;
            }
            if (from == cursor) {
                return List.of();
            }
            List<Integer> rows = new ArrayList<>(cursor - from);
            for (int i = from; i < cursor; i++) {
                rows.add(i);
            }
            rows.sort(Comparator.comparingInt(i -> positions[i]));
            List<String> found = new ArrayList<>(rows.size());
            rows.forEach(i -> found.add(keys.get(people[i])));
            return found;
        }
    }

    /**
     * The open (OPEN, IN_PROGRESS) decisions of a report scope, for the what-if: the scope as in
     * {@link #forEachInScope}, and, when {@code approverKeys} is given, only those whose approver is one of them.
     * Each decision is handed to {@code each} as its row streams, without contributors, informed people or outcome.
     *
     * <p><b>One streamed statement, whatever the number of decisions, and nothing held</b>: no metric of the what-if
     * needs a decision's people. An empty {@code approverKeys} (or nothing visible) issues no statement.
     */
    public void forEachOpenInScope(java.util.Collection<Long> visibleProjects, Long projectId,
                                   java.util.Collection<String> domainKeys, java.util.Collection<String> peopleKeys,
                                   java.util.Collection<String> approverKeys, java.util.function.Consumer<Decision> each) {
        Scope scope = scope(visibleProjects, projectId, domainKeys, peopleKeys);
        if (scope == Scope.NOTHING || (approverKeys != null && approverKeys.isEmpty())) {
            return;
        }
        List<SqlAggregates.Condition> where = new ArrayList<>(scope.where());
        where.add(new SqlAggregates.In("STATUS", List.of(DecisionStatus.OPEN.name(), DecisionStatus.IN_PROGRESS.name()), false));
        java.util.function.Predicate<Decision> rest = scope.rest();
        if (approverKeys != null && approverKeys.size() <= MAX_SQL_IN) {
            where.add(new SqlAggregates.In("APPROVER_KEY", new java.util.TreeSet<>(approverKeys), false));
        } else if (approverKeys != null) {
            java.util.Set<String> approvers = new java.util.HashSet<>(approverKeys);
            rest = rest.and(d -> approvers.contains(d.approverKey()));
        }
        java.util.function.Predicate<Decision> keep = rest;
        aggregates.forEachRow(DecisionEntity.class, REPORT_COLUMN_LIST, where, List.of("ID"), row -> {
            Decision d = withoutOutcome(row);
            if (keep.test(d)) {
                each.accept(d);
            }
        });
    }

    /**
     * Every overdue decision (OPEN or IN_PROGRESS, due before {@code today}) in all projects, for the weekly digest,
     * most overdue first; without people and outcome. <b>One streamed statement</b>, nothing held.
     */
    public void forEachOverdue(LocalDate today, java.util.function.Consumer<Decision> each) {
        entities.stream(DecisionEntity.class, Query.select(REPORT_COLUMNS)
                        .where("STATUS IN (?, ?) AND DUE_DATE < ?", DecisionStatus.OPEN.name(), DecisionStatus.IN_PROGRESS.name(),
                                today.toString())
                        .order("DUE_DATE, ID"),
                row -> each.accept(withoutOutcome(row)));
    }

    /**
     * A report scope ({@link #forEachInScope}) as the conditions of a streamed read — column names only, the values go
     * to placeholders — and, for a set too big for an {@code IN} list ({@link #MAX_SQL_IN}), the test each row must
     * pass instead. {@link Scope#NOTHING} when the scope can match nothing (nothing visible, no domain, no people).
     */
    private static Scope scope(java.util.Collection<Long> visibleProjects, Long projectId,
                               java.util.Collection<String> domainKeys, java.util.Collection<String> peopleKeys) {
        if (visibleProjects.isEmpty() || (domainKeys != null && domainKeys.isEmpty())
                || (peopleKeys != null && peopleKeys.isEmpty())) {
            return Scope.NOTHING;
        }
        VisibleProjects visible = VisibleProjects.of(visibleProjects);
        List<SqlAggregates.Condition> where = new ArrayList<>(visible.where());
        java.util.function.Predicate<Decision> rest = d -> visible.admits(d.projectId());
        if (projectId != null) {
            where.add(new SqlAggregates.In("PROJECT_ID", List.of(projectId), true));
        }
        if (domainKeys != null && domainKeys.size() <= MAX_SQL_IN) {
            where.add(new SqlAggregates.In("DOMAIN_KEY", new java.util.TreeSet<>(domainKeys), false));
        } else if (domainKeys != null) {
            java.util.Set<String> domains = new java.util.HashSet<>(domainKeys);
            rest = rest.and(d -> domains.contains(d.domain()));
        }
        if (peopleKeys != null && peopleKeys.size() <= MAX_SQL_IN) {
            where.add(new SqlAggregates.AnyIn(List.of("APPROVER_KEY", "DRIVER_KEY"), new java.util.TreeSet<>(peopleKeys)));
        } else if (peopleKeys != null) {
            java.util.Set<String> people = new java.util.HashSet<>(peopleKeys);
            rest = rest.and(d -> people.contains(d.approverKey()) || people.contains(d.driverKey()));
        }
        return new Scope(List.copyOf(where), rest);
    }

    /** The user key of the approver of the issue's decision; empty when there is no decision or no approver. */
    public Optional<String> approverKey(long issueId) {
        DecisionEntity[] rows = entities.find(DecisionEntity.class,
                Query.select("ID, APPROVER_KEY").where("ISSUE_ID = ?", issueId));
        return rows.length == 0 ? Optional.empty() : Optional.ofNullable(rows[0].getApproverKey());
    }

    /** The WHERE clause of a query: column names and placeholders only, every value goes into {@code params}. */
    private static String where(DecisionQuery q, List<Object> params) {
        StringBuilder where = new StringBuilder();
        where.append("(PROJECT_ID IN (").append(Entities.placeholders(q.visibleProjects().size())).append(") OR PROJECT_ID IS NULL)");
        params.addAll(new java.util.TreeSet<>(q.visibleProjects()));
        if (q.project() != null) {
            where.append(" AND (PROJECT_ID = ? OR PROJECT_ID IS NULL)");
            params.add(q.project());
        }
        if (q.domain() != null) {
            where.append(" AND DOMAIN_KEY = ?");
            params.add(q.domain());
        }
        if (q.approverKey() != null) {
            where.append(" AND APPROVER_KEY = ?");
            params.add(q.approverKey());
        }
        if (q.driverKey() != null) {
            where.append(" AND DRIVER_KEY = ?");
            params.add(q.driverKey());
        }
        if (q.status() != null) {
            where.append(" AND STATUS = ?");
            params.add(q.status().name());
        }
        if (q.overdueOn() != null) {
            where.append(" AND STATUS IN (?, ?) AND DUE_DATE < ?");
            params.add(DecisionStatus.OPEN.name());
            params.add(DecisionStatus.IN_PROGRESS.name());
            params.add(q.overdueOn().toString());
        }
        if (q.reviewDueOn() != null) {
            where.append(" AND STATUS = ? AND REVIEW_DATE < ?");
            params.add(DecisionStatus.DECIDED.name());
            params.add(q.reviewDueOn().toString());
        }
        return where.toString();
    }

    /** The decisions of the rows, with all their participants read in one statement. */
    private List<Decision> withPeople(DecisionEntity[] rows) {
        if (rows.length == 0) {
            return List.of();
        }
        Object[] ids = Arrays.stream(rows).map(DecisionEntity::getID).toArray();
        ParticipantEntity[] people = entities.find(ParticipantEntity.class,
                Query.select().where("DECISION_ID IN (" + Entities.placeholders(ids.length) + ")", ids));
        Map<Integer, List<ParticipantEntity>> byDecision = new HashMap<>();
        for (ParticipantEntity p : people) {
            byDecision.computeIfAbsent(p.getDecisionId(), k -> new ArrayList<>()).add(p);
        }
        List<Decision> result = new ArrayList<>(rows.length);
        for (DecisionEntity row : rows) {
            result.add(toDecision(row, byDecision.getOrDefault(row.getID(), List.of()).toArray(new ParticipantEntity[0])));
        }
        return result;
    }

    /** Deletes every participant row of the decision with one of these values: one statement, none for no value. */
    private void deleteParticipants(int decisionId, List<ParticipantRows.Row> values) {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder where = new StringBuilder("DECISION_ID = ? AND (");
        List<Object> params = new ArrayList<>();
        params.add(decisionId);
        for (int i = 0; i < values.size(); i++) {
            ParticipantRows.Row value = values.get(i);
            where.append(i == 0 ? "" : " OR ").append("(ROLE = ? AND KIND = ? AND REF = ?)");
            params.add(value.role());
            params.add(value.kind());
            params.add(value.ref());
        }
        entities.deleteWithSQL(ParticipantEntity.class, where.append(")").toString(), params.toArray());
    }

    /** Inserts the participant rows in one batch (no id read back: nobody reads them in this transaction). */
    private void addParticipants(int decisionId, List<ParticipantRows.NewRow> people) {
        List<Map<String, Object>> rows = new ArrayList<>(people.size());
        for (ParticipantRows.NewRow person : people) {
            Map<String, Object> values = new HashMap<>();
            values.put("DECISION_ID", decisionId);
            values.put("ROLE", person.row().role());
            values.put("KIND", person.row().kind());
            values.put("REF", person.row().ref());
            values.put("POSITION", person.position());
            rows.add(values);
        }
        entities.createAll(ParticipantEntity.class, rows);
    }

    /** Appends the audit entries in one batch, in their order (their ids ascend as they are listed). */
    private void appendAudit(long issueId, List<AuditEntry> audit) {
        List<Map<String, Object>> rows = new ArrayList<>(audit.size());
        for (AuditEntry entry : audit) {
            Map<String, Object> values = new HashMap<>();
            values.put("ISSUE_ID", issueId);
            values.put("ISSUE_KEY", entry.issueKey());
            values.put("AUTHOR_KEY", entry.authorKey());
            values.put("CHANGED_AT", Date.from(entry.changedAt()));
            values.put("FIELD", entry.field());
            values.put("OLD_VALUE", entry.oldValue());
            values.put("NEW_VALUE", entry.newValue());
            values.put("VALUE_FORMAT", AuditValues.FORMAT_USER_KEYS);
            rows.add(values);
        }
        entities.createAll(AuditEntity.class, rows);
    }

    /** A row read with the report's columns: no outcome (reading it would cost a statement per row), no people. */
    private static Decision withoutOutcome(DecisionEntity row) {
        return new Decision(row.getIssueId(), row.getProjectId() == null ? 0 : row.getProjectId(), row.getIssueKey(),
                row.getProjectKey(), DecisionStatus.valueOf(row.getStatus()), row.getDriverKey(), row.getApproverKey(),
                List.of(), List.of(), row.getDueDate() == null ? null : LocalDate.parse(row.getDueDate()),
                row.getReviewDate() == null ? null : LocalDate.parse(row.getReviewDate()), null, row.getDomainKey(),
                Boolean.TRUE.equals(row.getDomainByHand()), toInstant(row.getDecidedAt()), toInstant(row.getCreatedAt()),
                toInstant(row.getUpdatedAt()), row.getVersion());
    }

    /**
     * A row read with {@link #REPORT_COLUMN_LIST} over plain JDBC, mapped as {@link #withoutOutcome(DecisionEntity)}
     * maps the entity (timestamps read as Active Objects reads them, so the Instants are the same).
     */
    private static Decision withoutOutcome(SqlAggregates.Row row) {
        Long projectId = row.longValue(2);
        String due = row.string(8);
        String review = row.string(9);
        return new Decision(row.longValue(1), projectId == null ? 0 : projectId, row.string(3), row.string(4),
                DecisionStatus.valueOf(row.string(5)), row.string(6), row.string(7), List.of(), List.of(),
                due == null ? null : LocalDate.parse(due), review == null ? null : LocalDate.parse(review), null,
                row.string(10), Boolean.TRUE.equals(row.booleanValue(11)), row.instant(12), row.instant(13),
                row.instant(14), row.intValue(15));
    }

    private static Decision toDecision(DecisionEntity row, ParticipantEntity[] people) {
        List<ParticipantEntity> ordered = new ArrayList<>(Arrays.asList(people));
        ordered.sort(Comparator.comparingInt(ParticipantEntity::getPosition));
        List<String> contributors = new ArrayList<>();
        List<Principal> informed = new ArrayList<>();
        for (ParticipantEntity p : ordered) {
            if (CONTRIBUTOR.equals(p.getRole())) {
                contributors.add(p.getRef());
            } else {
                informed.add(new Principal(Principal.Type.valueOf(p.getKind()), p.getRef()));
            }
        }
        return new Decision(row.getIssueId(), row.getProjectId() == null ? 0 : row.getProjectId(), row.getIssueKey(), row.getProjectKey(),
                DecisionStatus.valueOf(row.getStatus()), row.getDriverKey(), row.getApproverKey(),
                contributors, informed, row.getDueDate() == null ? null : LocalDate.parse(row.getDueDate()),
                row.getReviewDate() == null ? null : LocalDate.parse(row.getReviewDate()),
                row.getOutcome(), row.getDomainKey(), Boolean.TRUE.equals(row.getDomainByHand()), toInstant(row.getDecidedAt()),
                toInstant(row.getCreatedAt()), toInstant(row.getUpdatedAt()), row.getVersion());
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
