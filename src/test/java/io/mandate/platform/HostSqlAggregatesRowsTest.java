package io.mandate.platform;

import com.atlassian.sal.api.rdbms.TransactionalExecutor;
import com.atlassian.sal.api.rdbms.TransactionalExecutorFactory;
import io.mandate.decision.ParticipantEntity;
import io.mandate.refhost.platform.RefTransactionalExecutorFactory;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * {@link HostSqlAggregates#forEachRow} on HSQLDB and PostgreSQL: rows streamed through a cursor (a fetch size, on a
 * connection out of auto-commit), quoted validated identifiers and placeholders only in the SQL text.
 */
@RunWith(Parameterized.class)
public class HostSqlAggregatesRowsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private AoTestSupport ao;
    private final List<String> seen = new ArrayList<>();
    private SqlAggregates aggregates;

    public HostSqlAggregatesRowsTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        ao = new AoTestSupport(kind, ParticipantEntity.class);
        TransactionalExecutorFactory real = new RefTransactionalExecutorFactory(ao.database().pluginDataSource(), ao.sql());
        aggregates = new HostSqlAggregates(new TransactionalExecutorFactory() {
            @Override
            public TransactionalExecutor createExecutor() {
                return createExecutor(false, false);
            }

            @Override
            public TransactionalExecutor createExecutor(boolean readOnly, boolean requiresNew) {
                seen.add("executor readOnly=" + readOnly);
                TransactionalExecutor executor = real.createExecutor(readOnly, requiresNew);
                return new TransactionalExecutor() {
                    @Override
                    public <A> A execute(com.atlassian.sal.api.rdbms.ConnectionCallback<A> callback) {
                        return executor.execute(connection -> callback.execute(watched(connection)));
                    }
                };
            }
        });
        for (int i = 1; i <= 25; i++) {
            ao.entities().create(ParticipantEntity.class, Map.of("DECISION_ID", i % 5, "ROLE", i % 2 == 0 ? "CONTRIBUTOR" : "INFORMED",
                    "KIND", "USER", "REF", "k-" + i, "POSITION", i));
        }
    }

    @After
    public void tearDown() {
        ao.close();
    }

    /** Records what a cursor needs: the fetch size set, and auto-commit off when the query runs. */
    private Connection watched(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, args) -> {
            Object result = invoke(m, connection, args);
            if (result instanceof PreparedStatement statement) {
                seen.add("sql " + args[0]);
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class}, (sp, sm, sargs) -> {
                    if (sm.getName().equals("setFetchSize")) {
                        seen.add("fetch " + sargs[0]);
                    }
                    if (sm.getName().equals("executeQuery")) {
                        seen.add("autoCommit " + connection.getAutoCommit());
                    }
                    return invoke(sm, statement, sargs);
                });
            }
            return result;
        });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    public void rowsStreamThroughACursorInOneStatementWithTheValuesOutOfTheSqlText() {
        List<String> rows = new ArrayList<>();
        aggregates.forEachRow(ParticipantEntity.class, List.of("DECISION_ID", "REF", "POSITION"),
                List.of(SqlAggregates.In.equal("ROLE", "CONTRIBUTOR"), new SqlAggregates.In("DECISION_ID", List.of(1, 3), false)),
                List.of("DECISION_ID", "POSITION"),
                r -> rows.add(r.intValue(0) + ":" + r.string(1) + ":" + r.longValue(2)));

        assertEquals(List.of("1:k-6:6", "1:k-16:16", "3:k-8:8", "3:k-18:18"), rows);
        String table = HostSqlAggregates.tableName(ParticipantEntity.class);
        assertEquals(List.of("executor readOnly=true",
                "sql SELECT \"DECISION_ID\", \"REF\", \"POSITION\" FROM \"" + table + "\" WHERE (\"ROLE\" = ?)"
                        + " AND (\"DECISION_ID\" IN (?, ?)) ORDER BY \"DECISION_ID\", \"POSITION\"",
                "fetch " + HostSqlAggregates.FETCH_SIZE, "autoCommit false"), seen);
    }

    @Test
    public void anyInMatchesAValueInAnyOfItsColumnsAndBetweenIncludesBothEnds() {
        List<Integer> positions = new ArrayList<>();
        aggregates.forEachRow(ParticipantEntity.class, List.of("POSITION"),
                List.of(new SqlAggregates.AnyIn(List.of("REF", "ROLE"), List.of("k-7", "k-4", "NOBODY"))), List.of("POSITION"),
                r -> positions.add(r.intValue(0)));
        assertEquals(List.of(4, 7), positions);
        assertTrue(seen.toString(), seen.stream().anyMatch(s -> s.endsWith(
                "WHERE (\"REF\" IN (?, ?, ?) OR \"ROLE\" IN (?, ?, ?)) ORDER BY \"POSITION\"")));
        positions.clear();
        aggregates.forEachRow(ParticipantEntity.class, List.of("POSITION"),
                List.of(SqlAggregates.In.equal("ROLE", "CONTRIBUTOR"), new SqlAggregates.Between("POSITION", 10, 14)),
                List.of("POSITION"), r -> positions.add(r.intValue(0)));
        assertEquals(List.of(10, 12, 14), positions);
        assertTrue(seen.toString(), seen.stream().anyMatch(s -> s.endsWith(
                "WHERE (\"ROLE\" = ?) AND (\"POSITION\" BETWEEN ? AND ?) ORDER BY \"POSITION\"")));
        seen.clear();
        aggregates.forEachRow(ParticipantEntity.class, List.of("ID"), List.of(new SqlAggregates.AnyIn(List.of("REF"), List.of())),
                List.of(), r -> { throw new AssertionError("no row"); });
        assertEquals("no values, no statement", List.of(), seen);
        assertThrows(IllegalArgumentException.class, () -> aggregates.forEachRow(ParticipantEntity.class, List.of("ID"),
                List.of(new SqlAggregates.AnyIn(List.of("REF", "role OR 1=1"), List.of("x"))), List.of(), r -> { }));
    }

    @Test
    public void orNullAddsTheRowsWithoutAValueAndSqlNullReadsAsNull() {
        List<String> rows = new ArrayList<>();
        aggregates.forEachRow(ParticipantEntity.class, List.of("ID", "KIND"),
                List.of(new SqlAggregates.In("KIND", List.of("NOBODY"), true)), List.of("ID"),
                r -> rows.add(r.intValue(0) + ":" + r.string(1)));
        assertEquals("KIND is never null here", List.of(), rows);
        aggregates.forEachRow(ParticipantEntity.class, List.of("ID", "KIND"),
                List.of(new SqlAggregates.In("KIND", List.of("USER"), true)), List.of("ID"), r -> rows.add(r.string(1)));
        assertEquals(25, rows.size());
        assertTrue(seen.stream().anyMatch(s -> s.endsWith("WHERE (\"KIND\" = ? OR \"KIND\" IS NULL) ORDER BY \"ID\"")));
    }

    @Test
    public void noValuesIsNoStatementAndAColumnThatIsNoIdentifierIsRefused() {
        aggregates.forEachRow(ParticipantEntity.class, List.of("ID"), List.of(new SqlAggregates.In("ROLE", List.of(), false)),
                List.of(), r -> { throw new AssertionError("no row"); });
        assertEquals(List.of(), seen);
        assertThrows(IllegalArgumentException.class, () -> aggregates.forEachRow(ParticipantEntity.class,
                List.of("ID\" FROM x; --"), List.of(), List.of(), r -> { }));
        assertThrows(IllegalArgumentException.class, () -> aggregates.forEachRow(ParticipantEntity.class,
                List.of("ID"), List.of(SqlAggregates.In.equal("role", "x")), List.of(), r -> { }));
        assertThrows(IllegalArgumentException.class, () -> aggregates.forEachRow(ParticipantEntity.class,
                List.of("ID"), List.of(), List.of("ID DESC"), r -> { }));
        assertFalse(seen.stream().anyMatch(s -> s.startsWith("sql")));
    }
}
