package io.mandate.testing;

import io.mandate.platform.Entities;
import io.mandate.platform.HostSqlAggregates;
import io.mandate.platform.SqlAggregates;
import io.mandate.refhost.db.AoEntityManagers;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.db.RefActiveObjects;
import io.mandate.refhost.db.SqlCounter;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;

/** A real Active Objects over a fresh test database, with the plugin's namespace and Atlassian naming. */
public final class AoTestSupport implements AutoCloseable {

    public static final String NAMESPACE = "io.mandate";

    private final Database database;
    private final RefActiveObjects ao;
    private final SqlCounter sql = new SqlCounter();

    @SafeVarargs
    public AoTestSupport(String kind, Class<? extends RawEntity<?>>... entities) {
        this(TestDatabases.fresh(kind), entities);
    }

    /** Over a database of the test's own (a PostgreSQL it starts and stops itself, say). */
    @SafeVarargs
    public AoTestSupport(Database database, Class<? extends RawEntity<?>>... entities) {
        this.database = database;
        EntityManager em = AoEntityManagers.create(database, NAMESPACE);
        em.getProvider().addSqlListener(sql);
        ao = new RefActiveObjects(em, database);
        ao.migrate(entities);
    }

    public RefActiveObjects activeObjects() {
        return ao;
    }

    public Database database() {
        return database;
    }

    public SqlCounter sql() {
        return sql;
    }

    /** The plugin's door to AO, as wired in a product (other host services are not needed by stores). */
    public Entities entities() {
        return new Entities(ao);
    }

    /**
     * The plugin's door to AO on another Data Center node, or on this one after a restart: an entity manager of its own
     * over the same database (the tables are there already), so nothing is shared with this one but the data.
     */
    public Entities anotherNode() {
        EntityManager em = AoEntityManagers.create(database, NAMESPACE);
        em.getProvider().addSqlListener(sql);
        return new Entities(new RefActiveObjects(em, database));
    }

    /** The plugin's GROUP BY helper over SAL's JDBC access to the same database (statements counted too). */
    public SqlAggregates aggregates() {
        return new HostSqlAggregates(new io.mandate.refhost.platform.RefTransactionalExecutorFactory(database.pluginDataSource(), sql));
    }

    @Override
    public void close() {
        database.close();
    }
}
