package io.mandate.platform;

import javax.inject.Inject;
import javax.inject.Named;
import java.time.Clock;

/**
 * The clock in the product's default time zone (an administrator's setting, the same on every
 * cluster node), not the JVM's: "overdue" is "due before today in the host's time zone", and two
 * nodes in different OS time zones must agree on it.
 */
@Named
public class HostClock {

    private final HostComponents host;

    @Inject
    public HostClock(HostComponents host) {
        this.host = host;
    }

    public Clock clock() {
        return Clock.system(host.timeZones().getDefaultTimeZone().toZoneId());
    }
}
