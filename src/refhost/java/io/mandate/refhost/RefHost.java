package io.mandate.refhost;

import io.mandate.refhost.applinks.AuthoriseLinkServlet;
import io.mandate.refhost.applinks.LinkSignature;
import io.mandate.refhost.applinks.RefApplicationLinks;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.plugin.PluginClassLoader;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.plugin.ProductExports;
import io.mandate.refhost.web.AdminMenuServlet;
import io.mandate.refhost.web.AuthFilter;
import io.mandate.refhost.web.ConfluencePageServlet;
import io.mandate.refhost.web.ConnectionDropFilter;
import io.mandate.refhost.web.HomeServlet;
import io.mandate.refhost.web.IssueViewServlet;
import io.mandate.refhost.web.JiraPickerServlet;
import io.mandate.refhost.web.JiraRestApiServlet;
import io.mandate.refhost.web.LoginServlet;
import io.mandate.refhost.web.OutboxRestServlet;
import io.mandate.refhost.web.ProjectConfigServlet;
import io.mandate.refhost.web.OutboxServlet;
import io.mandate.refhost.web.PluginRest;
import io.mandate.refhost.web.PluginServletDispatcher;
import io.mandate.refhost.web.IssueActionServlet;
import io.mandate.refhost.web.ProjectAdminServlet;
import io.mandate.refhost.web.RefhostMoveServlet;
import io.mandate.refhost.web.StaticServlet;
import io.mandate.refhost.world.World;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import javax.servlet.DispatcherType;
import java.io.File;
import java.net.URI;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * The reference host: Jetty with {@code /jira} and {@code /confluence}, each running the plugin
 * against its own database, sharing Jira's user directory.
 *
 * <p>System properties: {@code mandate.port} (2990), {@code mandate.data} (folder of the embedded
 * databases; empty = fresh sample organisation), {@code mandate.dataset} (S, M or L: a generated dataset
 * instead, docs/datasets.md) with {@code mandate.dataset.seed}, {@code mandate.db.url} / {@code .user} /
 * {@code .password} (PostgreSQL instead), {@code mandate.jar} (the plugin jar to run),
 * {@code mandate.aui} (where AUI was installed), {@code mandate.applink} ({@code none}: Confluence has no
 * application link to Jira), {@code mandate.node} (this host is one node of a Data Center cluster: the id, unique among
 * the nodes on the same database; each product joins its database's cluster, {@code platform.DatabaseCluster}, with
 * {@code mandate.cluster.poll} / {@code .lease} / {@code .retention}; docs/design/reference-host.md "Cluster"),
 * {@code mandate.scheduler.tick} (milliseconds between the scheduler's looks for due jobs, 1000).
 */
public final class RefHost implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RefHost.class.getName());

    private final Server server;
    private final ProductNode jira;
    private final ProductNode confluence;
    private final Database jiraDb;
    private final Database confluenceDb;
    private final io.mandate.refhost.web.RequestStatements requestStatements;

    private RefHost(Server server, ProductNode jira, ProductNode confluence, Database jiraDb, Database confluenceDb,
                    io.mandate.refhost.web.RequestStatements requestStatements) {
        this.server = server;
        this.requestStatements = requestStatements;
        this.jira = jira;
        this.confluence = confluence;
        this.jiraDb = jiraDb;
        this.confluenceDb = confluenceDb;
    }

    /**
     * Settings of one host; {@link #fromSystemProperties()} reads what `mvn -Prun` passes. {@code dataset} is S, M or
     * L to start on a generated dataset instead of the sample organisation (null: the sample organisation), generated
     * with {@code datasetSeed} into an empty data folder (docs/datasets.md).
     */
    public record Settings(int port, File data, String dbUrl, String dbUser, String dbPassword, File pluginJar, File aui,
                           String dataset, long datasetSeed) {

        /** The seed of {@code -Dmandate.dataset} when {@code -Dmandate.dataset.seed} does not say. */
        public static final long DEFAULT_SEED = 1;

        /** A host on the sample organisation. */
        public Settings(int port, File data, String dbUrl, String dbUser, String dbPassword, File pluginJar, File aui) {
            this(port, data, dbUrl, dbUser, dbPassword, pluginJar, aui, null, DEFAULT_SEED);
        }

        public static Settings fromSystemProperties() {
            String dataset = System.getProperty("mandate.dataset");
            return new Settings(Integer.getInteger("mandate.port", 2990),
                    new File(System.getProperty("mandate.data", "data")),
                    System.getProperty("mandate.db.url"), System.getProperty("mandate.db.user", "postgres"),
                    System.getProperty("mandate.db.password", ""),
                    new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")),
                    new File(System.getProperty("mandate.aui", "target/aui")),
                    dataset == null || dataset.isBlank() ? null : dataset.trim(),
                    Long.getLong("mandate.dataset.seed", DEFAULT_SEED));
        }

        /** The product's database: an HSQLDB file database in the data folder, or its schema of the PostgreSQL given. */
        public Database database(ProductNode.Product product) {
            return dbUrl != null && !dbUrl.isBlank()
                    ? Database.postgres(dbUrl, dbUser, dbPassword, product.id())
                    : Database.hsqldbFile(new File(data, product.id()));
        }

        /** Where the databases are, for messages. */
        public String where() {
            return dbUrl != null && !dbUrl.isBlank() ? dbUrl + " (schemas jira, confluence)" : data.getAbsolutePath();
        }
    }

    /** A host with the whole sample organisation: people, projects, issues, pages, the matrix, the decisions and the charters. */
    public static RefHost start(Settings settings) throws Exception {
        return start(settings, true);
    }

    /**
     * A host; {@code sampleDecisions} false leaves the sample issues without decisions (the shared test host: the
     * integration tests write their own decisions on them).
     */
    public static RefHost start(Settings settings, boolean sampleDecisions) throws Exception {
        return start(settings, sampleDecisions ? PluginSamples.ALL : PluginSamples.WITHOUT_DECISIONS);
    }

    /** What of the plugin's own sample data a fresh data folder gets (the world of people, issues and pages it always gets). */
    public enum PluginSamples {
        /** The sample matrix, decisions and charters. */
        ALL,
        /** The sample matrix and charters, no decisions (the shared test host). */
        WITHOUT_DECISIONS,
        /** Nothing: Mandate's tables stay empty, as in a product where a backup is to be imported (BackupIT). */
        NONE
    }

    /**
     * A host whose fresh data folder gets the sample world and the plugin samples asked for; a node of a database
     * cluster when {@code -Dmandate.node} names one.
     */
    public static RefHost start(Settings settings, PluginSamples samples) throws Exception {
        String node = System.getProperty("mandate.node");
        return start(settings, samples, node == null || node.isBlank() ? null : node.trim());
    }

    /**
     * A host as {@link #start(Settings, PluginSamples)}; with a {@code nodeId}, each product is one node of the cluster
     * of the nodes on its database ({@link io.mandate.refhost.platform.DatabaseCluster}: cache invalidation, cluster
     * locks and once-per-cluster jobs through the database); null: each product is a cluster of one in this JVM.
     */
    public static RefHost start(Settings settings, PluginSamples samples, String nodeId) throws Exception {
        long t0 = System.nanoTime();
        Database jiraDb = settings.database(ProductNode.Product.JIRA);
        Database confluenceDb = settings.database(ProductNode.Product.CONFLUENCE);
        ClassLoader host = RefHost.class.getClassLoader();
        if (settings.dataset() != null) {
            try {
                io.mandate.refhost.dataset.Datasets.prepare(settings, jiraDb, host);
            } catch (RuntimeException e) {
                jiraDb.close();
                confluenceDb.close();
                throw e;
            }
        }
        World world = World.open(jiraDb.dataSource(),
                settings.dataset() == null ? World.Contents.SAMPLE_ORGANISATION : World.Contents.NONE);
        ProductNode jira = ProductNode.start(ProductNode.Product.JIRA, jiraDb, world,
                PluginClassLoader.forJar(settings.pluginJar(), host, ProductExports.JIRA), cluster(jiraDb, nodeId));
        ProductNode confluence = ProductNode.start(ProductNode.Product.CONFLUENCE, confluenceDb, world,
                PluginClassLoader.forJar(settings.pluginJar(), host, ProductExports.CONFLUENCE), cluster(confluenceDb, nodeId));

        Server server = new Server(new org.eclipse.jetty.util.thread.QueuedThreadPool(httpThreads(), 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(settings.port());
        server.addConnector(connector);
        // only Jira trusts the link's signature: Confluence makes link requests, Jira answers them
        LinkSignature linkSignature = LinkSignature.random();
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        io.mandate.refhost.web.RequestStatements requestStatements = new io.mandate.refhost.web.RequestStatements();
        contexts.addHandler(context(jira, settings.aui(), linkSignature, requestStatements));
        contexts.addHandler(context(confluence, settings.aui(), null, requestStatements));
        server.setHandler(contexts);
        io.mandate.refhost.web.WebSecurity.server(server);
        server.start();
        RefHost refHost = new RefHost(server, jira, confluence, jiraDb, confluenceDb, requestStatements);
        jira.applicationProperties().setBaseUrl(refHost.baseUrl() + jira.product().contextPath());
        confluence.applicationProperties().setBaseUrl(refHost.baseUrl() + confluence.product().contextPath());
        if (world.seededNow() && samples != PluginSamples.NONE) {
            // the first start of a fresh data folder: the sample matrix and decisions, through the plugin's own REST API
            try {
                String jiraUrl = refHost.baseUrl() + jira.product().contextPath();
                java.time.LocalDate firstDay = java.time.LocalDate.now(
                        io.mandate.refhost.sal.RefTimeZoneManager.fromSystemProperty().getDefaultTimeZone().toZoneId());
                io.mandate.refhost.world.SampleMatrix.seed(jiraUrl, firstDay);
                if (samples == PluginSamples.ALL) {
                    io.mandate.refhost.world.SampleDecisions.seed(jiraUrl, firstDay, jiraDb.dataSource(), jira.caches()::flushAll);
                }
            } catch (RuntimeException e) {
                refHost.close();
                throw e;
            }
        }
        if (!"none".equals(System.getProperty("mandate.applink"))) {
            confluence.applinks().link(new RefApplicationLinks.Target(
                    URI.create(refHost.baseUrl() + jira.product().contextPath()), linkSignature));
        }
        if (world.seededNow() && samples != PluginSamples.NONE) {
            // the charters are Confluence's plugin data: made through its REST API once Confluence is linked to Jira
            try {
                io.mandate.refhost.world.SampleCharters.seed(refHost.baseUrl() + confluence.product().contextPath());
            } catch (RuntimeException e) {
                refHost.close();
                throw e;
            }
        }
        LOG.info(() -> String.format("Reference host ready in %d ms at %s/jira and %s/confluence (plugin start: Jira %d ms, Confluence %d ms)",
                (System.nanoTime() - t0) / 1_000_000, refHost.baseUrl(), refHost.baseUrl(), jira.startMillis(), confluence.startMillis()));
        return refHost;
    }

    private static io.mandate.refhost.platform.RefCluster cluster(Database database, String nodeId) {
        return nodeId == null ? new io.mandate.refhost.platform.RefCluster()
                : io.mandate.refhost.platform.DatabaseCluster.open(database.dataSource(), nodeId,
                        io.mandate.refhost.platform.DatabaseCluster.Settings.fromSystemProperties());
    }

    private static ServletContextHandler context(ProductNode node, File aui, LinkSignature trustedLink,
                                                 io.mandate.refhost.web.RequestStatements requestStatements) {
        ServletContextHandler handler = new ServletContextHandler(ServletContextHandler.SESSIONS);
        handler.setContextPath(node.product().contextPath());
        // first, so a recorded request counts every statement it causes, the login's included
        handler.addFilter(new FilterHolder(requestStatements), "/*", EnumSet.of(DispatcherType.REQUEST));
        io.mandate.refhost.web.WebSecurity.context(handler);
        handler.addFilter(new FilterHolder(new ConnectionDropFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        handler.addFilter(new FilterHolder(new AuthFilter(node.world(), trustedLink)), "/*", EnumSet.of(DispatcherType.REQUEST));
        handler.addServlet(new ServletHolder(new LoginServlet(node)), "/login.jsp");
        handler.addServlet(new ServletHolder(new LoginServlet(node)), "/logout");
        handler.addServlet(new ServletHolder(new HomeServlet(node)), "");
        handler.addServlet(new ServletHolder(new StaticServlet(node, aui)), "/static/aui/*");
        handler.addServlet(new ServletHolder(new StaticServlet(node, aui)), "/static/jquery/*");
        handler.addServlet(new ServletHolder(new StaticServlet(node, aui)), "/download/resources/*");
        handler.addServlet(new ServletHolder(new PluginServletDispatcher(node)), "/plugins/servlet/*");
        // the audit plugin's page (an exact path, so it wins over the plugin servlets' prefix)
        handler.addServlet(new ServletHolder(new io.mandate.refhost.web.AuditLogServlet(node)),
                io.mandate.refhost.web.AuditLogServlet.PATH);
        // the scheduler's jobs, and running one now (administrators; reference host only)
        handler.addServlet(new ServletHolder(new io.mandate.refhost.web.SchedulerRestServlet(node)), "/rest/refhost/1.0/scheduler/*");
        for (PluginDescriptor.Rest rest : node.plugin().descriptor().rests()) {
            handler.addServlet(new ServletHolder(PluginRest.servlet(node, rest)), PluginRest.mountPath(rest));
        }
        if (node.product() == ProductNode.Product.JIRA) {
            handler.addServlet(new ServletHolder(new io.mandate.refhost.web.IssueSearchServlet(node)), "/issues/*");
            handler.addServlet(new ServletHolder(new io.mandate.refhost.web.ProjectPageServlet(node)), "/projects/*");
            handler.addServlet(new ServletHolder(new IssueViewServlet(node)), "/browse/*");
            handler.addServlet(new ServletHolder(new AdminMenuServlet(node)), "/secure/admin");
            handler.addServlet(new ServletHolder(new JiraPickerServlet(node)), "/rest/api/2/user/picker");
            handler.addServlet(new ServletHolder(new JiraPickerServlet(node)), "/rest/api/2/groups/picker");
            handler.addServlet(new ServletHolder(new JiraRestApiServlet(node)), "/rest/api/2/*");
            handler.addServlet(new ServletHolder(new OutboxServlet(node)), "/secure/admin/outbox");
            handler.addServlet(new ServletHolder(new OutboxRestServlet(node)), "/rest/refhost/1.0/outbox");
            handler.addServlet(new ServletHolder(new RefhostMoveServlet(node)), "/rest/refhost/1.0/issue/*");
            handler.addServlet(new ServletHolder(new IssueActionServlet(node)), "/secure/issue-action");
            handler.addServlet(new ServletHolder(new ProjectAdminServlet(node)), "/secure/admin/projects");
            // Jira's own project settings page: more specific than /plugins/servlet/*, so Jetty gives it this path
            handler.addServlet(new ServletHolder(new ProjectConfigServlet(node)), "/plugins/servlet/project-config/*");
        } else {
            handler.addServlet(new ServletHolder(new ConfluencePageServlet(node)), "/pages/viewpage.action");
            // Confluence's content REST API (pages in storage format); /rest/api/content/* also serves /rest/api/content
            handler.addServlet(new ServletHolder(new io.mandate.refhost.confluence.ContentRestServlet(node,
                    io.mandate.refhost.confluence.ViewRenderer.forConfluence(node))), "/rest/api/content/*");
            handler.addServlet(new ServletHolder(new AdminMenuServlet(node)), "/admin/console.action");
            handler.addServlet(new ServletHolder(new AuthoriseLinkServlet(node)), RefApplicationLinks.AUTHORISE_PATH);
        }
        return handler;
    }

    public String baseUrl() {
        return "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public ProductNode jira() {
        return jira;
    }


    /**
     * The most request threads (with Jetty's acceptor and selectors): {@code -Dmandate.http.threads}, by default 8 a
     * core. Jetty's default (200) let every one of 32 benchmark connections have a thread, and 32 threads fighting
     * PostgreSQL's backends for 2 cores made the slowest requests wait for the scheduler: a REST GET at the
     * enterprise size went from 3,246 req/s with p99 33 ms to 8,759 req/s with p99 13 ms at 16 threads
     * (docs/benchmarks.md). Jira's Tomcat is sized the same way on real hardware (maxThreads against cores).
     */
    static int httpThreads() {
        return Integer.getInteger("mandate.http.threads", Math.max(16, 8 * Runtime.getRuntime().availableProcessors()));
    }
    /** For tests: the JDBC statements of each HTTP request ({@link io.mandate.refhost.web.RequestStatements}). */
    public io.mandate.refhost.web.RequestStatements requestStatements() {
        return requestStatements;
    }

    public ProductNode confluence() {
        return confluence;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        jira.close();
        confluence.close();
        jira.cluster().close();
        confluence.cluster().close();
        jiraDb.close();
        confluenceDb.close();
    }

    public static void main(String[] args) throws Exception {
        RefHost host = start(Settings.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                host.close();
            } catch (Exception e) {
                LOG.warning("Shutdown: " + e.getMessage());
            }
            // the logging may already be shut down at this point: a cluster node says what it did on standard output
            for (ProductNode node : new ProductNode[]{host.jira(), host.confluence()}) {
                if (node.cluster() instanceof io.mandate.refhost.platform.DatabaseCluster cluster) {
                    System.out.println(cluster.summary());
                }
            }
        }));
        System.out.println("Mandate reference host is running: " + host.baseUrl() + "/jira (log in as admin/admin"
                + (host.jira().world().userByName("u00001").isPresent() ? " or u00001/u00001" : "") + "). Ctrl+C stops it.");
        host.server.join();
    }
}
