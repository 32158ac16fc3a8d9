package io.mandate.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.ClusterCache;
import io.mandate.platform.ClusterCaches;
import io.mandate.platform.Events;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueBatch;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Page;
import io.mandate.platform.PageRequest;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.ProductClock;
import io.mandate.platform.ShownIssue;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of decision ownership (product brief, "Decision"): who may read and change a
 * decision, what a valid decision is, how its status may move, and what the audit trail records.
 * This is where a decision is validated; {@link DecisionStore} is where it is stored.
 */
@JiraComponent
public class DecisionService {

    static final int MAX_OUTCOME = 10_000;
    static final int MAX_PEOPLE = 200;
    /** How often an unconditional DELETE re-reads after losing to a concurrent write before it gives up (409). */
    private static final int UNCONDITIONAL_DELETE_ATTEMPTS = 3;
    /** Decisions are read on every issue view; kept per node, dropped on every node when one changes. */
    static final String CACHE = "decision.byIssueId";

    private final DecisionStore store;
    private final IssueAccess issues;
    private final People people;
    private final DecisionAuthority authority;
    private final Events events;
    private final ProductClock clock;
    private final ClusterCache<Long, Decision> cache;

    @Inject
    public DecisionService(DecisionStore store, IssueAccess issues, People people, DecisionAuthority authority,
                           Events events, ProductClock clock, ClusterCaches caches) {
        this.store = store;
        this.issues = issues;
        this.people = people;
        this.authority = authority;
        this.events = events;
        this.clock = clock;
        this.cache = caches.cache(CACHE, store::find, Duration.ofHours(1), 10_000);
    }

    /** After Mandate's tables were written around the service (a backup imported): no node keeps a decision it read before. */
    public void forgetCached() {
        cache.invalidateAll();
    }

    /** Today in the product's time zone: the day "overdue" and "due for review" are measured against. */
    public LocalDate today() {
        return clock.today();
    }

    /** The issue a host page already shows (a web panel's), if the current user may browse it: not looked up again. */
    public Optional<IssueRef> visibleIssue(ShownIssue shown) {
        return issues.browsable(shown, people.currentUser());
    }

    /** Whether the current user may edit the issue a host page already shows: not looked up again. */
    public boolean canEdit(ShownIssue shown) {
        return people.currentUser().map(u -> issues.canEdit(shown, u)).orElse(false);
    }

    /** The issue if the current user may browse it; 404 otherwise (unknown and hidden look alike). */
    public IssueRef browsableIssue(String issueKey) {
        return issues.browsable(issueKey, people.currentUser())
                .orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.issue.notFound", issueKey)));
    }

    /**
     * The decision of an issue the caller has been shown, read through the cluster cache, in the domain it is in
     * now ({@link #withCurrentDomain}).
     */
    public Optional<Decision> find(IssueRef issue) {
        return cache.get(issue.id()).map(d -> withCurrentDomain(d, issue));
    }

    /**
     * The decision as every read shows it: a domain set by hand as stored; otherwise the domain the scope rules
     * give the issue now (none for a tie), so a change of the matrix applies at once. Answered from the matrix's
     * caches: no statement.
     */
    public Decision withCurrentDomain(Decision decision, IssueRef issue) {
        if (decision.domainSetByHand()) {
            return decision;
        }
        String derived = authority.domainOf(issue).orElse(null);
        return java.util.Objects.equals(derived, decision.domain()) ? decision : decision.withDomain(derived, false);
    }

    public boolean canEdit(IssueRef issue) {
        return people.currentUser().map(u -> issues.canEdit(issue, u)).orElse(false);
    }

    /** The matrix's checks of a decision, for the REST output and the panel. */
    public DecisionAuthority.Checks checks(Decision decision, IssueRef issue) {
        return authority.checks(decision, issue);
    }

    /** What lies behind the checks, for the panel's texts (from the matrix's caches). */
    public Optional<DecisionAuthority.Findings> findings(Decision decision, IssueRef issue) {
        return authority.findings(decision, issue);
    }

    /** Who may approve in the decision's domain (the issue's, for a decision not recorded yet): the picker's first offers. */
    public List<String> mayApprove(Optional<Decision> decision, IssueRef issue, int limit) {
        return authority.mayApprove(decision.orElse(null), issue, limit);
    }

    /** GET: the decision of a browsable issue, 404 when the issue is hidden or has none. */
    public Decision get(String issueKey) {
        IssueRef issue = browsableIssue(issueKey);
        return find(issue)
                .orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.decision.none", issue.key())));
    }

    /** PUT: creates or replaces the decision of an issue the current user may edit. */
    public Decision put(String issueKey, ObjectNode body) {
        return put(browsableIssue(issueKey), body);
    }

    /** A browsable issue by key with whether the caller may edit it, from one lookup (404 when hidden or missing). */
    public IssueAccess.Editable editableIssue(String issueKey) {
        return issues.editable(issueKey, people.currentUser())
                .orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.issue.notFound", issueKey)));
    }

    /** PUT on an issue this request has already resolved with {@link #browsableIssue} (it is not looked up again). */
    public Decision put(IssueRef issue, ObjectNode body) {
        return put(issue, requireEditor(issue), body);
    }

    /** PUT on an issue this request has already judged with {@link #editableIssue} (neither looked up nor judged again). */
    public Decision put(IssueAccess.Editable editable, ObjectNode body) {
        Person user = people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.change")));
        if (!editable.mayEdit()) {
            throw ApiException.forbidden(Message.of("mandate.error.readOnly", editable.issue().key()));
        }
        return put(editable.issue(), user, body);
    }

    private Decision put(IssueRef issue, Person author, ObjectNode body) {
        Optional<Decision> current = store.find(issue.id());
        Map<String, Message> errors = new LinkedHashMap<>();
        DecisionInput input = DecisionInput.read(body, errors);
        Decision next = validate(issue, current, input, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (current.isPresent() && current.get().version() != input.version()) {
            throw stale(current.get().version());
        }
        if (current.isEmpty() && input.version() != null) {
            // the caller edits a decision that someone has deleted meanwhile: do not resurrect it silently
            throw vanished();
        }
        List<AuditEntry> audit = DecisionDiff.between(current, next, author, next.updated());
        if (current.isPresent() && audit.isEmpty()) {
            return current.get(); // nothing changed: no new version, no audit entry, no mail
        }
        // the notice of a new outcome is queued in the write's own transaction; the job tells the people later
        Optional<Notice> notice = DecisionNotifier.isNotifiable(current.map(Decision::status), next.status())
                ? Optional.of(Notice.of(next, author, authority.alsoToNotify(next, issue), clock.now()))
                : Optional.empty();
        Decision saved;
        try {
            saved = store.save(next, current, audit, notice);
        } catch (StaleDecisionException e) {
            throw stale(e.currentVersion());
        } finally {
            cache.invalidate(issue.id()); // committed or not, no node may keep what it read before
        }
        events.publish(new DecisionChanged(issue, current, Optional.of(saved), author));
        return saved;
    }

    /**
     * DELETE: removes the decision (audited). With a {@code version} the delete is conditional and
     * the version is honoured: of several deletes of one version exactly one succeeds, the rest are
     * 409, as is a delete of a decision that no longer exists (the version the caller saw is not
     * current: the same rule as PUT). Without one it is unconditional, as Jira's own deletes are:
     * it removes whatever version is current, and 404 only says there is nothing to remove.
     */
    public void delete(String issueKey, Integer version) {
        IssueRef issue = browsableIssue(issueKey);
        Person author = requireEditor(issue);
        for (int attempt = 1; ; attempt++) {
            Optional<Decision> current = store.find(issue.id());
            if (current.isEmpty()) {
                throw version == null ? ApiException.notFound(Message.of("mandate.error.decision.none", issue.key())) : vanished();
            }
            int expected = version == null ? current.get().version() : version;
            AuditEntry entry = new AuditEntry(issue.key(), author.key(), clock.now(), "decision",
                    current.get().status().name(), null);
            boolean deleted;
            try {
                deleted = store.delete(issue.id(), expected, List.of(entry));
            } catch (StaleDecisionException e) {
                if (version != null || attempt == UNCONDITIONAL_DELETE_ATTEMPTS) {
                    throw stale(e.currentVersion());
                }
                continue;
            } finally {
                cache.invalidate(issue.id()); // committed or not, no node may keep what it read before
            }
            if (deleted) {
                events.publish(new DecisionChanged(issue, current, Optional.empty(), author));
                return;
            }
            if (version != null) {
                throw vanished(); // deleted by someone else between our read and our write
            }
        }
    }

    /**
     * Removes the decision of an issue Jira has deleted (see {@link DecisionIssueDeletes}): the row, its people and
     * claims go in one transaction; the audit trail stays and records the removal (the decision's status to
     * nothing, then the issue to nothing, by {@code authorKey}); every node forgets its cached copy. No
     * {@link DecisionChanged} is published: nobody is told about a decision on an issue that no longer exists.
     *
     * @param issueKey  the issue's key as Jira last had it, or null to use the key stored with the decision
     * @return the decision as it was, or empty when the issue had none
     */
    public Optional<Decision> removeWithIssue(long issueId, String issueKey, String authorKey) {
        Instant now = clock.now();
        try {
            return store.removeWithIssue(issueId, removed -> {
                String key = issueKey == null ? removed.issueKey() : issueKey;
                return List.of(new AuditEntry(key, authorKey, now, "decision", removed.status().name(), null),
                        new AuditEntry(key, authorKey, now, ISSUE_DELETED_FIELD, key, null));
            });
        } finally {
            cache.invalidate(issueId); // committed or not, no node may keep what it read before
        }
    }

    /** The audit field that says a decision went because its issue was deleted: before = the issue key, after = none. */
    static final String ISSUE_DELETED_FIELD = "issue";

    /**
     * Removes the decisions of a project Jira has deleted (Jira deletes its issues without issue events), each
     * as {@link #removeWithIssue}; by the project id stored with them, so rows from before project ids were
     * stored are not found (see docs/design/decisions.md).
     *
     * @return the decisions removed, as they were
     */
    public List<Decision> removeWithProject(long projectId, String authorKey) {
        List<Decision> removed = new ArrayList<>();
        for (long issueId : store.issueIdsInProject(projectId)) {
            removeWithIssue(issueId, null, authorKey).ifPresent(removed::add);
        }
        return removed;
    }

    /** The raw list filters of {@code GET /decisions}, as strings from the query. */
    public record ListFilter(String project, String domain, String approver, String driver, String status,
                             String overdue, String dueForReview, String startAt, String maxResults) {

        /** A filter without {@code dueForReview}. */
        public ListFilter(String project, String domain, String approver, String driver, String status,
                          String overdue, String startAt, String maxResults) {
            this(project, domain, approver, driver, status, overdue, null, startAt, maxResults);
        }
    }

    /**
     * {@code GET /decisions}: decisions in projects the caller may browse, filtered and paged.
     * Every invalid parameter is named at once (400).
     */
    public Page<Decision> list(ListFilter f) {
        Page<Listed> page = listWithIssues(f);
        return page.withValues(page.values().stream().map(Listed::decision).toList());
    }

    /** A listed decision with its issue as the list judged it (current key and summary), so nobody looks it up again. */
    public record Listed(Decision decision, IssueRef issue) {
    }

    /**
     * {@link #list} with each decision's issue: the issues of all the candidates are judged in one bulk call to the
     * host (before counting, see {@link #visibleIssues}) and the page's decisions read in two statements, so a page
     * of 50 costs what a page of 5 does — no host call nor statement per row.
     */
    public Page<Listed> listWithIssues(ListFilter f) {
        Person caller = people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.list")));
        Map<String, Message> errors = new LinkedHashMap<>();
        String approverKey = people.existingUserKey("approver", f.approver(), errors);
        String driverKey = people.existingUserKey("driver", f.driver(), errors);
        DecisionStatus status = null;
        if (f.status() != null && !f.status().isBlank()) {
            status = DecisionStatus.parse(f.status()).orElse(null);
            if (status == null) {
                errors.put("status", Message.of("mandate.error.status.values"));
            }
        }
        boolean overdue = false;
        if (f.overdue() != null && !f.overdue().isBlank()) {
            if (!f.overdue().equals("true") && !f.overdue().equals("false")) {
                errors.put("overdue", Message.of("mandate.error.boolean"));
            }
            overdue = f.overdue().equals("true");
        }
        boolean dueForReview = false;
        if (f.dueForReview() != null && !f.dueForReview().isBlank()) {
            if (!f.dueForReview().equals("true") && !f.dueForReview().equals("false")) {
                errors.put("dueForReview", Message.of("mandate.error.boolean"));
            }
            dueForReview = f.dueForReview().equals("true");
        }
        PageRequest page = PageRequest.parse(f.startAt(), f.maxResults(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String domain = f.domain() == null || f.domain().isBlank() ? null : f.domain().trim().toUpperCase(java.util.Locale.ROOT);
        Long projectId = null;
        if (f.project() != null && !f.project().isBlank()) {
            Optional<Long> id = issues.browsableProject(f.project().trim(), Optional.of(caller));
            if (id.isEmpty()) {
                return Page.of(page, 0, List.of()); // unknown and hidden look alike
            }
            projectId = id.get();
        }
        List<IssueRef> visible = visibleIssues(store.candidates(new DecisionQuery(issues.browsableProjects(Optional.of(caller)),
                projectId, domain, approverKey, driverKey, status, overdue ? today() : null,
                dueForReview ? today() : null)), projectId, caller);
        if (page.countOnly()) {
            return Page.of(page, visible.size(), List.of());
        }
        List<IssueRef> shown = visible.stream().skip(page.startAt()).limit(page.maxResults()).toList();
        Map<Long, IssueRef> byId = new java.util.HashMap<>();
        shown.forEach(issue -> byId.put(issue.id(), issue));
        List<Listed> listed = store.findAll(shown.stream().map(IssueRef::id).toList()).stream()
                .map(d -> new Listed(d, byId.get(d.issueId()))).toList();
        return Page.of(page, visible.size(), listed);
    }

    /**
     * The issues of the candidate decisions that the caller may see now, looked up by id (one bulk host call for all),
     * in the contract's order: by project key, then issue number, of the current keys. The project filter of
     * the query is project-level; this is where issue security, deleted issues and moved issues are judged,
     * before anything is counted, so {@code total} counts exactly what the caller may see. A stored project id
     * that is missing or out of date (a moved issue) is corrected on the way.
     */
    private List<IssueRef> visibleIssues(List<DecisionStore.Candidate> candidates, Long projectId, Person caller) {
        List<IssueRef> visible = new ArrayList<>();
        Map<Long, IssueRef> found = issues.browsableByIds(candidates.stream().map(DecisionStore.Candidate::issueId).toList(),
                Optional.of(caller));
        for (DecisionStore.Candidate candidate : candidates) {
            Optional<IssueRef> issue = Optional.ofNullable(found.get(candidate.issueId()));
            if (issue.isEmpty() || (projectId != null && issue.get().projectId() != projectId)) {
                continue;
            }
            if (candidate.projectId() == null || candidate.projectId() != issue.get().projectId()) {
                store.updateProjectId(candidate.issueId(), issue.get().projectId());
                cache.invalidate(candidate.issueId()); // a write like any other: no node keeps the old project id
            }
            visible.add(issue.get());
        }
        visible.sort(java.util.Comparator.comparing(IssueRef::projectKey).thenComparingLong(IssueRef::number));
        return visible;
    }

    /**
     * How many decisions in each status the caller may see (the admin page): only projects they may browse, and each
     * issue checked as every list does — issue security binds administrators too, so a decision on an issue they may
     * not browse is not counted (its status would show in the difference). One streamed statement and one bulk host
     * call per {@link io.mandate.platform.IssueBatch#SIZE} decisions.
     */
    public Map<DecisionStatus, Long> countByStatus() {
        Optional<Person> caller = people.currentUser();
        Map<DecisionStatus, Long> counts = new java.util.EnumMap<>(DecisionStatus.class);
        IssueBatch<Map.Entry<Long, DecisionStatus>> judged = new IssueBatch<>(
                issues, caller, Map.Entry::getKey, (entry, issue) -> counts.merge(entry.getValue(), 1L, Long::sum));
        store.forEachStatus(issues.browsableProjects(caller), (candidate, status) -> judged.add(Map.entry(candidate.issueId(), status)));
        judged.finish();
        return counts;
    }

    /** The issue of a listed decision as it is now (current key and summary); empty if it has become invisible meanwhile. */
    public Optional<IssueRef> issueOf(Decision decision) {
        return issues.browsable(decision.issueId(), people.currentUser());
    }

    public List<AuditEntry> history(String issueKey) {
        IssueRef issue = browsableIssue(issueKey);
        return store.history(issue.id());
    }

    public Optional<Person> person(String userKey) {
        return people.byKey(userKey);
    }

    /** The person a stored key stands for, as they are now: active, inactive, or deleted (shown by the key). */
    public Person stored(String userKey) {
        return people.ofKey(userKey);
    }

    private Person requireEditor(IssueRef issue) {
        Person user = people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.change")));
        if (!issues.canEdit(issue, user)) {
            throw ApiException.forbidden(Message.of("mandate.error.readOnly", issue.key()));
        }
        return user;
    }

    /** A version was given for a decision that no longer exists. */
    private static ApiException vanished() {
        return ApiException.conflict(Message.of("mandate.error.decision.vanished"),
                Map.of("version", Message.of("mandate.error.version.vanished")));
    }

    private static ApiException stale(int currentVersion) {
        return ApiException.conflict(Message.of("mandate.error.stale"),
                Map.of("version", currentVersion < 0 ? Message.of("mandate.error.version.staleConcurrent")
                        : Message.of("mandate.error.version.stale", currentVersion)));
    }

    private Decision validate(IssueRef issue, Optional<Decision> current, DecisionInput in, Map<String, Message> errors) {
        if (current.isPresent() && in.version() == null && !errors.containsKey("version")) {
            errors.put("version", Message.of("mandate.error.version.required", current.get().version()));
        }
        DecisionStatus status = in.status() == null ? current.map(Decision::status).orElse(DecisionStatus.OPEN) : in.status();
        if (current.isPresent() && current.get().status() == DecisionStatus.DECIDED
                && status != DecisionStatus.DECIDED && status != DecisionStatus.REVERSED) {
            errors.put("status", Message.of("mandate.error.status.decided", status));
        }
        String driverKey = people.activeUserKey("driver", in.driver(), errors);
        String approverKey = people.activeUserKey("approver", in.approver(), errors);
        if (status != DecisionStatus.OPEN) {
            if (in.driver() == null && !errors.containsKey("driver")) {
                errors.put("driver", Message.of("mandate.error.driver.required", status));
            }
            if (in.approver() == null && !errors.containsKey("approver")) {
                errors.put("approver", Message.of("mandate.error.approver.required", status));
            }
        }
        List<String> contributorKeys = people.activeUserKeys("contributors", in.contributors(), errors);
        List<Principal> informed = people.principals("informed", in.informed(), "mandate.error.informed.unknown", errors);
        if (status == DecisionStatus.DECIDED && (in.outcome() == null || in.outcome().isBlank())) {
            errors.putIfAbsent("outcome", Message.of("mandate.error.outcome.required"));
        }
        // a domain sent is set by hand (it must exist); none sent (absent or null) means "derive it": the domain the
        // scope rules give the issue now is stored, so the list filter and the count of a domain's decisions see it
        String domain;
        boolean byHand = in.domain() != null;
        if (byHand) {
            domain = in.domain().trim().toUpperCase(java.util.Locale.ROOT);
            if (!errors.containsKey("domain") && !authority.domainExists(domain)) {
                errors.put("domain", Message.of("mandate.error.domain.unknown", in.domain()));
            }
        } else {
            domain = authority.domainOf(issue).orElse(null);
        }
        Instant now = clock.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant decidedAt = null;
        if (status == DecisionStatus.DECIDED) {
            decidedAt = current.filter(d -> d.status() == DecisionStatus.DECIDED).map(Decision::decidedAt).orElse(now);
        } else if (status == DecisionStatus.REVERSED) {
            // a reversal keeps the record of when the decision had been made
            decidedAt = current.map(Decision::decidedAt).orElse(null);
        }
        return new Decision(issue.id(), issue.projectId(), issue.key(), issue.projectKey(), status, driverKey, approverKey,
                contributorKeys, informed, in.dueDate(), in.reviewDate(), blankToNull(in.outcome()), domain, byHand, decidedAt,
                current.map(Decision::created).orElse(now), now, current.map(d -> d.version() + 1).orElse(1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
