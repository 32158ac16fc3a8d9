package io.mandate.platform;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.AuditType;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import javax.inject.Named;

/**
 * {@link AuditLog} over Platform 7's advanced auditing ({@code AuditService}), in Jira and Confluence.
 *
 * <p>Every entry is one event in the area {@link CoverageArea#PERMISSIONS} at level {@link CoverageLevel#BASE}:
 * what Mandate records changes who holds authority (the matrix, a decision's approver) or what was decided by it,
 * which admins look for beside the product's permission changes, and BASE is kept whatever level an admin
 * chose for the area (short of "off"). Category is {@value #CATEGORY_KEY}, action the entry's summary key,
 * the affected object the entry's object, and each {@link AuditLog.Change} a changed value whose field is the
 * i18n key {@value #FIELD_KEY_PREFIX}{@code <field>} (the product translates keys when it shows the log).
 * The product adds author, time, node and source itself.
 *
 * <p>Writing never fails the change it records: a host failure is logged as a warning and swallowed.
 */
@Named
public class HostAuditLog implements AuditLog {

    static final String CATEGORY_KEY = "mandate.audit.category";
    static final String FIELD_KEY_PREFIX = "mandate.audit.field.";

    private static final Logger LOG = LoggerFactory.getLogger(HostAuditLog.class);

    private final AuditService auditService;

    @Inject
    public HostAuditLog(@ComponentImport AuditService auditService) {
        this.auditService = auditService;
    }

    @Override
    public void record(Entry entry) {
        try {
            auditService.audit(toEvent(entry));
        } catch (RuntimeException e) {
            LOG.warn("Could not write {} of {} {} to the product's audit log", entry.summaryKey(), entry.objectType(),
                    entry.objectId(), e);
        }
    }

    static AuditEvent toEvent(Entry entry) {
        AuditType type = AuditType.fromI18nKeys(CoverageArea.PERMISSIONS, CoverageLevel.BASE, CATEGORY_KEY,
                entry.summaryKey()).build();
        String name = entry.objectName() != null ? entry.objectName()
                : entry.objectId() != null ? entry.objectId() : entry.objectType();
        AuditEvent.Builder event = AuditEvent.builder(type)
                .affectedObject(AuditResource.builder(name, entry.objectType()).id(entry.objectId()).build());
        for (Change change : entry.changes()) {
            event.changedValue(ChangedValue.fromI18nKeys(FIELD_KEY_PREFIX + change.field())
                    .from(change.from()).to(change.to()).build());
        }
        return event.build();
    }
}
