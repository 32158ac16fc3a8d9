package io.mandate.platform;

import com.atlassian.sal.api.timezone.TimeZoneManager;
import org.junit.Test;

import java.time.ZoneId;
import java.util.TimeZone;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** "Today" is in the product's default time zone, read on every call. */
public class HostProductClockTest {

    @Test
    public void theZoneIsTheProductsDefaultTimeZone() {
        TimeZoneManager zones = mock(TimeZoneManager.class);
        when(zones.getDefaultTimeZone()).thenReturn(TimeZone.getTimeZone("Pacific/Kiritimati"));
        assertEquals(ZoneId.of("Pacific/Kiritimati"), new HostProductClock(zones).zone());
    }

    @Test
    public void aChangedSettingAppliesAtOnce() {
        TimeZoneManager zones = mock(TimeZoneManager.class);
        when(zones.getDefaultTimeZone()).thenReturn(TimeZone.getTimeZone("UTC"), TimeZone.getTimeZone("Pacific/Pago_Pago"));
        HostProductClock clock = new HostProductClock(zones);
        assertEquals(ZoneId.of("UTC"), clock.zone());
        assertEquals(ZoneId.of("Pacific/Pago_Pago"), clock.zone());
    }

    @Test
    public void todayIsTheDateInTheProductsZoneNotTheJvms() {
        java.time.Instant instant = java.time.Instant.parse("2026-12-01T23:30:00Z");
        ProductClock kiritimati = new io.mandate.testing.FixedClock(instant, ZoneId.of("Pacific/Kiritimati")); // UTC+14
        ProductClock pagoPago = new io.mandate.testing.FixedClock(instant, ZoneId.of("Pacific/Pago_Pago")); // UTC-11
        assertEquals(java.time.LocalDate.of(2026, 12, 2), kiritimati.today());
        assertEquals(java.time.LocalDate.of(2026, 12, 1), pagoPago.today());
    }
}
