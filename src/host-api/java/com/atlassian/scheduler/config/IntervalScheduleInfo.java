// Checked against a decompiled atlassian-scheduler-api source in the search tool's code corpus (@PublicApi @Immutable
// public final class IntervalScheduleInfo: package-private constructor (Date firstRunTime, long intervalInMillis) that
// refuses a negative interval; @Nullable getFirstRunTime() (a copy), getIntervalInMillis()) and the 1.6.0 javadoc
// package summary ("The description of an Schedule.forInterval(long, Date) interval schedule"). A trivial faithful
// value class; the reference host's scheduler reads it.
package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;

/** An interval schedule: when it runs first (null: as soon as possible) and how long between runs (0: once). */
public final class IntervalScheduleInfo {
    private final Date firstRunTime;
    private final long intervalInMillis;

    IntervalScheduleInfo(Date firstRunTime, long intervalInMillis) {
        if (intervalInMillis < 0L) {
            throw new IllegalArgumentException("intervalInMillis must not be negative");
        }
        this.firstRunTime = firstRunTime == null ? null : new Date(firstRunTime.getTime());
        this.intervalInMillis = intervalInMillis;
    }

    public Date getFirstRunTime() {
        return firstRunTime == null ? null : new Date(firstRunTime.getTime());
    }

    public long getIntervalInMillis() {
        return intervalInMillis;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof IntervalScheduleInfo other && intervalInMillis == other.intervalInMillis
                && Objects.equals(firstRunTime, other.firstRunTime));
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstRunTime, intervalInMillis);
    }

    @Override
    public String toString() {
        return "IntervalScheduleInfo[firstRunTime=" + firstRunTime + ",intervalInMillis=" + intervalInMillis + ']';
    }
}
