package io.mandate.refhost.platform;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.IntervalScheduleInfo;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.RunOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Atlassian scheduler of one node of the reference host: a small thread pool that runs the registered job runners by
 * their jobs' schedules. Interval schedules only ({@code Schedule.forInterval}, {@code runOnce}); a cron schedule is
 * refused with {@link SchedulerServiceException}, so a plugin that needs one fails here loudly rather than never running.
 *
 * <p>{@link RunMode#RUN_ONCE_PER_CLUSTER} as the real scheduler means it: the job and its next run time are the
 * cluster's ({@link RefCluster#clusterJobs()}), and a node runs a due job only under the job's cluster lock, where it
 * reads the next run time again and claims the run by moving it on ({@link RefCluster#claim}, in a
 * {@link DatabaseCluster} a conditional UPDATE of {@code HOST_CLUSTER_JOB}) before it calls the runner — so of the nodes
 * that find the job due at the same moment exactly one runs it, and a node without the runner leaves it to one that has
 * it. Such a job outlives the node that scheduled it (the real scheduler keeps it in the database, as
 * {@link DatabaseCluster} does; the in-JVM cluster keeps it as long as the cluster object, and the plugin schedules it
 * again on every start anyway). {@link RunMode#RUN_LOCALLY} jobs are this node's only.
 *
 * <p>For tests, and for administrators through {@code /rest/refhost/1.0/scheduler} ({@code web.SchedulerRestServlet}),
 * {@link #runNow} runs a job at once and waits for it, and {@link #runDueNow} runs what is due on the calling thread, so
 * nothing has to sleep until the pool gets round to it.
 */
public final class RefSchedulerService implements SchedulerService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RefSchedulerService.class.getName());
    private static final String LOCK_PREFIX = "refhost.scheduler.";
    private static final AtomicInteger NODES = new AtomicInteger();

    /** One run of a job: how it ended and what the runner said. */
    public record Run(JobId jobId, Instant startedAt, RunOutcome outcome, String message) {
    }

    /** A scheduled job and its state; shared by the nodes for a once-per-cluster job. */
    public static final class Job {
        private final JobId id;
        private final JobConfig config;
        private volatile Instant nextRun;
        private volatile Run lastRun;

        Job(JobId id, JobConfig config, Instant nextRun) {
            this(id, config, nextRun, null);
        }

        /** A job as a {@link DatabaseCluster} read it from its table. */
        Job(JobId id, JobConfig config, Instant nextRun, Run lastRun) {
            this.id = id;
            this.config = config;
            this.nextRun = nextRun;
            this.lastRun = lastRun;
        }

        /** Moves the next run from {@code due} to {@code next} if it is still {@code due}. */
        synchronized boolean moveNextRun(Instant due, Instant next) {
            if (!Objects.equals(nextRun, due)) {
                return false;
            }
            nextRun = next;
            return true;
        }

        void ranLocally(Run run) {
            lastRun = run;
        }

        public JobId id() {
            return id;
        }

        public JobConfig config() {
            return config;
        }

        /** When the job runs next; null when it ran its one run. */
        public Instant nextRun() {
            return nextRun;
        }

        /** The last run on any node; null before the first. */
        public Run lastRun() {
            return lastRun;
        }
    }

    private final RefCluster cluster;
    private final ClusterLockService locks;
    private final Clock clock;
    private final Duration tick;
    private final Map<JobRunnerKey, JobRunner> runners = new ConcurrentHashMap<>();
    private final Map<JobId, Job> localJobs = new ConcurrentHashMap<>();
    private final Map<JobId, java.util.concurrent.locks.ReentrantLock> localLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pool;
    private volatile boolean closed;

    /**
     * A scheduler for one node of {@code cluster}; it runs nothing by itself until {@link #start()}.
     *
     * @param tick how often the node looks for due jobs
     */
    public RefSchedulerService(RefCluster cluster, ClusterLockService locks, Clock clock, Duration tick) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tick = tick;
        int node = NODES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "refhost-scheduler-" + node + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts looking for due jobs every tick; due jobs run on the pool. */
    public RefSchedulerService start() {
        pool.scheduleWithFixedDelay(this::submitDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    // ----- SchedulerService -----

    @Override
    public void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner) {
        runners.put(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"), Objects.requireNonNull(jobRunner, "jobRunner"));
    }

    @Override
    public void unregisterJobRunner(JobRunnerKey jobRunnerKey) {
        runners.remove(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"));
    }

    @Override
    public void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobConfig, "jobConfig");
        if (jobConfig.getSchedule().getType() != Schedule.Type.INTERVAL) {
            throw new SchedulerServiceException("The reference host's scheduler runs interval schedules only, not " + jobConfig.getSchedule());
        }
        Date first = jobConfig.getSchedule().getIntervalScheduleInfo().getFirstRunTime();
        Job job = new Job(jobId, jobConfig, first == null ? clock.instant() : first.toInstant());
        // scheduling again under the same id replaces the job, on every node for a cluster job
        if (jobConfig.getRunMode() == RunMode.RUN_ONCE_PER_CLUSTER) {
            cluster.putClusterJob(job);
            localJobs.remove(jobId);
        } else {
            localJobs.put(jobId, job);
            cluster.removeClusterJob(jobId);
        }
    }

    @Override
    public void unscheduleJob(JobId jobId) {
        cluster.removeClusterJob(jobId);
        localJobs.remove(jobId);
    }

    // ----- what the host and tests see -----

    /** The jobs this node knows (the cluster's and its own), by id. */
    public List<Job> jobs() {
        List<Job> all = new ArrayList<>(cluster.clusterJobs());
        all.addAll(localJobs.values());
        all.sort(Comparator.comparing(j -> j.id().toString()));
        return all;
    }

    public Optional<Job> job(JobId jobId) {
        return cluster.clusterJob(jobId).or(() -> Optional.ofNullable(localJobs.get(jobId)));
    }

    /** Whether this node has a runner for the job's key. */
    public boolean runnable(Job job) {
        return runners.containsKey(job.config().getJobRunnerKey());
    }

    /**
     * Runs the job now on the calling thread and returns how it went; its schedule is left as it is. For a
     * once-per-cluster job this waits for the job's cluster lock, so a run already under way on another node or thread
     * finishes first. Empty when there is no such job.
     */
    public Optional<Run> runNow(JobId jobId) {
        Optional<Job> job = job(jobId);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        java.util.concurrent.locks.Lock lock = lockOf(job.get());
        lock.lock();
        try {
            return Optional.of(launch(job.get(), null));
        } finally {
            lock.unlock();
        }
    }

    /** Runs every job that is due now and has a runner on this node, on the calling thread; what ran, in id order. */
    public List<Run> runDueNow() {
        List<Run> runs = new ArrayList<>();
        for (Job job : jobs()) {
            runIfDue(job).ifPresent(runs::add);
        }
        return runs;
    }

    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("A scheduled job was still running when the node stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----- running -----

    private void submitDue() {
        Instant now = clock.instant();
        for (Job job : jobs()) {
            Instant next = job.nextRun();
            if (next != null && !next.isAfter(now) && runnable(job) && !closed) {
                pool.execute(() -> runIfDue(job));
            }
        }
    }

    /**
     * Runs the job if it is due and this node has its runner, under its lock, taken without waiting: another node or
     * thread running it now means it is not this one's to run. The next run time is read again and moved on under the
     * lock, before the runner is called.
     */
    private Optional<Run> runIfDue(Job job) {
        if (!runnable(job)) {
            return Optional.empty();
        }
        java.util.concurrent.locks.Lock lock = lockOf(job);
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            Job current = job(job.id()).orElse(null);
            Instant now = clock.instant();
            if (current == null || !current.config.equals(job.config)) {
                return Optional.empty(); // unscheduled or replaced meanwhile
            }
            Instant due = current.nextRun;
            if (due == null || due.isAfter(now)) {
                return Optional.empty(); // already run by another node meanwhile
            }
            IntervalScheduleInfo interval = current.config.getSchedule().getIntervalScheduleInfo();
            Instant next = interval.getIntervalInMillis() == 0 ? null : now.plusMillis(interval.getIntervalInMillis());
            boolean claimed = current.config.getRunMode() == RunMode.RUN_ONCE_PER_CLUSTER
                    ? cluster.claim(current, due, next) : current.moveNextRun(due, next);
            if (!claimed) {
                return Optional.empty(); // another node claimed this run first
            }
            return Optional.of(launch(current, due));
        } finally {
            lock.unlock();
        }
    }

    /** Runs the job; {@code scheduledFor} is the run time it was due at, null for a run by hand. */
    private Run launch(Job job, Instant scheduledFor) {
        Instant start = clock.instant();
        JobRunner runner = runners.get(job.config.getJobRunnerKey());
        Run run;
        if (runner == null) {
            run = new Run(job.id, start, RunOutcome.UNAVAILABLE, "No job runner is registered for " + job.config.getJobRunnerKey()
                    + " on this node");
        } else {
            JobRunnerResponse response;
            try {
                response = runner.runJob(new Request(Date.from(start), job.id, job.config, closed));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Job " + job.id + " failed", e);
                response = JobRunnerResponse.failed(e);
            }
            run = response == null ? new Run(job.id, start, RunOutcome.SUCCESS, null)
                    : new Run(job.id, start, response.getRunOutcome(), response.getMessage());
        }
        if (job.config.getRunMode() == RunMode.RUN_ONCE_PER_CLUSTER) {
            cluster.ran(job, scheduledFor, run);
        } else {
            job.lastRun = run;
        }
        return run;
    }

    private java.util.concurrent.locks.Lock lockOf(Job job) {
        if (job.config.getRunMode() == RunMode.RUN_ONCE_PER_CLUSTER) {
            ClusterLock lock = locks.getLockForName(LOCK_PREFIX + job.id);
            return lock;
        }
        return localLocks.computeIfAbsent(job.id, id -> new java.util.concurrent.locks.ReentrantLock());
    }

    /** What the scheduler tells a runner about the run. */
    private record Request(Date startTime, JobId jobId, JobConfig jobConfig, boolean cancellationRequested)
            implements JobRunnerRequest {

        @Override
        public Date getStartTime() {
            return new Date(startTime.getTime());
        }

        @Override
        public JobId getJobId() {
            return jobId;
        }

        @Override
        public JobConfig getJobConfig() {
            return jobConfig;
        }

        @Override
        public boolean isCancellationRequested() {
            return cancellationRequested;
        }
    }
}
