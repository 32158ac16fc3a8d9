// Checked against a decompiled atlassian-scheduler-api source in the search tool's code corpus (@PublicApi @Immutable
// public final class JobRunnerKey implements Serializable, Comparable<JobRunnerKey>: static of(String); equality by
// the key; toString() is the key) and the 1.6.0 javadoc package summary
// (https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/package-summary.html).
// A trivial faithful value class.
package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Objects;

/** The key a job runner is registered under and its jobs name. */
public final class JobRunnerKey implements Serializable, Comparable<JobRunnerKey> {
    private static final long serialVersionUID = 1L;

    private final String key;

    private JobRunnerKey(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public static JobRunnerKey of(String key) {
        return new JobRunnerKey(key);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o != null && o.getClass() == getClass() && ((JobRunnerKey) o).key.equals(key));
    }

    @Override
    public int compareTo(JobRunnerKey o) {
        return key.compareTo(o.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
