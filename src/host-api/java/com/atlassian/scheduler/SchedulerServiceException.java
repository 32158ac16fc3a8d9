// Checked against https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/class-use/SchedulerServiceException.html
// (thrown by SchedulerService.scheduleJob) and a decompiled later atlassian-scheduler-api source in the search tool's
// code corpus: @PublicApi class SchedulerServiceException extends Exception, constructors (String) and
// (String, Throwable).
package com.atlassian.scheduler;

/** The scheduler refused a request, e.g. a schedule it cannot run. */
public class SchedulerServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SchedulerServiceException(String message) {
        super(message);
    }

    public SchedulerServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
