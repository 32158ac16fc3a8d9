package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.platform.Entities;
import net.java.ao.Query;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores decision domains and their scope rules in Active Objects; hands out immutable
 * {@link Domain} values. Reading all domains takes two statements whatever their number (the scope
 * resolution of every issue needs them all, so it must stay cheap and cacheable).
 */
@JiraComponent
public class DomainStore {

    enum Dimension { PROJECT, ISSUE_TYPE, COMPONENT, LABEL, SPACE }

    private final Entities entities;

    @Inject
    public DomainStore(Entities entities) {
        this.entities = entities;
    }

    /** Creates a domain; {@link IllegalStateException} when the key exists (the database's unique key decides). */
    public Domain create(Domain domain) {
        return create(domain, List.of());
    }

    /** Creates a domain with its audit entries in one transaction; {@link IllegalStateException} when the key exists. */
    public Domain create(Domain domain, List<MatrixChange> audit) {
        try {
            return entities.inTransaction(() -> {
                Map<String, Object> values = new HashMap<>();
                values.put("DOMAIN_KEY", domain.key());
                values.put("NAME", domain.name());
                values.put("DESCRIPTION", domain.description());
                values.put("VERSION", 1);
                values.put("GRANTS_REVISION", 0);
                DomainEntity row = entities.create(DomainEntity.class, values);
                writeScope(row.getID(), domain.scope());
                MatrixAuditTrail.write(entities, audit);
                return new Domain(domain.key(), domain.name(), domain.description(), domain.scope(), 1);
            });
        } catch (RuntimeException e) {
            if (Entities.isConstraintViolation(e)) {
                throw new IllegalStateException("A domain with the key " + domain.key() + " exists", e);
            }
            throw e;
        }
    }

    public Optional<Domain> find(String key) {
        DomainEntity[] rows = entities.find(DomainEntity.class, Query.select().where("DOMAIN_KEY = ?", key));
        if (rows.length == 0) {
            return Optional.empty();
        }
        DomainScopeEntity[] scope = entities.find(DomainScopeEntity.class,
                Query.select().where("DOMAIN_ID = ?", rows[0].getID()).order("POSITION"));
        return Optional.of(toDomain(rows[0], Arrays.asList(scope)));
    }

    /** Every domain, by key, with its scope: two statements. */
    public List<Domain> all() {
        DomainEntity[] rows = entities.find(DomainEntity.class, Query.select().order("DOMAIN_KEY"));
        if (rows.length == 0) {
            return List.of();
        }
        Map<Integer, List<DomainScopeEntity>> scopes = new HashMap<>();
        for (DomainScopeEntity s : entities.find(DomainScopeEntity.class, Query.select().order("DOMAIN_ID, POSITION"))) {
            scopes.computeIfAbsent(s.getDomainId(), k -> new ArrayList<>()).add(s);
        }
        List<Domain> domains = new ArrayList<>(rows.length);
        for (DomainEntity row : rows) {
            domains.add(toDomain(row, scopes.getOrDefault(row.getID(), List.of())));
        }
        return domains;
    }

    /**
     * Replaces a domain's name, description and scope (the key never changes) when its current version is
     * {@code expectedVersion}; {@link StaleVersionException} otherwise, with -1 when the domain is gone.
     */
    public Domain update(Domain domain, int expectedVersion, List<MatrixChange> audit) {
        // a writer the database aborts at the row lock (SERIALIZABLE) tries again and is then stale, not a 500
        return GrantStore.inTransactionRetryingConflicts(entities, () -> {
            DomainEntity[] rows = entities.find(DomainEntity.class, Query.select().where("DOMAIN_KEY = ?", domain.key()));
            if (rows.length == 0) {
                throw new StaleVersionException(-1);
            }
            DomainEntity row = rows[0];
            // the row lock first (as grant writers do), then the check on what is committed now
            row.setGrantsRevision(row.getGrantsRevision() + 1);
            row.save();
            DomainEntity locked = entities.find(DomainEntity.class, Query.select().where("ID = ?", row.getID()))[0];
            if (locked.getVersion() != expectedVersion) {
                throw new StaleVersionException(locked.getVersion());
            }
            locked.setName(domain.name());
            locked.setDescription(domain.description());
            locked.setVersion(expectedVersion + 1);
            locked.save();
            entities.deleteWithSQL(DomainScopeEntity.class, "DOMAIN_ID = ?", row.getID());
            writeScope(row.getID(), domain.scope());
            MatrixAuditTrail.write(entities, audit);
            return new Domain(domain.key(), domain.name(), domain.description(), domain.scope(), expectedVersion + 1);
        });
    }

    /** Removes the domain and its scope; false when there was none. */
    public boolean delete(String key) {
        return delete(key, List.of());
    }

    /** Removes the domain, its scope and its grants, with the audit entries, in one transaction; false when there was none. */
    public boolean delete(String key, List<MatrixChange> audit) {
        return entities.inTransaction(() -> {
            DomainEntity[] rows = entities.find(DomainEntity.class, Query.select().where("DOMAIN_KEY = ?", key));
            if (rows.length == 0) {
                return false;
            }
            entities.deleteWithSQL(DomainScopeEntity.class, "DOMAIN_ID = ?", rows[0].getID());
            entities.deleteWithSQL(GrantEntity.class, "DOMAIN_KEY = ?", key);
            entities.delete(rows[0]);
            MatrixAuditTrail.write(entities, audit);
            return true;
        });
    }

    /** The changes to a domain and its grants, newest first. */
    public List<MatrixChange> history(String key, int limit) {
        return MatrixAuditTrail.ofDomain(entities, key, limit);
    }

    private void writeScope(int domainId, DomainScope scope) {
        int position = 0;
        Map<Dimension, List<String>> dimensions = new LinkedHashMap<>();
        dimensions.put(Dimension.PROJECT, scope.projects());
        dimensions.put(Dimension.ISSUE_TYPE, scope.issueTypes());
        dimensions.put(Dimension.COMPONENT, scope.components());
        dimensions.put(Dimension.LABEL, scope.labels());
        dimensions.put(Dimension.SPACE, scope.spaces());
        for (Map.Entry<Dimension, List<String>> d : dimensions.entrySet()) {
            for (String value : d.getValue()) {
                Map<String, Object> values = new HashMap<>();
                values.put("DOMAIN_ID", domainId);
                values.put("DIMENSION", d.getKey().name());
                values.put("SCOPE_VALUE", value);
                values.put("POSITION", position++);
                entities.create(DomainScopeEntity.class, values);
            }
        }
    }

    private static Domain toDomain(DomainEntity row, List<DomainScopeEntity> scope) {
        Map<Dimension, List<String>> values = new HashMap<>();
        scope.stream().sorted(Comparator.comparingInt(DomainScopeEntity::getPosition))
                .forEach(s -> values.computeIfAbsent(Dimension.valueOf(s.getDimension()), k -> new ArrayList<>()).add(s.getScopeValue()));
        return new Domain(row.getDomainKey(), row.getName(), row.getDescription(),
                new DomainScope(values.getOrDefault(Dimension.PROJECT, List.of()), values.getOrDefault(Dimension.ISSUE_TYPE, List.of()),
                        values.getOrDefault(Dimension.COMPONENT, List.of()), values.getOrDefault(Dimension.LABEL, List.of()),
                        values.getOrDefault(Dimension.SPACE, List.of())),
                row.getVersion());
    }
}
