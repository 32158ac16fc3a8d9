// Checked against https://docs.atlassian.com/atlassian-scheduler/2.0.0/apidocs/com/atlassian/scheduler/JobRunner.html
// ("@PublicSpi public interface JobRunner", one method: @Nullable JobRunnerResponse runJob(JobRunnerRequest request);
// a null response counts as JobRunnerResponse.success(); "Plugins should register the JobRunner implementation at
// startup/plugin enabled, and unregister the JobRunner when the plugin is disabled") and a decompiled later
// atlassian-scheduler-api source in the search tool's code corpus (the same single abstract member). The plugin
// implements it, so this is exactly the real abstract member.
package com.atlassian.scheduler;

/** The work of a scheduled job, called by the scheduler each time one of the runner's jobs is due. */
public interface JobRunner {

    JobRunnerResponse runJob(JobRunnerRequest request);
}
