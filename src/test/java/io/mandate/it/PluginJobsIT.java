package io.mandate.it;

import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.RunMode;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.platform.RefSchedulerService;
import io.mandate.refhost.plugin.PluginClassLoader;
import io.mandate.refhost.plugin.ProductExports;
import io.mandate.refhost.world.World;
import org.junit.After;
import org.junit.Test;

import java.io.File;
import java.time.Duration;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The built plugin's background jobs on the host's scheduler: when the plugin starts in Jira its two jobs are scheduled
 * once per cluster with their runners registered; when it stops the runners are gone and the cluster's schedules stay
 * (another node, or the next start, runs them). Confluence, which sends no Mandate mail, gets no job.
 */
public class PluginJobsIT {

    private static final JobId NOTIFICATIONS = JobId.of("io.mandate.notifications");
    private static final JobId DIGEST = JobId.of("io.mandate.overdue-digest");

    private final File jar = new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar"));
    private Database database;

    @After
    public void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private ProductNode start(ProductNode.Product product) {
        database = Database.hsqldbMemory("jobs" + System.nanoTime());
        return ProductNode.start(product, database, World.open(database.dataSource()),
                PluginClassLoader.forJar(jar, getClass().getClassLoader(), ProductExports.of(product.id())));
    }

    @Test
    public void inJiraThePluginsJobsAreScheduledOncePerClusterOnStartAndTheirRunnersGoOnStop() {
        ProductNode jira = start(ProductNode.Product.JIRA);
        RefSchedulerService scheduler = jira.scheduler();
        RefSchedulerService.Job notifications;
        RefSchedulerService.Job digest;
        try {
            notifications = scheduler.job(NOTIFICATIONS).orElseThrow();
            digest = scheduler.job(DIGEST).orElseThrow();
            for (RefSchedulerService.Job job : List.of(notifications, digest)) {
                assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, job.config().getRunMode());
                assertTrue(job.id() + " has its runner", scheduler.runnable(job));
            }
            assertEquals(Duration.ofMinutes(1).toMillis(), notifications.config().getSchedule().getIntervalScheduleInfo().getIntervalInMillis());
            assertEquals(Duration.ofDays(1).toMillis(), digest.config().getSchedule().getIntervalScheduleInfo().getIntervalInMillis());
            RefSchedulerService.Run run = scheduler.runNow(NOTIFICATIONS).orElseThrow();
            assertEquals(run.message(), com.atlassian.scheduler.status.RunOutcome.SUCCESS, run.outcome());
        } finally {
            jira.close();
        }
        assertFalse("the plugin stopped: its runner is gone", scheduler.runnable(notifications));
        assertFalse(scheduler.runnable(digest));
        assertTrue("the cluster's schedule stays", scheduler.job(NOTIFICATIONS).isPresent());
    }

    @Test
    public void confluenceGetsNoJob() {
        try (ProductNode confluence = start(ProductNode.Product.CONFLUENCE)) {
            assertEquals(List.of(), confluence.scheduler().jobs());
        }
    }
}
