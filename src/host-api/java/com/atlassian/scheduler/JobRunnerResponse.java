// Checked against a decompiled atlassian-scheduler-api source in the search tool's code corpus (@PublicApi @Immutable
// public final class JobRunnerResponse: static success(), success(String), aborted(String), failed(String),
// failed(Throwable); getRunOutcome(), getMessage(); a private constructor; aborted/failed(String) require a message
// that is not blank; failed(Throwable) makes a message of at most 255 characters from the exception and its causes)
// and https://docs.atlassian.com/atlassian-scheduler/2.0.0/apidocs/com/atlassian/scheduler/JobRunner.html (which
// names JobRunnerResponse.success() and failed(String)). A trivial faithful value class.
package com.atlassian.scheduler;

import com.atlassian.scheduler.status.RunOutcome;

import java.util.Objects;

/** How a run of a job went, as the job runner reports it. */
public final class JobRunnerResponse {
    private final RunOutcome runOutcome;
    private final String message;

    private JobRunnerResponse(RunOutcome runOutcome, String message) {
        this.runOutcome = runOutcome;
        this.message = message;
    }

    public static JobRunnerResponse success() {
        return success(null);
    }

    public static JobRunnerResponse success(String message) {
        return new JobRunnerResponse(RunOutcome.SUCCESS, message);
    }

    public static JobRunnerResponse aborted(String message) {
        return new JobRunnerResponse(RunOutcome.ABORTED, required(message));
    }

    public static JobRunnerResponse failed(String message) {
        return new JobRunnerResponse(RunOutcome.FAILED, required(message));
    }

    public static JobRunnerResponse failed(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < 255; t = t.getCause()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return new JobRunnerResponse(RunOutcome.FAILED, text.length() > 255 ? text.substring(0, 255) : text.toString());
    }

    public RunOutcome getRunOutcome() {
        return runOutcome;
    }

    public String getMessage() {
        return message;
    }

    private static String required(String message) {
        if (message == null || message.trim().isEmpty()) {
            throw new IllegalArgumentException("The message must be specified when reporting a job as aborted or failed!");
        }
        return message;
    }

    @Override
    public String toString() {
        return "JobRunnerResponse[runOutcome=" + runOutcome + ",message='" + message + "']";
    }
}
