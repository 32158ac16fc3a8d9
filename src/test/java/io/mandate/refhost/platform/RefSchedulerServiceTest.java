package io.mandate.refhost.platform;

import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.RunOutcome;
import io.mandate.testing.SteppingClock;
import org.junit.After;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The reference host's Atlassian scheduler: jobs run by their interval schedules (a test clock, no sleeping), a
 * once-per-cluster job runs on exactly one node per trigger, a node without the runner leaves the job alone, and the
 * thread pool really runs due jobs on its own.
 */
public class RefSchedulerServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final JobRunnerKey RUNNER = JobRunnerKey.of("test.runner");
    private static final JobId JOB = JobId.of("test.job");

    private final SteppingClock clock = SteppingClock.utc(T0);
    private final RefCluster cluster = new RefCluster();
    private final RefSchedulerService nodeA = node();
    private final RefSchedulerService nodeB = node();

    @After
    public void tearDown() {
        nodeA.close();
        nodeB.close();
    }

    private RefSchedulerService node() {
        return new RefSchedulerService(cluster, new RefClusterLockService(cluster), clock, Duration.ofMillis(10));
    }

    private static JobConfig everyMinute(RunMode mode, Instant first) {
        return JobConfig.forJobRunnerKey(RUNNER).withRunMode(mode)
                .withSchedule(Schedule.forInterval(Duration.ofMinutes(1).toMillis(), first == null ? null : Date.from(first)));
    }

    @Test
    public void aJobRunsWhenItIsDueAndThenEveryInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        nodeA.registerJobRunner(RUNNER, request -> JobRunnerResponse.success("run " + runs.incrementAndGet()));
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, T0.plusSeconds(30)));

        assertEquals("not due before its first run time", List.of(), nodeA.runDueNow());
        clock.advance(Duration.ofSeconds(30));
        List<RefSchedulerService.Run> ran = nodeA.runDueNow();
        assertEquals(1, ran.size());
        assertEquals(RunOutcome.SUCCESS, ran.get(0).outcome());
        assertEquals("run 1", ran.get(0).message());
        assertEquals(T0.plusSeconds(90), nodeA.job(JOB).orElseThrow().nextRun());
        assertEquals("once per trigger", List.of(), nodeA.runDueNow());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, nodeA.runDueNow().size());
        assertEquals(2, runs.get());
    }

    @Test
    public void aRunOnceJobRunsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        nodeA.registerJobRunner(RUNNER, request -> {
            runs.incrementAndGet();
            return null; // a null response is a success
        });
        nodeA.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withSchedule(Schedule.runOnce(null)));
        assertEquals(RunOutcome.SUCCESS, nodeA.runDueNow().get(0).outcome());
        clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), nodeA.runDueNow());
        assertNull(nodeA.job(JOB).orElseThrow().nextRun());
        assertEquals(1, runs.get());
    }

    @Test
    public void aClusterJobScheduledOnOneNodeIsTheClustersAndRunsOnceOnWhicheverNodeFindsItDueFirst() throws Exception {
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        nodeA.registerJobRunner(RUNNER, request -> JobRunnerResponse.success("A" + onA.incrementAndGet()));
        nodeB.registerJobRunner(RUNNER, request -> JobRunnerResponse.success("B" + onB.incrementAndGet()));
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, null));
        assertTrue("node B knows the cluster's job", nodeB.job(JOB).isPresent());

        assertEquals(1, nodeB.runDueNow().size());
        assertEquals("node A finds it run for this trigger", List.of(), nodeA.runDueNow());
        assertEquals(0, onA.get());
        assertEquals(1, onB.get());
        assertEquals("B1", nodeA.job(JOB).orElseThrow().lastRun().message());
    }

    @Test
    public void ofTwoNodesThatFindAClusterJobDueAtOnceExactlyOneRunsIt() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        com.atlassian.scheduler.JobRunner slow = request -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JobRunnerResponse.success();
        };
        nodeA.registerJobRunner(RUNNER, slow);
        nodeB.registerJobRunner(RUNNER, slow);
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, null));
        Thread a = new Thread(nodeA::runDueNow);
        a.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals("node A holds the job's cluster lock: node B does not run it", List.of(), nodeB.runDueNow());
        release.countDown();
        a.join(10_000);
        assertEquals(1, runs.get());
    }

    @Test
    public void aNodeWithoutTheRunnerLeavesTheJobToOneThatHasIt() throws Exception {
        nodeB.registerJobRunner(RUNNER, request -> JobRunnerResponse.success("B"));
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, null));
        assertEquals(List.of(), nodeA.runDueNow());
        assertEquals(RunOutcome.UNAVAILABLE, nodeA.runNow(JOB).orElseThrow().outcome());
        assertEquals("still due for a node that can run it", 1, nodeB.runDueNow().size());
    }

    @Test
    public void aLocalJobIsTheNodesOwn() throws Exception {
        nodeA.registerJobRunner(RUNNER, request -> JobRunnerResponse.success());
        nodeB.registerJobRunner(RUNNER, request -> JobRunnerResponse.success());
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_LOCALLY, null));
        assertTrue(nodeB.job(JOB).isEmpty());
        assertEquals(List.of(), nodeB.runDueNow());
        assertEquals(1, nodeA.runDueNow().size());
    }

    @Test
    public void runNowRunsAtOnceAndLeavesTheScheduleAlone() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        nodeA.registerJobRunner(RUNNER, request -> {
            runs.incrementAndGet();
            return JobRunnerResponse.success();
        });
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, T0.plusSeconds(3600)));
        assertEquals(RunOutcome.SUCCESS, nodeA.runNow(JOB).orElseThrow().outcome());
        assertEquals(1, runs.get());
        assertEquals(T0.plusSeconds(3600), nodeA.job(JOB).orElseThrow().nextRun());
        assertTrue(nodeA.runNow(JobId.of("no.such.job")).isEmpty());
    }

    @Test
    public void aRunnerThatThrowsIsAFailedRunAndTheJobStaysScheduled() throws Exception {
        nodeA.registerJobRunner(RUNNER, request -> {
            throw new IllegalStateException("database gone");
        });
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, null));
        RefSchedulerService.Run run = nodeA.runDueNow().get(0);
        assertEquals(RunOutcome.FAILED, run.outcome());
        assertTrue(run.message(), run.message().contains("database gone"));
        assertEquals(T0.plusSeconds(60), nodeA.job(JOB).orElseThrow().nextRun());
    }

    @Test
    public void schedulingAgainUnderTheSameIdReplacesTheJobAndUnschedulingRemovesIt() throws Exception {
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, T0.plusSeconds(60)));
        nodeB.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, T0.plusSeconds(120)));
        assertEquals(T0.plusSeconds(120), nodeA.job(JOB).orElseThrow().nextRun());
        assertEquals(1, nodeA.jobs().size());
        nodeA.unscheduleJob(JOB);
        assertTrue(nodeB.job(JOB).isEmpty());
    }

    @Test
    public void unregisteringTheRunnerStopsTheNodeFromRunningTheJob() throws Exception {
        nodeA.registerJobRunner(RUNNER, request -> JobRunnerResponse.success());
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, null));
        assertTrue(nodeA.runnable(nodeA.job(JOB).orElseThrow()));
        nodeA.unregisterJobRunner(RUNNER);
        assertEquals(false, nodeA.runnable(nodeA.job(JOB).orElseThrow()));
        assertEquals(List.of(), nodeA.runDueNow());
    }

    @Test
    public void thePoolRunsDueJobsOnItsOwn() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        nodeA.registerJobRunner(RUNNER, request -> {
            ran.countDown();
            return JobRunnerResponse.success();
        });
        nodeA.scheduleJob(JOB, everyMinute(RunMode.RUN_ONCE_PER_CLUSTER, null));
        nodeA.start();
        assertTrue("the pool ran the due job", ran.await(10, TimeUnit.SECONDS));
    }
}
