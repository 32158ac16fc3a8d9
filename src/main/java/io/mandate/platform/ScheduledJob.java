package io.mandate.platform;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.time.Duration;
import java.time.Instant;

/**
 * Base of the plugin's background jobs: schedules the job with the host ({@link ScheduledJobs}: once per cluster, under
 * the job's cluster lock) when the plugin starts and withdraws its work when the plugin stops, the way
 * {@link EventSubscriber} registers listeners. Subclasses say what one run does; a run keeps what it has not done yet
 * in the database, never in fields.
 */
public abstract class ScheduledJob implements InitializingBean, DisposableBean {

    private final ScheduledJobs jobs;
    private final String name;
    private final Duration interval;

    protected ScheduledJob(ScheduledJobs jobs, String name, Duration interval) {
        this.jobs = jobs;
        this.name = name;
        this.interval = interval;
    }

    @Override
    public final void afterPropertiesSet() {
        jobs.schedule(name, interval, firstRun(), this::run);
    }

    @Override
    public final void destroy() {
        jobs.unregister(name);
    }

    /** The job's name: its job id, runner key and cluster lock, under the plugin's namespace. */
    public final String name() {
        return name;
    }

    /** When the job first runs after a start; null (the default): as soon as the host can. */
    protected Instant firstRun() {
        return null;
    }

    /** One run; returns a line about what it did. A failure is logged by the host adapter and the next run comes as scheduled. */
    public abstract String run();
}
