package io.mandate.refhost.dataset;

import net.java.ao.EntityManager;
import net.java.ao.RawEntity;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the plugin's Active Objects tables and columns, as Active Objects itself derives them: the entity
 * manager's table name converter (Atlassian's, with the {@code AO_xxxxxx_} prefix of the ao module's namespace) and
 * field name converter, applied to the plugin's entity interfaces — so the rows land where the plugin reads them,
 * whatever the prefix. Names are quoted, as Active Objects writes them on PostgreSQL (upper case).
 */
public final class AoTables {

    static final String DECISION = "io.mandate.decision.DecisionEntity";
    static final String PARTICIPANT = "io.mandate.decision.ParticipantEntity";
    static final String AUDIT = "io.mandate.decision.AuditEntity";
    static final String REVISION = "io.mandate.decision.RevisionEntity";
    static final String DOMAIN = "io.mandate.authority.DomainEntity";
    static final String DOMAIN_SCOPE = "io.mandate.authority.DomainScopeEntity";
    static final String GRANT = "io.mandate.authority.GrantEntity";
    static final String ABSENCE = "io.mandate.authority.AbsenceEntity";
    static final String MATRIX_AUDIT = "io.mandate.authority.MatrixAuditEntity";
    static final String NOTIFICATION = "io.mandate.decision.NotificationEntity";
    static final String NOTICE = "io.mandate.decision.NoticeEntity";
    static final String MAIL = "io.mandate.decision.MailEntity";
    static final String MAIL_CLAIM = "io.mandate.decision.MailClaimEntity";

    /** Every table of the plugin's ao module, for the emptiness check and the content hash of tests. */
    static final List<String> ALL = List.of(DECISION, PARTICIPANT, AUDIT, REVISION, NOTIFICATION, NOTICE, MAIL, MAIL_CLAIM,
            DOMAIN, DOMAIN_SCOPE, GRANT, ABSENCE, MATRIX_AUDIT);

    private final EntityManager entityManager;
    private final ClassLoader entities;

    private AoTables(EntityManager entityManager, ClassLoader entities) {
        this.entityManager = entityManager;
        this.entities = entities;
    }

    /**
     * @param entityManager the entity manager the plugin's tables were migrated with (the product's)
     * @param entities      the class loader the plugin's entity interfaces come from (the plugin's, in a running host)
     */
    public static AoTables of(EntityManager entityManager, ClassLoader entities) {
        return new AoTables(entityManager, entities);
    }

    /** The quoted table name of an entity, e.g. {@code "AO_3BD0E8_DECISION"}. */
    public String table(String entity) {
        return quote(entityManager.getTableNameConverter().getName(entityClass(entity)));
    }

    /** The quoted column names of the entity's getters, in the order given ({@code getID} is the primary key). */
    List<String> columns(String entity, String... getters) {
        Class<? extends RawEntity<?>> type = entityClass(entity);
        List<String> columns = new ArrayList<>(getters.length);
        for (String getter : getters) {
            columns.add(quote(entityManager.getFieldNameConverter().getName(method(type, getter))));
        }
        return columns;
    }

    /** The unquoted primary key column of an entity, for the sequence reset. */
    String idColumn(String entity) {
        return entityManager.getFieldNameConverter().getName(method(entityClass(entity), "getID"));
    }

    /** The unquoted table name, as the catalogue knows it. */
    String rawTable(String entity) {
        return entityManager.getTableNameConverter().getName(entityClass(entity));
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @SuppressWarnings("unchecked")
    private Class<? extends RawEntity<?>> entityClass(String name) {
        try {
            Class<?> type = Class.forName(name, false, entities);
            if (!RawEntity.class.isAssignableFrom(type)) {
                throw new DatasetException(name + " is not an Active Objects entity");
            }
            return (Class<? extends RawEntity<?>>) type;
        } catch (ClassNotFoundException e) {
            throw new DatasetException("The plugin has no entity " + name + ": the generator and the plugin disagree", e);
        }
    }

    private static Method method(Class<?> type, String getter) {
        try {
            return type.getMethod(getter);
        } catch (NoSuchMethodException e) {
            throw new DatasetException(type.getName() + " has no " + getter + "(): the generator and the plugin disagree", e);
        }
    }
}
