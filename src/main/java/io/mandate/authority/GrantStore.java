package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.Entities;
import io.mandate.platform.Principal;
import net.java.ao.Query;

import javax.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores authority grants in Active Objects. A domain's grants are one indexed read (what resolving one
 * issue needs: O(grants of its domain), never all grants); every write carries its audit entries in
 * the same transaction.
 */
@JiraComponent
public class GrantStore {

    /**
     * How long a write aborted for a concurrent one keeps being tried (each try waits for the winner's commit first):
     * as long as a writer under READ COMMITTED would wait for the domain's row lock behind a queue of other writers.
     * A count of tries is no bound here: of n writers queued on one domain each round lets one through, so a writer
     * may lose n - 1 rounds in a row (8 writers of one domain did, with 5 tries, and came out as 500s: ConcurrentGrantEditsTest).
     */
    static final long CONFLICT_RETRY_MILLIS = 30_000;

    /** Rows per batched statement of the CSV import (inserts, deletes): below Oracle's 1,000 expressions in a list. */
    static final int BATCH = 1000;

    private final Entities entities;

    @Inject
    public GrantStore(Entities entities) {
        this.entities = entities;
    }

    /** The grants of one domain, in the order they were made. One statement. */
    public List<Grant> ofDomain(String domainKey) {
        return Arrays.stream(entities.find(GrantEntity.class, Query.select().where("DOMAIN_KEY = ?", domainKey).order("ID")))
                .map(GrantStore::toGrant).toList();
    }

    /**
     * The keys of the domains in which any of these users or groups holds a grant (the admin grid's person
     * filter: a person and their groups), in one statement.
     */
    public java.util.SortedSet<String> domainKeysHeldBy(Collection<Principal> holders) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        List<Principal> distinct = holders.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return keys;
        }
        List<Object> params = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        for (Principal p : distinct) {
            clauses.add("(HOLDER_TYPE = ? AND HOLDER = ?)");
            params.add(p.type().name());
            params.add(p.id());
        }
        for (GrantEntity row : entities.find(GrantEntity.class, Query.select("ID, DOMAIN_KEY")
                .where(String.join(" OR ", clauses), params.toArray()))) {
            keys.add(row.getDomainKey());
        }
        return keys;
    }

    public Optional<Grant> find(long id) {
        GrantEntity[] rows = entities.find(GrantEntity.class, Query.select().where("ID = ?", (int) id));
        return rows.length == 0 ? Optional.empty() : Optional.of(toGrant(rows[0]));
    }

    /** Stores a new grant (version 1) with its audit entries (their object id is filled in here). */
    public Grant create(Grant grant, Collection<MatrixChange> audit) {
        return inLockedTransaction(() -> {
            lockDomain(grant.domainKey());
            GrantEntity row = entities.create(GrantEntity.class, values(grant, 1));
            MatrixAuditTrail.write(entities, audit.stream().map(c -> withObjectId(c, row.getID())).toList());
            return grant.withId(row.getID(), 1);
        });
    }

    /** Replaces a grant whose current version is {@code expectedVersion}; {@link StaleVersionException} otherwise. */
    public Grant update(Grant grant, int expectedVersion, Collection<MatrixChange> audit) {
        return inLockedTransaction(() -> {
            lockDomain(grant.domainKey());
            // read after the lock: no writer of this domain can commit between this check and our write
            GrantEntity[] rows = entities.find(GrantEntity.class,
                    Query.select().where("ID = ? AND DOMAIN_KEY = ?", (int) grant.id(), grant.domainKey()));
            if (rows.length == 0) {
                throw new StaleVersionException(-1);
            }
            GrantEntity row = rows[0];
            if (row.getVersion() != expectedVersion) {
                throw new StaleVersionException(row.getVersion());
            }
            int next = expectedVersion + 1;
            row.setHolderType(grant.holder().type().name());
            row.setHolder(grant.holder().id());
            row.setGrantLevel(grant.level().number());
            row.setBackupKey(grant.backupKey());
            row.setMenteeKey(grant.menteeKey());
            row.setValidFrom(iso(grant.validFrom()));
            row.setValidTo(iso(grant.validTo()));
            row.setNote(grant.note());
            row.setVersion(next);
            row.save();
            MatrixAuditTrail.write(entities, List.copyOf(audit));
            return grant.withId(grant.id(), next);
        });
    }

    /** Removes a grant; false when there was none. */
    public boolean delete(Grant grant, Collection<MatrixChange> audit) {
        return inLockedTransaction(() -> {
            lockDomain(grant.domainKey());
            int deleted = entities.deleteWithSQL(GrantEntity.class, "ID = ?", (int) grant.id());
            if (deleted > 0) {
                MatrixAuditTrail.write(entities, List.copyOf(audit));
            }
            return deleted > 0;
        });
    }

    /**
     * The CSV import: replaces the grants of each named domain by the wanted ones, in one transaction, as
     * {@link MatrixPlan} pairs them — unchanged rows are not touched, a changed grant is updated in place (same id,
     * version + 1), the rest are removed and created. The plan is made after the domains' row locks are taken,
     * from what is committed then, so no writer of these domains can slip in between; {@code audit} turns it
     * (with the new grants' ids) into the audit entries, written in the same transaction. All or nothing: any
     * failure, also in {@code audit}, rolls every write back. {@link IllegalArgumentException} when a domain is gone.
     * Aborted for a concurrent writer of one of the domains, it is tried again whole, with a new plan
     * ({@link #inLockedTransaction}).
     *
     * <p>Statements, for any number of lines: the domains and their grants are read a statement per 500 domains; the
     * removed grants are deleted and the added grants and the audit entries inserted in batches of {@link #BATCH}
     * ({@link Entities#createAll}); the added grants' ids are read back with the domains' grants (a statement per 500
     * domains), matched in the order they were inserted. What stays one statement per item: each domain's row lock, and
     * the update of each changed grant (on its row as read under the lock).
     *
     * @return the plan as applied
     */
    public MatrixPlan apply(Map<String, List<Grant>> wanted, java.util.function.Function<MatrixPlan, List<MatrixChange>> audit) {
        return inLockedTransaction(() -> {
            // locks in key order, so two imports naming the same domains cannot deadlock
            lockDomains(wanted.keySet().stream().sorted().toList());
            Map<Integer, GrantEntity> rows = new HashMap<>();
            MatrixPlan plan = MatrixPlan.of(ofDomains(wanted.keySet(), rows), wanted);
            List<Integer> removedIds = new ArrayList<>();
            List<Grant> toAdd = new ArrayList<>();
            Map<String, List<MatrixPlan.Change>> changedByDomain = new LinkedHashMap<>();
            for (Map.Entry<String, MatrixPlan.Domain> d : plan.domains().entrySet()) {
                MatrixPlan.Domain p = d.getValue();
                List<MatrixPlan.Change> changed = new ArrayList<>();
                for (MatrixPlan.Change c : p.changed()) {
                    GrantEntity row = rows.get((int) c.before().id());
                    Grant after = c.after().withId(c.before().id(), c.before().version() + 1);
                    row.setHolderType(after.holder().type().name());
                    row.setHolder(after.holder().id());
                    row.setGrantLevel(after.level().number());
                    row.setBackupKey(after.backupKey());
                    row.setMenteeKey(after.menteeKey());
                    row.setValidFrom(iso(after.validFrom()));
                    row.setValidTo(iso(after.validTo()));
                    row.setNote(after.note());
                    row.setVersion(after.version());
                    row.save();
                    changed.add(new MatrixPlan.Change(c.before(), after));
                }
                changedByDomain.put(d.getKey(), changed);
                p.removed().forEach(g -> removedIds.add((int) g.id()));
                toAdd.addAll(p.added());
            }
            for (int i = 0; i < removedIds.size(); i += BATCH) {
                List<Integer> chunk = removedIds.subList(i, Math.min(removedIds.size(), i + BATCH));
                entities.deleteWithSQL(GrantEntity.class, "ID IN (" + Entities.placeholders(chunk.size()) + ")", chunk.toArray());
            }
            entities.createAll(GrantEntity.class, toAdd.stream().map(g -> values(g, 1)).toList(), BATCH);
            Map<String, List<Grant>> added = addedWithIds(plan, rows.keySet());
            Map<String, MatrixPlan.Domain> applied = new LinkedHashMap<>();
            plan.domains().forEach((key, p) -> applied.put(key,
                    new MatrixPlan.Domain(p.unchanged(), changedByDomain.get(key), added.get(key), p.removed())));
            MatrixPlan result = new MatrixPlan(applied);
            MatrixAuditTrail.write(entities, List.copyOf(audit.apply(result)));
            return result;
        });
    }

    /**
     * The added grants of the plan with the ids the database gave them: the domains' grants read again (a statement
     * per 500 domains), less those that were there before ({@code before}); per domain, in id order, they are the
     * plan's added grants in the order they were inserted (an id generator hands out rising ids to one session's
     * inserts, and no other writer can add to a locked domain). Each is checked against the grant it is taken for:
     * anything else fails the import (and rolls it back) rather than writing the audit trail under wrong ids.
     */
    private Map<String, List<Grant>> addedWithIds(MatrixPlan plan, java.util.Set<Integer> before) {
        Map<String, List<Grant>> added = new LinkedHashMap<>();
        List<String> withAdded = new ArrayList<>();
        plan.domains().forEach((key, p) -> {
            added.put(key, new ArrayList<>());
            if (!p.added().isEmpty()) {
                withAdded.add(key);
            }
        });
        Map<String, List<Grant>> now = ofDomains(withAdded, new HashMap<>());
        for (String key : withAdded) {
            List<Grant> wanted = plan.domains().get(key).added();
            List<Grant> fresh = now.get(key).stream().filter(g -> !before.contains((int) g.id())).toList();
            if (fresh.size() != wanted.size()) {
                throw new IllegalStateException("Domain " + key + ": " + wanted.size() + " grants inserted, " + fresh.size() + " found");
            }
            for (int i = 0; i < fresh.size(); i++) {
                if (!fresh.get(i).sameContent(wanted.get(i))) {
                    throw new IllegalStateException("Domain " + key + ": the inserted grants came back in another order");
                }
                added.get(key).add(wanted.get(i).withId(fresh.get(i).id(), 1));
            }
        }
        return added;
    }

    /** The grants of the given domains, by key (every key present, empty when it has none); one statement per 500 keys. */
    public Map<String, List<Grant>> ofDomains(Collection<String> domainKeys) {
        return ofDomains(domainKeys, new HashMap<>());
    }

    /** {@link #ofDomains(Collection)}, keeping the rows read by id in {@code rows} (to update them without reading again). */
    private Map<String, List<Grant>> ofDomains(Collection<String> domainKeys, Map<Integer, GrantEntity> rows) {
        Map<String, List<Grant>> result = new LinkedHashMap<>();
        domainKeys.forEach(k -> result.put(k, new ArrayList<>()));
        List<String> keys = new ArrayList<>(result.keySet());
        for (int i = 0; i < keys.size(); i += 500) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + 500));
            for (GrantEntity row : entities.find(GrantEntity.class,
                    Query.select().where("DOMAIN_KEY IN (" + Entities.placeholders(chunk.size()) + ")", chunk.toArray()).order("ID"))) {
                result.get(row.getDomainKey()).add(toGrant(row));
                rows.put(row.getID(), row);
            }
        }
        return result;
    }

    /** Every grant, domain by domain, streamed (the CSV export; never all rows in memory at once on the way out). */
    public void forEach(Consumer<Grant> each) {
        entities.stream(GrantEntity.class, Query.select("ID, DOMAIN_KEY, HOLDER_TYPE, HOLDER, GRANT_LEVEL, BACKUP_KEY, MENTEE_KEY, VALID_FROM, VALID_TO, NOTE, VERSION")
                .order("DOMAIN_KEY, ID"), row -> each.accept(toGrant(row)));
    }

    /** Every grant to a group, by domain (a group's grants are few next to people's; the admin page checks the groups exist). */
    public List<Grant> ofGroups() {
        return Arrays.stream(entities.find(GrantEntity.class, Query.select()
                .where("HOLDER_TYPE = ?", Principal.Type.GROUP.name()).order("DOMAIN_KEY, ID")))
                .map(GrantStore::toGrant).toList();
    }

    /** Grants whose holder is this user or group, across domains. */
    public List<Grant> ofHolder(Principal holder) {
        return Arrays.stream(entities.find(GrantEntity.class, Query.select()
                .where("HOLDER_TYPE = ? AND HOLDER = ?", holder.type().name(), holder.id()).order("DOMAIN_KEY, ID")))
                .map(GrantStore::toGrant).toList();
    }

    /**
     * Runs a write of one or more domains' grants in its own transaction, which takes the domains' row locks first.
     * Two isolation levels meet here: Jira runs AO in the host's READ COMMITTED transaction, where the second writer
     * waits for the lock and then reads what the first committed (so its version check is sound); plain Active
     * Objects (the reference host) starts SERIALIZABLE transactions, where PostgreSQL aborts the second writer at the
     * lock instead ("could not serialize access", SQL state 40001). Such a write is tried again from the start in a new
     * transaction — where it waits for nothing, sees the winner's commit and, for an update, is stale — so a concurrent
     * writer always ends as one winner and a {@link StaleVersionException} (a 409), never as a 500.
     */
    private <T> T inLockedTransaction(java.util.function.Supplier<T> work) {
        return inTransactionRetryingConflicts(entities, work);
    }

    /** {@link #inLockedTransaction} for any matrix write that takes a domain's row lock (the domain store's too). */
    static <T> T inTransactionRetryingConflicts(Entities entities, java.util.function.Supplier<T> work) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(CONFLICT_RETRY_MILLIS);
        for (int attempt = 1; ; attempt++) {
            try {
                return entities.inTransaction(work);
            } catch (RuntimeException e) {
                if (e instanceof StaleVersionException || !Entities.isConcurrencyConflict(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    // a short random pause, so that the losers of one round do not all meet again at the same instant
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(0, 1 + Math.min(10, attempt)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Takes the domain's row lock for the rest of the transaction (see {@link DomainEntity#getGrantsRevision});
     * {@link IllegalArgumentException} when the domain is gone.
     */
    private void lockDomain(String domainKey) {
        DomainEntity[] rows = entities.find(DomainEntity.class, Query.select().where("DOMAIN_KEY = ?", domainKey));
        if (rows.length == 0) {
            throw new IllegalArgumentException("No domain " + domainKey);
        }
        rows[0].setGrantsRevision(rows[0].getGrantsRevision() + 1);
        rows[0].save();
    }

    /**
     * {@link #lockDomain} for many domains, in the order given: their rows read a statement per 500 keys, then each
     * domain's row lock taken (an update each, in order), then read again to see that none was deleted meanwhile (an
     * update of a row deleted by a writer that committed while it waited changes nothing, silently).
     */
    private void lockDomains(List<String> domainKeys) {
        Map<String, DomainEntity> rows = domainRows(domainKeys);
        for (String key : domainKeys) {
            DomainEntity row = rows.get(key);
            if (row == null) {
                throw new IllegalArgumentException("No domain " + key);
            }
            row.setGrantsRevision(row.getGrantsRevision() + 1);
            row.save();
        }
        Map<String, DomainEntity> locked = domainRows(domainKeys);
        domainKeys.stream().filter(k -> !locked.containsKey(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("No domain " + k);
        });
    }

    private Map<String, DomainEntity> domainRows(List<String> domainKeys) {
        Map<String, DomainEntity> rows = new HashMap<>();
        for (int i = 0; i < domainKeys.size(); i += 500) {
            List<String> chunk = domainKeys.subList(i, Math.min(domainKeys.size(), i + 500));
            for (DomainEntity row : entities.find(DomainEntity.class,
                    Query.select().where("DOMAIN_KEY IN (" + Entities.placeholders(chunk.size()) + ")", chunk.toArray()))) {
                rows.put(row.getDomainKey(), row);
            }
        }
        return rows;
    }

    /** How many grants there are. */
    public int count() {
        return entities.count(GrantEntity.class, Query.select());
    }

    static Map<String, Object> values(Grant g, int version) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("DOMAIN_KEY", g.domainKey());
        values.put("HOLDER_TYPE", g.holder().type().name());
        values.put("HOLDER", g.holder().id());
        values.put("GRANT_LEVEL", g.level().number());
        values.put("BACKUP_KEY", g.backupKey());
        values.put("MENTEE_KEY", g.menteeKey());
        values.put("VALID_FROM", iso(g.validFrom()));
        values.put("VALID_TO", iso(g.validTo()));
        values.put("NOTE", g.note());
        values.put("VERSION", version);
        return new HashMap<>(values);
    }

    static Grant toGrant(GrantEntity r) {
        return new Grant(r.getID(), r.getDomainKey(), new Principal(Principal.Type.valueOf(r.getHolderType()), r.getHolder()),
                Level.values()[r.getGrantLevel() - 1], r.getBackupKey(), r.getMenteeKey(), date(r.getValidFrom()),
                date(r.getValidTo()), r.getNote(), r.getVersion());
    }

    private static MatrixChange withObjectId(MatrixChange c, int id) {
        return new MatrixChange(c.authorKey(), c.changedAt(), c.objectType(), String.valueOf(id), c.domainKey(), c.field(),
                c.before(), c.after());
    }

    static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
