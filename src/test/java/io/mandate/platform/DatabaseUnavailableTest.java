package io.mandate.platform;

import io.mandate.decision.AuditEntity;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.DecisionStatus;
import io.mandate.decision.DecisionStore;
import io.mandate.decision.MailClaimEntity;
import io.mandate.decision.MailEntity;
import io.mandate.decision.NoticeEntity;
import io.mandate.decision.NotificationEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.ApiExceptionMapper;
import io.mandate.platform.rest.ErrorBody;
import io.mandate.refhost.sal.RefI18nResolver;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import javax.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * A database that does not answer, at the door every store goes through ({@link Entities}, and SAL's JDBC access in
 * {@link HostSqlAggregates}), on HSQLDB and PostgreSQL: the pool gives no connection (the reference host's fault
 * switch fails them as Hikari does with the database gone). Every read and write comes out as
 * {@link ApiException#unavailable} — the REST layer's 503 in the error shape, with the cause kept for the log — and
 * works again as soon as connections come back. A statement the database refuses is not dressed up as unavailability.
 */
@RunWith(Parameterized.class)
public class DatabaseUnavailableTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final String kind;
    private AoTestSupport ao;
    private DecisionStore store;

    public DatabaseUnavailableTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class);
        store = new DecisionStore(ao.entities(), ao.aggregates());
    }

    @After
    public void tearDown() {
        ao.database().cutPluginConnections(false);
        ao.close();
    }

    private static Decision decision(DecisionStatus status) {
        return new Decision(1, 10_000L, "DEMO-1", "DEMO", status, null, null, List.of(), List.of(), null, null, null, null,
                T0, T0, 1);
    }

    private static ApiException unavailable(ThrowingRunnable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(503, e.status());
        assertTrue("the pool's failure is kept for the log", Entities.isUnavailable(e.getCause()));
        return e;
    }

    @Test
    public void everyReadAndWriteIsUnavailableUntilConnectionsComeBack() {
        store.save(decision(DecisionStatus.OPEN), null, List.of());
        ao.database().cutPluginConnections(true);

        unavailable(() -> store.find(1));
        unavailable(() -> store.save(decision(DecisionStatus.IN_PROGRESS), 1, List.of()));
        unavailable(() -> store.countByStatus());
        unavailable(() -> store.forEachInScope(java.util.Set.of(10_000L), null, null, null, d -> { }));
        unavailable(() -> ao.entities().count(DecisionEntity.class, Query.select()));

        ao.database().cutPluginConnections(false);
        assertEquals("nothing was written meanwhile", DecisionStatus.OPEN, store.find(1).orElseThrow().status());
        assertEquals(2, store.save(decision(DecisionStatus.IN_PROGRESS), 1, List.of()).version());
    }

    @Test
    public void theRestAnswerIsA503InTheErrorShapeThatSaysToTryAgain() {
        ao.database().cutPluginConnections(true);
        ApiException e = unavailable(() -> store.find(1));
        Response response = new ApiExceptionMapper(new RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader()))
                .toResponse(e);
        assertEquals(503, response.getStatus());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals("Mandate could not read or save its data just now: the database did not answer. Try again in a moment.",
                body.message());
        assertEquals(Map.of(), body.errors());
        assertFalse("nothing of the cause reaches the caller", body.message().contains("Connection"));
    }

    @Test
    public void aStatementTheDatabaseRefusesIsNotCalledUnavailable() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ao.entities().find(DecisionEntity.class, Query.select().where("NO_SUCH_COLUMN = ?", 1)));
        assertFalse(e.toString(), ApiException.isUnavailable(e));
        assertFalse(e.toString(), Entities.isUnavailable(e));
    }
}
