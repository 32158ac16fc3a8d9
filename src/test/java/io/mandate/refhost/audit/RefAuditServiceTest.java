package io.mandate.refhost.audit;

import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.AuditType;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import io.mandate.refhost.db.Database;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The reference host's audit log on HSQLDB and PostgreSQL: every part of an event is kept, with the author and
 * time the host adds; newest first; two nodes over one database read the same log.
 */
@RunWith(Parameterized.class)
public class RefAuditServiceTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private Database database;

    public RefAuditServiceTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void open() {
        database = TestDatabases.fresh(kind);
    }

    @After
    public void close() {
        database.close();
    }

    private static AuditEvent event(String action, String objectName, ChangedValue... changes) {
        AuditEvent.Builder b = AuditEvent.builder(AuditType.fromI18nKeys(CoverageArea.PERMISSIONS, CoverageLevel.BASE,
                        "mandate.audit.category", action).build())
                .affectedObject(AuditResource.builder(objectName, "decision").id("10014").build());
        for (ChangedValue c : changes) {
            b.changedValue(c);
        }
        return b.build();
    }

    @Test
    public void keepsEveryPartOfAnEventWithAuthorAndTime() {
        Instant at = Instant.parse("2026-11-20T10:00:00.123Z");
        RefAuditService audit = RefAuditService.open(database.dataSource(), () -> "alice", Clock.fixed(at, ZoneOffset.UTC));
        audit.audit(event("mandate.audit.decision.approver", "DEMO-15 <b>ü</b>",
                ChangedValue.fromI18nKeys("mandate.audit.field.approver").from("carol").to("bob").build(),
                ChangedValue.fromI18nKeys("mandate.audit.field.status").to("OPEN").build()));

        RefAuditService.Event e = audit.newestFirst(10).get(0);
        assertEquals(at, e.time());
        assertEquals("alice", e.author());
        assertEquals("PERMISSIONS", e.area());
        assertEquals("BASE", e.level());
        assertEquals("mandate.audit.category", e.categoryKey());
        assertEquals("mandate.audit.decision.approver", e.actionKey());
        assertEquals(List.of(new RefAuditService.Resource("decision", "10014", "DEMO-15 <b>ü</b>")), e.affectedObjects());
        assertEquals(List.of(new RefAuditService.Change("mandate.audit.field.approver", "carol", "bob"),
                new RefAuditService.Change("mandate.audit.field.status", null, "OPEN")), e.changedValues());
    }

    @Test
    public void outsideARequestTheAuthorIsTheSystem() {
        RefAuditService audit = RefAuditService.open(database.dataSource(), () -> null);
        audit.audit(event("mandate.audit.matrix.imported", "matrix"));
        RefAuditService.Event e = audit.newestFirst(1).get(0);
        assertEquals(RefAuditService.SYSTEM_AUTHOR, e.author());
        assertTrue(e.changedValues().isEmpty());
    }

    @Test
    public void listsNewestFirstUpToTheLimitAndEveryNodeSeesTheSameLog() {
        RefAuditService nodeA = RefAuditService.open(database.dataSource(), () -> "alice");
        RefAuditService nodeB = RefAuditService.open(database.dataSource(), () -> "bob");
        nodeA.audit(event("a1", "X"));
        nodeB.audit(event("b1", "Y", ChangedValue.fromI18nKeys("f").from("1").to("2").build()));
        nodeA.audit(event("a2", "Z"));

        assertEquals(List.of("a2", "b1"), nodeB.newestFirst(2).stream().map(RefAuditService.Event::actionKey).toList());
        List<RefAuditService.Event> all = nodeA.newestFirst(10);
        assertEquals(List.of("a2", "b1", "a1"), all.stream().map(RefAuditService.Event::actionKey).toList());
        assertEquals("bob", all.get(1).author());
        assertEquals(List.of(new RefAuditService.Change("f", "1", "2")), all.get(1).changedValues());
        assertTrue("changes stay with their event", all.get(0).changedValues().isEmpty());
        assertTrue(nodeA.newestFirst(0).isEmpty());
    }
}
