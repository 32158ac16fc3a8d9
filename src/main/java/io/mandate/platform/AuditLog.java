package io.mandate.platform;

import java.util.List;
import java.util.Objects;

/**
 * The product's own audit log (Platform 7 advanced auditing), where Data Center admins look for
 * permission-like changes. Mandate writes there what changes who holds authority: every matrix
 * change, and a decision's change of approver or status. Mandate's own audit tables stay the full
 * record; this is the copy an admin finds beside Jira's permission-scheme changes.
 *
 * <p>Writing must never fail the change it records: implementations log and swallow host failures.
 * Record only after the change has committed (an event subscriber is the usual place), so the log never
 * shows a change that was rolled back.
 *
 * <p>Texts: {@code summaryKey} and each change's field name {@code f} are shown through the plugin's i18n
 * bundles — the summary key itself, and the field as {@code mandate.audit.field.f} — so both must exist in
 * {@code i18n/mandate.properties} and {@code mandate_de.properties}. Values ({@code from}/{@code to}) are
 * stored as given: user names (not keys) and enum names, as Jira's own audit log shows them.
 */
public interface AuditLog {

    /** Records one committed change. */
    void record(Entry entry);

    /**
     * One change as the host's audit log shows it.
     *
     * @param summaryKey  i18n key of the action, e.g. {@code mandate.audit.grant.added}
     * @param objectType  what was changed: {@code domain}, {@code grant}, {@code absence}, {@code decision}
     * @param objectId    its stable id (domain key, grant id, issue id)
     * @param objectName  what an admin reads (domain name, "ARCH / alice", issue key)
     * @param changes     field by field, before and after (null = none)
     */
    record Entry(String summaryKey, String objectType, String objectId, String objectName, List<Change> changes) {
        public Entry {
            Objects.requireNonNull(summaryKey, "summaryKey");
            Objects.requireNonNull(objectType, "objectType");
            changes = List.copyOf(changes);
        }
    }

    /** One field's change; {@code from}/{@code to} are null when the field had or has no value. */
    record Change(String field, String from, String to) {
        public Change {
            Objects.requireNonNull(field, "field");
        }
    }
}
