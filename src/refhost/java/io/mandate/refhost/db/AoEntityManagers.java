package io.mandate.refhost.db;

import net.java.ao.DatabaseProvider;
import net.java.ao.DisposableDataSource;
import net.java.ao.EntityManager;
import net.java.ao.EntityManagerConfiguration;
import net.java.ao.SchemaConfiguration;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.builder.DelegatingDisposableDataSourceHandler;
import net.java.ao.builder.SimpleNameConverters;
import net.java.ao.db.HSQLDatabaseProvider;
import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.NameConverters;
import net.java.ao.schema.info.EntityInfoResolverFactory;
import net.java.ao.schema.info.CachingEntityInfoResolverFactory;

/**
 * Builds the real Active Objects {@link EntityManager} the way Atlassian's AO plugin configures
 * it: Atlassian's naming converters (upper-case names, the 30-character limit) and the
 * {@code AO_xxxxxx_} table prefix derived from the ao module's namespace.
 */
public final class AoEntityManagers {

    private AoEntityManagers() {
    }

    public static EntityManager create(Database database, String namespace) {
        javax.sql.DataSource jdbc = database.kind() == Database.Kind.POSTGRESQL
                ? SchemaScopedMetaData.of(database.pluginDataSource(), database.schema()) : database.pluginDataSource();
        DisposableDataSource dataSource = DelegatingDisposableDataSourceHandler.newInstance(jdbc, () -> { });
        DatabaseProvider provider = switch (database.kind()) {
            case HSQLDB -> new HSQLDatabaseProvider(dataSource);
            case POSTGRESQL -> new PostgreSQLDatabaseProvider(dataSource, database.schema());
        };
        AoTablePrefix prefix = new AoTablePrefix(namespace);
        // Like Atlassian's PrefixedSchemaConfiguration: AO manages its own tables and never
        // touches the host's (or another plugin's) tables in the same schema.
        SchemaConfiguration onlyOwnTables = (tableName, caseSensitive) -> caseSensitive
                ? tableName.startsWith(prefix.value())
                : tableName.toUpperCase(java.util.Locale.ROOT).startsWith(prefix.value());
        NameConverters converters = new SimpleNameConverters(
                new AtlassianTableNameConverter(prefix),
                new AtlassianFieldNameConverter(),
                new AtlassianSequenceNameConverter(),
                new AtlassianTriggerNameConverter(),
                new AtlassianIndexNameConverter(),
                new AtlassianUniqueNameConverter());
        // Like Atlassian's AO (its EntityManagerFactory uses AO's caching resolver): an entity's info — its table,
        // fields, accessors, read by reflection — is built once per entity manager, not on every call.
        EntityInfoResolverFactory entityInfo = new CachingEntityInfoResolverFactory();
        EntityManagerConfiguration configuration = new EntityManagerConfiguration() {
            @Override
            public boolean useWeakCache() {
                return false;
            }

            @Override
            public NameConverters getNameConverters() {
                return converters;
            }

            @Override
            public SchemaConfiguration getSchemaConfiguration() {
                return onlyOwnTables;
            }

            @Override
            public EntityInfoResolverFactory getEntityInfoResolverFactory() {
                return entityInfo;
            }
        };
        return new EntityManager(provider, configuration);
    }
}
