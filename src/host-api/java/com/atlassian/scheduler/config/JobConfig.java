// Checked against https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/JobConfig.html
// (@Immutable @PublicApi public final class JobConfig: static forJobRunnerKey(JobRunnerKey); getJobRunnerKey(),
// getRunMode(), getSchedule(), getParameters(); withRunMode(RunMode), withSchedule(Schedule), withParameters(Map) each
// return a changed copy) and a decompiled later atlassian-scheduler-api source in the search tool's code corpus (the
// defaults of forJobRunnerKey: RunMode.RUN_ONCE_PER_CLUSTER, Schedule.runOnce(null), no parameters; a null run mode or
// schedule means the default). getParameters/withParameters are not declared: the plugin's jobs take no parameters.
// A trivial faithful value class.
package com.atlassian.scheduler.config;

import java.util.Objects;

/** What a scheduled job is: whose runner runs it, once per cluster or on each node, and when. */
public final class JobConfig {
    private final JobRunnerKey jobRunnerKey;
    private final RunMode runMode;
    private final Schedule schedule;

    private JobConfig(JobRunnerKey jobRunnerKey, RunMode runMode, Schedule schedule) {
        this.jobRunnerKey = jobRunnerKey;
        this.runMode = runMode != null ? runMode : RunMode.RUN_ONCE_PER_CLUSTER;
        this.schedule = schedule != null ? schedule : Schedule.runOnce(null);
    }

    public static JobConfig forJobRunnerKey(JobRunnerKey jobRunnerKey) {
        return new JobConfig(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"), RunMode.RUN_ONCE_PER_CLUSTER,
                Schedule.runOnce(null));
    }

    public JobRunnerKey getJobRunnerKey() {
        return jobRunnerKey;
    }

    public RunMode getRunMode() {
        return runMode;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public JobConfig withRunMode(RunMode runMode) {
        return new JobConfig(jobRunnerKey, runMode, schedule);
    }

    public JobConfig withSchedule(Schedule schedule) {
        return new JobConfig(jobRunnerKey, runMode, schedule);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof JobConfig other && jobRunnerKey.equals(other.jobRunnerKey)
                && runMode == other.runMode && schedule.equals(other.schedule));
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobRunnerKey, runMode, schedule);
    }

    @Override
    public String toString() {
        return "JobConfig[jobRunnerKey=" + jobRunnerKey + ",runMode=" + runMode + ",schedule=" + schedule + ']';
    }
}
