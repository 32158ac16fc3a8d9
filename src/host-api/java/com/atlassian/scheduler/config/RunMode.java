// Checked against https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/package-summary.html
// ("RunMode: Represents how a Job will be run by the scheduler") and the decompiled Caesium scheduler in the search
// tool's code corpus, whose scheduleJob switches over exactly RUN_LOCALLY and RUN_ONCE_PER_CLUSTER. RUN_ONCE_PER_CLUSTER:
// one node runs each trigger and the schedule persists across restarts (the runner must still be registered on each
// start); RUN_LOCALLY: this node only, not persisted.
package com.atlassian.scheduler.config;

/** Whether a job runs once per cluster or on every node. */
public enum RunMode {
    RUN_ONCE_PER_CLUSTER,
    RUN_LOCALLY
}
