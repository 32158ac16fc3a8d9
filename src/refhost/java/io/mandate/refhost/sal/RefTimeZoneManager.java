package io.mandate.refhost.sal;

import com.atlassian.sal.api.timezone.TimeZoneManager;
import com.atlassian.sal.api.user.UserKey;

import java.util.TimeZone;

/**
 * The instance's default time zone, as an administrator sets it in Jira: here the system property
 * {@code mandate.timezone} (default: the JVM's), which every node of a cluster is started with.
 * Users have no time zone of their own in the reference host.
 */
public final class RefTimeZoneManager implements TimeZoneManager {

    private final TimeZone zone;

    public RefTimeZoneManager(TimeZone zone) {
        this.zone = zone;
    }

    public static RefTimeZoneManager fromSystemProperty() {
        String id = System.getProperty("mandate.timezone");
        return new RefTimeZoneManager(id == null || id.isBlank() ? TimeZone.getDefault() : TimeZone.getTimeZone(id));
    }

    @Override
    public TimeZone getUserTimeZone() {
        return zone;
    }

    @Override
    public TimeZone getDefaultTimeZone() {
        return zone;
    }

    @Override
    public TimeZone getUserTimeZone(UserKey user) {
        return zone;
    }
}
