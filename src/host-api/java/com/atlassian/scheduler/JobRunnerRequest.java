// Checked against a decompiled atlassian-scheduler-api source in the search tool's code corpus: @PublicApi interface
// JobRunnerRequest { @Nonnull Date getStartTime(); @Nonnull JobId getJobId(); @Nonnull JobConfig getJobConfig();
// boolean isCancellationRequested(); } and the 1.6.0 javadoc package listing
// (https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/). The scheduler
// implements it (the reference host: RefSchedulerService), so all four members are declared.
package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;

import java.util.Date;

/** What the scheduler tells a job runner about the run it asks for. */
public interface JobRunnerRequest {

    Date getStartTime();

    JobId getJobId();

    JobConfig getJobConfig();

    boolean isCancellationRequested();
}
