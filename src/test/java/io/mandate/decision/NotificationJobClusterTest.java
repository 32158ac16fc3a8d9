package io.mandate.decision;

import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.status.RunOutcome;
import io.mandate.platform.Entities;
import io.mandate.platform.HostClusterLocks;
import io.mandate.platform.HostScheduledJobs;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefCluster;
import io.mandate.refhost.platform.RefClusterLockService;
import io.mandate.refhost.platform.RefSchedulerService;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.SteppingClock;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * The notification job on two Data Center nodes (one database, one cluster: the reference host's scheduler and cluster
 * locks), each with its own job, queue and mail queue: whichever way the scheduler triggers them, one node sends all the
 * mail and the other none.
 */
public class NotificationJobClusterTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final JobId JOB = JobId.of("io.mandate." + NotificationJob.NAME);
    private static final List<String> ADDRESSES = IntStream.range(0, 50).mapToObj(i -> "person" + i + "@example.com").toList();

    private final SteppingClock clock = SteppingClock.utc(T0);
    private final RefCluster cluster = new RefCluster();
    private final CountDownLatch insideA = new CountDownLatch(1);
    private final CountDownLatch releaseA = new CountDownLatch(1);
    private AoTestSupport ao;
    private Node nodeA;
    private Node nodeB;
    private ExecutorService threads;

    /** One node: its scheduler, its Active Objects over the shared database, its job and its host's mail queue. */
    private final class Node {
        final RefSchedulerService scheduler;
        final RecordingMailer mailer;
        final NotificationJob job;

        Node(Entities entities, RecordingMailer mailer) {
            RefClusterLockService locks = new RefClusterLockService(cluster);
            this.scheduler = new RefSchedulerService(cluster, locks, clock, Duration.ofSeconds(1));
            this.mailer = mailer;
            NotificationQueue queue = new NotificationQueue(entities);
            DecisionNotifier notifier = new DecisionNotifier(mock(UserDirectory.class), mock(GroupDirectory.class),
                    NotificationPipeline.texts(), NotificationPipeline.links(), mock(IssueAccess.class));
            this.job = new NotificationJob(new HostScheduledJobs(scheduler, new HostClusterLocks(locks)), queue, notifier,
                    mailer, clock);
            job.afterPropertiesSet(); // the plugin starts on this node
        }
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport("hsqldb", DecisionTables.all());
        // node A's host mail queue holds its first message until the test lets it go, so its run is still under way
        RecordingMailer slowA = new RecordingMailer() {
            @Override
            public void send(String toAddress, String subject, String plainTextBody) {
                insideA.countDown();
                try {
                    assertTrue(releaseA.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.send(toAddress, subject, plainTextBody);
            }
        };
        nodeA = new Node(ao.entities(), slowA);
        nodeB = new Node(ao.anotherNode(), new RecordingMailer());
        List<OutgoingMail> mails = ADDRESSES.stream()
                .map(a -> OutgoingMail.of(OutgoingMail.Kind.DIGEST, null, "k-" + a, a, "Overdue", "Body")).toList();
        assertTrue(new NotificationQueue(ao.entities()).queueDigest("2026-W47", mails, T0));
        threads = Executors.newFixedThreadPool(2);
    }

    @After
    public void tearDown() {
        releaseA.countDown();
        threads.shutdownNow();
        nodeA.scheduler.close();
        nodeB.scheduler.close();
        ao.close();
    }

    @Test
    public void bothNodesKnowTheOneClusterJob() {
        assertEquals(1, nodeA.scheduler.jobs().size());
        assertTrue(nodeB.scheduler.runnable(nodeB.scheduler.job(JOB).orElseThrow()));
        assertTrue(nodeA.scheduler.runnable(nodeA.scheduler.job(JOB).orElseThrow()));
    }

    @Test
    public void whenTheJobIsDueOnBothNodesOneSendsAllTheMailAndTheOtherNone() throws Exception {
        Future<List<RefSchedulerService.Run>> a = threads.submit(nodeA.scheduler::runDueNow);
        assertTrue("node A is sending", insideA.await(30, TimeUnit.SECONDS));
        assertEquals("node B finds the job taken: it runs nothing", List.of(), nodeB.scheduler.runDueNow());
        releaseA.countDown();
        assertEquals(RunOutcome.SUCCESS, a.get(30, TimeUnit.SECONDS).get(0).outcome());
        assertEquals(ADDRESSES, nodeA.mailer.addresses());
        assertEquals(List.of(), nodeB.mailer.tries());
    }

    @Test
    public void aRunOnTheOtherNodeWhileOneIsUnderWayFindsNothingLeftToSend() throws Exception {
        Future<Optional<RefSchedulerService.Run>> a = threads.submit(() -> nodeA.scheduler.runNow(JOB));
        assertTrue("node A is sending", insideA.await(30, TimeUnit.SECONDS));
        // node B is asked to run it now (an administrator's "run now", a trigger after a long run): it waits for the
        // cluster's lock, then runs and finds everything sent
        Future<Optional<RefSchedulerService.Run>> b = threads.submit(() -> nodeB.scheduler.runNow(JOB));
        releaseA.countDown();
        List<RefSchedulerService.Run> runs = new ArrayList<>();
        runs.add(a.get(30, TimeUnit.SECONDS).orElseThrow());
        runs.add(b.get(30, TimeUnit.SECONDS).orElseThrow());
        runs.forEach(run -> assertEquals(run.message(), RunOutcome.SUCCESS, run.outcome()));
        assertTrue(runs.get(1).message(), runs.get(1).message().contains("0 sent"));
        assertEquals(ADDRESSES, nodeA.mailer.addresses());
        assertEquals(List.of(), nodeB.mailer.tries());
    }

    @Test
    public void withTheRunnerGoneFromOneNodeTheOtherRunsTheJob() {
        nodeA.job.destroy(); // the plugin stops on node A; the cluster's job stays
        releaseA.countDown();
        assertEquals(1, nodeB.scheduler.runDueNow().size());
        assertEquals(ADDRESSES, nodeB.mailer.addresses());
    }
}
