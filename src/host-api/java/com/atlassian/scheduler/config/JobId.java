// Checked against a decompiled atlassian-scheduler-api source in the search tool's code corpus (@PublicApi @Immutable
// public final class JobId implements Serializable, Comparable<JobId>: static of(String); equality by the id;
// toString() is the id) and the 1.6.0 javadoc package summary
// (https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/package-summary.html).
// A trivial faithful value class.
package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Objects;

/** The id of one scheduled job; scheduling a job again under the same id replaces it. */
public final class JobId implements Serializable, Comparable<JobId> {
    private static final long serialVersionUID = 1L;

    private final String id;

    private JobId(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public static JobId of(String id) {
        return new JobId(id);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o != null && o.getClass() == getClass() && ((JobId) o).id.equals(id));
    }

    @Override
    public int compareTo(JobId o) {
        return id.compareTo(o.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
