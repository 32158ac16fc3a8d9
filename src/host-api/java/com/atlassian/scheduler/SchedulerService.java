// Checked against https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/SchedulerService.html,
// the Bamboo 10.2 javadoc of AtlassianSchedulerServiceImpl (implements com.atlassian.scheduler.SchedulerService:
// registerJobRunner(JobRunnerKey, JobRunner), unregisterJobRunner(JobRunnerKey), scheduleJob(JobId, JobConfig),
// unscheduleJob(JobId)) and a decompiled later atlassian-scheduler-api source in the search tool's code corpus
// (@PublicApi interface; scheduleJob throws the checked SchedulerServiceException, the other three throw nothing
// checked). Only the members the plugin calls are declared; the real interface also has getRegisteredJobRunnerKeys,
// getJobRunnerKeysForAllScheduledJobs, scheduleJobWithGeneratedId, calculateNextRunTime, getJobDetails,
// getJobsByJobRunnerKey(s). Jira 10 and Confluence 9 provide it to plugins as a host component.
package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;

/** The product's scheduler: runs registered job runners by the schedules of their jobs. */
public interface SchedulerService {

    void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner);

    void unregisterJobRunner(JobRunnerKey jobRunnerKey);

    void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException;

    void unscheduleJob(JobId jobId);
}
