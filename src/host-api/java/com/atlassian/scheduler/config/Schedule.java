// Checked against https://docs.atlassian.com/atlassian-scheduler-api/1.6.0/atlassian-scheduler-api/apidocs/com/atlassian/scheduler/config/Schedule.html
// ("Instances of this class are not created directly. Use one of the factory methods — such as forInterval(long,
// Date) or forCronExpression(String,TimeZone)"; getType() says which getter holds the information) and a decompiled
// later atlassian-scheduler-api source in the search tool's code corpus (static runOnce(@Nullable Date) =
// forInterval(0L, runTime); static forInterval(long intervalInMillis, @Nullable Date firstRunTime); nested enum Type
// { CRON_EXPRESSION, INTERVAL }). The cron factories and getCronScheduleInfo() are not declared: the plugin schedules
// by interval only. A trivial faithful value class.
package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;

/** When a job runs. */
public final class Schedule {

    /** The kind of schedule. */
    public enum Type {
        CRON_EXPRESSION,
        INTERVAL
    }

    private final Type type;
    private final IntervalScheduleInfo intervalScheduleInfo;

    private Schedule(Type type, IntervalScheduleInfo intervalScheduleInfo) {
        this.type = Objects.requireNonNull(type, "type");
        this.intervalScheduleInfo = intervalScheduleInfo;
    }

    public static Schedule runOnce(Date runTime) {
        return forInterval(0L, runTime);
    }

    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(Type.INTERVAL, new IntervalScheduleInfo(firstRunTime, intervalInMillis));
    }

    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return intervalScheduleInfo;
    }

    public Type getType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Schedule other && type == other.type
                && Objects.equals(intervalScheduleInfo, other.intervalScheduleInfo));
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, intervalScheduleInfo);
    }

    @Override
    public String toString() {
        return "Schedule[type=" + type + ",intervalScheduleInfo=" + intervalScheduleInfo + ']';
    }
}
