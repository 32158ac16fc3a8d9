// Checked against a decompiled atlassian-scheduler-api source in the search tool's code corpus: @PublicApi public enum
// RunOutcome { SUCCESS, UNAVAILABLE, ABORTED, FAILED } (package com.atlassian.scheduler.status, the outcome of
// RunDetails and JobRunnerResponse).
package com.atlassian.scheduler.status;

/** How a run of a job ended. */
public enum RunOutcome {
    SUCCESS,
    UNAVAILABLE,
    ABORTED,
    FAILED
}
