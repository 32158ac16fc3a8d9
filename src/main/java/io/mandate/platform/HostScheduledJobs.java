package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import javax.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ScheduledJobs} over the Atlassian scheduler: one job runner and one {@link RunMode#RUN_ONCE_PER_CLUSTER} job per
 * name (keys namespaced with the plugin's), the work under {@link ClusterLocks} of the same name.
 *
 * <p>On stop only the runner is unregistered, as the scheduler's documentation asks of plugins: a cluster job's
 * schedule is the cluster's, and a node that shuts down (which stops its plugins) must not unschedule it for the nodes
 * that stay. While no node has the runner the scheduler skips the job; the next start registers it and schedules the job
 * again under the same id, which replaces the schedule.
 */
@Named
public class HostScheduledJobs implements ScheduledJobs {

    static final String PREFIX = "io.mandate.";
    private static final Logger LOG = LoggerFactory.getLogger(HostScheduledJobs.class);

    private final SchedulerService scheduler;
    private final ClusterLocks locks;

    @Inject
    public HostScheduledJobs(@ComponentImport SchedulerService scheduler, ClusterLocks locks) {
        this.scheduler = scheduler;
        this.locks = locks;
    }

    @Override
    public void schedule(String name, Duration interval, Instant firstRun, Supplier<String> work) {
        JobRunnerKey runner = JobRunnerKey.of(PREFIX + name);
        scheduler.registerJobRunner(runner, request -> run(name, work));
        JobConfig config = JobConfig.forJobRunnerKey(runner)
                .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(interval.toMillis(), firstRun == null ? null : Date.from(firstRun)));
        try {
            scheduler.scheduleJob(JobId.of(PREFIX + name), config);
        } catch (SchedulerServiceException e) {
            // the plugin still starts: what the job would do waits in the database for the next start that schedules it
            LOG.error("The scheduler refused Mandate's job {}; it will not run until the plugin starts again", name, e);
        }
    }

    @Override
    public void unregister(String name) {
        scheduler.unregisterJobRunner(JobRunnerKey.of(PREFIX + name));
    }

    /** One run: the work under the job's cluster lock; a run that finds it taken does nothing (another node has it). */
    JobRunnerResponse run(String name, Supplier<String> work) {
        try {
            Optional<String> done = locks.ifFree("job." + name, work);
            return done.map(JobRunnerResponse::success)
                    .orElseGet(() -> JobRunnerResponse.aborted("Another node or thread is running " + name + " now"));
        } catch (RuntimeException e) {
            LOG.warn("Mandate's job {} failed; it runs again as scheduled", name, e);
            return JobRunnerResponse.failed(e);
        }
    }
}
