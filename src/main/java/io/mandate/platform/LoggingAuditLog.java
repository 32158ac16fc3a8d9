package io.mandate.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Named;

/** Provisional {@link AuditLog}: writes to the plugin's log until the host's advanced audit log is wired. */
@Named
public class LoggingAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingAuditLog.class);

    @Override
    public void record(Entry entry) {
        LOG.info("audit {} {} {} {}", entry.summaryKey(), entry.objectType(), entry.objectId(), entry.changes());
    }
}
