package io.mandate.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Background work on a schedule, once per cluster (Data Center): each time a job is due one node runs it, and the work
 * runs under a cluster lock of the job's name as well, so a second node's run, or a run that overlaps the one before,
 * finds the lock taken and does nothing. The host keeps the schedule; whatever the work must not lose (what is still to
 * do) it keeps in the database, so a restart loses nothing.
 */
public interface ScheduledJobs {

    /**
     * Registers the job's work and schedules it: first at {@code firstRun} (null: as soon as the host can), then every
     * {@code interval}. Scheduling a job again (the next plugin start, another node) replaces its schedule. The work
     * returns one line about what it did, for the host's record of the run; a failure is logged and the next run
     * comes as scheduled.
     */
    void schedule(String name, Duration interval, Instant firstRun, Supplier<String> work);

    /** Withdraws the job's work when the plugin stops on this node; the cluster's schedule stays with the host. */
    void unregister(String name);
}
