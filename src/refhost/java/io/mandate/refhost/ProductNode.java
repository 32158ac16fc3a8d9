package io.mandate.refhost;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.mandate.refhost.db.AoEntityManagers;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.db.RefActiveObjects;
import io.mandate.refhost.db.SqlCounter;
import io.mandate.refhost.jira.JiraAdapters;
import io.mandate.refhost.mail.Outbox;
import io.mandate.refhost.plugin.HostServices;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.plugin.PluginInstance;
import io.mandate.refhost.sal.RefApplicationProperties;
import io.mandate.refhost.sal.RefI18nResolver;
import io.mandate.refhost.sal.RefLocaleResolver;
import io.mandate.refhost.sal.RefLoginUriProvider;
import io.mandate.refhost.sal.RefTemplateRenderer;
import io.mandate.refhost.sal.RefUserManager;
import io.mandate.refhost.world.World;
import net.java.ao.EntityManager;

/**
 * One product of the reference host (Jira or Confluence) on one node: its database, its world,
 * its host services and the plugin started inside it.
 */
public final class ProductNode implements AutoCloseable {

    public enum Product {
        JIRA("jira"), CONFLUENCE("confluence");

        private final String id;

        Product(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public String contextPath() {
            return "/" + id;
        }
    }

    private final Product product;
    private final Database database;
    private final World world;
    private final PluginInstance plugin;
    private final RefTemplateRenderer templates;
    private final RefI18nResolver i18n;
    private final RefUserManager users;
    private final SqlCounter sqlCounter;
    private final RefActiveObjects activeObjects;
    private final JiraAdapters jira;
    private final long startMillis;
    private final RefApplicationProperties applicationProperties;
    private final Outbox outbox;
    private final io.mandate.refhost.platform.RefEventPublisher events;
    private final io.mandate.refhost.platform.RefCacheManager caches;
    private final io.mandate.refhost.applinks.RefApplicationLinks applinks;
    private final io.mandate.refhost.audit.RefAuditService audit;
    private final io.mandate.refhost.platform.RefSchedulerService scheduler;
    private final io.mandate.refhost.platform.RefCluster cluster;

    private ProductNode(io.mandate.refhost.platform.RefCluster cluster, Product product, Database database, World world, PluginInstance plugin,
                        RefTemplateRenderer templates, RefI18nResolver i18n, RefUserManager users,
                        SqlCounter sqlCounter, RefActiveObjects activeObjects, JiraAdapters jira, long startMillis,
                        RefApplicationProperties applicationProperties, Outbox outbox,
                        io.mandate.refhost.platform.RefEventPublisher events,
                        io.mandate.refhost.platform.RefCacheManager caches,
                        io.mandate.refhost.applinks.RefApplicationLinks applinks,
                        io.mandate.refhost.audit.RefAuditService audit,
                        io.mandate.refhost.platform.RefSchedulerService scheduler) {
        this.cluster = cluster;
        this.audit = audit;
        this.scheduler = scheduler;
        this.events = events;
        this.caches = caches;
        this.applinks = applinks;
        this.product = product;
        this.database = database;
        this.world = world;
        this.plugin = plugin;
        this.templates = templates;
        this.i18n = i18n;
        this.users = users;
        this.sqlCounter = sqlCounter;
        this.activeObjects = activeObjects;
        this.jira = jira;
        this.startMillis = startMillis;
        this.applicationProperties = applicationProperties;
        this.outbox = outbox;
    }

    /**
     * Starts the product: opens its world (the user directory is Jira's, as when Confluence uses
     * Jira for user management), migrates the plugin's tables and wires the plugin.
     */
    public static ProductNode start(Product product, Database database, World userWorld, ClassLoader pluginLoader) {
        return start(product, database, userWorld, pluginLoader, new io.mandate.refhost.platform.RefCluster());
    }

    /**
     * Starts one node of the product in {@code cluster}: nodes of the same product started with the same
     * cluster and database share cache invalidations and cluster locks, like Data Center nodes — in this JVM
     * ({@code new RefCluster()}), or in separate JVMs through the database ({@code DatabaseCluster}, each node with its
     * own). The caller closes the cluster after the node. The scheduler looks for due jobs every
     * {@code -Dmandate.scheduler.tick} milliseconds (1000).
     */
    public static ProductNode start(Product product, Database database, World userWorld, ClassLoader pluginLoader,
                                    io.mandate.refhost.platform.RefCluster cluster) {
        long t0 = System.nanoTime();
        World world = userWorld;
        PluginDescriptor descriptor = PluginInstance.readDescriptor(pluginLoader, product.id());
        EntityManager em = AoEntityManagers.create(database,
                descriptor.ao() == null ? descriptor.key() : descriptor.ao().namespace());
        SqlCounter counter = new SqlCounter();
        em.getProvider().addSqlListener(counter);
        RefActiveObjects ao = new RefActiveObjects(em, database);
        RefUserManager users = new RefUserManager(world);
        RefI18nResolver i18n = new RefI18nResolver(descriptor.i18nBundles(), pluginLoader);
        RefTemplateRenderer templates = new RefTemplateRenderer(pluginLoader, io.mandate.refhost.sal.VelocityAllowlist.host());
        io.mandate.refhost.platform.RefEventPublisher events = new io.mandate.refhost.platform.RefEventPublisher();
        io.mandate.refhost.platform.RefCacheManager caches = new io.mandate.refhost.platform.RefCacheManager(cluster);
        io.mandate.refhost.platform.RefClusterLockService clusterLocks = new io.mandate.refhost.platform.RefClusterLockService(cluster);
        // the scheduler's jobs start running once the plugin is up (below)
        io.mandate.refhost.platform.RefSchedulerService scheduler = new io.mandate.refhost.platform.RefSchedulerService(
                cluster, clusterLocks, java.time.Clock.systemUTC(), java.time.Duration.ofMillis(Long.getLong("mandate.scheduler.tick", 1000)));
        HostServices services = new HostServices()
                .add(ActiveObjects.class, ao)
                .add(UserManager.class, users)
                .add(I18nResolver.class, i18n)
                .add(TemplateRenderer.class, templates)
                .add(LoginUriProvider.class, new RefLoginUriProvider(product.contextPath()))
                .add(com.atlassian.sal.api.timezone.TimeZoneManager.class, io.mandate.refhost.sal.RefTimeZoneManager.fromSystemProperty())
                .add(com.atlassian.event.api.EventPublisher.class, events)
                .add(com.atlassian.cache.CacheManager.class, caches)
                .add(com.atlassian.beehive.ClusterLockService.class, clusterLocks)
                .add(com.atlassian.scheduler.SchedulerService.class, scheduler)
                // the Web Resource Manager's page builder: what a page requires while it renders goes into its <head>
                .add(com.atlassian.webresource.api.assembler.PageBuilderService.class, new io.mandate.refhost.web.RefPageBuilderService())
                .add(com.atlassian.sal.api.rdbms.TransactionalExecutorFactory.class,
                        new io.mandate.refhost.platform.RefTransactionalExecutorFactory(database.pluginDataSource(), counter));
        RefApplicationProperties applicationProperties = new RefApplicationProperties(product.contextPath());
        // advanced auditing, in both products: the log lives in the product's database, so every node shares it
        io.mandate.refhost.audit.RefAuditService audit = io.mandate.refhost.audit.RefAuditService.open(
                database.dataSource(), () -> io.mandate.refhost.web.RequestContext.current().username());
        services.add(ApplicationProperties.class, applicationProperties)
                .add(LocaleResolver.class, new RefLocaleResolver())
                .add(com.atlassian.audit.api.AuditService.class, audit);
        JiraAdapters jira = null;
        Outbox outbox = null;
        io.mandate.refhost.applinks.RefApplicationLinks applinks = null;
        if (product == Product.CONFLUENCE) {
            applinks = io.mandate.refhost.applinks.RefApplicationLinks.open(database.dataSource(), world, applicationProperties);
            services.add(com.atlassian.applinks.api.ApplicationLinkService.class, applinks);
            // Confluence's spaces, users and permission checks, over the world's spaces and space grants
            io.mandate.refhost.confluence.ConfluenceSpaces spaces = new io.mandate.refhost.confluence.ConfluenceSpaces(world);
            services.add(com.atlassian.confluence.spaces.SpaceManager.class, spaces.spaceManager())
                    .add(com.atlassian.confluence.security.PermissionManager.class, spaces.permissionManager())
                    .add(com.atlassian.confluence.user.UserAccessor.class, spaces.userAccessor());
        }
        if (product == Product.JIRA) {
            jira = new JiraAdapters(world, events::publish);
            services.add(IssueManager.class, jira.issueManager())
                    .add(PermissionManager.class, jira.permissionManager())
                    .add(com.atlassian.jira.user.util.UserManager.class, jira.userManager())
                    .add(JiraAuthenticationContext.class, jira.authenticationContext());
            outbox = Outbox.open(database.dataSource());
            services.add(MailQueue.class, outbox)
                    .add(GroupManager.class, jira.groupManager())
                    .add(com.atlassian.jira.issue.index.IssueIndexingService.class, jira.indexing());
        }
        PluginInstance plugin;
        try {
            plugin = PluginInstance.start(product.id(), pluginLoader, descriptor, services, ao);
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        try {
            // after the bundle resolved and its modules were checked, so those failures are named first
            templates.allow(io.mandate.refhost.sal.VelocityAllowlist.forPlugin(pluginLoader, descriptor.velocityAllowlist()));
        } catch (RuntimeException e) {
            scheduler.close();
            plugin.close();
            throw e;
        }
        scheduler.start();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new ProductNode(cluster, product, database, world, plugin, templates, i18n, users, counter, ao, jira, millis,
                applicationProperties, outbox, events, caches, applinks, audit, scheduler);
    }

    public Product product() {
        return product;
    }

    public Database database() {
        return database;
    }

    public World world() {
        return world;
    }

    public PluginInstance plugin() {
        return plugin;
    }

    public RefTemplateRenderer templates() {
        return templates;
    }

    public RefI18nResolver i18n() {
        return i18n;
    }

    public RefUserManager users() {
        return users;
    }

    public SqlCounter sqlCounter() {
        return sqlCounter;
    }

    public RefActiveObjects activeObjects() {
        return activeObjects;
    }

    /** Jira's core services; null in Confluence. */
    public JiraAdapters jira() {
        return jira;
    }

    /** Milliseconds the plugin took to start here (AO migrate + wiring). */
    public long startMillis() {
        return startMillis;
    }

    /** SAL's application properties here; {@link RefHost} sets the base URL once Jetty listens. */
    public RefApplicationProperties applicationProperties() {
        return applicationProperties;
    }

    /** Jira's mail queue (the outbox); null in Confluence. */
    public Outbox outbox() {
        return outbox;
    }

    /** The product's event bus: the host's own events (issue lifecycle) and the plugin's go through it. */
    public io.mandate.refhost.platform.RefEventPublisher events() {
        return events;
    }

    /** The product's cache service on this node. */
    public io.mandate.refhost.platform.RefCacheManager caches() {
        return caches;
    }

    /** Confluence's application links (its link to Jira); null in Jira. */
    public io.mandate.refhost.applinks.RefApplicationLinks applinks() {
        return applinks;
    }

    /** The product's advanced audit log (Platform 7 {@code AuditService}), shared by the product's nodes. */
    public io.mandate.refhost.audit.RefAuditService audit() {
        return audit;
    }

    /** The product's scheduler on this node (Atlassian's SchedulerService): what runs the plugin's jobs. */
    public io.mandate.refhost.platform.RefSchedulerService scheduler() {
        return scheduler;
    }

    /** The cluster this node is in (the in-JVM one, or its {@code DatabaseCluster}). */
    public io.mandate.refhost.platform.RefCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        scheduler.close(); // no job may run into a plugin that is stopping
        plugin.close();
        caches.close();
    }
}
