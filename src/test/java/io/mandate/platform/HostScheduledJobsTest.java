package io.mandate.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import io.mandate.refhost.platform.RefCluster;
import io.mandate.refhost.platform.RefClusterLockService;
import io.mandate.refhost.platform.RefSchedulerService;
import io.mandate.testing.SteppingClock;
import org.junit.After;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The plugin's jobs on the Atlassian scheduler (the reference host's, which runs them for real): registered and
 * scheduled once per cluster when the plugin starts, the runner withdrawn when it stops (the cluster's schedule stays),
 * the work run under the job's cluster lock — a run that finds it taken does nothing — and a failure reported, not thrown.
 */
public class HostScheduledJobsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final JobId JOB = JobId.of("io.mandate.test-job");

    private final SteppingClock clock = SteppingClock.utc(T0);
    private final RefCluster cluster = new RefCluster();
    private final RefClusterLockService lockService = new RefClusterLockService(cluster);
    private final RefSchedulerService scheduler = new RefSchedulerService(cluster, lockService, clock, Duration.ofSeconds(1));
    private final HostScheduledJobs jobs = new HostScheduledJobs(scheduler, new HostClusterLocks(lockService));
    private final AtomicInteger runs = new AtomicInteger();

    @After
    public void tearDown() {
        scheduler.close();
    }

    /** A job of the plugin, as the notification and digest jobs are. */
    private final class TestJob extends ScheduledJob {
        private final Instant first;
        private RuntimeException failure;

        TestJob(Instant first) {
            super(jobs, "test-job", Duration.ofMinutes(5));
            this.first = first;
        }

        @Override
        protected Instant firstRun() {
            return first;
        }

        @Override
        public String run() {
            runs.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return "did it";
        }
    }

    @Test
    public void onStartTheJobIsScheduledOncePerClusterByItsIntervalUnderThePluginsNamespace() {
        new TestJob(T0.plusSeconds(60)).afterPropertiesSet();
        RefSchedulerService.Job job = scheduler.job(JOB).orElseThrow();
        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, job.config().getRunMode());
        assertEquals(JobRunnerKey.of("io.mandate.test-job"), job.config().getJobRunnerKey());
        assertEquals(Duration.ofMinutes(5).toMillis(), job.config().getSchedule().getIntervalScheduleInfo().getIntervalInMillis());
        assertEquals(T0.plusSeconds(60), job.nextRun());
        assertTrue(scheduler.runnable(job));

        clock.advance(Duration.ofSeconds(60));
        RefSchedulerService.Run run = scheduler.runDueNow().get(0);
        assertEquals(RunOutcome.SUCCESS, run.outcome());
        assertEquals("did it", run.message());
        assertEquals(1, runs.get());
    }

    @Test
    public void onStopTheRunnerIsWithdrawnAndTheClustersScheduleStays() {
        TestJob job = new TestJob(null);
        job.afterPropertiesSet();
        job.destroy();
        assertFalse(scheduler.runnable(scheduler.job(JOB).orElseThrow()));
        assertEquals(java.util.List.of(), scheduler.runDueNow());
        assertEquals(0, runs.get());
        job.afterPropertiesSet(); // the next start
        assertEquals(1, scheduler.runDueNow().size());
    }

    @Test
    public void aRunThatFindsTheJobsClusterLockTakenDoesNothing() {
        new TestJob(null).afterPropertiesSet();
        ClusterLock lock = lockService.getLockForName("io.mandate.job.test-job");
        lock.lock(); // another node or thread is running the job
        try {
            RefSchedulerService.Run run = scheduler.runNow(JOB).orElseThrow();
            assertEquals(RunOutcome.ABORTED, run.outcome());
            assertEquals(0, runs.get());
        } finally {
            lock.unlock();
        }
        assertEquals(RunOutcome.SUCCESS, scheduler.runNow(JOB).orElseThrow().outcome());
        assertEquals(1, runs.get());
    }

    @Test
    public void aFailingRunIsReportedAsFailedAndTheJobRunsAgainNextTime() {
        TestJob job = new TestJob(null);
        job.failure = new IllegalStateException("the database is gone");
        job.afterPropertiesSet();
        RefSchedulerService.Run run = scheduler.runDueNow().get(0);
        assertEquals(RunOutcome.FAILED, run.outcome());
        assertTrue(run.message(), run.message().contains("the database is gone"));
        job.failure = null;
        clock.advance(Duration.ofMinutes(5));
        assertEquals(RunOutcome.SUCCESS, scheduler.runDueNow().get(0).outcome());
    }

    @Test
    public void aSchedulerThatRefusesTheJobDoesNotStopThePlugin() throws Exception {
        SchedulerService refusing = mock(SchedulerService.class);
        doThrow(new SchedulerServiceException("no cron here")).when(refusing).scheduleJob(any(), any());
        new HostScheduledJobs(refusing, new HostClusterLocks(lockService)).schedule("test-job", Duration.ofMinutes(1), null, () -> "x");
        verify(refusing).registerJobRunner(any(), any());
    }
}
