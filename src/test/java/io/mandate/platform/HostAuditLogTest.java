package io.mandate.platform;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** An {@link AuditLog.Entry} becomes one advanced-auditing event; a failing audit service never reaches the caller. */
public class HostAuditLogTest {

    private final AuditService auditService = mock(AuditService.class);
    private final HostAuditLog log = new HostAuditLog(auditService);

    private AuditEvent written() {
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(auditService, times(1)).audit(event.capture());
        return event.getValue();
    }

    @Test
    public void anEntryBecomesOneEventWithItsObjectAndChangedValues() {
        log.record(new AuditLog.Entry("mandate.audit.decision.approver", "decision", "10014", "DEMO-15",
                List.of(new AuditLog.Change("approver", "carol", "bob"), new AuditLog.Change("status", null, "OPEN"))));

        AuditEvent event = written();
        assertEquals("mandate.audit.category", event.getCategoryI18nKey());
        assertEquals("mandate.audit.decision.approver", event.getActionI18nKey());
        assertEquals(CoverageArea.PERMISSIONS, event.getArea());
        assertEquals(CoverageLevel.BASE, event.getLevel());

        assertEquals(1, event.getAffectedObjects().size());
        AuditResource object = event.getAffectedObjects().get(0);
        assertEquals("DEMO-15", object.getName());
        assertEquals("decision", object.getType());
        assertEquals("10014", object.getId());

        List<ChangedValue> changes = event.getChangedValues();
        assertEquals(2, changes.size());
        assertEquals("mandate.audit.field.approver", changes.get(0).getI18nKey());
        assertEquals("carol", changes.get(0).getFrom());
        assertEquals("bob", changes.get(0).getTo());
        assertEquals("mandate.audit.field.status", changes.get(1).getI18nKey());
        assertNull("no value before", changes.get(1).getFrom());
        assertEquals("OPEN", changes.get(1).getTo());
    }

    @Test
    public void anEntryWithoutChangesHasNoChangedValues() {
        log.record(new AuditLog.Entry("mandate.audit.matrix.imported", "matrix", "matrix", "Authority matrix", List.of()));
        AuditEvent event = written();
        assertEquals("mandate.audit.matrix.imported", event.getActionI18nKey());
        assertEquals(List.of(), event.getChangedValues());
        assertEquals("Authority matrix", event.getAffectedObjects().get(0).getName());
    }

    @Test
    public void anObjectWithoutANameIsNamedByItsId() {
        log.record(new AuditLog.Entry("mandate.audit.grant.removed", "grant", "42", null, List.of()));
        AuditResource object = written().getAffectedObjects().get(0);
        assertEquals("the audit API refuses a resource without a name", "42", object.getName());
        assertEquals("42", object.getId());
    }

    @Test
    public void aFailingAuditServiceIsLoggedNotThrown() {
        doThrow(new IllegalStateException("database down")).when(auditService).audit(any());
        log.record(new AuditLog.Entry("mandate.audit.decision.status", "decision", "1", "DEMO-1",
                List.of(new AuditLog.Change("status", "OPEN", "DECIDED"))));
        verify(auditService).audit(any());
    }
}
