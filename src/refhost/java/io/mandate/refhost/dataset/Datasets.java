package io.mandate.refhost.dataset;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.RefHost;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.plugin.PluginClassLoader;
import io.mandate.refhost.plugin.ProductExports;
import io.mandate.refhost.sal.RefTimeZoneManager;
import io.mandate.refhost.world.World;

import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * The reference host's side of {@code -Dmandate.dataset=S|M|L}: before the host starts, make sure Jira's database
 * holds that dataset — generate it into an empty one, start on it when it is already there, refuse anything else.
 *
 * <p>The plugin's tables are made the way they always are: a Jira node is started on the empty database (the plugin
 * migrates its Active Objects entities and runs its upgrade tasks), the generator fills them and the host's tables,
 * and that node is closed again. The host then starts as on any later day, on a full database: nothing the node read
 * or cached before the rows arrived outlives the generation.
 */
public final class Datasets {

    private static final Logger LOG = Logger.getLogger(Datasets.class.getName());

    private Datasets() {
    }

    /**
     * Generates {@code settings.dataset()} into Jira's database when it is empty; returns what it generated, or null
     * when the database already held that dataset.
     *
     * @throws DatasetException when the database holds another dataset, the sample organisation or a dataset whose
     *                          generation did not finish
     * @throws IllegalArgumentException when the dataset is not S, M or L
     */
    public static DatasetGenerator.Result prepare(RefHost.Settings settings, Database jiraDb, ClassLoader host) {
        DatasetSpec spec = DatasetSpec.named(settings.dataset());
        long seed = settings.datasetSeed();
        DatasetGenerator.Marker marker = DatasetGenerator.marker(jiraDb.dataSource());
        if (marker != null) {
            if (marker.name().equals(spec.name()) && marker.seed() == seed) {
                LOG.info(() -> "Starting on dataset " + spec.name() + " (seed " + seed + ", generated as of " + marker.day()
                        + ") in " + settings.where());
                return null;
            }
            throw new DatasetException(settings.where() + " holds dataset " + marker.name() + " (seed " + marker.seed()
                    + "), not " + spec.name() + " (seed " + seed + "): choose another data folder (-Dmandate.data=…)"
                    + " or schema, or start with -Dmandate.dataset=" + marker.name() + " -Dmandate.dataset.seed=" + marker.seed());
        }
        LocalDate today = LocalDate.now(RefTimeZoneManager.fromSystemProperty().getDefaultTimeZone().toZoneId());
        LOG.info(() -> "Generating dataset " + spec.name() + " (seed " + seed + ", as of " + today + ") into "
                + settings.where() + (spec.issues() >= 100_000 ? "; this takes minutes" : ""));
        World world = World.open(jiraDb.dataSource(), World.Contents.NONE);
        try (ProductNode jira = ProductNode.start(ProductNode.Product.JIRA, jiraDb, world,
                PluginClassLoader.forJar(settings.pluginJar(), host, ProductExports.JIRA))) {
            AoTables tables = AoTables.of(jira.activeObjects().entityManager(), jira.plugin().classLoader());
            try {
                return new DatasetGenerator(jiraDb.dataSource(), jiraDb.kind(), tables).generate(spec, seed, today);
            } catch (DatasetException e) {
                throw new DatasetException("-Dmandate.dataset=" + spec.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code mvn -Pdataset -Dmandate.dataset=S|M|L [-Dmandate.data=DIR | -Dmandate.db.url=…]}: generates the dataset
     * and exits, printing how long it took — for timing it, and for benchmarks that start the host afterwards.
     */
    public static void main(String[] args) {
        RefHost.Settings settings = RefHost.Settings.fromSystemProperties();
        if (settings.dataset() == null) {
            System.err.println("Say which dataset: -Dmandate.dataset=S, M or L (docs/datasets.md)");
            System.exit(2);
        }
        try (Database jiraDb = settings.database(ProductNode.Product.JIRA)) {
            DatasetGenerator.Result result = prepare(settings, jiraDb, Datasets.class.getClassLoader());
            if (result == null) {
                System.out.println("Dataset " + settings.dataset() + " is already in " + settings.where());
            } else {
                System.out.printf("Dataset %s (seed %d) generated into %s in %.1f s: %,d rows in %,d statements%n%s%n",
                        result.spec().name(), result.seed(), settings.where(), result.took().toMillis() / 1000.0,
                        result.totalRows(), result.statements(), result.rows());
            }
        }
    }
}
