package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.AuditLog;
import io.mandate.platform.ClusterCache;
import io.mandate.platform.ClusterCaches;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.IssueBatch;
import io.mandate.platform.IssueRef;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.ProductClock;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the authority matrix: who may read and change domains, grants and absences, what a valid one
 * is, what the audit trails record, and who holds which authority over an issue. This is where the matrix is
 * validated and resolved; {@link DomainStore}, {@link GrantStore} and {@link AbsenceStore} are where it is stored.
 *
 * <p>Access (REST contract): everyone logged in reads. Jira administrators change every domain; a project
 * administrator changes a domain whose scope names only projects they administer (and at least one) — the
 * distributed part of the matrix.
 *
 * <p>Resolution reads through three cluster caches — the domains with their scopes, each domain's grants, each
 * person's absences — every one dropped on every node when a change commits. Resolving one issue therefore
 * costs the scope match over the cached domains and O(grants of its domain); nothing reads all grants.
 */
@JiraComponent
public class AuthorityService {

    static final String DOMAINS_CACHE = "authority.domains";
    static final String GRANTS_CACHE = "authority.grantsByDomain";
    static final String ABSENCES_CACHE = "authority.absencesByUser";
    static final String EFFECTIVE_CACHE = "authority.effectiveByDomain";
    static final String MEMBERS_CACHE = "authority.memberKeysByGroup";
    /**
     * How long a domain's effective authority is kept at most. Grant and absence changes drop it at once; what it
     * learns from the host's groups (whether a CONSULT group has a member to consult) is re-read after this.
     */
    static final Duration EFFECTIVE_LIFETIME = Duration.ofMinutes(1);
    private static final String ALL = "all";

    private final DomainStore domains;
    private final GrantStore grants;
    private final AbsenceStore absences;
    private final DecisionStore decisions;
    private final IssueAccess issues;
    private final People people;
    private final GroupDirectory groups;
    private final ProductClock clock;
    private final AuditLog auditLog;
    private final ClusterCache<String, DomainIndex> domainCache;
    private final ClusterCache<String, ArrayList<Grant>> grantCache;
    private final ClusterCache<String, ArrayList<Absence>> absenceCache;
    private final ClusterCache<String, EffectiveAuthority> effectiveCache;
    private final ClusterCache<String, List<String>> memberCache;

    @Inject
    public AuthorityService(DomainStore domains, GrantStore grants, AbsenceStore absences, DecisionStore decisions,
                            IssueAccess issues, People people, GroupDirectory groups, ProductClock clock,
                            AuditLog auditLog, ClusterCaches caches) {
        this.domains = domains;
        this.grants = grants;
        this.absences = absences;
        this.decisions = decisions;
        this.issues = issues;
        this.people = people;
        this.groups = groups;
        this.clock = clock;
        this.auditLog = auditLog;
        this.domainCache = caches.cache(DOMAINS_CACHE, k -> Optional.of(new DomainIndex(domains.all())), Duration.ofHours(1), 1);
        this.grantCache = caches.cache(GRANTS_CACHE, k -> Optional.of(new ArrayList<>(grants.ofDomain(k))), Duration.ofHours(1), 5_000);
        this.absenceCache = caches.cache(ABSENCES_CACHE, k -> Optional.of(new ArrayList<>(absences.of(k))), Duration.ofHours(1), 20_000);
        this.effectiveCache = caches.cache(EFFECTIVE_CACHE, k -> Optional.of(resolve(k, today())), EFFECTIVE_LIFETIME, 5_000);
        this.memberCache = caches.cache(MEMBERS_CACHE, g -> Optional.of(groups.membersOf(g).stream().map(Person::key).toList()),
                EFFECTIVE_LIFETIME, 1_000);
    }

    // ---- resolution -------------------------------------------------------------------------------------------

    /** After Mandate's tables were written around the service (a backup imported): no node keeps the matrix it read before. */
    public void forgetCached() {
        domainCache.invalidateAll();
        grantCache.invalidateAll();
        absenceCache.invalidateAll();
        effectiveCache.invalidateAll();
        memberCache.invalidateAll();
    }

    public LocalDate today() {
        return clock.today();
    }

    /** Every domain, by key, from the cache. */
    public List<Domain> domains() {
        return index().all();
    }

    public Optional<Domain> domain(String key) {
        return key == null ? Optional.empty() : index().get(key);
    }

    /** Which domain the scope rules give the issue (one, a tie, or none): only the domains that could match are tested. */
    public DomainMatch match(IssueRef issue) {
        return index().match(issue);
    }

    private DomainIndex index() {
        return domainCache.get(ALL).orElse(DomainIndex.EMPTY);
    }

    /** The grants of a domain, from the cache. */
    public List<Grant> grants(String domainKey) {
        return List.copyOf(grantCache.get(domainKey).orElseGet(ArrayList::new));
    }

    /**
     * Who holds which level in the domain today: built once per domain and day on each node and shared by every
     * request until a grant of the domain or an absence changes (or {@link #EFFECTIVE_LIFETIME} passes), so the issue
     * view and each decision of a report do not rebuild it.
     */
    public EffectiveAuthority authorityIn(String domainKey) {
        LocalDate today = today();
        EffectiveAuthority cached = effectiveCache.get(domainKey).orElseThrow();
        if (cached.day().equals(today)) {
            return cached;
        }
        effectiveCache.invalidate(domainKey); // yesterday's: the next read builds today's
        return resolve(domainKey, today);
    }

    private EffectiveAuthority resolve(String domainKey, LocalDate day) {
        return new EffectiveAuthority(domainKey, grants(domainKey), day, user -> awayUntil(user, day), people::isActiveKey);
    }

    /** After the grants of a domain changed: its grants and its effective authority are read again on every node. */
    private void forgetGrants(String domainKey) {
        grantCache.invalidate(domainKey);
        effectiveCache.invalidate(domainKey);
    }

    /** After someone's absences changed: stand-ins of any domain may differ. */
    private void forgetAbsences(String userKey) {
        absenceCache.invalidate(userKey);
        effectiveCache.invalidateAll();
    }

    /** The last day of the absence that covers the day, if the person is away then. */
    public Optional<LocalDate> awayUntil(String userKey, LocalDate day) {
        return absenceCache.get(userKey).orElseGet(ArrayList::new).stream()
                .filter(a -> a.covers(day)).map(Absence::to).max(LocalDate::compareTo);
    }

    /** The groups a person is in (the host answers from its own caches). */
    public Set<String> groupsOf(String userKey) {
        return userKey == null ? Set.of() : groups.groupsOf(userKey);
    }

    public Optional<Level> levelOf(EffectiveAuthority authority, String userKey) {
        return authority.levelOf(userKey, groupsOf(userKey));
    }

    /**
     * The grants of several domains in one statement, read past the cache (the admin grid reads a page of
     * domains once; loading their grants one cache entry at a time would cost a statement per domain).
     */
    public List<Grant> grantsOfDomains(java.util.Collection<String> domainKeys) {
        List<Grant> all = new ArrayList<>();
        grants.ofDomains(domainKeys).values().forEach(all::addAll);
        return all;
    }

    /** Every grant to a group, read past the cache in one statement (the admin page's check for deleted groups). */
    public List<Grant> groupGrants() {
        return grants.ofGroups();
    }

    /** The keys of the domains in which the user, or one of their groups, holds a grant: one statement. */
    public java.util.SortedSet<String> domainKeysHeldBy(String userKey) {
        List<Principal> holders = new ArrayList<>();
        holders.add(Principal.user(userKey));
        groupsOf(userKey).forEach(g -> holders.add(Principal.group(g)));
        return grants.domainKeysHeldBy(holders);
    }

    /** A person by username, if there is one. */
    public Optional<Person> personNamed(String username) {
        return username == null || username.isBlank() ? Optional.empty() : people.byName(username.trim());
    }

    public List<Person> membersOf(String group) {
        return groups.membersOf(group);
    }

    /**
     * The user keys of the group's members (nested groups as the host expands them), kept for
     * {@link #EFFECTIVE_LIFETIME}: a group holding a grant may hold every user of the instance, and the issue view
     * (whom to offer as approver) and the consultation check go through its members. The host does not tell the
     * plugin of membership changes, so these lists follow them within that time.
     */
    public List<String> memberKeys(String group) {
        return group == null ? List.of() : memberCache.get(group).orElseGet(List::of);
    }

    public Optional<Person> person(String userKey) {
        return userKey == null ? Optional.empty() : people.byKey(userKey);
    }

    /** The person a stored key stands for, as they are now (active, inactive or deleted); null for null. */
    public Person stored(String userKey) {
        return userKey == null ? null : people.ofKey(userKey);
    }

    /** Whether the host has the group (a grant may name one it has deleted since). */
    public boolean groupExists(String group) {
        return people.groupExists(group);
    }

    /** The logged-in user, if any (the authority panel tells a mentee whom they shadow). */
    public Optional<Person> currentUser() {
        return people.currentUser();
    }

    // ---- access -----------------------------------------------------------------------------------------------

    /** The logged-in caller; 401 otherwise. */
    public Person caller() {
        return people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.matrix")));
    }

    /** Whether the person may change a domain with this scope: an administrator, or the administrator of every project it names. */
    public boolean mayManage(Person person, DomainScope scope) {
        boolean admin = people.isAdmin(person);
        return mayManage(admin, admin ? Set.of() : issues.administeredProjectKeys(person), scope);
    }

    /**
     * The same rule for someone whose standing is known: a page that judges many domains for one viewer asks the
     * host once, not once per domain.
     */
    static boolean mayManage(boolean admin, Set<String> administered, DomainScope scope) {
        return admin || !scope.projects().isEmpty()
                && scope.projects().stream().allMatch(p -> administered.contains(p.toUpperCase(java.util.Locale.ROOT)));
    }

    public boolean isAdmin(Person person) {
        return people.isAdmin(person);
    }

    /** The keys (upper case) of the projects the person administers. */
    public Set<String> administeredProjects(Person person) {
        return issues.administeredProjectKeys(person);
    }

    private Person requireManager(DomainScope scope) {
        Person caller = caller();
        if (!mayManage(caller, scope)) {
            throw ApiException.forbidden(Message.of("mandate.error.matrix.forbidden"));
        }
        return caller;
    }

    private Person requireAdmin() {
        Person caller = caller();
        if (!people.isAdmin(caller)) {
            throw ApiException.forbidden(Message.of("mandate.error.matrix.adminOnly"));
        }
        return caller;
    }

    /**
     * The issue for a logged-in caller who may browse it (401 anonymous); 404 otherwise, the same answer for an
     * issue that does not exist and one the caller cannot see.
     */
    public IssueRef browsableIssue(String issueKey) {
        Person caller = caller();
        return issues.browsable(issueKey, Optional.of(caller))
                .orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.issue.notFound", issueKey)));
    }

    /** A domain by key for a logged-in caller; 404 when there is none. */
    public Domain requireDomain(String key) {
        caller();
        return domain(key).orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.domain.notFound", key)));
    }

    // ---- domains ----------------------------------------------------------------------------------------------

    public Domain createDomain(ObjectNode body) {
        caller();
        Map<String, Message> errors = new LinkedHashMap<>();
        DomainInput in = DomainInput.read(body, errors);
        if (in.key() == null && !errors.containsKey("key")) {
            errors.put("key", Message.of("mandate.error.required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Person author = requireManager(in.scope());
        Domain domain = new Domain(in.key(), in.name(), in.description(), in.scope(), 1);
        Instant now = clock.now();
        List<MatrixChange> audit = new ArrayList<>();
        diffDomain(null, domain).forEach(c -> audit.add(change(author, now, "domain", domain.key(), domain.key(), c)));
        Domain created;
        try {
            created = domains.create(domain, audit);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(Message.of("mandate.error.domain.exists", domain.key()),
                    Map.of("key", Message.of("mandate.error.domain.exists", domain.key())));
        } finally {
            domainCache.invalidateAll();
        }
        record("mandate.audit.domain.created", "domain", created.key(), created.name(), diffDomain(null, created));
        return created;
    }

    /** Replaces name, description and scope; the key in the path is the domain's for good (a different body key is 400). */
    public Domain updateDomain(String key, ObjectNode body) {
        Domain current = requireDomain(key);
        Map<String, Message> errors = new LinkedHashMap<>();
        DomainInput in = DomainInput.read(body, errors);
        if (in.key() != null && !errors.containsKey("key") && !in.key().equals(current.key())) {
            errors.put("key", Message.of("mandate.error.domain.keyFixed", current.key()));
        }
        if (in.version() == null && !errors.containsKey("version")) {
            errors.put("version", Message.of("mandate.error.version.requiredAny", current.version()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // both the scope it has and the scope it would get must lie in the caller's projects
        Person author = requireManager(current.scope());
        requireManager(in.scope());
        Domain next = new Domain(current.key(), in.name(), in.description(), in.scope(), in.version() + 1);
        List<AuditLog.Change> diff = diffDomain(current, next);
        if (diff.isEmpty() && in.version() == current.version()) {
            return current;
        }
        Instant now = clock.now();
        Domain saved;
        try {
            saved = domains.update(next, in.version(), diff.stream().map(c -> change(author, now, "domain", current.key(), current.key(), c)).toList());
        } catch (StaleVersionException e) {
            throw stale(e.currentVersion());
        } finally {
            domainCache.invalidateAll();
        }
        record("mandate.audit.domain.updated", "domain", saved.key(), saved.name(), diff);
        return saved;
    }

    /**
     * Removes a domain with its grants; 409 while decisions are recorded in it. The refusal counts only the decisions
     * on issues the caller may browse (issue security binds administrators too): decisions on issues they may not
     * browse still keep the domain, and the refusal says so without their number or keys.
     */
    public void deleteDomain(String key) {
        Domain current = requireDomain(key);
        Person author = requireManager(current.scope());
        // every decision of the domain counted; those in projects the caller may browse judged in bulk (IssueBatch)
        Optional<Person> caller = Optional.of(author);
        java.util.Set<Long> browsableProjects = issues.browsableProjects(caller);
        int[] recordedAndVisible = new int[2];
        IssueBatch<Long> judged = new IssueBatch<>(issues, caller, issueId -> issueId, (issueId, issue) -> recordedAndVisible[1]++);
        decisions.forEachInDomain(current.key(), candidate -> {
            recordedAndVisible[0]++;
            if (candidate.projectId() == null || browsableProjects.contains(candidate.projectId())) {
                judged.add(candidate.issueId());
            }
        });
        judged.finish();
        int visible = recordedAndVisible[1];
        boolean hidden = recordedAndVisible[0] > visible;
        if (visible > 0 && !hidden) {
            throw ApiException.conflict(Message.of("mandate.error.domain.inUse", current.key(), visible), Map.of());
        }
        if (visible > 0) {
            throw ApiException.conflict(Message.of("mandate.error.domain.inUseAndHidden", current.key(), visible), Map.of());
        }
        if (hidden) {
            throw ApiException.conflict(Message.of("mandate.error.domain.inUseHidden", current.key()), Map.of());
        }
        Instant now = clock.now();
        List<AuditLog.Change> diff = diffDomain(current, null);
        try {
            domains.delete(current.key(), diff.stream().map(c -> change(author, now, "domain", current.key(), current.key(), c)).toList());
        } finally {
            domainCache.invalidateAll();
            forgetGrants(current.key());
        }
        record("mandate.audit.domain.deleted", "domain", current.key(), current.name(), diff);
    }

    public List<MatrixChange> history(String domainKey) {
        Domain domain = requireDomain(domainKey);
        return domains.history(domain.key(), 500);
    }

    // ---- grants -----------------------------------------------------------------------------------------------

    public Grant addGrant(String domainKey, ObjectNode body) {
        Domain domain = requireDomain(domainKey);
        Map<String, Message> errors = new LinkedHashMap<>();
        GrantInput in = GrantInput.read(body, errors);
        Grant grant = resolve(domain.key(), 0, in, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Person author = requireManager(domain.scope());
        Instant now = clock.now();
        List<AuditLog.Change> diff = diffGrant(null, grant);
        Grant saved;
        try {
            saved = grants.create(grant, diff.stream().map(c -> change(author, now, "grant", "", domain.key(), c)).toList());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(Message.of("mandate.error.domain.notFound", domain.key()));
        } finally {
            forgetGrants(domain.key());
        }
        record("mandate.audit.grant.added", "grant", String.valueOf(saved.id()), grantName(saved), diff);
        return saved;
    }

    /** A grant by id for a logged-in caller; 404 when there is none. */
    public Grant requireGrant(long id) {
        caller();
        return grants.find(id).orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.grant.notFound", String.valueOf(id))));
    }

    public Grant updateGrant(long id, ObjectNode body) {
        Grant current = requireGrant(id);
        Domain domain = requireDomain(current.domainKey());
        Map<String, Message> errors = new LinkedHashMap<>();
        GrantInput in = GrantInput.read(body, errors);
        if (in.version() == null && !errors.containsKey("version")) {
            errors.put("version", Message.of("mandate.error.version.requiredAny", current.version()));
        }
        Grant next = resolve(domain.key(), id, in, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Person author = requireManager(domain.scope());
        List<AuditLog.Change> diff = diffGrant(current, next);
        if (diff.isEmpty() && in.version() == current.version()) {
            return current;
        }
        Instant now = clock.now();
        Grant saved;
        try {
            saved = grants.update(next, in.version(), diff.stream().map(c -> change(author, now, "grant", String.valueOf(id), domain.key(), c)).toList());
        } catch (StaleVersionException e) {
            throw stale(e.currentVersion());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(Message.of("mandate.error.domain.notFound", domain.key()));
        } finally {
            forgetGrants(domain.key());
        }
        record("mandate.audit.grant.changed", "grant", String.valueOf(id), grantName(saved), diff);
        return saved;
    }

    public void deleteGrant(long id) {
        Grant current = requireGrant(id);
        Domain domain = requireDomain(current.domainKey());
        Person author = requireManager(domain.scope());
        Instant now = clock.now();
        List<AuditLog.Change> diff = diffGrant(current, null);
        boolean deleted;
        try {
            deleted = grants.delete(current, diff.stream().map(c -> change(author, now, "grant", String.valueOf(id), domain.key(), c)).toList());
        } catch (IllegalArgumentException e) {
            deleted = false;
        } finally {
            forgetGrants(domain.key());
        }
        if (!deleted) {
            throw ApiException.notFound(Message.of("mandate.error.grant.notFound", String.valueOf(id)));
        }
        record("mandate.audit.grant.removed", "grant", String.valueOf(id), grantName(current), diff);
    }

    /**
     * Turns names into the people and groups they mean; problems per field. Holder: an active user or an
     * existing group; backup and mentee: active users.
     */
    Grant resolve(String domainKey, long id, GrantInput in, Map<String, Message> errors) {
        Principal holder = null;
        if (in.holderType() != null && !errors.containsKey("holder")) {
            if (in.holderType() == Principal.Type.GROUP) {
                if (people.groupExists(in.holderName())) {
                    holder = Principal.group(in.holderName());
                } else {
                    errors.put("holder", Message.of("mandate.error.group.unknown", in.holderName()));
                }
            } else {
                String key = people.activeUserKey("holder", in.holderName(), errors);
                holder = key == null ? null : Principal.user(key);
            }
        }
        String backup = people.activeUserKey("backup", in.backup(), errors);
        String mentee = people.activeUserKey("mentee", in.mentee(), errors);
        if (holder == null || in.level() == null) {
            return null;
        }
        return new Grant(id, domainKey, holder, in.level(), backup, mentee, in.validFrom(), in.validTo(), in.note(),
                in.version() == null ? 0 : in.version());
    }

    /**
     * What importing {@code wanted} would do now (the CSV dry run): each named domain's stored grants compared
     * with the wanted ones ({@link MatrixPlan}). Admins only. Changes nothing.
     */
    public MatrixPlan planImport(Map<String, List<Grant>> wanted) {
        requireAdmin();
        return MatrixPlan.of(grants.ofDomains(wanted.keySet()), wanted);
    }

    /**
     * The CSV import: replaces the grants of the named domains, all or nothing in one transaction
     * ({@link GrantStore#apply}); the matrix audit trail gets one entry per changed field of every added, changed
     * and removed grant, and the product's audit log one summary. When nothing would change, nothing is written
     * (no transaction, no audit entry). Admins only; 409 when a named domain is deleted meanwhile.
     *
     * @return the plan as applied
     */
    public MatrixPlan importGrants(Map<String, List<Grant>> wanted) {
        Person author = requireAdmin();
        MatrixPlan preview = MatrixPlan.of(grants.ofDomains(wanted.keySet()), wanted);
        if (!preview.hasChanges()) {
            return preview;
        }
        Instant now = clock.now();
        MatrixPlan applied;
        try {
            applied = grants.apply(wanted, plan -> importAudit(plan, author, now));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(Message.of("mandate.error.domain.vanishedDuringImport"), Map.of());
        } finally {
            wanted.keySet().forEach(this::forgetGrants);
        }
        if (applied.hasChanges()) {
            record("mandate.audit.matrix.imported", "matrix", "matrix.csv", String.join(", ", applied.domainKeys()), List.of(
                    new AuditLog.Change("added", null, String.valueOf(applied.added())),
                    new AuditLog.Change("changed", null, String.valueOf(applied.changed())),
                    new AuditLog.Change("removed", null, String.valueOf(applied.removed())),
                    new AuditLog.Change("domains", null, String.join(", ", applied.domainKeys()))));
        }
        return applied;
    }

    private List<MatrixChange> importAudit(MatrixPlan plan, Person author, Instant now) {
        List<MatrixChange> audit = new ArrayList<>();
        plan.domains().forEach((domain, p) -> {
            p.changed().forEach(c -> diffGrant(c.before(), c.after())
                    .forEach(d -> audit.add(change(author, now, "grant", String.valueOf(c.before().id()), domain, d))));
            p.added().forEach(g -> diffGrant(null, g)
                    .forEach(d -> audit.add(change(author, now, "grant", String.valueOf(g.id()), domain, d))));
            p.removed().forEach(g -> diffGrant(g, null)
                    .forEach(d -> audit.add(change(author, now, "grant", String.valueOf(g.id()), domain, d))));
        });
        return audit;
    }

    /** Every grant, domain by domain (the CSV export and the admin grid). */
    public void forEachGrant(java.util.function.Consumer<Grant> each) {
        grants.forEach(each);
    }

    public Person requireAdminCaller() {
        return requireAdmin();
    }

    // ---- absences ---------------------------------------------------------------------------------------------

    public Absence addAbsence(ObjectNode body) {
        Person caller = caller();
        Map<String, Message> errors = new LinkedHashMap<>();
        AbsenceInput in = AbsenceInput.read(body, errors);
        // an active user: a deactivated one holds no authority a backup would need to stand in for
        String userKey = in.user() == null ? caller.key() : people.activeUserKey("user", in.user(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!userKey.equals(caller.key()) && !people.isAdmin(caller)) {
            throw ApiException.forbidden(Message.of("mandate.error.absence.forbidden"));
        }
        Absence absence = new Absence(0, userKey, in.from(), in.to(), in.note());
        List<AuditLog.Change> diff = List.of(new AuditLog.Change("user", null, name(userKey)),
                new AuditLog.Change("from", null, in.from().toString()), new AuditLog.Change("to", null, in.to().toString()));
        Instant now = clock.now();
        Absence saved;
        try {
            saved = absences.create(absence, diff.stream().map(c -> change(caller, now, "absence", "", null, c)).toList());
        } finally {
            forgetAbsences(userKey);
        }
        record("mandate.audit.absence.added", "absence", String.valueOf(saved.id()), name(userKey), diff);
        return saved;
    }

    /** An absence by id for a logged-in caller; 404 when there is none. */
    public Absence requireAbsence(long id) {
        caller();
        return absences.find(id).orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.absence.notFound", String.valueOf(id))));
    }

    public void deleteAbsence(long id) {
        Person caller = caller();
        Absence absence = absences.find(id).orElseThrow(() -> ApiException.notFound(Message.of("mandate.error.absence.notFound", String.valueOf(id))));
        if (!absence.userKey().equals(caller.key()) && !people.isAdmin(caller)) {
            throw ApiException.forbidden(Message.of("mandate.error.absence.forbidden"));
        }
        List<AuditLog.Change> diff = List.of(new AuditLog.Change("user", name(absence.userKey()), null),
                new AuditLog.Change("from", absence.from().toString(), null), new AuditLog.Change("to", absence.to().toString(), null));
        Instant now = clock.now();
        boolean deleted;
        try {
            deleted = absences.delete(id, diff.stream().map(c -> change(caller, now, "absence", String.valueOf(id), null, c)).toList());
        } finally {
            forgetAbsences(absence.userKey());
        }
        if (!deleted) {
            throw ApiException.notFound(Message.of("mandate.error.absence.notFound", String.valueOf(id)));
        }
        record("mandate.audit.absence.removed", "absence", String.valueOf(id), name(absence.userKey()), diff);
    }

    /** Absences overlapping the window, of one user (by username) or everyone; logged in. */
    public AbsenceStore.Found findAbsences(String user, LocalDate from, LocalDate to, int startAt, int maxResults,
                                           Map<String, Message> errors) {
        caller();
        String userKey = people.existingUserKey("user", user, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", Message.of("mandate.error.absence.toBeforeFrom"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (user != null && !user.isBlank() && userKey == null) {
            return new AbsenceStore.Found(0, List.of());
        }
        return absences.find(userKey, from, to, startAt, maxResults);
    }

    // ---- audit ------------------------------------------------------------------------------------------------

    private void record(String summaryKey, String type, String id, String name, List<AuditLog.Change> changes) {
        auditLog.record(new AuditLog.Entry(summaryKey, type, id, name, changes));
    }

    private static MatrixChange change(Person author, Instant at, String type, String objectId, String domainKey, AuditLog.Change c) {
        return new MatrixChange(author.key(), at, type, objectId, domainKey, c.field(), c.from(), c.to());
    }

    private static List<AuditLog.Change> diffDomain(Domain before, Domain after) {
        List<AuditLog.Change> changes = new ArrayList<>();
        add(changes, "key", before == null ? null : before.key(), after == null ? null : after.key());
        add(changes, "name", before == null ? null : before.name(), after == null ? null : after.name());
        add(changes, "description", before == null ? null : before.description(), after == null ? null : after.description());
        add(changes, "scope", before == null ? null : scopeText(before.scope()), after == null ? null : scopeText(after.scope()));
        return changes;
    }

    private List<AuditLog.Change> diffGrant(Grant before, Grant after) {
        List<AuditLog.Change> changes = new ArrayList<>();
        add(changes, "holder", before == null ? null : holderText(before.holder()), after == null ? null : holderText(after.holder()));
        add(changes, "level", before == null ? null : before.level().name(), after == null ? null : after.level().name());
        add(changes, "backup", before == null ? null : name(before.backupKey()), after == null ? null : name(after.backupKey()));
        add(changes, "mentee", before == null ? null : name(before.menteeKey()), after == null ? null : name(after.menteeKey()));
        add(changes, "validFrom", before == null ? null : GrantStore.iso(before.validFrom()), after == null ? null : GrantStore.iso(after.validFrom()));
        add(changes, "validTo", before == null ? null : GrantStore.iso(before.validTo()), after == null ? null : GrantStore.iso(after.validTo()));
        add(changes, "note", before == null ? null : before.note(), after == null ? null : after.note());
        return changes;
    }

    private static void add(List<AuditLog.Change> changes, String field, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            changes.add(new AuditLog.Change(field, blankToNull(before), blankToNull(after)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String scopeText(DomainScope s) {
        List<String> parts = new ArrayList<>();
        if (!s.projects().isEmpty()) parts.add("projects=" + String.join(",", s.projects()));
        if (!s.issueTypes().isEmpty()) parts.add("issueTypes=" + String.join(",", s.issueTypes()));
        if (!s.components().isEmpty()) parts.add("components=" + String.join(",", s.components()));
        if (!s.labels().isEmpty()) parts.add("labels=" + String.join(",", s.labels()));
        if (!s.spaces().isEmpty()) parts.add("spaces=" + String.join(",", s.spaces()));
        return String.join("; ", parts);
    }

    private String holderText(Principal holder) {
        return holder.isUser() ? "user:" + name(holder.id()) : "group:" + holder.id();
    }

    private String grantName(Grant g) {
        return g.domainKey() + " / " + (g.holder().isUser() ? name(g.holder().id()) : g.holder().id());
    }

    /** A user key as the username people read (the key when the user is gone). */
    String name(String userKey) {
        return people.nameOf(userKey);
    }

    private static ApiException stale(int currentVersion) {
        return ApiException.conflict(Message.of("mandate.error.matrix.stale"),
                Map.of("version", currentVersion < 0 ? Message.of("mandate.error.version.gone")
                        : Message.of("mandate.error.version.stale", currentVersion)));
    }
}
