package io.mandate.charter;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import io.mandate.platform.Entities;
import net.java.ao.Query;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores team charters in Confluence's Active Objects and hands out immutable {@link Charter} values. A write and
 * its audit entries commit together; a replace is conditional on the version the caller read (optimistic locking,
 * sound under concurrent writers on every database: see {@link CharterEntity#getWriteLock}). Reading one charter
 * takes three statements, reading many three in all.
 */
@ConfluenceComponent
public class CharterStore {

    /*
     * A writer the database aborts to resolve a conflict (SERIALIZABLE, deadlock) tries again and then sees the new
     * version. Many writers of one charter may abort each other several times over, so tries go on for as long as a
     * lock wait would (HSQLDB MVCC aborts rather than waits), not for a fixed few.
     */
    private static final long CONFLICT_RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    /* The longest IN list of charter ids; past it the members and domains of every charter are read. */
    private static final int MAX_IN = 500;

    private final Entities entities;

    @Inject
    public CharterStore(Entities entities) {
        this.entities = entities;
    }

    public Optional<Charter> find(String teamKey) {
        CharterEntity[] rows = entities.find(CharterEntity.class, Query.select().where("TEAM_KEY = ?", teamKey));
        return rows.length == 0 ? Optional.empty() : Optional.of(read(rows, true).get(0));
    }

    /** Every charter, by team key. */
    public List<Charter> all() {
        return read(entities.find(CharterEntity.class, Query.select().order("TEAM_KEY")), false);
    }

    /** The charters living in one space, by team key. */
    public List<Charter> inSpace(String spaceKey) {
        CharterEntity[] rows = entities.find(CharterEntity.class, Query.select().where("SPACE_KEY = ?", spaceKey).order("TEAM_KEY"));
        // a space holds a handful of charters; many would be read whole rather than as a long IN list
        return read(rows, rows.length <= MAX_IN);
    }

    /**
     * Creates the charter at version 1 with its audit entries; {@link StaleCharterException} (current version 0) when
     * a charter with this team key exists — someone created it since the caller looked.
     */
    public Charter create(Charter charter, List<CharterChange> audit) {
        try {
            return entities.inTransaction(() -> {
                Map<String, Object> values = new HashMap<>();
                values.put("TEAM_KEY", charter.teamKey());
                values.put("NAME", charter.name());
                values.put("SPACE_KEY", charter.spaceKey());
                values.put("PURPOSE", charter.purpose());
                values.put("VERSION", 1);
                values.put("WRITE_LOCK", 0);
                CharterEntity row = entities.create(CharterEntity.class, values);
                writeParts(row.getID(), charter);
                writeAudit(audit);
                return charter.withVersion(1);
            });
        } catch (RuntimeException e) {
            if (Entities.isConstraintViolation(e)) {
                throw new StaleCharterException(0);
            }
            throw e;
        }
    }

    /**
     * Replaces name, space, purpose, members and domains (the team key never changes) when the stored version is
     * {@code expectedVersion}; {@link StaleCharterException} otherwise (-1 when the charter is gone).
     */
    public Charter update(Charter charter, int expectedVersion, List<CharterChange> audit) {
        return retryingConflicts(() -> entities.inTransaction(() -> {
            CharterEntity[] rows = entities.find(CharterEntity.class, Query.select().where("TEAM_KEY = ?", charter.teamKey()));
            if (rows.length == 0) {
                throw new StaleCharterException(-1);
            }
            // the row lock first, then the version as committed now: of two writers of one version exactly one wins
            rows[0].setWriteLock(rows[0].getWriteLock() + 1);
            rows[0].save();
            CharterEntity locked = entities.find(CharterEntity.class, Query.select().where("ID = ?", rows[0].getID()))[0];
            if (locked.getVersion() != expectedVersion) {
                throw new StaleCharterException(locked.getVersion());
            }
            locked.setName(charter.name());
            locked.setSpaceKey(charter.spaceKey());
            locked.setPurpose(charter.purpose());
            locked.setVersion(expectedVersion + 1);
            locked.save();
            entities.deleteWithSQL(CharterMemberEntity.class, "CHARTER_ID = ?", locked.getID());
            entities.deleteWithSQL(CharterDomainEntity.class, "CHARTER_ID = ?", locked.getID());
            writeParts(locked.getID(), charter);
            writeAudit(audit);
            return charter.withVersion(expectedVersion + 1);
        }));
    }

    /**
     * Removes the charter with its members and domains, writing the audit entries, when its version is
     * {@code expectedVersion}; {@link StaleCharterException} otherwise (-1 when it is gone already).
     */
    public void delete(String teamKey, int expectedVersion, List<CharterChange> audit) {
        retryingConflicts(() -> entities.inTransaction(() -> {
            CharterEntity[] rows = entities.find(CharterEntity.class, Query.select().where("TEAM_KEY = ?", teamKey));
            if (rows.length == 0) {
                throw new StaleCharterException(-1);
            }
            rows[0].setWriteLock(rows[0].getWriteLock() + 1);
            rows[0].save();
            CharterEntity locked = entities.find(CharterEntity.class, Query.select().where("ID = ?", rows[0].getID()))[0];
            if (locked.getVersion() != expectedVersion) {
                throw new StaleCharterException(locked.getVersion());
            }
            entities.deleteWithSQL(CharterMemberEntity.class, "CHARTER_ID = ?", locked.getID());
            entities.deleteWithSQL(CharterDomainEntity.class, "CHARTER_ID = ?", locked.getID());
            entities.delete(locked);
            writeAudit(audit);
            return null;
        }));
    }

    /** The changes to a team's charter, newest first, at most {@code limit}. */
    public List<CharterChange> history(String teamKey, int limit) {
        CharterAuditEntity[] rows = entities.find(CharterAuditEntity.class,
                Query.select().where("TEAM_KEY = ?", teamKey).order("CHANGED_AT DESC, ID DESC").limit(limit));
        return Arrays.stream(rows).map(r -> new CharterChange(r.getAuthorKey(), r.getChangedAt().toInstant(), r.getTeamKey(),
                r.getField(), r.getBeforeValue(), r.getAfterValue())).toList();
    }

    private void writeParts(int charterId, Charter charter) {
        int position = 0;
        for (Charter.Member m : charter.members()) {
            Map<String, Object> values = new HashMap<>();
            values.put("CHARTER_ID", charterId);
            values.put("USER_KEY", m.userKey());
            values.put("MEMBER_ROLE", m.role());
            values.put("POSITION", position++);
            entities.create(CharterMemberEntity.class, values);
        }
        position = 0;
        for (String domain : charter.domains()) {
            Map<String, Object> values = new HashMap<>();
            values.put("CHARTER_ID", charterId);
            values.put("DOMAIN_KEY", domain);
            values.put("POSITION", position++);
            entities.create(CharterDomainEntity.class, values);
        }
    }

    private void writeAudit(List<CharterChange> audit) {
        for (CharterChange c : audit) {
            Map<String, Object> values = new HashMap<>();
            values.put("AUTHOR_KEY", c.authorKey());
            values.put("CHANGED_AT", Date.from(c.changedAt()));
            values.put("TEAM_KEY", c.teamKey());
            values.put("FIELD", c.field());
            values.put("BEFORE_VALUE", c.before());
            values.put("AFTER_VALUE", c.after());
            entities.create(CharterAuditEntity.class, values);
        }
    }

    /**
     * The charters of these rows with their members and domains: two statements more, whatever the number; those of
     * the given rows only ({@code byId}) or of every charter (reading all charters, or very many).
     */
    private List<Charter> read(CharterEntity[] rows, boolean byId) {
        if (rows.length == 0) {
            return List.of();
        }
        Query members0 = Query.select().order("CHARTER_ID, POSITION");
        Query domains0 = Query.select().order("CHARTER_ID, POSITION");
        if (byId) {
            Object[] ids = Arrays.stream(rows).map(r -> (Object) r.getID()).toArray();
            String in = "CHARTER_ID IN (" + Entities.placeholders(ids.length) + ")";
            members0 = members0.where(in, ids);
            domains0 = domains0.where(in, ids);
        }
        Map<Integer, List<Charter.Member>> members = new HashMap<>();
        for (CharterMemberEntity m : entities.find(CharterMemberEntity.class, members0)) {
            members.computeIfAbsent(m.getCharterId(), k -> new ArrayList<>()).add(new Charter.Member(m.getUserKey(), m.getMemberRole()));
        }
        Map<Integer, List<String>> domains = new HashMap<>();
        for (CharterDomainEntity d : entities.find(CharterDomainEntity.class, domains0)) {
            domains.computeIfAbsent(d.getCharterId(), k -> new ArrayList<>()).add(d.getDomainKey());
        }
        List<Charter> charters = new ArrayList<>(rows.length);
        for (CharterEntity r : rows) {
            charters.add(new Charter(r.getTeamKey(), r.getName(), r.getSpaceKey(), r.getPurpose(),
                    members.getOrDefault(r.getID(), List.of()), domains.getOrDefault(r.getID(), List.of()), r.getVersion()));
        }
        return charters;
    }

    private static <T> T retryingConflicts(Supplier<T> work) {
        long deadline = System.nanoTime() + CONFLICT_RETRY_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (e instanceof StaleCharterException || System.nanoTime() > deadline || !Entities.isConcurrencyConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 20)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
