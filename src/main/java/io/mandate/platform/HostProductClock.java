package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.timezone.TimeZoneManager;

import javax.inject.Inject;
import javax.inject.Named;
import java.time.Instant;
import java.time.ZoneId;

/** {@link ProductClock} over SAL's TimeZoneManager: the zone is read on every call, so a changed setting applies at once. */
@Named
public class HostProductClock implements ProductClock {

    private final TimeZoneManager timeZones;

    @Inject
    public HostProductClock(@ComponentImport TimeZoneManager timeZones) {
        this.timeZones = timeZones;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public ZoneId zone() {
        return timeZones.getDefaultTimeZone().toZoneId();
    }
}
