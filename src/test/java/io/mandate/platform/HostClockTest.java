package io.mandate.platform;

import com.atlassian.sal.api.timezone.TimeZoneManager;
import org.junit.Test;

import java.time.ZoneId;
import java.util.TimeZone;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** "Today" is the product's default time zone's today, whatever the JVM's zone is. */
public class HostClockTest {

    @Test
    public void theClockRunsInTheProductsDefaultTimeZone() {
        HostComponents host = mock(HostComponents.class);
        TimeZoneManager zones = mock(TimeZoneManager.class);
        when(host.timeZones()).thenReturn(zones);
        when(zones.getDefaultTimeZone()).thenReturn(TimeZone.getTimeZone("Pacific/Kiritimati"));
        assertEquals(ZoneId.of("Pacific/Kiritimati"), new HostClock(host).clock().getZone());

        when(zones.getDefaultTimeZone()).thenReturn(TimeZone.getTimeZone("America/Adak"));
        assertEquals("an administrator's change applies without a restart", ZoneId.of("America/Adak"),
                new HostClock(host).clock().getZone());
    }
}
